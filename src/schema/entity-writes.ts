// The machinery lead, contact and company mutations share: prepare each input item (checked
// against cached metadata, converted to amoCRM's shape), write them in batches of 50 through
// `batchWrite`, and make the written entities fresh for the rest of the request.

import type { ObjectRef } from '@pothos/core';
import { batchWrite, type InputPath, type ItemError, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import type { CreatedRef, CustomFieldValuesWrite, TagWrite, UpdatedRef } from '../rest/types.js';
import { badInput, toUnixSeconds } from './common.js';
import type { GraphQLContext } from './context.js';
import { convertCustomFields, type CustomFieldInputValue } from './custom-field-input.js';
import { checkUser, entityInputPath, MAX_WRITE_ITEMS, tagsToAmo, type TagInputValue, type WriteMetadata } from './entity-inputs.js';
import { inputError, withIndexes, type WriteResultShape } from './write-results.js';

/** The input fields every entity write has. */
export interface EntityInputValue {
  amoId?: number | null;
  name?: string | null;
  responsibleUserId?: number | null;
  createdAt?: Date | null;
  customFields?: readonly CustomFieldInputValue[] | null;
  /** Create: tags to set. Update: tags that replace all others (an empty list clears them). */
  tags?: readonly TagInputValue[] | null;
  addTags?: readonly TagInputValue[] | null;
  removeTags?: readonly TagInputValue[] | null;
}

export interface EntityBodyBase {
  id?: number;
  name?: string;
  responsible_user_id?: number;
  created_at?: number;
  custom_fields_values?: CustomFieldValuesWrite[];
  tags_to_add?: TagWrite[];
  tags_to_delete?: TagWrite[];
  _embedded?: { tags?: TagWrite[] | null };
}

/** Converts what every entity shares; the entity's own fields are added by its caller. */
export function commonBody(input: EntityInputValue, metadata: WriteMetadata, mode: 'create' | 'update', errors: ItemError[]) {
  const body: EntityBodyBase = {};
  if (mode === 'update') body.id = input.amoId!;
  if (input.name != null) {
    if (input.name.trim() === '') errors.push(inputError(['name'], 'a name cannot be empty'));
    body.name = input.name;
  }
  if (input.responsibleUserId != null) {
    checkUser(metadata.users, input.responsibleUserId, ['responsibleUserId'], errors);
    body.responsible_user_id = input.responsibleUserId;
  }
  if (input.createdAt) body.created_at = toUnixSeconds(input.createdAt);
  const custom = convertCustomFields(input.customFields ?? [], metadata.fields, ['customFields']);
  errors.push(...custom.errors);
  if (custom.values.length > 0) body.custom_fields_values = custom.values;
  if (input.tags != null) body._embedded = { tags: tagsToAmo(input.tags, ['tags'], errors) };
  if (input.addTags?.length) body.tags_to_add = tagsToAmo(input.addTags, ['addTags'], errors);
  if (input.removeTags?.length) body.tags_to_delete = tagsToAmo(input.removeTags, ['removeTags'], errors);
  const inputPath = (amoPath: string): InputPath =>
    entityInputPath(amoPath, { sources: custom.sources, inputs: input.customFields ?? [] });
  return { body, inputPath };
}

export function checkListSize(items: readonly unknown[]): void {
  if (items.length > MAX_WRITE_ITEMS) throw badInput(`one mutation writes at most ${MAX_WRITE_ITEMS} items, got ${items.length}`);
}

/** The items of a delete by amoId: bad ids and repeats fail on their own before anything is sent. */
export function deletionItems(amoIds: readonly number[], noun: string): Prepared<{ id: number }>[] {
  checkListSize(amoIds);
  const seen = new Set<number>();
  return amoIds.map((id) => {
    if (id < 1) return { errors: [inputError([], 'amoId must be a positive id')] };
    if (seen.has(id)) return { errors: [inputError([], `${noun} ${id} is already deleted by an earlier item of this call`)] };
    seen.add(id);
    return { body: { id }, inputPath: () => [] };
  });
}

/**
 * One upstream call per item, for endpoints that take one thing by path (PATCH/DELETE .../{id}):
 * each item is answered on its own, with batchWrite's reading of refusals and lost answers.
 */
export function oneByOne<Body extends object, Result>(items: Prepared<Body>[], send: (body: Body) => Promise<Result>): Promise<ItemOutcome<Result>[]> {
  return batchWrite<Body, { value: Result }>(items, {
    batchSize: 1,
    requestIds: 'by-position',
    send: async ([body]) => [{ value: await send(body as Body) }],
    requestIdsOf: () => ['0'],
  }).then((outcomes) => outcomes.map((outcome) => (outcome.status === 'succeeded' ? { status: 'succeeded', value: outcome.value.value } : outcome)));
}

/** Deletes by amoId, one DELETE .../{id} each (amoCRM has no batch delete there). */
export function deleteEach(amoIds: readonly number[], noun: string, remove: (id: number) => Promise<unknown>): Promise<ItemOutcome<{ id: number }>[]> {
  return oneByOne(deletionItems(amoIds, noun), async ({ id }) => {
    await remove(id);
    return { id };
  });
}

/**
 * Deletes by amoId in batches of 50. amoCRM answers a delete with 204 and no rows, so an item's
 * fate is its whole batch's; repeats and bad ids fail on their own before anything is sent.
 */
export async function deleteByIds(
  amoIds: readonly number[],
  noun: string,
  remove: (ids: number[]) => Promise<void>,
): Promise<WriteResultShape<{ id: number }>[]> {
  const outcomes = await batchWrite<{ id: number }, { id: number; position: string }>(deletionItems(amoIds, noun), {
    requestIds: 'by-position',
    send: async (bodies) => {
      await remove(bodies.map((body) => body.id));
      return bodies.map((body, position) => ({ id: body.id, position: String(position) }));
    },
    requestIdsOf: (result) => [result.position],
  });
  return withIndexes(outcomes);
}

/** Updating the same entity twice in one call has no defined order: refuse the repeats. */
export function refuseRepeats<T extends { amoId?: number | null }>(items: readonly T[], prepare: (item: T, index: number) => Prepared<object>) {
  const seen = new Set<number>();
  return items.map((item, index) => {
    if (item.amoId == null || item.amoId < 1) return { errors: [inputError(['amoId'], 'amoId must be a positive id')] };
    if (seen.has(item.amoId)) return { errors: [inputError(['amoId'], `entity ${item.amoId} is already updated by an earlier item of this call`)] };
    seen.add(item.amoId);
    return prepare(item, index);
  });
}

export interface EntityResourceWrites<Body> {
  create(items: Body[], params?: { signal?: AbortSignal }): Promise<CreatedRef[]>;
  update(items: (Body & { id: number })[], params?: { signal?: AbortSignal }): Promise<UpdatedRef[]>;
}

/** Writes prepared items and forgets cached copies of what was written, for this request. */
export async function writeEntities<Body extends object>(
  ctx: GraphQLContext,
  mode: 'create' | 'update',
  resource: EntityResourceWrites<Body>,
  items: Prepared<Body>[],
  loaderOf: ObjectRef<any, any> & { getDataloader(ctx: GraphQLContext): { clear(key: number): unknown } },
): Promise<WriteResultShape<CreatedRef | UpdatedRef>[]> {
  let outcomes: ItemOutcome<CreatedRef | UpdatedRef>[];
  if (mode === 'create') {
    outcomes = await batchWrite<Body, CreatedRef>(items, {
      send: (bodies) => resource.create(bodies, { signal: ctx.upstream.scope?.signal }),
      requestIdsOf: (result) => [String(result.request_id)],
    });
  } else {
    // amoCRM may not echo request_id on updates: each item's id answers for it.
    const requestIdById = new Map<number, string>();
    outcomes = await batchWrite<Body, UpdatedRef>(items, {
      send: (bodies) => {
        for (const body of bodies) requestIdById.set((body as unknown as { id: number }).id, body.request_id);
        return resource.update(bodies as (Body & { id: number; request_id: string })[], { signal: ctx.upstream.scope?.signal });
      },
      requestIdsOf: (result) => [result.request_id ?? requestIdById.get(result.id) ?? ''],
    });
  }
  const loader = loaderOf.getDataloader(ctx);
  for (const outcome of outcomes) if (outcome.status === 'succeeded') loader.clear(outcome.value.id);
  return withIndexes(outcomes);
}

export type { ItemOutcome };
