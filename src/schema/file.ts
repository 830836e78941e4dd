// amoCRM's files: the drive's list (`files`, with its filters), one file (`file(uuid)`), the
// files attached to leads, contacts, companies and customers, and the mutations that upload
// (GraphQL multipart), attach, detach and delete them. Files are not Nodes: amoCRM names them by
// uuid on a separate host, the account's drive_url.

import { GraphQLError } from 'graphql';
import { batchWrite, type Prepared } from '../loaders/batch-write.js';
import { driveUrlOf, listFiles, loadEntityFiles, loadFilesByUuid } from '../loaders/files.js';
import { AmoError } from '../rest/errors.js';
import { UUID_PATTERN, type DriveFile, type EntityFile, type FileEntityType, type FileFilter } from '../rest/resources/files.js';
import { builder } from './builder.js';
import { badInput, DateTimeRange } from './common.js';
import { resolveWindowConnection } from './connection.js';
import type { GraphQLContext } from './context.js';
import { CustomerRef } from './customer.js';
import { checkListSize } from './entity-writes.js';
import { CompanyRef, ContactRef, LeadRef, UserRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

/** Entities whose files one operation reads: one upstream call each (no batch read in amoCRM). */
export const MAX_ENTITIES_WITH_FILES = 50;
/** The newest attachments listed per entity (amoCRM pages them by `before_id`). */
export const FILES_PER_ENTITY = 250;

const userOf = (actor: DriveFile['created_by']) => (actor && actor.type === 'internal' && actor.id > 0 ? actor.id : null);

export const FileRef = builder.objectRef<DriveFile>('File').implement({
  description: "A file on the account's drive (amoCRM's Files section), named by its uuid.",
  fields: (t) => ({
    uuid: t.exposeString('uuid'),
    amoId: t.exposeInt('id'),
    versionUuid: t.exposeString('version_uuid', { description: 'The active version; file fields and notes name a version.' }),
    name: t.exposeString('name'),
    type: t.exposeString('type', { description: 'image, video, audio, document or file.' }),
    size: t.exposeInt('size', { description: 'Bytes of the active version.' }),
    mimeType: t.string({ nullable: true, resolve: (file) => file.metadata?.mime_type ?? null }),
    extension: t.string({ nullable: true, resolve: (file) => file.metadata?.extension || null }),
    sourceAmoId: t.int({ nullable: true, description: 'The source (a chat channel, a form…) the file came from.', resolve: (file) => file.source_id ?? null }),
    isTrashed: t.boolean({ description: 'Deleted, and restorable.', resolve: (file) => file.is_trashed === true || file.deleted_at !== null }),
    hasMultipleVersions: t.boolean({ resolve: (file) => file.has_multiple_versions === true }),
    createdAt: t.field({ type: 'DateTime', resolve: (file) => file.created_at }),
    createdBy: t.field({ type: UserRef, nullable: true, description: 'Null when a client, a robot or an integration added it.', resolve: (file) => userOf(file.created_by) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (file) => file.updated_at }),
    deletedAt: t.field({ type: 'DateTime', nullable: true, resolve: (file) => file.deleted_at }),
    downloadUrl: t.string({
      nullable: true,
      description: "The drive's download link of the active version; fetching it needs the account's token, which the gateway never hands out.",
      resolve: (file) => file._links?.download_version?.href ?? file._links?.download?.href ?? null,
    }),
  }),
});

const EntityFileRef = builder.objectRef<EntityFile>('EntityFile').implement({
  description: 'A file attached to a lead, contact, company or customer.',
  fields: (t) => ({
    attachmentAmoId: t.exposeInt('id', { description: "The attachment's own id." }),
    fileUuid: t.exposeString('file_uuid'),
    file: t.loadable({
      type: FileRef,
      nullable: true,
      description: 'The file itself; null once it is trashed or gone. Read for a whole list in one drive call per 50 files.',
      load: async (uuids: string[], ctx: GraphQLContext) => loadFilesByUuid(ctx.upstream, await driveUrlOf(ctx.account), uuids),
      resolve: (row) => row.file_uuid,
    }),
  }),
});

function checkUuid(uuid: string, what = 'uuid'): string {
  if (!UUID_PATTERN.test(uuid)) throw badInput(`${what} "${uuid.slice(0, 60)}" is not a file uuid`);
  return uuid.toLowerCase();
}

const FileFilterInput = builder.inputType('FileFilterInput', {
  description: "The drive's filters; all given must hold.",
  fields: (t) => ({
    uuids: t.stringList({ description: 'At most 50.' }),
    name: t.string({ description: 'The exact file name.' }),
    extensions: t.stringList({ description: 'e.g. ["pdf", "png"].' }),
    term: t.string({ description: 'A part of the file name or of the name of an entity it is attached to.' }),
    sourceAmoId: t.int(),
    trashed: t.boolean({ description: 'true lists trashed files instead of live ones.' }),
    minSize: t.int({ description: 'Bytes.' }),
    maxSize: t.int({ description: 'Bytes.' }),
    createdAt: t.field({ type: DateTimeRange }),
    updatedAt: t.field({ type: DateTimeRange }),
    createdByAmoIds: t.intList({ description: 'User ids; -1 a client, 0 a robot.' }),
    updatedByAmoIds: t.intList({ description: 'User ids; -1 a client, 0 a robot.' }),
  }),
});

interface FileFilterArgs {
  uuids?: string[] | null;
  name?: string | null;
  extensions?: string[] | null;
  term?: string | null;
  sourceAmoId?: number | null;
  trashed?: boolean | null;
  minSize?: number | null;
  maxSize?: number | null;
  createdAt?: { from?: Date | null; to?: Date | null } | null;
  updatedAt?: { from?: Date | null; to?: Date | null } | null;
  createdByAmoIds?: number[] | null;
  updatedByAmoIds?: number[] | null;
}

const seconds = (date: Date | null | undefined) => (date ? Math.floor(date.getTime() / 1000) : undefined);

function fileFilter(args: FileFilterArgs | null | undefined): FileFilter | undefined {
  if (!args) return undefined;
  if (args.createdAt && args.updatedAt) throw badInput('the drive filters by one date at a time: give createdAt or updatedAt');
  if ((args.uuids?.length ?? 0) > 50) throw badInput('filter.uuids takes at most 50 uuids');
  if (args.minSize != null && args.maxSize != null && args.minSize > args.maxSize) throw badInput('filter: minSize is greater than maxSize');
  const dates = args.createdAt ? { type: 'created_at' as const, range: args.createdAt } : args.updatedAt ? { type: 'updated_at' as const, range: args.updatedAt } : null;
  return {
    uuids: args.uuids?.map((uuid) => checkUuid(uuid, 'filter.uuids')),
    name: args.name ?? undefined,
    extensions: args.extensions ?? undefined,
    term: args.term ?? undefined,
    sourceId: args.sourceAmoId ?? undefined,
    deleted: args.trashed ?? undefined,
    size: args.minSize != null || args.maxSize != null ? { from: args.minSize ?? undefined, to: args.maxSize ?? undefined } : undefined,
    date: dates ? { type: dates.type, from: seconds(dates.range.from), to: seconds(dates.range.to) } : undefined,
    createdBy: args.createdByAmoIds ?? undefined,
    updatedBy: args.updatedByAmoIds ?? undefined,
  };
}

const FileConnection = builder.connectionObject({ type: FileRef, name: 'FileConnection' }, { name: 'FileEdge' });

builder.queryFields((t) => ({
  files: t.connection(
    {
      type: FileRef,
      description: "The account's files on its drive, newest first, with the drive's filters. Needs the integration's \"files\" scope.",
      args: { filter: t.arg({ type: FileFilterInput }) },
      resolve: async (_root, args, ctx) => {
        const filter = fileFilter(args.filter as FileFilterArgs | null | undefined);
        const driveUrl = await driveUrlOf(ctx.account);
        return resolveWindowConnection(args, (window) => listFiles(ctx.upstream, driveUrl, { window, filter }));
      },
    },
    FileConnection,
  ),
  file: t.field({
    type: FileRef,
    nullable: true,
    description: 'One file by uuid, trashed or not; null when the drive has none.',
    args: { uuid: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => ctx.upstream.files.get(await driveUrlOf(ctx.account), checkUuid(args.uuid)),
  }),
}));

// Files per entity: one upstream call each, so a list asks for at most MAX_ENTITIES_WITH_FILES.
const FILE_ENTITIES = [
  [LeadRef, 'leads'],
  [ContactRef, 'contacts'],
  [CompanyRef, 'companies'],
  [CustomerRef, 'customers'],
] as const;

for (const [ref, type] of FILE_ENTITIES) {
  builder.objectField(ref as typeof LeadRef, 'files', (t) =>
    t.loadableList({
      type: EntityFileRef,
      description:
        `Files attached to it, newest first (at most ${FILES_PER_ENTITY}). One upstream call per entity (amoCRM has no batch read), ` +
        `so at most ${MAX_ENTITIES_WITH_FILES} entities per operation.`,
      load: async (ids: number[], ctx: GraphQLContext) => {
        if (ids.length > MAX_ENTITIES_WITH_FILES) {
          throw new GraphQLError(`files are read one entity per upstream call: ask for them on at most ${MAX_ENTITIES_WITH_FILES} entities at once, got ${ids.length}`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
        return loadEntityFiles(ctx.upstream, type, ids, FILES_PER_ENTITY);
      },
      resolve: (entity: { id: number }) => entity.id,
    }),
  );
}

// --- Mutations --------------------------------------------------------------------------------

const UploadFilePayload = builder.objectRef<{ file: DriveFile }>('UploadFilePayload').implement({
  fields: (t) => ({ file: t.field({ type: FileRef, resolve: (payload) => payload.file }) }),
});

const FileEntityTypeEnum = builder.enumType('FileEntityType', {
  description: 'Entities files can be attached to.',
  values: { LEADS: { value: 'leads' }, CONTACTS: { value: 'contacts' }, COMPANIES: { value: 'companies' }, CUSTOMERS: { value: 'customers' } } as const,
});

const EntityFilesInput = builder.inputType('EntityFilesInput', {
  fields: (t) => ({
    entityType: t.field({ type: FileEntityTypeEnum, required: true }),
    entityAmoId: t.int({ required: true }),
    fileUuids: t.stringList({ required: true, description: 'At most 50.' }),
  }),
});

const EntityFileWriteResult = writeResultType<{ file_uuid: string; id: number | null }>(
  'EntityFileWriteResult',
  'The outcome of one file uuid of an attachFiles or detachFiles call.',
  (t) => ({
    fileUuid: t.string({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.file_uuid : null) }),
    attachmentAmoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  }),
);

const FileDeleteResult = writeResultType<{ uuid: string }>('FileDeleteResult', 'The outcome of one uuid of a deleteFiles call.', (t) => ({
  uuid: t.string({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.uuid : null) }),
}));

const FileRestoreResult = writeResultType<{ uuid: string; file: DriveFile | null }>('FileRestoreResult', 'The outcome of one uuid of a restoreFiles call.', (t) => ({
  file: t.field({ type: FileRef, nullable: true, description: 'The file as the drive answered the restore.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.file : null) }),
}));

const MAX_FILES_PER_CALL = 50;

/** Each uuid an item: bad or repeated ones fail alone, the rest go in one call (by position). */
function prepareUuids(uuids: readonly string[], verb: string): Prepared<{ file_uuid: string }>[] {
  checkListSize(uuids);
  const seen = new Set<string>();
  return uuids.map((uuid) => {
    if (!UUID_PATTERN.test(uuid)) return { errors: [inputError([], `"${uuid.slice(0, 60)}" is not a file uuid`)] };
    const key = uuid.toLowerCase();
    if (seen.has(key)) return { errors: [inputError([], `file ${key} is already ${verb} by an earlier item of this call`)] };
    seen.add(key);
    return { body: { file_uuid: key }, inputPath: () => [] };
  });
}

interface EntityFilesArgs {
  entityType: FileEntityType;
  entityAmoId: number;
  fileUuids: readonly string[];
}

function checkEntity(input: EntityFilesArgs): void {
  if (input.entityAmoId < 1) throw badInput('entityAmoId must be a positive id');
  if (input.fileUuids.length === 0) throw badInput('fileUuids must name at least one file');
}

async function attachFiles(ctx: GraphQLContext, input: EntityFilesArgs) {
  checkEntity(input);
  const outcomes = await batchWrite<{ file_uuid: string }, { file_uuid: string; id: number | null; position: string }>(prepareUuids(input.fileUuids, 'attached'), {
    requestIds: 'by-position',
    batchSize: MAX_FILES_PER_CALL,
    send: async (bodies) => {
      const rows = await ctx.upstream.files.attach(input.entityType, input.entityAmoId, bodies.map((body) => body.file_uuid));
      const byUuid = new Map(rows.map((row) => [row.file_uuid.toLowerCase(), row.id]));
      return bodies.map((body, position) => ({ file_uuid: body.file_uuid, id: byUuid.get(body.file_uuid) ?? null, position: String(position) }));
    },
    requestIdsOf: (result) => [result.position],
  });
  return withIndexes(outcomes);
}

async function detachFiles(ctx: GraphQLContext, input: EntityFilesArgs) {
  checkEntity(input);
  const outcomes = await batchWrite<{ file_uuid: string }, { file_uuid: string; id: null; position: string }>(prepareUuids(input.fileUuids, 'detached'), {
    requestIds: 'by-position',
    batchSize: MAX_FILES_PER_CALL,
    send: async (bodies) => {
      await ctx.upstream.files.detach(input.entityType, input.entityAmoId, bodies.map((body) => body.file_uuid));
      return bodies.map((body, position) => ({ file_uuid: body.file_uuid, id: null, position: String(position) }));
    },
    requestIdsOf: (result) => [result.position],
  });
  return withIndexes(outcomes);
}

async function deleteFiles(ctx: GraphQLContext, uuids: readonly string[]) {
  if (uuids.length === 0) throw badInput('uuids must name at least one file');
  const driveUrl = await driveUrlOf(ctx.account);
  const outcomes = await batchWrite<{ file_uuid: string }, { uuid: string; position: string }>(prepareUuids(uuids, 'deleted'), {
    requestIds: 'by-position',
    batchSize: MAX_FILES_PER_CALL,
    send: async (bodies) => {
      await ctx.upstream.files.delete(driveUrl, bodies.map((body) => body.file_uuid));
      return bodies.map((body, position) => ({ uuid: body.file_uuid, position: String(position) }));
    },
    requestIdsOf: (result) => [result.position],
  });
  return withIndexes(outcomes);
}

async function restoreFiles(ctx: GraphQLContext, uuids: readonly string[]) {
  if (uuids.length === 0) throw badInput('uuids must name at least one file');
  const driveUrl = await driveUrlOf(ctx.account);
  const outcomes = await batchWrite<{ file_uuid: string }, { uuid: string; file: DriveFile | null; position: string }>(prepareUuids(uuids, 'restored'), {
    requestIds: 'by-position',
    batchSize: MAX_FILES_PER_CALL,
    send: async (bodies) => {
      const files = await ctx.upstream.files.restore(driveUrl, bodies.map((body) => body.file_uuid));
      const byUuid = new Map(files.map((file) => [file.uuid.toLowerCase(), file]));
      return bodies.map((body, position) => ({ uuid: body.file_uuid, file: byUuid.get(body.file_uuid) ?? null, position: String(position) }));
    },
    requestIdsOf: (result) => [result.position],
  });
  return withIndexes(outcomes);
}

async function uploadFile(ctx: GraphQLContext, args: { file: File; name?: string | null; versionOf?: string | null; contentType?: string | null }) {
  const name = (args.name ?? args.file.name ?? '').trim();
  if (name === '') throw badInput('the file needs a name: give `name` or a filename in the multipart part');
  if (name.length > 255) throw badInput('name is at most 255 characters');
  if (args.file.size === 0) throw badInput('the file is empty');
  const versionOf = args.versionOf ? checkUuid(args.versionOf, 'versionOf') : undefined;
  const bytes = new Uint8Array(await args.file.arrayBuffer());
  const driveUrl = await driveUrlOf(ctx.account);
  try {
    const file = await ctx.upstream.files.upload(driveUrl, { name, bytes, contentType: args.contentType || args.file.type || undefined, fileUuid: versionOf });
    return { file };
  } catch (error) {
    if (error instanceof RangeError) throw badInput(error.message);
    if (error instanceof AmoError) throw error;
    throw error;
  }
}

builder.mutationFields((t) => ({
  uploadFile: t.field({
    type: UploadFilePayload,
    description:
      "Uploads a file to the account's drive (a GraphQL multipart request; the gateway's upload limit is GRAPHQL_MAX_UPLOAD_BYTES, " +
      "amoCRM's own 300 MB). It goes up in the drive's parts (512 KiB), one upstream call each, so it counts against the operation's upstream budget. " +
      'With `versionOf` it becomes the new active version of that file.',
    args: {
      file: t.arg({ type: 'Upload', required: true }),
      name: t.arg.string({ description: "Default: the multipart part's filename." }),
      contentType: t.arg.string({ description: "Default: the multipart part's type." }),
      versionOf: t.arg.string({ description: 'The uuid of a file this upload is a new version of.' }),
    },
    resolve: (_root, args, ctx) => uploadFile(ctx, args),
  }),
  attachFiles: t.field({
    type: writePayloadType('AttachFilesPayload', EntityFileWriteResult),
    description: 'Attaches drive files to one lead, contact, company or customer, 50 per upstream call. Attaching an attached file changes nothing.',
    args: { input: t.arg({ type: EntityFilesInput, required: true }) },
    resolve: (_root, args, ctx) => attachFiles(ctx, args.input as EntityFilesArgs),
  }),
  detachFiles: t.field({
    type: writePayloadType('DetachFilesPayload', EntityFileWriteResult),
    description: 'Detaches files from one entity; the files stay on the drive.',
    args: { input: t.arg({ type: EntityFilesInput, required: true }) },
    resolve: (_root, args, ctx) => detachFiles(ctx, args.input as EntityFilesArgs),
  }),
  deleteFiles: t.field({
    type: writePayloadType('DeleteFilesPayload', FileDeleteResult),
    description: 'Moves files to the drive\'s trash (restorable in amoCRM), 50 per upstream call, each batch all or nothing. Needs the integration\'s "files_delete" scope.',
    args: { uuids: t.arg.stringList({ required: true }) },
    resolve: (_root, args, ctx) => deleteFiles(ctx, args.uuids),
  }),
  restoreFiles: t.field({
    type: writePayloadType('RestoreFilesPayload', FileRestoreResult),
    description: "Takes trashed files out of the drive's trash, 50 per upstream call, each batch all or nothing. Needs the \"files_delete\" scope.",
    args: { uuids: t.arg.stringList({ required: true }) },
    resolve: (_root, args, ctx) => restoreFiles(ctx, args.uuids),
  }),
}));
