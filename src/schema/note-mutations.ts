// addNotes: the common note types on leads, contacts and companies, 50 per upstream call per
// entity type, each item answered on its own.

import { batchWrite, type InputPath, type ItemError, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import { loadNotes } from '../loaders/notes.js';
import type { EntityType, NoteCreated, NoteWrite } from '../rest/types.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './common.js';
import type { GraphQLContext } from './context.js';
import { checkUser } from './entity-inputs.js';
import { checkListSize } from './entity-writes.js';
import { NoteRef } from './note.js';
import { forgetEntity } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const NoteKind = builder.enumType('NoteKind', {
  description: 'The note types that can be added, and what each needs.',
  values: {
    COMMON: { value: 'common', description: 'A comment: `text`.' },
    CALL_IN: { value: 'call_in', description: 'An incoming call: `call`.' },
    CALL_OUT: { value: 'call_out', description: 'An outgoing call: `call`.' },
    SERVICE_MESSAGE: { value: 'service_message', description: 'A message from a service: `service` and `text`.' },
    SMS_IN: { value: 'sms_in', description: 'An incoming SMS: `text` and `phone`.' },
    SMS_OUT: { value: 'sms_out', description: 'An outgoing SMS: `text` and `phone`.' },
    GEOLOCATION: { value: 'geolocation', description: 'A place: `text` and `geolocation`.' },
  } as const,
});

export const NoteCallInput = builder.inputType('NoteCallInput', {
  fields: (t) => ({
    phone: t.string({ required: true }),
    uniq: t.string({ required: true, description: "The telephony's call id." }),
    duration: t.int({ required: true, description: 'Seconds.' }),
    source: t.string({ required: true, description: 'The telephony service.' }),
    link: t.string({ description: 'The recording.' }),
    result: t.string({ description: 'What was agreed.' }),
  }),
});

export const NoteGeolocationInput = builder.inputType('NoteGeolocationInput', {
  fields: (t) => ({
    address: t.string({ required: true }),
    latitude: t.float({ required: true }),
    longitude: t.float({ required: true }),
  }),
});

const AddNoteInput = builder.inputType('AddNoteInput', {
  fields: (t) => ({
    entityType: t.field({ type: EntityTypeEnum, required: true }),
    entityAmoId: t.int({ required: true }),
    type: t.field({ type: NoteKind, required: true }),
    text: t.string(),
    phone: t.string({ description: 'SMS.' }),
    service: t.string({ description: 'Service messages: the sender shown.' }),
    call: t.field({ type: NoteCallInput }),
    geolocation: t.field({ type: NoteGeolocationInput }),
    responsibleUserId: t.int(),
  }),
});

export interface AddNoteValue {
  entityType: EntityType;
  entityAmoId: number;
  type: string;
  text?: string | null;
  phone?: string | null;
  service?: string | null;
  call?: { phone: string; uniq: string; duration: number; source: string; link?: string | null; result?: string | null } | null;
  geolocation?: { address: string; latitude: number; longitude: number } | null;
  responsibleUserId?: number | null;
}

/** Which inputs each kind needs; the rest must be left out, so nothing is silently dropped. */
export const NEEDS: Record<string, readonly (keyof AddNoteValue)[]> = {
  common: ['text'],
  call_in: ['call'],
  call_out: ['call'],
  service_message: ['service', 'text'],
  sms_in: ['text', 'phone'],
  sms_out: ['text', 'phone'],
  geolocation: ['text', 'geolocation'],
};
const OPTIONAL: readonly (keyof AddNoteValue)[] = ['text', 'phone', 'service', 'call', 'geolocation'];

const CALL_PATHS: Record<string, string> = { phone: 'phone', uniq: 'uniq', duration: 'duration', source: 'source', link: 'link', call_result: 'result' };

export function noteInputPath(input: Pick<AddNoteValue, 'call' | 'geolocation'>) {
  return (amoPath: string): InputPath => {
    const [head, key] = amoPath.split('.');
    if (head === 'entity_id') return ['entityAmoId'];
    if (head === 'note_type') return ['type'];
    if (head === 'responsible_user_id') return ['responsibleUserId'];
    if (head !== 'params' || !key) return [];
    if (input.call && CALL_PATHS[key]) return ['call', CALL_PATHS[key]!];
    if (input.geolocation && ['address', 'latitude', 'longitude'].includes(key)) return ['geolocation', key];
    return ['text', 'phone', 'service'].includes(key) ? [key] : [];
  };
}

function prepareNote(input: AddNoteValue, users: Parameters<typeof checkUser>[0]): Prepared<NoteWrite> {
  const errors: ItemError[] = [];
  if (input.entityAmoId < 1) errors.push(inputError(['entityAmoId'], 'entityAmoId must be positive'));
  const needs = NEEDS[input.type] ?? [];
  for (const key of needs) {
    const value = input[key];
    if (value == null || (typeof value === 'string' && value.trim() === '')) errors.push(inputError([key], `a ${input.type} note needs ${key}`));
  }
  for (const key of OPTIONAL) if (!needs.includes(key) && input[key] != null) errors.push(inputError([key], `a ${input.type} note has no ${key}`));
  checkUser(users, input.responsibleUserId, ['responsibleUserId'], errors);
  if (input.call && input.call.duration < 0) errors.push(inputError(['call', 'duration'], 'duration is seconds, not negative'));
  if (input.geolocation && (Math.abs(input.geolocation.latitude) > 90 || Math.abs(input.geolocation.longitude) > 180)) {
    errors.push(inputError(['geolocation'], 'latitude is within ±90 and longitude within ±180'));
  }
  if (errors.length > 0) return { errors };
  const params: Record<string, unknown> = {};
  if (input.text != null) params.text = input.text;
  if (input.phone != null) params.phone = input.phone;
  if (input.service != null) params.service = input.service;
  if (input.call) {
    Object.assign(params, { phone: input.call.phone, uniq: input.call.uniq, duration: input.call.duration, source: input.call.source });
    if (input.call.link) params.link = input.call.link;
    if (input.call.result) params.call_result = input.call.result;
  }
  if (input.geolocation) {
    Object.assign(params, { address: input.geolocation.address, latitude: String(input.geolocation.latitude), longitude: String(input.geolocation.longitude) });
  }
  const body: NoteWrite = { entity_id: input.entityAmoId, note_type: input.type, params };
  if (input.responsibleUserId != null) body.responsible_user_id = input.responsibleUserId;
  return { body, inputPath: noteInputPath(input) };
}

export type NoteResult = NoteCreated & { entity_type: EntityType };

async function addNotes(ctx: GraphQLContext, inputs: readonly AddNoteValue[]) {
  checkListSize(inputs);
  const users = await ctx.account.users();
  const items = inputs.map((input) => prepareNote(input, users));
  const outcomes = new Array<ItemOutcome<NoteResult>>(items.length);
  // One endpoint per entity type: each group is batched and answered on its own.
  const groups = new Map<EntityType, number[]>();
  inputs.forEach((input, index) => groups.set(input.entityType, [...(groups.get(input.entityType) ?? []), index]));
  await Promise.all(
    [...groups].map(async ([entity, indexes]) => {
      const results = await batchWrite<NoteWrite, NoteCreated>(
        indexes.map((index) => items[index]!),
        {
          send: (bodies) => ctx.upstream.notes.create(entity, bodies, { signal: ctx.upstream.scope?.signal }),
          requestIdsOf: (result) => [String(result.request_id)],
        },
      );
      results.forEach((outcome, i) => {
        outcomes[indexes[i]!] = outcome.status === 'succeeded' ? { status: 'succeeded', value: { ...outcome.value, entity_type: entity } } : outcome;
      });
    }),
  );
  // A note moves the entity's updated_at in amoCRM: read it again if asked for.
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'succeeded') forgetEntity(ctx, inputs[index]!.entityType, inputs[index]!.entityAmoId);
  });
  return withIndexes(outcomes);
}

export const NoteWriteResult = writeResultType<NoteResult>('NoteWriteResult', 'The outcome of one note of an addNotes or updateNotes call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  note: t.loadable({
    type: NoteRef,
    nullable: true,
    description: 'The note as amoCRM has it now (read after the write, one call per entity type).',
    load: async (keys: string[], ctx: GraphQLContext) => {
      const byType = new Map<EntityType, number[]>();
      for (const key of keys) {
        const [entity, id] = key.split(':') as [EntityType, string];
        byType.set(entity, [...(byType.get(entity) ?? []), Number(id)]);
      }
      const notes = (await Promise.all([...byType].map(([entity, ids]) => loadNotes(ctx.upstream, entity, ids)))).flat();
      const found = new Map(notes.map((note) => [`${note.entity_type}:${note.id}`, note]));
      return keys.map((key) => found.get(key) ?? null);
    },
    resolve: (r) => (r.outcome.status === 'succeeded' ? `${r.outcome.value.entity_type}:${r.outcome.value.id}` : null),
  }),
}));

builder.mutationFields((t) => ({
  addNotes: t.field({
    type: writePayloadType('AddNotesPayload', NoteWriteResult),
    description: 'Adds notes to leads, contacts and companies, 50 per upstream call per entity type, each answered on its own.',
    args: { input: t.arg({ type: [AddNoteInput], required: true }) },
    resolve: (_root, args, ctx) => addNotes(ctx, args.input),
  }),
}));

