// Notes: the type (common fields typed, the rest of amoCRM's `params` as JSON), the root list per
// entity type, and the notes of leads, contacts and companies (batched per response).

import { listNotes, loadNotesOf, type EntityNote } from '../loaders/notes.js';
import type { NoteFilter } from '../rest/resources/notes.js';
import type { EntityType } from '../rest/types.js';
import { builder } from './builder.js';
import { amoIds, badInput, DateTimeRange, EntityTypeEnum, orderInput, timeRange, userId } from './common.js';
import { resolveWindowConnection } from './connection.js';
import { forEachEntityRef, loadEntity, UserRef } from './refs.js';

const param = <T>(note: EntityNote, key: string, check: (value: unknown) => value is T): T | null => {
  const value = note.params?.[key];
  return check(value) ? value : null;
};
const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const numeric = (note: EntityNote, key: string): number | null => {
  const value = note.params?.[key];
  if (isNumber(value)) return value;
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
};

export const NoteRef = builder.objectRef<EntityNote>('Note').implement({
  description: "A note in an entity's feed: a comment, a call, an SMS, a service message… amoCRM's `noteType` says which.",
  fields: (t) => ({
    amoId: t.int({ description: 'amoCRM’s id, unique within the entity type.', resolve: (note) => note.id }),
    noteType: t.exposeString('note_type', { description: 'common, call_in, call_out, service_message, sms_in, sms_out, geolocation, attachment, and read-only others.' }),
    entityType: t.field({ type: EntityTypeEnum, resolve: (note) => note.entity_type }),
    entityAmoId: t.int({ resolve: (note) => note.entity_id }),
    entity: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'The lead, contact or company the note is on.',
      resolve: (note, _args, ctx) => loadEntity(ctx, note.entity_type, note.entity_id),
    }),
    text: t.string({ nullable: true, description: 'The text of a comment, SMS, service or geolocation note.', resolve: (note) => param(note, 'text', isString) }),
    phone: t.string({ nullable: true, description: 'Calls and SMS.', resolve: (note) => param(note, 'phone', isString) }),
    callDuration: t.int({ nullable: true, description: 'Calls: seconds.', resolve: (note) => numeric(note, 'duration') }),
    callLink: t.string({ nullable: true, description: 'Calls: the recording.', resolve: (note) => param(note, 'link', isString) }),
    callSource: t.string({ nullable: true, description: 'Calls: the telephony service.', resolve: (note) => param(note, 'source', isString) }),
    callUniq: t.string({ nullable: true, description: "Calls: the telephony's call id.", resolve: (note) => param(note, 'uniq', isString) }),
    callResult: t.string({ nullable: true, resolve: (note) => param(note, 'call_result', isString) }),
    service: t.string({ nullable: true, description: 'Service messages: who sent it.', resolve: (note) => param(note, 'service', isString) }),
    address: t.string({ nullable: true, description: 'Geolocation.', resolve: (note) => param(note, 'address', isString) }),
    latitude: t.float({ nullable: true, resolve: (note) => numeric(note, 'latitude') }),
    longitude: t.float({ nullable: true, resolve: (note) => numeric(note, 'longitude') }),
    fileName: t.string({ nullable: true, description: 'Attachments.', resolve: (note) => param(note, 'file_name', isString) }),
    isPinned: t.boolean({
      nullable: true,
      description: 'Pinned to the top of the feed (`pinNote`/`unpinNote`). Asked of amoCRM with every note read, at no extra call.',
      resolve: (note) => note.is_pinned ?? null,
    }),
    params: t.field({ type: 'JSON', description: "amoCRM's params as sent, for the note types not typed here.", resolve: (note) => note.params ?? {} }),
    responsibleUser: t.field({ type: UserRef, nullable: true, resolve: (note) => userId(note.responsible_user_id) }),
    createdBy: t.field({ type: UserRef, nullable: true, resolve: (note) => userId(note.created_by) }),
    createdAt: t.field({ type: 'DateTime', resolve: (note) => note.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (note) => note.updated_at }),
  }),
});

export const NoteConnection = builder.connectionObject({ type: NoteRef, name: 'NoteConnection' }, { name: 'NoteEdge' });

const NoteOrder = orderInput('Note', { UPDATED_AT: { value: 'updated_at' }, ID: { value: 'id' } });

const NoteFilterInput = builder.inputType('NoteFilter', {
  fields: (t) => ({
    amoIds: t.intList(),
    noteTypes: t.stringList({ description: 'amoCRM note types, e.g. ["common", "call_in"].' }),
    entityAmoIds: t.intList({ description: 'Notes of these entities.' }),
    updatedAt: t.field({ type: DateTimeRange }),
  }),
});

function noteFilter(filter: { amoIds?: readonly number[] | null; noteTypes?: readonly string[] | null; entityAmoIds?: readonly number[] | null; updatedAt?: { from?: Date | null; to?: Date | null } | null } | null | undefined): NoteFilter | undefined {
  if (!filter) return undefined;
  for (const type of filter.noteTypes ?? []) if (!/^[a-z_]{1,64}$/.test(type)) throw badInput(`filter.noteTypes: not a note type: ${JSON.stringify(type)}`);
  return {
    id: amoIds(filter.amoIds, 'filter.amoIds'),
    note_type: filter.noteTypes ? [...new Set(filter.noteTypes)] : undefined,
    entity_id: amoIds(filter.entityAmoIds, 'filter.entityAmoIds'),
    updated_at: timeRange(filter.updatedAt, 'filter.updatedAt'),
  };
}

builder.queryFields((t) => ({
  notes: t.connection(
    {
      type: NoteRef,
      nullable: true,
      description: 'Notes of one entity type (or of one entity, with `entityAmoId`), paged with cursors.',
      args: {
        entityType: t.arg({ type: EntityTypeEnum, required: true }),
        entityAmoId: t.arg.int(),
        filter: t.arg({ type: NoteFilterInput }),
        orderBy: t.arg({ type: NoteOrder }),
      },
      resolve: (_root, args, ctx) => {
        if (args.entityAmoId != null && args.entityAmoId < 1) throw badInput('entityAmoId must be positive');
        const filter = noteFilter(args.filter);
        return resolveWindowConnection(args, (window) =>
          listNotes(ctx.upstream, args.entityType as EntityType, {
            window,
            entityId: args.entityAmoId ?? undefined,
            filter,
            order: args.orderBy ?? undefined,
          }),
        );
      },
    },
    NoteConnection,
  ),
}));

forEachEntityRef((ref, entity) =>
  builder.objectField(ref, 'notes', (t) =>
    t.loadableList({
      type: NoteRef,
      description: 'Every note in its feed, oldest first as amoCRM lists them.',
      load: (ids: number[], ctx) => loadNotesOf(ctx.upstream, entity, ids),
      resolve: (row) => row.id,
    }),
  ),
);
