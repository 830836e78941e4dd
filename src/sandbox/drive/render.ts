// A drive file as amoCRM's files API answers it (GET /v1.0/files/{uuid}, the last upload part,
// restore): times in unix seconds, actors as {id, type}, metadata and HAL links on the drive host.

import type { DriveFile, DriveStore, DriveVersion } from './store.js';

const TYPES: [RegExp, string][] = [
  [/^image\//, 'image'],
  [/^video\//, 'video'],
  [/^audio\//, 'audio'],
  [/^(application\/(pdf|msword|vnd\.|rtf)|text\/)/, 'document'],
];

export function fileType(mime: string): string {
  return TYPES.find(([pattern]) => pattern.test(mime))?.[1] ?? 'file';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** ASCII only, as amoCRM's `sanitized_name`. */
export function sanitize(name: string): string {
  return name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_');
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export function downloadHref(origin: string, file: DriveFile, version?: DriveVersion): string {
  const name = encodeURIComponent(sanitize(file.name));
  return version ? `${origin}/download/${file.uuid}/${version.uuid}/${name}` : `${origin}/download/${file.uuid}/${name}`;
}

export function renderFile(drive: DriveStore, file: DriveFile, origin: string) {
  const active = drive.activeVersion(file);
  return {
    id: file.id,
    uuid: file.uuid,
    version_uuid: file.version_uuid,
    name: file.name,
    sanitized_name: sanitize(file.name),
    type: fileType(active.mime_type),
    size: active.size,
    source_id: file.source_id,
    is_trashed: file.deleted_at !== null,
    has_multiple_versions: file.versions.length > 1,
    created_at: seconds(file.created_at),
    created_by: file.created_by,
    updated_at: seconds(file.updated_at),
    updated_by: file.updated_by,
    deleted_at: file.deleted_at === null ? null : seconds(file.deleted_at),
    deleted_by: file.deleted_by,
    metadata: { extension: extensionOf(file.name), mime_type: active.mime_type },
    previews: null,
    _links: {
      download: { href: downloadHref(origin, file) },
      download_version: { href: downloadHref(origin, file, active) },
      self: { href: `${origin}/v1.0/files/${file.uuid}` },
    },
  };
}

export function renderVersion(drive: DriveStore, file: DriveFile, version: DriveVersion, origin: string) {
  return {
    uuid: version.uuid,
    file_uuid: file.uuid,
    type: fileType(version.mime_type),
    name: version.name,
    sanitized_name: sanitize(version.name),
    size: version.size,
    is_main: version.uuid === file.version_uuid,
    source_id: file.source_id,
    created_at: seconds(version.created_at),
    created_by: version.created_by,
    updated_at: seconds(version.created_at),
    updated_by: version.created_by,
    metadata: { extension: extensionOf(version.name), mime_type: version.mime_type },
    previews: null,
    _links: { download: { href: downloadHref(origin, file, version) } },
  };
}
