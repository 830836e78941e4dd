// linkEntities and unlinkEntities: links between leads, contacts and companies, and of customers
// to contacts and companies, batched by 50 per entity type through amoCRM's mass link endpoints,
// answered per input item. The relations of the read graph show the change in the same request
// (the linked entities are read again).

import { brandWithType } from '@pothos/core';
import { batchWrite, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import type { LinkSourceType } from '../rest/resources/links.js';
import type { LinkWrite } from '../rest/types.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { CustomerRef } from './customer.js';
import { checkListSize } from './entity-writes.js';
import { forgetEntity, loadEntity } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

/** `EntityType` plus customers, which have links but (yet) no notes, tasks or fields here. */
const LinkEntityTypeEnum = builder.enumType('LinkEntityType', {
  description: 'The entity types amoCRM links to each other.',
  values: {
    LEADS: { value: 'leads' },
    CONTACTS: { value: 'contacts' },
    COMPANIES: { value: 'companies' },
    CUSTOMERS: { value: 'customers', description: 'Links to contacts and companies (the customers mode must be on).' },
  } as const,
});

const EntityRefInput = builder.inputType('EntityRefInput', {
  fields: (t) => ({
    entity: t.field({ type: LinkEntityTypeEnum, required: true }),
    amoId: t.int({ required: true }),
  }),
});

const EntityLinkInput = builder.inputType('EntityLinkInput', {
  description: 'A link between a lead and a contact or company, a contact and a company, or a customer and a contact or company (either way round).',
  fields: (t) => ({
    from: t.field({ type: EntityRefInput, required: true }),
    to: t.field({ type: EntityRefInput, required: true }),
    isMain: t.boolean({ description: "Lead or customer and contact only: makes the contact the main one." }),
  }),
});

interface LinkInputValue {
  from: { entity: LinkSourceType; amoId: number };
  to: { entity: LinkSourceType; amoId: number };
  isMain?: boolean | null;
}

/**
 * amoCRM links customers to contacts and companies, leads to contacts and companies, and contacts
 * to companies; we send that way round (customer links go through the customers endpoints).
 */
const RANK: Record<LinkSourceType, number> = { customers: -1, leads: 0, contacts: 1, companies: 2 };

function prepareLink(input: LinkInputValue): Prepared<LinkWrite> & { entity?: LinkSourceType } {
  const [from, to] = RANK[input.from.entity] <= RANK[input.to.entity] ? [input.from, input.to] : [input.to, input.from];
  if (from.entity === to.entity || (from.entity === 'customers' && to.entity === 'leads')) {
    return { errors: [inputError(['to', 'entity'], `amoCRM does not link ${from.entity} to ${to.entity}`)] };
  }
  if (from.amoId < 1 || to.amoId < 1) return { errors: [inputError([], 'amoIds are positive')] };
  if (input.isMain && !((from.entity === 'leads' || from.entity === 'customers') && to.entity === 'contacts')) {
    return { errors: [inputError(['isMain'], 'only a contact can be the main one, of a lead or a customer')] };
  }
  const body: LinkWrite = {
    entity_id: from.amoId,
    to_entity_id: to.amoId,
    to_entity_type: to.entity,
    ...(input.isMain ? { metadata: { is_main: true } } : {}),
  };
  const swapped = from !== input.from;
  return {
    entity: from.entity,
    body,
    inputPath: (amoPath) => {
      const head = amoPath.split('.')[0];
      if (head === 'entity_id') return [swapped ? 'to' : 'from', 'amoId'];
      if (head === 'to_entity_id') return [swapped ? 'from' : 'to', 'amoId'];
      return head === 'metadata' ? ['isMain'] : [];
    },
  };
}

/**
 * One mass link/unlink call per source entity type (`entityOf` names it for a valid item); each
 * group answers for its own items, by position. Answers the outcomes in input order.
 */
export async function sendLinks(
  ctx: GraphQLContext,
  items: readonly Prepared<LinkWrite>[],
  entityOf: (index: number) => LinkSourceType,
  mode: 'link' | 'unlink',
): Promise<ItemOutcome<number>[]> {
  const outcomes = new Array<ItemOutcome<number>>(items.length);
  const groups = new Map<LinkSourceType | 'invalid', number[]>();
  items.forEach((item, index) => {
    const key = 'errors' in item ? 'invalid' : entityOf(index);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  await Promise.all(
    [...groups].map(async ([entity, indexes]) => {
      const results = await batchWrite<LinkWrite, number>(
        indexes.map((index) => items[index]!),
        {
          requestIds: 'by-position',
          send: async (bodies) => {
            const signal = ctx.upstream.scope?.signal;
            if (mode === 'link') await ctx.upstream.links.linkMany(entity as LinkSourceType, bodies, { signal });
            else await ctx.upstream.links.unlinkMany(entity as LinkSourceType, bodies, { signal });
            return bodies.map((_, position) => position);
          },
          requestIdsOf: (position) => [String(position)],
        },
      );
      results.forEach((outcome, i) => (outcomes[indexes[i]!] = outcome));
    }),
  );
  return outcomes;
}

async function writeLinks(ctx: GraphQLContext, inputs: readonly LinkInputValue[], mode: 'link' | 'unlink') {
  checkListSize(inputs);
  const items = inputs.map(prepareLink);
  const outcomes = await sendLinks(ctx, items, (index) => items[index]!.entity!, mode);
  // The linked entities' relations changed: read them again if this request asks for them.
  inputs.forEach((input, index) => {
    if (outcomes[index]?.status !== 'succeeded') return;
    for (const side of [input.from, input.to]) {
      if (side.entity === 'customers') CustomerRef.getDataloader(ctx).clear(side.amoId);
      else forgetEntity(ctx, side.entity, side.amoId);
    }
  });
  return withIndexes(outcomes).map((result) => ({ ...result, input: inputs[result.index]! }));
}

type LinkResultShape = ReturnType<typeof withIndexes<number>>[number] & { input: LinkInputValue };

const LinkWriteResult = writeResultType<number>('LinkWriteResult', 'The outcome of one link or unlink.', (t) => ({
  from: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'The `from` entity as amoCRM has it now.',
    resolve: (r, _args, ctx) => entityNode(ctx, (r as LinkResultShape).input.from, r.outcome.status),
  }),
  to: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'The `to` entity as amoCRM has it now.',
    resolve: (r, _args, ctx) => entityNode(ctx, (r as LinkResultShape).input.to, r.outcome.status),
  }),
}));

/** The entity as amoCRM has it now, unless the write surely did not happen. */
function entityNode(ctx: GraphQLContext, ref: { entity: LinkSourceType; amoId: number }, status: string): Promise<object | null> | null {
  if (status === 'failed') return null;
  return ref.entity === 'customers' ? loadCustomer(ctx, ref.amoId) : loadEntity(ctx, ref.entity, ref.amoId);
}

/** A customer branded as one, so the `Node` field can tell what it is (null when gone or the mode is off). */
async function loadCustomer(ctx: GraphQLContext, id: number): Promise<object | null> {
  const row = await CustomerRef.getDataloader(ctx).load(id).catch(() => null);
  if (row) brandWithType(row, CustomerRef as never);
  return row ?? null;
}

const LinkEntitiesPayload = writePayloadType('LinkEntitiesPayload', LinkWriteResult);
const UnlinkEntitiesPayload = writePayloadType('UnlinkEntitiesPayload', LinkWriteResult);

builder.mutationFields((t) => ({
  linkEntities: t.field({
    type: LinkEntitiesPayload,
    description: 'Links entities, 50 per upstream call per entity type, each answered on its own.',
    args: { input: t.arg({ type: [EntityLinkInput], required: true }) },
    resolve: (_root, args, ctx) => writeLinks(ctx, args.input, 'link'),
  }),
  unlinkEntities: t.field({
    type: UnlinkEntitiesPayload,
    description: 'Removes links, 50 per upstream call per entity type, each answered on its own.',
    args: { input: t.arg({ type: [EntityLinkInput], required: true }) },
    resolve: (_root, args, ctx) => writeLinks(ctx, args.input, 'unlink'),
  }),
}));
