// Files on the account's drive: the drive_url comes from the cached account (so a drive call
// costs nothing extra once the account is known), file lists as Relay windows, files by uuid
// batched into one filtered list call per 50, and the files attached to entities (one call per
// entity: amoCRM has no batch read of them).

import type { AmoClient } from '../rest/client.js';
import { AmoBadResponseError, unsentInfo } from '../rest/errors.js';
import { MAX_FILES_LIMIT, type DriveFile, type EntityFile, type FileEntityType, type FileFilter } from '../rest/resources/files.js';
import type { AccountContext } from './account-context.js';
import { fetchWindow, type ListWindow } from './list-window.js';

/** Uuids per `filter[uuid]` call: keeps the URL short (37 bytes each). */
export const FILE_UUID_BATCH = 50;

export async function driveUrlOf(account: AccountContext): Promise<string> {
  const { drive_url: driveUrl } = await account.account();
  if (!driveUrl) throw new AmoBadResponseError('amoCRM named no drive_url for this account: its files API is not available', { info: unsentInfo('GET', '/api/v4/account') });
  return driveUrl;
}

export function listFiles(client: AmoClient, driveUrl: string, request: { window: ListWindow; filter?: FileFilter }) {
  return fetchWindow((page, limit) => client.files.list(driveUrl, { page, limit, filter: request.filter }), request.window, MAX_FILES_LIMIT);
}

/** Live (untrashed) files by uuid, null where the drive has none, in the order asked. */
export async function loadFilesByUuid(client: AmoClient, driveUrl: string, uuids: readonly string[]): Promise<(DriveFile | null)[]> {
  const parts: string[][] = [];
  for (let i = 0; i < uuids.length; i += FILE_UUID_BATCH) parts.push(uuids.slice(i, i + FILE_UUID_BATCH));
  const pages = await Promise.all(parts.map((part) => client.files.list(driveUrl, { limit: part.length, filter: { uuids: part } })));
  const byUuid = new Map(pages.flatMap((page) => page.items).map((file) => [file.uuid.toLowerCase(), file]));
  return uuids.map((uuid) => byUuid.get(uuid.toLowerCase()) ?? null);
}

/** The newest `limit` attachments of each entity, one call per entity. */
export function loadEntityFiles(client: AmoClient, type: FileEntityType, ids: readonly number[], limit: number): Promise<EntityFile[][]> {
  return Promise.all(ids.map((id) => client.files.ofEntity(type, id, { limit })));
}
