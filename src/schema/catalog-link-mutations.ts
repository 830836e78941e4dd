// linkCatalogElements and unlinkCatalogElements: catalog elements on leads, contacts and companies
// with a quantity, through amoCRM's mass link endpoints (one call per 50 items per entity type),
// answered per input item. Separate from linkEntities because these links carry a catalog,
// a quantity and a price, which entity links do not have.

import type { Prepared } from '../loaders/batch-write.js';
import type { EntityType, LinkWrite } from '../rest/types.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './common.js';
import type { GraphQLContext } from './context.js';
import { checkListSize } from './entity-writes.js';
import { sendLinks } from './link-mutations.js';
import { forgetEntity, loadEntity } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const CatalogElementLinkInput = builder.inputType('CatalogElementLinkInput', {
  description: 'A catalog element on a lead, contact or company.',
  fields: (t) => ({
    entity: t.field({ type: EntityTypeEnum, required: true }),
    entityAmoId: t.int({ required: true }),
    catalogAmoId: t.int({ required: true }),
    elementAmoId: t.int({ required: true }),
    quantity: t.float({ description: 'How many; default 1. Ignored by unlink.' }),
    priceId: t.int({ description: 'The price field to price it by (products catalog).' }),
  }),
});

interface InputValue {
  entity: EntityType;
  entityAmoId: number;
  catalogAmoId: number;
  elementAmoId: number;
  quantity?: number | null;
  priceId?: number | null;
}

const PATHS: Record<string, string> = { entity_id: 'entityAmoId', to_entity_id: 'elementAmoId', catalog_id: 'catalogAmoId', quantity: 'quantity', price_id: 'priceId' };

function prepare(input: InputValue, mode: 'link' | 'unlink'): Prepared<LinkWrite> {
  const errors = [];
  for (const key of ['entityAmoId', 'catalogAmoId', 'elementAmoId'] as const) if (input[key] < 1) errors.push(inputError([key], `${key} must be positive`));
  if (input.quantity != null && !(input.quantity > 0)) errors.push(inputError(['quantity'], 'quantity must be positive'));
  if (input.priceId != null && input.priceId < 1) errors.push(inputError(['priceId'], 'priceId must be positive'));
  if (errors.length > 0) return { errors };
  const metadata: NonNullable<LinkWrite['metadata']> = { catalog_id: input.catalogAmoId };
  if (mode === 'link') {
    metadata.quantity = input.quantity ?? 1;
    if (input.priceId != null) metadata.price_id = input.priceId;
  }
  return {
    body: { entity_id: input.entityAmoId, to_entity_id: input.elementAmoId, to_entity_type: 'catalog_elements', metadata },
    inputPath: (amoPath) => {
      const parts = amoPath.split('.');
      const name = PATHS[parts[0] === 'metadata' ? (parts[1] ?? '') : (parts[0] ?? '')];
      return name ? [name] : [];
    },
  };
}

async function write(ctx: GraphQLContext, inputs: readonly InputValue[], mode: 'link' | 'unlink') {
  checkListSize(inputs);
  const items = inputs.map((input) => prepare(input, mode));
  const outcomes = await sendLinks(ctx, items, (index) => inputs[index]!.entity as EntityType, mode);
  inputs.forEach((input, index) => {
    if (outcomes[index]?.status === 'succeeded') forgetEntity(ctx, input.entity, input.entityAmoId);
  });
  return withIndexes(outcomes).map((result) => ({ ...result, input: inputs[result.index]! }));
}

type ResultShape = ReturnType<typeof withIndexes<number>>[number] & { input: InputValue };

const CatalogLinkWriteResult = writeResultType<number>('CatalogLinkWriteResult', 'The outcome of one catalog element link or unlink.', (t) => ({
  entity: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'The lead, contact or company as amoCRM has it now (its catalogElements show the change).',
    resolve: (r, _args, ctx) => {
      const { input } = r as ResultShape;
      return r.outcome.status === 'failed' ? null : loadEntity(ctx, input.entity, input.entityAmoId);
    },
  }),
}));

builder.mutationFields((t) => ({
  linkCatalogElements: t.field({
    type: writePayloadType('LinkCatalogElementsPayload', CatalogLinkWriteResult),
    description: 'Puts catalog elements on leads, contacts or companies with a quantity (linking again sets the quantity); 50 per upstream call per entity type.',
    args: { input: t.arg({ type: [CatalogElementLinkInput], required: true }) },
    resolve: (_root, args, ctx) => write(ctx, args.input, 'link'),
  }),
  unlinkCatalogElements: t.field({
    type: writePayloadType('UnlinkCatalogElementsPayload', CatalogLinkWriteResult),
    description: 'Takes catalog elements off leads, contacts or companies; 50 per upstream call per entity type.',
    args: { input: t.arg({ type: [CatalogElementLinkInput], required: true }) },
    resolve: (_root, args, ctx) => write(ctx, args.input, 'unlink'),
  }),
}));
