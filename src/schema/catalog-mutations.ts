// createCatalogElements and updateCatalogElements: elements of one catalog, 50 per upstream call,
// each item answered on its own; bad input is refused before anything is sent.

import { batchWrite, type ItemError, type Prepared } from '../loaders/batch-write.js';
import { elementKey } from '../loaders/catalogs.js';
import type { CatalogElementWrite } from '../rest/resources/catalogs.js';
import type { CreatedRef, CustomFieldDefinition, UpdatedRef, WithId } from '../rest/types.js';
import { CustomFieldInput, ownerCustomFields, type CustomFieldInputValue } from './custom-field-input.js';
import { builder } from './builder.js';
import { badInput } from './common.js';
import type { GraphQLContext } from './context.js';
import { CatalogElementRef } from './catalog.js';
import { checkListSize, refuseRepeats } from './entity-writes.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const CreateCatalogElementInput = builder.inputType('CreateCatalogElementInput', {
  fields: (t) => ({ name: t.string({ required: true }), customFields: t.field({ type: [CustomFieldInput], description: "Checked against the catalog's field definitions (SKU, PRICE… in products)." }) }),
});

const UpdateCatalogElementInput = builder.inputType('UpdateCatalogElementInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({ amoId: t.int({ required: true }), name: t.string(), customFields: t.field({ type: [CustomFieldInput] }) }),
});

interface ElementInputValue {
  amoId?: number | null;
  name?: string | null;
  customFields?: readonly CustomFieldInputValue[] | null;
}

const inputPath = (amoPath: string) => (amoPath.split('.')[0] === 'name' ? ['name'] : amoPath.split('.')[0] === 'id' ? ['amoId'] : []);

function prepare(inputs: readonly ElementInputValue[], mode: 'create' | 'update', fields: readonly CustomFieldDefinition[]): Prepared<CatalogElementWrite>[] {
  const one = (input: ElementInputValue): Prepared<CatalogElementWrite> => {
    const errors: ItemError[] = [];
    const body: CatalogElementWrite & { id?: number } = {};
    if (mode === 'update') {
      if (input.amoId! < 1) errors.push(inputError(['amoId'], 'amoId must be positive'));
      body.id = input.amoId!;
    }
    if (input.name != null) {
      if (input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
      body.name = input.name;
    }
    const custom = ownerCustomFields(input.customFields, fields, body, errors);
    if (mode === 'update' && Object.keys(body).length === 1 && !input.customFields?.length) errors.push(inputError([], 'nothing to change'));
    return errors.length > 0 ? { errors } : { body, inputPath: (amoPath) => custom(amoPath) ?? inputPath(amoPath) };
  };
  return mode === 'update' ? (refuseRepeats(inputs, one) as Prepared<CatalogElementWrite>[]) : inputs.map(one);
}

async function writeElements(ctx: GraphQLContext, catalogId: number, inputs: readonly ElementInputValue[], mode: 'create' | 'update') {
  if (catalogId < 1) throw badInput('catalogAmoId must be positive');
  checkListSize(inputs);
  // Definitions only when a custom field is written: a write without one costs no extra call.
  const fields = inputs.some((input) => input.customFields?.length) ? await ctx.account.customFields(`catalogs/${catalogId}`) : [];
  const items = prepare(inputs, mode, fields);
  const signal = ctx.upstream.scope?.signal;
  const requestIdById = new Map<number, string>();
  const outcomes =
    mode === 'create'
      ? await batchWrite<CatalogElementWrite, CreatedRef | UpdatedRef>(items, {
          send: (bodies) => ctx.upstream.catalogs.createElements(catalogId, bodies, { signal }),
          requestIdsOf: (result) => [String(result.request_id)],
        })
      : await batchWrite<CatalogElementWrite, CreatedRef | UpdatedRef>(items, {
          send: (bodies) => {
            for (const body of bodies) requestIdById.set((body as WithId<CatalogElementWrite>).id, body.request_id!);
            return ctx.upstream.catalogs.updateElements(catalogId, bodies as WithId<CatalogElementWrite>[], { signal });
          },
          requestIdsOf: (result) => [result.request_id ?? requestIdById.get(result.id) ?? ''],
        });
  const loader = CatalogElementRef.getDataloader(ctx);
  for (const outcome of outcomes) if (outcome.status === 'succeeded') loader.clear(elementKey(catalogId, outcome.value.id));
  return withIndexes(outcomes.map((outcome) => (outcome.status === 'succeeded' ? { ...outcome, value: { id: outcome.value.id, catalogId } } : outcome)));
}

const CatalogElementWriteResult = writeResultType<{ id: number; catalogId: number }>(
  'CatalogElementWriteResult',
  'The outcome of one element of a createCatalogElements or updateCatalogElements call.',
  (t) => ({
    amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
    element: t.field({
      type: CatalogElementRef,
      nullable: true,
      description: 'The element as amoCRM has it now (read after the write).',
      resolve: (r) => (r.outcome.status === 'succeeded' ? elementKey(r.outcome.value.catalogId, r.outcome.value.id) : null),
    }),
  }),
);

builder.mutationFields((t) => ({
  createCatalogElements: t.field({
    type: writePayloadType('CreateCatalogElementsPayload', CatalogElementWriteResult),
    description: 'Adds elements to a catalog, 50 per upstream call, each answered on its own.',
    args: { catalogAmoId: t.arg.int({ required: true }), input: t.arg({ type: [CreateCatalogElementInput], required: true }) },
    resolve: (_root, args, ctx) => writeElements(ctx, args.catalogAmoId, args.input, 'create'),
  }),
  updateCatalogElements: t.field({
    type: writePayloadType('UpdateCatalogElementsPayload', CatalogElementWriteResult),
    description: 'Changes names and custom fields of elements of a catalog by amoId, 50 per upstream call, each answered on its own.',
    args: { catalogAmoId: t.arg.int({ required: true }), input: t.arg({ type: [UpdateCatalogElementInput], required: true }) },
    resolve: (_root, args, ctx) => writeElements(ctx, args.catalogAmoId, args.input, 'update'),
  }),
}));
