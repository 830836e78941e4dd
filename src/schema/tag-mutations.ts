// createTags: adds tags to the dictionary of one entity type, 50 per upstream call, each item
// answered on its own. amoCRM's API (amoCRM's and Kommo's docs alike) documents no call that
// deletes a tag from the dictionary, so there is no deleteTags: tags leave entities through
// `removeTags` on their update mutations, and the dictionary is pruned in amoCRM's interface.

import { batchWrite, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { TagCreate } from '../rest/resources/tags.js';
import type { EntityType, Tag } from '../rest/types.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './common.js';
import type { GraphQLContext } from './context.js';
import { checkListSize } from './entity-writes.js';
import { TagRef } from './tag.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

/** amoCRM's tag palette (hex without "#"); only leads tags have a colour. */
export const TAG_COLORS = [
  'EBEBEB', 'D0D0D0', 'F2DDF7', 'D1A4DC', 'FF8F92', 'FFC8C8', 'C7DB8C', 'DDEBB5', '8699DA', 'AABDFF', 'FFCE5A', 'FFE193',
  '90CDB0', 'C6F4DE', 'A9A5D7', 'D8D5FF', '86C0FC', '832161', '6A0F49', '0C7C59', '10599D', '9D2B32', '247BA0',
] as const;

const CreateTagInput = builder.inputType('CreateTagInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'A name the dictionary already has answers that tag (names are unique per entity type).' }),
    color: t.string({ description: `Leads tags only: hex without "#", one of amoCRM's palette: ${TAG_COLORS.join(', ')}.` }),
  }),
});

interface CreateTagValue {
  name: string;
  color?: string | null;
}

function prepareTag(entity: EntityType, input: CreateTagValue): Prepared<TagCreate> {
  const errors: ItemError[] = [];
  const name = input.name.trim();
  if (name === '') errors.push(inputError(['name'], 'name cannot be blank'));
  const color = input.color?.trim().toUpperCase();
  if (input.color != null && entity !== 'leads') errors.push(inputError(['color'], `only leads tags have a colour, not ${entity} tags`));
  else if (color != null && !(TAG_COLORS as readonly string[]).includes(color)) {
    errors.push(inputError(['color'], `not a colour of amoCRM's tag palette: ${JSON.stringify(input.color)}`));
  }
  if (errors.length > 0) return { errors };
  return { body: color ? { name, color } : { name }, inputPath: (amoPath) => (amoPath.startsWith('color') ? ['color'] : amoPath.startsWith('name') ? ['name'] : []) };
}

async function createTags(ctx: GraphQLContext, entity: EntityType, inputs: readonly CreateTagValue[]) {
  checkListSize(inputs);
  const outcomes = await batchWrite<TagCreate, Tag & { request_id: string }>(
    inputs.map((input) => prepareTag(entity, input)),
    {
      send: (bodies) => ctx.upstream.tags.create(entity, bodies, { signal: ctx.upstream.scope?.signal }),
      requestIdsOf: (result) => [String(result.request_id)],
    },
  );
  return withIndexes(outcomes);
}

const TagWriteResult = writeResultType<Tag>('TagWriteResult', 'The outcome of one tag of a createTags call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  tag: t.field({
    type: TagRef,
    nullable: true,
    description: 'The tag as amoCRM answered it (no further call).',
    resolve: (r) => (r.outcome.status === 'succeeded' ? { id: r.outcome.value.id, name: r.outcome.value.name, color: r.outcome.value.color ?? null } : null),
  }),
}));

builder.mutationFields((t) => ({
  createTags: t.field({
    type: writePayloadType('CreateTagsPayload', TagWriteResult),
    description: "Adds tags to one entity type's dictionary (tag ids are per entity type), 50 per upstream call, each answered on its own. Colours for leads tags only.",
    args: {
      entity: t.arg({ type: EntityTypeEnum, required: true }),
      input: t.arg({ type: [CreateTagInput], required: true }),
    },
    resolve: (_root, args, ctx) => createTags(ctx, args.entity as EntityType, args.input),
  }),
}));
