// amoCRM's files: the drive service (`{drive_url}/v1.0/...`: upload sessions, the file list, one
// file, delete and restore) and the files attached to entities (`/api/v4/{type}/{id}/files` on
// the API host). Every drive call takes the account's drive_url, read from the account itself;
// the bearer token goes there and to the API origin only. An `upload_url` or `next_url` the drive
// answers on any other origin is refused before anything is sent to it.

import { assertId, assertPage, clampLimit, type Page } from '../collection.js';
import { AmoBadResponseError, AmoNotFoundError, unsentInfo } from '../errors.js';
import type { QueryValue } from '../query-string.js';
import type { SendFn } from '../request.js';

export interface DriveActor {
  id: number;
  type: string;
}

export interface DriveFile {
  id: number;
  uuid: string;
  version_uuid: string;
  name: string;
  sanitized_name?: string;
  type: string;
  size: number;
  source_id: number | null;
  is_trashed: boolean;
  has_multiple_versions?: boolean;
  created_at: number;
  created_by: DriveActor | null;
  updated_at: number;
  updated_by: DriveActor | null;
  deleted_at: number | null;
  deleted_by: DriveActor | null;
  metadata: { extension?: string; mime_type?: string } | null;
  _links?: { download?: { href: string }; download_version?: { href: string } };
}

export interface UploadSession {
  session_id: number;
  upload_url: string;
  max_file_size: number;
  max_part_size: number;
}

export interface EntityFile {
  /** The attachment's own id (what `before_id` pages by). */
  id: number;
  file_uuid: string;
}

export type FileEntityType = 'leads' | 'contacts' | 'companies' | 'customers';

export interface FileFilter {
  uuids?: readonly string[];
  name?: string;
  extensions?: readonly string[];
  term?: string;
  sourceId?: number;
  deleted?: boolean;
  size?: { from?: number; to?: number };
  date?: { type: 'created_at' | 'updated_at'; from?: number; to?: number };
  createdBy?: readonly number[];
  updatedBy?: readonly number[];
}

/** Upload URLs end in a session token: errors and logs name the route only. */
const UPLOAD_LABEL = '/v1.0/sessions/upload/:token';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The drive lists a page of at most this many files (not documented; amoCRM's usual cap). */
export const MAX_FILES_LIMIT = 250;

export function assertUuid(uuid: string, what = 'file uuid'): string {
  if (!UUID_PATTERN.test(uuid)) throw new RangeError(`${what} must be a UUID, got "${uuid.slice(0, 60)}"`);
  return uuid.toLowerCase();
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/**
 * The drive's origin from the account's drive_url: https, or http on loopback only (the sandbox),
 * so the token never travels in clear text to another machine.
 */
export function driveOrigin(driveUrl: string): string {
  let url: URL;
  try {
    url = new URL(driveUrl);
  } catch {
    throw new AmoBadResponseError(`the account's drive_url is not a URL`, { info: unsentInfo('GET', '/api/v4/account') });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw new AmoBadResponseError(`the account's drive_url must be https, got ${url.protocol}`, { info: unsentInfo('GET', '/api/v4/account') });
  }
  return url.origin;
}

/** The path of a URL the drive answered, provided it is on the drive's own origin. */
export function onDrive(url: unknown, origin: string, what: string): string {
  let parsed: URL | null = null;
  try {
    parsed = typeof url === 'string' ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.origin !== origin || parsed.username || parsed.password) {
    throw new AmoBadResponseError(`the drive answered an ${what} outside the account's drive origin; refused, nothing was sent there`, {
      info: unsentInfo('POST', '/v1.0/sessions'),
    });
  }
  return `${parsed.pathname}${parsed.search}`;
}

function filterQuery(filter: FileFilter | undefined): Record<string, QueryValue> | undefined {
  if (!filter) return undefined;
  const out: Record<string, QueryValue> = {};
  if (filter.uuids?.length) out.uuid = filter.uuids.map((uuid) => assertUuid(uuid));
  if (filter.name !== undefined) out.name = filter.name;
  if (filter.extensions?.length) out.extensions = [...filter.extensions];
  if (filter.term !== undefined) out.term = filter.term;
  if (filter.sourceId !== undefined) out.source_id = filter.sourceId;
  if (filter.deleted) out.deleted = 'true';
  if (filter.size) out.size = { ...(filter.size.from !== undefined ? { from: filter.size.from } : {}), ...(filter.size.to !== undefined ? { to: filter.size.to } : {}) };
  if (filter.date) out.date = { type: filter.date.type, ...(filter.date.from !== undefined ? { from: filter.date.from } : {}), ...(filter.date.to !== undefined ? { to: filter.date.to } : {}) };
  if (filter.createdBy?.length) out.created_by = [...filter.createdBy];
  if (filter.updatedBy?.length) out.updated_by = [...filter.updatedBy];
  return Object.keys(out).length > 0 ? { filter: out } : undefined;
}

export interface UploadParams {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
  /** Upload a new version of this file instead of a new file. */
  fileUuid?: string;
  signal?: AbortSignal;
}

export function createFilesResource(send: SendFn) {
  const drive = (driveUrl: string) => driveOrigin(driveUrl);
  return {
    /** One page of the account's files, newest first; deleted ones only with `filter.deleted`. */
    async list(driveUrl: string, params: { page?: number; limit?: number; filter?: FileFilter; signal?: AbortSignal } = {}): Promise<Page<DriveFile>> {
      const origin = drive(driveUrl);
      const page = assertPage(params.page);
      const limit = clampLimit(params.limit, MAX_FILES_LIMIT);
      const response = await send({ method: 'GET', origin, path: '/v1.0/files', query: { ...filterQuery(params.filter), page, limit }, signal: params.signal });
      const body = response.data as { _embedded?: { files?: DriveFile[] }; _links?: { next?: unknown } } | undefined;
      const items = body?._embedded?.files ?? [];
      return { items, page, limit, hasMore: Boolean(body?._links?.next) && items.length >= limit, totalItems: null, pageCount: null, info: response.info };
    },
    /** `null` when the drive has no such file. */
    async get(driveUrl: string, uuid: string, params: { signal?: AbortSignal } = {}): Promise<DriveFile | null> {
      const origin = drive(driveUrl);
      try {
        const response = await send({ method: 'GET', origin, path: `/v1.0/files/${assertUuid(uuid)}`, signal: params.signal });
        return (response.data as DriveFile | undefined) ?? null;
      } catch (error) {
        if (error instanceof AmoNotFoundError) return null;
        throw error;
      }
    },
    /**
     * Opens an upload session and posts the bytes in parts of the session's max_part_size, each to
     * the URL the previous answer named; the last answer is the file. A part is never resent: a
     * failed upload is started again with a new session.
     */
    async upload(driveUrl: string, params: UploadParams): Promise<DriveFile> {
      const origin = drive(driveUrl);
      const size = params.bytes.byteLength;
      if (size < 1) throw new RangeError('an empty file cannot be uploaded');
      const contentType = params.contentType || 'application/octet-stream';
      const opened = await send({
        method: 'POST',
        origin,
        path: '/v1.0/sessions',
        body: { file_name: params.name, file_size: size, content_type: contentType, ...(params.fileUuid ? { file_uuid: assertUuid(params.fileUuid) } : {}) },
        signal: params.signal,
      });
      const session = opened.data as UploadSession;
      const partSize = Number(session?.max_part_size);
      if (!Number.isSafeInteger(partSize) || partSize < 1) {
        throw new AmoBadResponseError('the drive opened an upload session without a usable max_part_size', { info: opened.info });
      }
      let path = onDrive(session.upload_url, origin, 'upload_url');
      for (let offset = 0; ; ) {
        const part = params.bytes.subarray(offset, Math.min(offset + partSize, size));
        const answer = await send({ method: 'POST', origin, path, label: UPLOAD_LABEL, body: part, contentType, signal: params.signal });
        offset += part.byteLength;
        const data = answer.data as (DriveFile & { next_url?: string }) | undefined;
        if (offset >= size) {
          if (!data?.uuid) throw new AmoBadResponseError('the drive did not answer the file after its last part', { info: answer.info });
          return data;
        }
        path = onDrive(data?.next_url, origin, 'next_url');
      }
    },
    /** Moves files to the trash (restorable); amoCRM needs the "files_delete" scope. All or nothing. */
    async delete(driveUrl: string, uuids: readonly string[], params: { signal?: AbortSignal } = {}): Promise<void> {
      if (uuids.length === 0) throw new RangeError('nothing to delete');
      await send({ method: 'DELETE', origin: drive(driveUrl), path: '/v1.0/files', body: uuids.map((uuid) => ({ uuid: assertUuid(uuid) })), signal: params.signal });
    },
    async restore(driveUrl: string, uuids: readonly string[], params: { signal?: AbortSignal } = {}): Promise<DriveFile[]> {
      if (uuids.length === 0) throw new RangeError('nothing to restore');
      const response = await send({ method: 'POST', origin: drive(driveUrl), path: '/v1.0/files/restore', body: uuids.map((uuid) => ({ uuid: assertUuid(uuid) })), signal: params.signal });
      return (response.data as { _embedded?: { files?: DriveFile[] } } | undefined)?._embedded?.files ?? [];
    },
    /** Files attached to one entity, newest first; `beforeId` pages on. One entity per call. */
    async ofEntity(type: FileEntityType, id: number, params: { limit?: number; beforeId?: number; signal?: AbortSignal } = {}): Promise<EntityFile[]> {
      const response = await send({
        method: 'GET',
        path: `/api/v4/${type}/${assertId(id)}/files`,
        query: { limit: clampLimit(params.limit), ...(params.beforeId ? { before_id: params.beforeId } : {}) },
        signal: params.signal,
      });
      return (response.data as { _embedded?: { files?: EntityFile[] } } | undefined)?._embedded?.files ?? [];
    },
    async attach(type: FileEntityType, id: number, uuids: readonly string[], params: { signal?: AbortSignal } = {}): Promise<EntityFile[]> {
      const response = await send({ method: 'PUT', path: `/api/v4/${type}/${assertId(id)}/files`, body: uuids.map((uuid) => ({ file_uuid: assertUuid(uuid) })), signal: params.signal });
      return (response.data as { _embedded?: { files?: EntityFile[] } } | undefined)?._embedded?.files ?? [];
    },
    async detach(type: FileEntityType, id: number, uuids: readonly string[], params: { signal?: AbortSignal } = {}): Promise<void> {
      await send({ method: 'DELETE', path: `/api/v4/${type}/${assertId(id)}/files`, body: uuids.map((uuid) => ({ file_uuid: assertUuid(uuid) })), signal: params.signal });
    },
  };
}
