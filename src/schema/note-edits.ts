// updateNotes, pinNote and unpinNote: edits of notes already in a feed. The notes are read first
// (one call per entity type) so each item is checked against its note's real type before
// anything is sent; amoCRM keeps a note's entity and type, so only its params and responsible
// user change, and the params are sent whole so nothing the client left out is lost.

import { batchWrite, type ItemError, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import { loadNotes, type EntityNote } from '../loaders/notes.js';
import type { EntityType, NoteWrite, UpdatedRef, WithId } from '../rest/types.js';
import { builder } from './builder.js';
import { badInput, EntityTypeEnum } from './common.js';
import type { GraphQLContext } from './context.js';
import { checkUser } from './entity-inputs.js';
import { checkListSize } from './entity-writes.js';
import { NoteRef } from './note.js';
import { NEEDS, NoteGeolocationInput, noteInputPath, NoteWriteResult, type NoteResult } from './note-mutations.js';
import { inputError, withIndexes, writePayloadType } from './write-results.js';

const NoteCallUpdateInput = builder.inputType('NoteCallUpdateInput', {
  description: 'The parts of a call note to change; the rest stay as they are.',
  fields: (t) => ({
    phone: t.string(),
    uniq: t.string({ description: "The telephony's call id." }),
    duration: t.int({ description: 'Seconds.' }),
    source: t.string({ description: 'The telephony service.' }),
    link: t.string({ description: 'The recording.' }),
    result: t.string({ description: 'What was agreed.' }),
  }),
});

const UpdateNoteInput = builder.inputType('UpdateNoteInput', {
  description: "A change to one note. Only the fields its type has may be given (a comment's `text`, an SMS's `text` and `phone`…); its type and entity stay.",
  fields: (t) => ({
    entityType: t.field({ type: EntityTypeEnum, required: true }),
    amoId: t.int({ required: true, description: "The note's amoCRM id (per entity type)." }),
    text: t.string(),
    phone: t.string({ description: 'SMS.' }),
    service: t.string({ description: 'Service messages: the sender shown.' }),
    call: t.field({ type: NoteCallUpdateInput, description: 'Calls.' }),
    geolocation: t.field({ type: NoteGeolocationInput }),
    responsibleUserId: t.int(),
  }),
});

interface UpdateNoteValue {
  entityType: EntityType;
  amoId: number;
  text?: string | null;
  phone?: string | null;
  service?: string | null;
  call?: { phone?: string | null; uniq?: string | null; duration?: number | null; source?: string | null; link?: string | null; result?: string | null } | null;
  geolocation?: { address: string; latitude: number; longitude: number } | null;
  responsibleUserId?: number | null;
}

const PARAM_FIELDS = ['text', 'phone', 'service', 'call', 'geolocation'] as const;
const CALL_KEYS = { phone: 'phone', uniq: 'uniq', duration: 'duration', source: 'source', link: 'link', result: 'call_result' } as const;

type NoteBody = WithId<Partial<NoteWrite>>;

function prepareUpdate(input: UpdateNoteValue, note: EntityNote | undefined, users: Parameters<typeof checkUser>[0]): Prepared<NoteBody> {
  if (input.amoId < 1) return { errors: [inputError(['amoId'], 'amoId must be positive')] };
  if (!note) return { errors: [inputError(['amoId'], `no ${input.entityType} note ${input.amoId}`, 'NOT_FOUND')] };
  const kinds = NEEDS[note.note_type];
  if (!kinds) return { errors: [inputError(['amoId'], `a ${note.note_type} note cannot be edited: only ${Object.keys(NEEDS).join(', ')} notes can`)] };
  const errors: ItemError[] = [];
  const given = PARAM_FIELDS.filter((key) => input[key] != null);
  if (given.length === 0 && input.responsibleUserId == null) errors.push(inputError([], 'nothing to change: give the fields of its type or responsibleUserId'));
  for (const key of given) if (!kinds.includes(key)) errors.push(inputError([key], `a ${note.note_type} note has no ${key}`));
  for (const key of ['text', 'phone', 'service'] as const) {
    if (input[key] != null && input[key]!.trim() === '') errors.push(inputError([key], `${key} cannot be blank`));
  }
  const call = input.call ?? {};
  for (const key of ['phone', 'uniq', 'source'] as const) if (call[key] != null && call[key]!.trim() === '') errors.push(inputError(['call', key], `${key} cannot be blank`));
  if (call.duration != null && call.duration < 0) errors.push(inputError(['call', 'duration'], 'duration is seconds, not negative'));
  if (input.geolocation && (Math.abs(input.geolocation.latitude) > 90 || Math.abs(input.geolocation.longitude) > 180)) {
    errors.push(inputError(['geolocation'], 'latitude is within ±90 and longitude within ±180'));
  }
  checkUser(users, input.responsibleUserId, ['responsibleUserId'], errors);
  if (errors.length > 0) return { errors };

  const params: Record<string, unknown> = { ...note.params };
  for (const key of ['text', 'phone', 'service'] as const) if (input[key] != null) params[key] = input[key];
  for (const [key, amoKey] of Object.entries(CALL_KEYS)) {
    const value = call[key as keyof typeof CALL_KEYS];
    if (value != null) params[amoKey] = value;
  }
  if (input.geolocation) {
    Object.assign(params, { address: input.geolocation.address, latitude: String(input.geolocation.latitude), longitude: String(input.geolocation.longitude) });
  }
  // amoCRM's docs ask for entity_id in every item of a batch edit.
  const body: NoteBody = { id: note.id, entity_id: note.entity_id };
  if (given.length > 0) body.params = params;
  if (input.responsibleUserId != null) body.responsible_user_id = input.responsibleUserId;
  const paramPath = noteInputPath(input as Parameters<typeof noteInputPath>[0]);
  return { body, inputPath: (amoPath) => (amoPath.split('.')[0] === 'id' ? ['amoId'] : paramPath(amoPath)) };
}

/** Each entity type's notes as they are now, by id: one read per entity type of the input. */
async function currentNotes(ctx: GraphQLContext, inputs: readonly UpdateNoteValue[]) {
  const byType = new Map<EntityType, Set<number>>();
  for (const input of inputs) if (input.amoId > 0) byType.set(input.entityType, (byType.get(input.entityType) ?? new Set()).add(input.amoId));
  const found = new Map<string, EntityNote>();
  await Promise.all(
    [...byType].map(async ([entity, ids]) => {
      for (const note of await loadNotes(ctx.upstream, entity, [...ids])) found.set(`${entity}:${note.id}`, note);
    }),
  );
  return found;
}

async function updateNotes(ctx: GraphQLContext, inputs: readonly UpdateNoteValue[]) {
  checkListSize(inputs);
  const [users, notes] = await Promise.all([ctx.account.users(), currentNotes(ctx, inputs)]);
  const items = inputs.map((input) => prepareUpdate(input, notes.get(`${input.entityType}:${input.amoId}`), users));
  const outcomes = new Array<ItemOutcome<NoteResult>>(items.length);
  const groups = new Map<EntityType, number[]>();
  inputs.forEach((input, index) => groups.set(input.entityType, [...(groups.get(input.entityType) ?? []), index]));
  await Promise.all(
    [...groups].map(async ([entity, indexes]) => {
      const results = await batchWrite<NoteBody, UpdatedRef>(
        indexes.map((index) => items[index]!),
        {
          send: (bodies) => ctx.upstream.notes.update(entity, bodies, { signal: ctx.upstream.scope?.signal }),
          requestIdsOf: (result) => [String(result.request_id)],
        },
      );
      results.forEach((outcome, i) => {
        const input = inputs[indexes[i]!]!;
        const entityId = notes.get(`${entity}:${input.amoId}`)?.entity_id ?? 0;
        outcomes[indexes[i]!] =
          outcome.status === 'succeeded'
            ? { status: 'succeeded', value: { id: outcome.value.id, entity_id: entityId, request_id: String(outcome.value.request_id), entity_type: entity } }
            : outcome;
      });
    }),
  );
  return withIndexes(outcomes);
}

const PinNoteInput = builder.inputType('PinNoteInput', {
  fields: (t) => ({
    entityType: t.field({ type: EntityTypeEnum, required: true }),
    amoId: t.int({ required: true, description: "The note's amoCRM id (per entity type)." }),
  }),
});

/** Pins or unpins one note (amoCRM answers 204), then reads it back. */
async function setPinned(ctx: GraphQLContext, input: { entityType: EntityType; amoId: number }, pinned: boolean): Promise<EntityNote | null> {
  if (input.amoId < 1) throw badInput('amoId must be positive');
  const signal = ctx.upstream.scope?.signal;
  if (pinned) await ctx.upstream.notes.pin(input.entityType, input.amoId, { signal });
  else await ctx.upstream.notes.unpin(input.entityType, input.amoId, { signal });
  const [note] = await loadNotes(ctx.upstream, input.entityType, [input.amoId]);
  return note ?? null;
}

builder.mutationFields((t) => ({
  updateNotes: t.field({
    type: writePayloadType('UpdateNotesPayload', NoteWriteResult),
    description:
      "Edits notes of leads, contacts and companies: the text and other params of the types addNotes writes, and the responsible user. The notes are read first (one call per entity type), then written 50 per call; each item is answered on its own.",
    args: { input: t.arg({ type: [UpdateNoteInput], required: true }) },
    resolve: (_root, args, ctx) => updateNotes(ctx, args.input as UpdateNoteValue[]),
  }),
  pinNote: t.field({
    type: NoteRef,
    nullable: true,
    description: 'Pins a note to the top of its feed and answers it as it is now. An unknown note is an error.',
    args: { input: t.arg({ type: PinNoteInput, required: true }) },
    resolve: (_root, args, ctx) => setPinned(ctx, args.input as { entityType: EntityType; amoId: number }, true),
  }),
  unpinNote: t.field({
    type: NoteRef,
    nullable: true,
    description: 'Unpins a note and answers it as it is now. An unknown note is an error.',
    args: { input: t.arg({ type: PinNoteInput, required: true }) },
    resolve: (_root, args, ctx) => setPinned(ctx, args.input as { entityType: EntityType; amoId: number }, false),
  }),
}));
