// The account's files as amoCRM's drive service keeps them: files by uuid (with their versions and
// bytes, in memory), open upload sessions by token, and which files are attached to which entity.
// Limits are amoCRM's own (300 MB a file, parts of 512 KiB) unless a test shrinks them, plus a
// storage quota so a runaway client cannot fill the sandbox's memory.

import { randomBytes, randomUUID } from 'node:crypto';

export interface DriveActor {
  id: number;
  type: 'internal' | 'external' | 'robot' | 'client';
}

export interface DriveVersion {
  uuid: string;
  name: string;
  size: number;
  mime_type: string;
  bytes: Buffer;
  created_at: number;
  created_by: DriveActor;
}

export interface DriveFile {
  id: number;
  uuid: string;
  /** The active version first is not guaranteed: `version_uuid` names it. */
  versions: DriveVersion[];
  version_uuid: string;
  name: string;
  source_id: number | null;
  created_at: number;
  created_by: DriveActor;
  updated_at: number;
  updated_by: DriveActor;
  deleted_at: number | null;
  deleted_by: DriveActor | null;
}

export interface UploadSession {
  session_id: number;
  token: string;
  file_name: string;
  file_size: number;
  content_type: string;
  /** A new version of this file; a new file when null. */
  file_uuid: string | null;
  created_by: DriveActor;
  parts: Buffer[];
  received: number;
  expires_at: number;
}

export interface DriveLimits {
  maxFileSize: number;
  maxPartSize: number;
  /** All stored bytes together; the account's storage quota. */
  quotaBytes: number;
}

/** amoCRM's numbers (files API docs: 314572800 and 524288); the quota is the sandbox's own. */
export const DEFAULT_DRIVE_LIMITS: DriveLimits = { maxFileSize: 314_572_800, maxPartSize: 524_288, quotaBytes: 64 * 1024 * 1024 };

/** Entity types whose files API exists: `/api/v4/{type}/{id}/files`. */
export type FileEntityType = 'leads' | 'contacts' | 'companies' | 'customers';

export interface DriveStore {
  limits: DriveLimits;
  files: Map<string, DriveFile>;
  sessions: Map<string, UploadSession>;
  /** `${type}:${id}` -> attachments, oldest first; `id` is the attachment's own id. */
  attachments: Map<string, { id: number; file_uuid: string }[]>;
  nextFileId(): number;
  nextSessionId(): number;
  nextAttachmentId(): number;
  newToken(): string;
  newUuid(): string;
  storedBytes(): number;
  activeVersion(file: DriveFile): DriveVersion;
}

export function createDriveStore(limits: Partial<DriveLimits> = {}): DriveStore {
  let fileId = 7_590_000;
  let sessionId = 26_136_000;
  let attachmentId = 9_100_000;
  const files = new Map<string, DriveFile>();
  return {
    limits: { ...DEFAULT_DRIVE_LIMITS, ...limits },
    files,
    sessions: new Map(),
    attachments: new Map(),
    nextFileId: () => ++fileId,
    nextSessionId: () => ++sessionId,
    nextAttachmentId: () => ++attachmentId,
    // Opaque and unguessable, like amoCRM's signed session tokens.
    newToken: () => randomBytes(24).toString('base64url'),
    newUuid: () => randomUUID(),
    storedBytes: () => [...files.values()].reduce((sum, file) => sum + file.versions.reduce((s, v) => s + v.size, 0), 0),
    activeVersion: (file) => file.versions.find((v) => v.uuid === file.version_uuid) ?? file.versions[file.versions.length - 1]!,
  };
}
