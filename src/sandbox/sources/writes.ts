// Reads and writes of `/api/v4/sources`. Every item of a batch is checked before any is written.
// A new source needs `name` and a unique `external_id`; it goes to the main pipeline unless
// `pipeline_id` names another; `origin_code` is at most 20 characters and not only digits or
// quotes; `services` carry only the `whatsapp` type with its pages. An integration keeps at most
// 100 sources (Kommo's reference; an older page says 50).

import type { RequestContext } from '../http/context.js';
import { selfHref } from '../http/hal.js';
import { badRequest } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { readFields, type FieldReader } from '../notes/fields.js';
import type { SourcePageRecord, SourceRecord, SourceServiceRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { isRecord, requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { has, readItem } from '../writes/scalars.js';

export const MAX_SOURCES = 100;
const ORIGIN_CODE_MAX = 20;

export const sourcePath = (id: number) => `/api/v4/sources/${id}`;

export function renderSource(ctx: RequestContext, source: SourceRecord) {
  return { ...source, _links: { self: { href: `${ctx.origin}${sourcePath(source.id)}` } } };
}

function checkOriginCode(read: FieldReader, item: Record<string, unknown>): string | undefined {
  if (!has(item, 'origin_code')) return undefined;
  if (item.origin_code === null) {
    read.fail('NotBlank', 'origin_code', 'origin_code, when given, must not be null.');
    return undefined;
  }
  const code = read.text('origin_code', { required: true });
  if (code === undefined) return undefined;
  if (code.length > ORIGIN_CODE_MAX) read.fail('InvalidType', 'origin_code', `origin_code is at most ${ORIGIN_CODE_MAX} characters.`);
  else if (/^\d+$/.test(code) || /^"*$/.test(code)) read.fail('InvalidType', 'origin_code', 'origin_code must not be only digits or quotes.');
  else return code;
  return undefined;
}

function checkPages(raw: unknown, issues: Issues): SourcePageRecord[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.add('InvalidType', '', 'pages must be an array.');
    return [];
  }
  return raw.flatMap((page, index) => {
    const at = issues.under(index);
    if (!isRecord(page)) {
      at.add('InvalidType', '', 'each page must be an object.');
      return [];
    }
    const read = readFields(page, at);
    const name = read.text('name', { required: true });
    const id = read.text('id', { required: true });
    const link = read.text('link', { required: true });
    return name !== undefined && id !== undefined && link !== undefined ? [{ name, id, link }] : [];
  });
}

function checkServices(item: Record<string, unknown>, issues: Issues): SourceServiceRecord[] | undefined {
  if (!has(item, 'services')) return undefined;
  const raw = item.services;
  if (!Array.isArray(raw)) {
    issues.add('InvalidType', 'services', 'services must be an array.');
    return undefined;
  }
  return raw.flatMap((service, index) => {
    const at = issues.under('services').under(index);
    if (!isRecord(service)) {
      at.add('InvalidType', '', 'each service must be an object.');
      return [];
    }
    const read = readFields(service, at);
    const type = read.text('type', { required: true });
    if (type !== undefined && type !== 'whatsapp') read.fail('NotSupportedChoice', 'type', 'The only service type is whatsapp.');
    const params = read.object('params') ?? {};
    const readParams = readFields(params, at.under('params'));
    const out: SourceServiceRecord['params'] = {};
    const waba = readParams.bool('waba');
    const lists = readParams.bool('is_supports_list_message');
    if (waba !== undefined) out.waba = waba;
    if (lists !== undefined) out.is_supports_list_message = lists;
    const pages = checkPages(service.pages, at.under('pages'));
    return [{ type: 'whatsapp' as const, params: out, pages }];
  });
}

function checkPipeline(read: FieldReader, store: SandboxStore): number | undefined {
  const id = read.int('pipeline_id', { min: 1 });
  if (id === undefined) return undefined;
  if (store.pipelines.has(id)) return id;
  read.fail('NotSupportedChoice', 'pipeline_id', 'No pipeline with this id.');
  return undefined;
}

/** `external_id` is unique among stored sources and within the batch. */
function checkExternalId(read: FieldReader, store: SandboxStore, taken: Map<string, number>, self: number | null): string | undefined {
  const externalId = read.text('external_id', { required: self === null });
  if (externalId === undefined) return undefined;
  const owner = taken.get(externalId) ?? store.sources.values().find((row) => row.external_id === externalId)?.id;
  if (owner !== undefined && owner !== self) {
    read.fail('NotSupportedChoice', 'external_id', 'A source with this external_id already exists.');
    return undefined;
  }
  taken.set(externalId, self ?? -1);
  return externalId;
}

const mainPipeline = (store: SandboxStore) => (store.pipelines.values().find((row) => row.is_main) ?? store.pipelines.values()[0])?.id ?? 0;

/** `POST /api/v4/sources`. */
export function createSources(ctx: RequestContext): Reply {
  const { store } = ctx;
  const items = readBatch(ctx.body, MAX_SOURCES);
  if (store.sources.size + items.length > MAX_SOURCES) {
    throw badRequest(`An integration keeps at most ${MAX_SOURCES} sources; ${store.sources.size} exist, ${items.length} more were sent`);
  }
  const taken = new Map<string, number>();
  const drafts = validateAll(items, (raw, _index, issues): Omit<SourceRecord, 'id'> | undefined => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const read = readFields(item, issues);
    const name = read.text('name', { required: true });
    const externalId = checkExternalId(read, store, taken, null);
    return {
      name: name ?? '',
      external_id: externalId ?? '',
      pipeline_id: checkPipeline(read, store) ?? mainPipeline(store),
      default: read.bool('default') ?? false,
      origin_code: checkOriginCode(read, item) ?? null,
      services: checkServices(item, issues) ?? [],
    };
  });
  // One default source per integration: a new default takes the mark from the old one.
  const sources = drafts.map((draft, index) => {
    if (draft!.default) for (const row of store.sources.values()) if (row.default) store.sources.put({ ...row, default: false });
    const row = store.sources.put({ id: store.sources.nextId(), ...draft! });
    return { ...renderSource(ctx, row), request_id: requestIdOf(items[index], index) };
  });
  return hal({ _total_items: sources.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { sources } });
}

function checkUpdate(store: SandboxStore, pathId: number | null, raw: unknown, issues: Issues, taken: Map<string, number>): SourceRecord | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const id = pathId ?? read.int('id', { required: true, min: 1 });
  if (id === undefined) return undefined;
  const source = store.sources.get(id);
  if (!source) {
    read.fail('NotFound', 'id', 'No source with this id.');
    return undefined;
  }
  const name = has(item, 'name') ? read.text('name', { required: true }) : undefined;
  return {
    ...source,
    name: name ?? source.name,
    external_id: checkExternalId(read, store, taken, id) ?? source.external_id,
    pipeline_id: checkPipeline(read, store) ?? source.pipeline_id,
    default: read.bool('default') ?? source.default,
    origin_code: checkOriginCode(read, item) ?? source.origin_code,
    services: checkServices(item, issues) ?? source.services,
  };
}

/** `PATCH /api/v4/sources` (an array with ids) or `PATCH /api/v4/sources/{id}` (one object). */
export function updateSources(ctx: RequestContext, pathId: number | null): Reply {
  const { store } = ctx;
  const items = pathId === null ? readBatch(ctx.body, MAX_SOURCES) : [readObjectBody(ctx.body)];
  const seen = new Set<number>();
  const taken = new Map<string, number>();
  const drafts = validateAll(items, (item, _index, issues) => {
    const draft = checkUpdate(store, pathId, item, issues, taken);
    if (draft && seen.has(draft.id)) issues.add('NotSupportedChoice', 'id', 'This source is already updated by an earlier item.');
    if (draft) seen.add(draft.id);
    return draft;
  });
  const sources = drafts.map((draft, index) => {
    if (draft!.default) for (const row of store.sources.values()) if (row.default && row.id !== draft!.id) store.sources.put({ ...row, default: false });
    const row = store.sources.put(draft!);
    return { ...renderSource(ctx, row), request_id: requestIdOf(items[index], index) };
  });
  if (pathId !== null) return hal(renderSource(ctx, store.sources.get(pathId)!));
  return hal({ _total_items: sources.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { sources } });
}

/** `DELETE /api/v4/sources` with `[{ id }]`, or `DELETE /api/v4/sources/{id}`: 204, all or nothing. */
export function deleteSources(ctx: RequestContext, pathId: number | null): Reply {
  const { store } = ctx;
  const items = pathId === null ? readBatch(ctx.body, MAX_SOURCES) : [{ id: pathId }];
  const ids = validateAll(items, (raw, _index, issues) => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const id = readFields(item, issues).int('id', { required: true, min: 1 });
    if (id !== undefined && !store.sources.has(id)) issues.add('NotFound', 'id', 'No source with this id.');
    return id;
  }, { byPosition: true });
  for (const id of ids) store.sources.delete(id!);
  return noContent();
}
