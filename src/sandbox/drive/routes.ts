// The drive service's API (amoCRM "API файлов", on the account's drive_url host, not the API host):
// upload sessions and their parts, the file list with its filters, one file, rename or switch
// version, delete and restore in batches, versions, and downloads. Pure functions of the request
// and the store, like the /api/v4 routes.

import { filterTree, intList, range, stringList } from '../http/filters.js';
import { readPaging } from '../http/paging.js';
import { HttpProblem, badRequest } from '../http/problem.js';
import type { QueryMap } from '../http/query-string.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { isRecord } from '../writes/issues.js';
import { extensionOf, renderFile, renderVersion, sanitize } from './render.js';
import type { DriveActor, DriveFile, DriveStore, UploadSession } from './store.js';

export interface DriveRequest {
  drive: DriveStore;
  method: string;
  path: string;
  query: QueryMap;
  rawQuery: string;
  /** `http://host:port` of the drive listener: links point back at it. */
  origin: string;
  /** The raw body (upload parts are bytes; everything else JSON). */
  body: Buffer;
  contentType: string;
  now: () => number;
  /** Who the token belongs to, for created_by/updated_by. */
  userId: number;
}

/** Sessions last until the file is complete, at most 24 hours (files API docs). */
const SESSION_TTL_MS = 24 * 3600 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function json(req: DriveRequest): unknown {
  const text = req.body.toString('utf8');
  if (text.trim() === '') throw badRequest('The request body is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

const actor = (req: DriveRequest): DriveActor => ({ id: req.userId, type: 'internal' });

function createSession(req: DriveRequest): Reply {
  const body = json(req);
  if (!isRecord(body)) throw badRequest('The body must be an object with file_name and file_size');
  const { file_name: name, file_size: size, content_type: type, file_uuid: fileUuid } = body;
  if (typeof name !== 'string' || name.trim() === '') throw badRequest('file_name is required');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) throw badRequest('file_size must be a positive integer (bytes)');
  const { limits } = req.drive;
  if (size > limits.maxFileSize) throw badRequest(`file_size ${size} is over the maximum file size of ${limits.maxFileSize} bytes`);
  if (req.drive.storedBytes() + size > limits.quotaBytes) throw new HttpProblem(402, "The account's file storage is full");
  if (type !== undefined && (typeof type !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(type))) throw badRequest('content_type must be a MIME type');
  if (fileUuid !== undefined && fileUuid !== null) {
    if (typeof fileUuid !== 'string' || !UUID.test(fileUuid)) throw badRequest('file_uuid must be a file uuid');
    const file = req.drive.files.get(fileUuid);
    if (!file || file.deleted_at !== null) throw new HttpProblem(404, `No file ${fileUuid}`);
  }
  const session: UploadSession = {
    session_id: req.drive.nextSessionId(),
    token: req.drive.newToken(),
    file_name: name,
    file_size: size,
    content_type: typeof type === 'string' ? type : 'application/octet-stream',
    file_uuid: typeof fileUuid === 'string' ? fileUuid : null,
    created_by: actor(req),
    parts: [],
    received: 0,
    expires_at: req.now() + SESSION_TTL_MS,
  };
  req.drive.sessions.set(session.token, session);
  return {
    status: 200,
    contentType: 'application/json',
    body: {
      max_file_size: limits.maxFileSize,
      max_part_size: limits.maxPartSize,
      session_id: session.session_id,
      upload_url: `${req.origin}/v1.0/sessions/upload/${session.token}`,
    },
  };
}

function uploadPart(req: DriveRequest, token: string): Reply {
  const { drive } = req;
  const session = drive.sessions.get(token);
  if (!session || session.expires_at < req.now()) {
    if (session) drive.sessions.delete(token);
    throw new HttpProblem(404, 'No open upload session for this URL (finished, expired, or already used for its part)');
  }
  const part = req.body;
  if (part.length === 0) throw badRequest('The part is empty');
  if (part.length > drive.limits.maxPartSize) throw badRequest(`The part has ${part.length} bytes; max_part_size is ${drive.limits.maxPartSize}`);
  if (session.received + part.length > session.file_size) {
    throw badRequest(`The parts add up to more than the ${session.file_size} bytes the session was opened for`);
  }
  // Each part URL serves once; the next part goes to next_url.
  drive.sessions.delete(token);
  session.parts.push(Buffer.from(part));
  session.received += part.length;
  if (session.received < session.file_size) {
    session.token = drive.newToken();
    drive.sessions.set(session.token, session);
    // amoCRM answers an intermediate part with 202 (observed; its docs say 200).
    return { status: 202, contentType: 'application/json', body: { session_id: session.session_id, next_url: `${req.origin}/v1.0/sessions/upload/${session.token}` } };
  }
  const bytes = Buffer.concat(session.parts);
  const at = req.now();
  const version = { uuid: drive.newUuid(), name: session.file_name, size: bytes.length, mime_type: session.content_type, bytes, created_at: at, created_by: session.created_by };
  let file = session.file_uuid ? drive.files.get(session.file_uuid) : undefined;
  if (file) {
    file.versions.push(version);
    file.version_uuid = version.uuid;
    file.name = session.file_name;
    file.updated_at = at;
    file.updated_by = session.created_by;
  } else {
    file = {
      id: drive.nextFileId(),
      uuid: drive.newUuid(),
      versions: [version],
      version_uuid: version.uuid,
      name: session.file_name,
      source_id: null,
      created_at: at,
      created_by: session.created_by,
      updated_at: at,
      updated_by: session.created_by,
      deleted_at: null,
      deleted_by: null,
    };
    drive.files.set(file.uuid, file);
  }
  return { status: 200, contentType: 'application/json', body: renderFile(drive, file, req.origin) };
}

function str(value: unknown, name: string): string {
  if (typeof value !== 'string') throw badRequest(`${name} must be a value`);
  return value;
}

function matcher(req: DriveRequest): (file: DriveFile) => boolean {
  const filter = filterTree(req.query);
  const checks: ((file: DriveFile) => boolean)[] = [];
  const deleted = filter.has('deleted');
  checks.push((file) => (file.deleted_at !== null) === deleted);
  for (const [key, value] of filter) {
    switch (key) {
      case 'deleted':
        break;
      case 'uuid': {
        const uuids = new Set(stringList(value, 'filter[uuid]').flatMap((item) => item.split(',')).map((item) => item.trim()));
        checks.push((file) => uuids.has(file.uuid));
        break;
      }
      case 'name': {
        const name = str(value, 'filter[name]');
        checks.push((file) => file.name === name);
        break;
      }
      case 'extensions': {
        const extensions = new Set(stringList(value, 'filter[extensions]').map((item) => item.toLowerCase().replace(/^\./, '')));
        checks.push((file) => extensions.has(extensionOf(file.name)));
        break;
      }
      case 'term': {
        const term = str(value, 'filter[term]').toLowerCase();
        checks.push((file) => file.name.toLowerCase().includes(term));
        break;
      }
      case 'source_id': {
        const ids = new Set(intList(value, 'filter[source_id]'));
        checks.push((file) => file.source_id !== null && ids.has(file.source_id));
        break;
      }
      case 'size': {
        if (typeof value === 'string') throw badRequest('filter[size] takes [from], [to] and [unit]');
        const unitRaw = value.get('unit');
        const unit = unitRaw === undefined ? 1 : Number(str(unitRaw, 'filter[size][unit]'));
        if (!Number.isSafeInteger(unit) || unit < 1) throw badRequest('filter[size][unit] must be a positive integer (bytes per unit)');
        const bounds = range(new Map([...value].filter(([k]) => k !== 'unit')), 'filter[size]');
        checks.push((file) => {
          const size = req.drive.activeVersion(file).size;
          return (bounds.from === undefined || size >= bounds.from * unit) && (bounds.to === undefined || size <= bounds.to * unit);
        });
        break;
      }
      case 'date': {
        if (typeof value === 'string') throw badRequest('filter[date] takes [type], [from] and [to]');
        const type = value.get('type') === undefined ? 'created_at' : str(value.get('type'), 'filter[date][type]');
        if (type !== 'created_at' && type !== 'updated_at') throw badRequest('filter[date][type] must be created_at or updated_at');
        if (value.has('date_preset')) throw badRequest('filter[date][date_preset] is not supported by the sandbox; send [from]/[to]');
        const bounds = range(new Map([...value].filter(([k]) => k !== 'type')), 'filter[date]');
        checks.push((file) => {
          const at = Math.floor(file[type] / 1000);
          return (bounds.from === undefined || at >= bounds.from) && (bounds.to === undefined || at <= bounds.to);
        });
        break;
      }
      case 'created_by':
      case 'updated_by': {
        const ids = new Set(intList(value, `filter[${key}]`));
        // -1 a client, 0 a robot, otherwise a user id (files API docs).
        const idOf = (who: DriveActor) => (who.type === 'client' ? -1 : who.type === 'robot' ? 0 : who.id);
        checks.push((file) => ids.has(idOf(file[key])));
        break;
      }
      default:
        throw badRequest(`filter[${key}] is not a files filter`);
    }
  }
  return (file) => checks.every((check) => check(file));
}

function pageHref(req: DriveRequest, page: number, limit: number): string {
  const kept = req.rawQuery.split('&').filter((part) => part !== '' && !/^(page|limit)=/.test(part));
  return `${req.origin}${req.path}?${[...kept, `page=${page}`, `limit=${limit}`].join('&')}`;
}

function listFiles(req: DriveRequest): Reply {
  const paging = readPaging({ query: req.query, notes: [] } as never);
  const rows = [...req.drive.files.values()].filter(matcher(req)).sort((a, b) => b.id - a.id);
  const start = (paging.page - 1) * paging.limit;
  const page = rows.slice(start, start + paging.limit);
  if (page.length === 0) return noContent();
  const links: Record<string, { href: string }> = { self: { href: pageHref(req, paging.page, paging.limit) } };
  if (start + paging.limit < rows.length) links.next = { href: pageHref(req, paging.page + 1, paging.limit) };
  return hal({ _page: paging.page, _links: links, _embedded: { files: page.map((file) => renderFile(req.drive, file, req.origin)) } });
}

function fileOf(req: DriveRequest, uuid: string): DriveFile {
  if (!UUID.test(uuid)) throw badRequest(`"${uuid}" is not a file uuid`);
  const file = req.drive.files.get(uuid);
  if (!file) throw new HttpProblem(404, `No file ${uuid}`);
  return file;
}

function uuidsOf(req: DriveRequest): string[] {
  const body = json(req);
  if (!Array.isArray(body) || body.length === 0) throw badRequest('The body must be a non-empty array of {"uuid": "..."}');
  return body.map((item, index) => {
    if (!isRecord(item) || typeof item.uuid !== 'string' || !UUID.test(item.uuid)) throw badRequest(`${index}.uuid must be a file uuid`);
    return item.uuid;
  });
}

function deleteFiles(req: DriveRequest): Reply {
  // All or nothing: every uuid is checked before any file is trashed.
  const files = uuidsOf(req).map((uuid) => fileOf(req, uuid));
  const at = req.now();
  for (const file of files) {
    if (file.deleted_at !== null) continue;
    file.deleted_at = at;
    file.deleted_by = actor(req);
  }
  return { status: 200, contentType: 'application/json', body: { result: true } };
}

function restoreFiles(req: DriveRequest): Reply {
  const files = uuidsOf(req).map((uuid) => fileOf(req, uuid));
  for (const file of files) {
    file.deleted_at = null;
    file.deleted_by = null;
  }
  return { status: 200, contentType: 'application/json', body: { _count: files.length, _embedded: { files: files.map((file) => renderFile(req.drive, file, req.origin)) } } };
}

function updateFile(req: DriveRequest, uuid: string): Reply {
  const file = fileOf(req, uuid);
  const body = json(req);
  if (!isRecord(body)) throw badRequest('The body must be an object');
  if (body.name !== undefined && (typeof body.name !== 'string' || body.name.trim() === '')) throw badRequest('name must be a non-empty string');
  if (body.version_uuid !== undefined && !file.versions.some((v) => v.uuid === body.version_uuid)) throw badRequest('version_uuid is not a version of this file');
  if (typeof body.name === 'string') file.name = body.name;
  if (typeof body.version_uuid === 'string') file.version_uuid = body.version_uuid;
  file.updated_at = req.now();
  file.updated_by = actor(req);
  return { status: 200, contentType: 'application/json', body: renderFile(req.drive, file, req.origin) };
}

function download(req: DriveRequest, segments: string[]): Reply {
  const file = fileOf(req, segments[0]!);
  const version = segments.length === 3 ? file.versions.find((v) => v.uuid === segments[1]) : req.drive.activeVersion(file);
  if (!version) throw new HttpProblem(404, 'No such version');
  return {
    status: 200,
    body: version.bytes,
    contentType: version.mime_type,
    headers: { 'content-disposition': `attachment; filename="${sanitize(version.name).replace(/"/g, '')}"` },
  };
}

export function routeDrive(req: DriveRequest): Reply {
  const { method, path } = req;
  const parts = path.split('/').filter(Boolean);
  if (path === '/v1.0/sessions' && method === 'POST') return createSession(req);
  if (parts[0] === 'v1.0' && parts[1] === 'sessions' && parts[2] === 'upload' && parts.length === 4 && method === 'POST') return uploadPart(req, parts[3]!);
  if (path === '/v1.0/files') {
    if (method === 'GET') return listFiles(req);
    if (method === 'DELETE') return deleteFiles(req);
  }
  if (path === '/v1.0/files/restore' && method === 'POST') return restoreFiles(req);
  if (parts[0] === 'v1.0' && parts[1] === 'files' && parts.length === 3) {
    if (method === 'GET') return { status: 200, contentType: 'application/json', body: renderFile(req.drive, fileOf(req, parts[2]!), req.origin) };
    if (method === 'PATCH') return updateFile(req, parts[2]!);
  }
  if (parts[0] === 'v1.0' && parts[1] === 'files' && parts[3] === 'versions' && parts.length === 4 && method === 'GET') {
    const file = fileOf(req, parts[2]!);
    return { status: 200, contentType: 'application/json', body: { _embedded: { versions: file.versions.map((v) => renderVersion(req.drive, file, v, req.origin)) } } };
  }
  if (parts[0] === 'download' && (parts.length === 3 || parts.length === 4) && method === 'GET') return download(req, parts.slice(1));
  throw new HttpProblem(404, `No route for ${method} ${path} on the drive host`);
}
