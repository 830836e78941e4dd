// Files attached to an entity (`/api/v4/{leads|contacts|companies|customers}/{id}/files`): list
// (`limit`, `before_id`, newest first, 204 when none), attach by `file_uuid` with PUT, detach with
// DELETE (a body of `file_uuid`s, or one in the path). The files live on the drive host; here the
// API checks that each uuid names a live file of the account. One entity per call: no batch read.

import { requireCustomers } from '../customers/gate.js';
import type { FileEntityType } from '../drive/store.js';
import type { RequestContext } from '../http/context.js';
import { selfHref } from '../http/hal.js';
import { HttpProblem, badRequest } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { isRecord, validateAll } from '../writes/issues.js';
import { idParam } from './params.js';

const TYPES: readonly FileEntityType[] = ['leads', 'contacts', 'companies', 'customers'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Files per entity: amoCRM's limit for this list is not documented; the usual page size. */
const MAX_LIMIT = 250;
const MAX_BATCH = 50;

function target(ctx: RequestContext, type: FileEntityType): { key: string; id: number } {
  const id = idParam(ctx);
  if (type === 'customers') {
    requireCustomers(ctx);
    const row = ctx.store.customers.rows.get(id);
    if (!row || row.is_deleted) throw new HttpProblem(404, `No customer ${id}`);
  } else {
    const row = ctx.store.entities(type).get(id);
    if (!row || row.is_deleted) throw new HttpProblem(404, `No ${type.slice(0, -1)} ${id}`);
  }
  return { key: `${type}:${id}`, id };
}

function positive(ctx: RequestContext, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest(`${name} must be a positive integer`);
  return Number(raw);
}

function list(type: FileEntityType) {
  return (ctx: RequestContext): Reply => {
    const { key } = target(ctx, type);
    let limit = positive(ctx, 'limit') ?? 50;
    if (limit > MAX_LIMIT) {
      ctx.notes.push(`limit ${limit} is above ${MAX_LIMIT}; served ${MAX_LIMIT}`);
      limit = MAX_LIMIT;
    }
    const before = positive(ctx, 'before_id');
    const rows = [...(ctx.store.drive.attachments.get(key) ?? [])]
      .filter((row) => before === undefined || row.id < before)
      .sort((a, b) => b.id - a.id)
      .slice(0, limit);
    if (rows.length === 0) return noContent();
    return hal({ _links: { self: { href: selfHref(ctx) } }, _embedded: { files: rows.map((row) => ({ file_uuid: row.file_uuid, id: row.id })) } });
  };
}

function uuidsOf(ctx: RequestContext): string[] {
  if (!Array.isArray(ctx.body) || ctx.body.length === 0) throw badRequest('The body must be a non-empty array of {"file_uuid": "..."}');
  if (ctx.body.length > MAX_BATCH) throw badRequest(`At most ${MAX_BATCH} files per request`);
  return validateAll(
    ctx.body,
    (item, _index, issues) => {
      const uuid = isRecord(item) ? item.file_uuid : undefined;
      if (typeof uuid !== 'string' || !UUID.test(uuid)) {
        issues.add('InvalidType', 'file_uuid', 'file_uuid must be a file uuid');
        return '';
      }
      const file = ctx.store.drive.files.get(uuid);
      if (!file || file.deleted_at !== null) issues.add('NotFound', 'file_uuid', `No file ${uuid} in the account's files`);
      return uuid;
    },
    { byPosition: true },
  );
}

function attach(type: FileEntityType) {
  return (ctx: RequestContext): Reply => {
    const { key } = target(ctx, type);
    const uuids = uuidsOf(ctx);
    const rows = ctx.store.drive.attachments.get(key) ?? [];
    const answered = uuids.map((uuid) => {
      // Attaching a file twice keeps one attachment.
      let row = rows.find((existing) => existing.file_uuid === uuid);
      if (!row) {
        row = { id: ctx.store.drive.nextAttachmentId(), file_uuid: uuid };
        rows.push(row);
      }
      return row;
    });
    ctx.store.drive.attachments.set(key, rows);
    return hal({ _links: { self: { href: selfHref(ctx) } }, _embedded: { files: answered.map((row) => ({ file_uuid: row.file_uuid, id: row.id })) } });
  };
}

function detach(type: FileEntityType) {
  return (ctx: RequestContext): Reply => {
    const { key } = target(ctx, type);
    let uuids: string[];
    if (ctx.params.uuid !== undefined) {
      if (!UUID.test(ctx.params.uuid)) throw badRequest(`"${ctx.params.uuid}" is not a file uuid`);
      uuids = [ctx.params.uuid];
    } else {
      if (!Array.isArray(ctx.body) || ctx.body.length === 0) throw badRequest('The body must be a non-empty array of {"file_uuid": "..."}');
      uuids = ctx.body.map((item, index) => {
        const uuid = isRecord(item) ? item.file_uuid : undefined;
        if (typeof uuid !== 'string' || !UUID.test(uuid)) throw badRequest(`${index}.file_uuid must be a file uuid`);
        return uuid;
      });
    }
    const drop = new Set(uuids);
    const rows = ctx.store.drive.attachments.get(key) ?? [];
    ctx.store.drive.attachments.set(
      key,
      rows.filter((row) => !drop.has(row.file_uuid)),
    );
    // amoCRM answers 202 Accepted with no useful body.
    return { status: 202, body: {}, contentType: 'application/json' };
  };
}

export const entityFileRoutes: Route[] = TYPES.flatMap((type): Route[] => [
  { method: 'GET', path: `/api/v4/${type}/:id/files`, handler: list(type) },
  { method: 'PUT', path: `/api/v4/${type}/:id/files`, handler: attach(type) },
  { method: 'DELETE', path: `/api/v4/${type}/:id/files`, handler: detach(type) },
  { method: 'DELETE', path: `/api/v4/${type}/:id/files/:uuid`, handler: detach(type) },
]);
