// createCatalogs and updateCatalogs: the account's catalogs (lists) themselves, 50 per upstream
// call, each item answered on its own. amoCRM allows 10 catalogs, one invoices and one products
// catalog among them, and only to users with access to lists; it has no catalog delete in API v4.

import { batchWrite, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { CatalogType, CatalogWrite } from '../rest/resources/catalogs.js';
import type { CreatedRef, UpdatedRef, WithId } from '../rest/types.js';
import { builder } from './builder.js';
import { CatalogRef, CatalogTypeEnum } from './catalog.js';
import type { GraphQLContext } from './context.js';
import { checkListSize, refuseRepeats } from './entity-writes.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const CreateCatalogInput = builder.inputType('CreateCatalogInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    type: t.field({ type: CatalogTypeEnum, description: 'Default REGULAR. An account has at most one INVOICES and one PRODUCTS catalog.' }),
    sort: t.int({ description: 'Its place among the catalogs.' }),
    canAddElements: t.boolean({ description: 'Whether users may add elements in amoCRM’s interface.' }),
    canLinkMultiple: t.boolean({ description: 'Whether one element may be linked to many leads or customers.' }),
  }),
});

const UpdateCatalogInput = builder.inputType('UpdateCatalogInput', {
  description: 'Only the fields given change. amoCRM cannot change a catalog’s type or sort through its API.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string({ description: 'amoCRM requires a name on every update: when omitted, the current one is sent.' }),
    canAddElements: t.boolean(),
    canLinkMultiple: t.boolean(),
  }),
});

interface CatalogInputValue {
  amoId?: number | null;
  name?: string | null;
  type?: CatalogType | null;
  sort?: number | null;
  canAddElements?: boolean | null;
  canLinkMultiple?: boolean | null;
}

const PATHS: Record<string, string> = { id: 'amoId', name: 'name', type: 'type', sort: 'sort', can_add_elements: 'canAddElements', can_link_multiple: 'canLinkMultiple' };
const inputPath = (amoPath: string) => {
  const name = PATHS[amoPath.split('.')[0] ?? ''];
  return name ? [name] : [];
};

function prepare(input: CatalogInputValue, mode: 'create' | 'update', currentName: string | undefined): Prepared<CatalogWrite> {
  const errors: ItemError[] = [];
  const body: CatalogWrite & { id?: number } = {};
  if (mode === 'update') {
    body.id = input.amoId!;
    if (currentName === undefined) errors.push(inputError(['amoId'], `no catalog ${input.amoId}`, 'NOT_FOUND'));
  }
  if (input.name != null && input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
  if (mode === 'create') {
    if (input.type === 'suppliers') errors.push(inputError(['type'], 'amoCRM creates REGULAR, INVOICES and PRODUCTS catalogs only'));
    if (input.sort != null && input.sort < 0) errors.push(inputError(['sort'], 'sort must not be negative'));
    body.name = input.name!;
    if (input.type != null) body.type = input.type;
    if (input.sort != null) body.sort = input.sort;
  } else {
    if (input.name == null && input.canAddElements == null && input.canLinkMultiple == null) errors.push(inputError([], 'nothing to change'));
    body.name = input.name ?? currentName;
  }
  if (input.canAddElements != null) body.can_add_elements = input.canAddElements;
  if (input.canLinkMultiple != null) body.can_link_multiple = input.canLinkMultiple;
  return errors.length > 0 ? { errors } : { body, inputPath };
}

async function writeCatalogs(ctx: GraphQLContext, inputs: readonly CatalogInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  const loader = CatalogRef.getDataloader(ctx);
  // Current names, for updates that leave the name alone: one read of the (short) catalog list.
  const current =
    mode === 'update' ? new Map((await Promise.all(inputs.map((input) => (input.amoId! > 0 ? loader.load(input.amoId!) : null)))).flatMap((c) => (c ? [[c.id, c.name] as const] : []))) : null;
  const items =
    mode === 'create'
      ? inputs.map((input) => prepare(input, mode, undefined))
      : (refuseRepeats(inputs, (input) => prepare(input, mode, current!.get(input.amoId!))) as Prepared<CatalogWrite>[]);
  const signal = ctx.upstream.scope?.signal;
  const requestIdById = new Map<number, string>();
  const outcomes =
    mode === 'create'
      ? await batchWrite<CatalogWrite, CreatedRef | UpdatedRef>(items, {
          send: (bodies) => ctx.upstream.catalogs.create(bodies, { signal }),
          requestIdsOf: (result) => [String(result.request_id)],
        })
      : await batchWrite<CatalogWrite, CreatedRef | UpdatedRef>(items, {
          send: (bodies) => {
            for (const body of bodies) requestIdById.set((body as WithId<CatalogWrite>).id, body.request_id!);
            return ctx.upstream.catalogs.update(bodies as WithId<CatalogWrite>[], { signal });
          },
          requestIdsOf: (result) => [result.request_id ?? requestIdById.get(result.id) ?? ''],
        });
  // The request's copy of the catalog list is stale now: the payload reads the catalogs again.
  loader.clearAll();
  return withIndexes(outcomes.map((outcome) => (outcome.status === 'succeeded' ? { ...outcome, value: outcome.value.id } : outcome)));
}

const CatalogWriteResult = writeResultType<number>('CatalogWriteResult', 'The outcome of one catalog of a createCatalogs or updateCatalogs call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value : null) }),
  catalog: t.field({
    type: CatalogRef,
    nullable: true,
    description: 'The catalog as amoCRM has it now (read after the write).',
    resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value : null),
  }),
}));

builder.mutationFields((t) => ({
  createCatalogs: t.field({
    type: writePayloadType('CreateCatalogsPayload', CatalogWriteResult),
    description:
      'Adds catalogs (lists), 50 per upstream call, each answered on its own. Lists need amoCRM’s Extended plan or above and a user with access to lists; an account has at most 10 catalogs, one INVOICES and one PRODUCTS among them.',
    args: { input: t.arg({ type: [CreateCatalogInput], required: true }) },
    resolve: (_root, args, ctx) => writeCatalogs(ctx, args.input, 'create'),
  }),
  updateCatalogs: t.field({
    type: writePayloadType('UpdateCatalogsPayload', CatalogWriteResult),
    description: 'Renames catalogs and sets their flags by amoId, 50 per upstream call, each answered on its own. For users with access to lists.',
    args: { input: t.arg({ type: [UpdateCatalogInput], required: true }) },
    resolve: (_root, args, ctx) => writeCatalogs(ctx, args.input, 'update'),
  }),
}));
