// Lead sources of this integration (`/api/v4/sources`): where incoming leads come from and which
// pipeline they land in, plus the WhatsApp numbers the website chat button (CRM plugin) offers.
// amoCRM shows an integration only the sources its own token made; writes need admin rights.

import { batchWrite, type InputPath, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { Source, SourceService, SourceWrite } from '../rest/resources/sources.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { checkListSize, deleteByIds } from './entity-writes.js';
import { PipelineRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const ORIGIN_CODE_MAX = 20;

const SourcePageRef = builder.objectRef<{ name: string; id: string; link: string }>('SourcePage').implement({
  description: 'One choice the website chat button offers for a source, e.g. a WhatsApp number.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Shown to the user in the button settings.' }),
    pageId: t.exposeString('id', { description: "The choice's id (never shown)." }),
    link: t.exposeString('link', { description: 'What the button opens, e.g. the WhatsApp number.' }),
  }),
});

const SourceServiceRef = builder.objectRef<SourceService>('SourceService').implement({
  description: 'A service of a source; amoCRM knows one type, `whatsapp` (the WhatsApp CRM plugin).',
  fields: (t) => ({
    type: t.exposeString('type'),
    waba: t.boolean({ nullable: true, description: 'An official WhatsApp Business number: Salesbot may send approved templates.', resolve: (s) => s.params?.waba ?? null }),
    supportsListMessage: t.boolean({ nullable: true, resolve: (s) => s.params?.is_supports_list_message ?? null }),
    pages: t.field({ type: [SourcePageRef], resolve: (s) => s.pages ?? [] }),
  }),
});

export const SourceRef = builder.objectRef<Source>('Source').implement({
  description: "A lead source of this integration. amoCRM lists only the sources the gateway's own integration made.",
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    externalId: t.exposeString('external_id', { description: "The source's code on the integration's side; unique in the account." }),
    pipeline: t.field({ type: PipelineRef, nullable: true, description: 'Where its incoming leads land (may be archived).', resolve: (s) => s.pipeline_id || null }),
    isDefault: t.boolean({ resolve: (s) => s.default === true }),
    originCode: t.string({ nullable: true, description: "The code of the source's main chat channel.", resolve: (s) => s.origin_code ?? null }),
    services: t.field({ type: [SourceServiceRef], resolve: (s) => s.services ?? [] }),
  }),
});

builder.queryFields((t) => ({
  sources: t.field({
    type: [SourceRef],
    description: "This integration's lead sources (amoCRM answers them all at once), or those with these external ids.",
    args: { externalIds: t.arg.stringList({ required: false }) },
    resolve: (_root, args, ctx) => ctx.upstream.sources.list({ externalIds: args.externalIds ?? undefined, signal: ctx.upstream.scope?.signal }),
  }),
  source: t.field({
    type: SourceRef,
    nullable: true,
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => (args.amoId < 1 ? null : ctx.upstream.sources.get(args.amoId, { signal: ctx.upstream.scope?.signal })),
  }),
}));

const SourcePageInput = builder.inputType('SourcePageInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    pageId: t.string({ required: true }),
    link: t.string({ required: true, description: 'e.g. the WhatsApp number the button opens.' }),
  }),
});

const SourceServiceInput = builder.inputType('SourceServiceInput', {
  description: 'The WhatsApp CRM plugin: numbers to pick from when setting up the website chat button.',
  fields: (t) => ({
    waba: t.boolean({ description: 'An official WhatsApp Business number.' }),
    supportsListMessage: t.boolean(),
    pages: t.field({ type: [SourcePageInput] }),
  }),
});

const sourceFields = {
  pipelineAmoId: 'pipeline_id',
  isDefault: 'default',
  originCode: 'origin_code',
} as const;

const CreateSourceInput = builder.inputType('CreateSourceInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    externalId: t.string({ required: true, description: 'Unique in the account.' }),
    pipelineAmoId: t.int({ description: 'Default: the main pipeline.' }),
    isDefault: t.boolean(),
    originCode: t.string({ description: `At most ${ORIGIN_CODE_MAX} characters, not only digits.` }),
    whatsapp: t.field({ type: [SourceServiceInput], description: 'WhatsApp services (the only service type amoCRM has).' }),
  }),
});

const UpdateSourceInput = builder.inputType('UpdateSourceInput', {
  description: 'Only the fields given change; `whatsapp` replaces the services as a whole.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string(),
    externalId: t.string(),
    pipelineAmoId: t.int(),
    isDefault: t.boolean(),
    originCode: t.string(),
    whatsapp: t.field({ type: [SourceServiceInput] }),
  }),
});

interface SourceInputValue {
  amoId?: number | null;
  name?: string | null;
  externalId?: string | null;
  pipelineAmoId?: number | null;
  isDefault?: boolean | null;
  originCode?: string | null;
  whatsapp?: readonly { waba?: boolean | null; supportsListMessage?: boolean | null; pages?: readonly { name: string; pageId: string; link: string }[] | null }[] | null;
}

const PATHS: Record<string, string> = { id: 'amoId', name: 'name', external_id: 'externalId', services: 'whatsapp', ...Object.fromEntries(Object.entries(sourceFields).map(([k, v]) => [v, k])) };

const sourceInputPath = (amoPath: string): InputPath => {
  const [head, ...rest] = amoPath.split('.');
  const name = PATHS[head ?? ''];
  return name ? [name, ...rest] : [];
};

function prepareSource(input: SourceInputValue, mode: 'create' | 'update', externalIds: Map<string, number>, index: number): Prepared<SourceWrite> {
  const errors: ItemError[] = [];
  const body: SourceWrite & { id?: number } = {};
  if (mode === 'update') body.id = input.amoId!;
  if (input.name != null) {
    if (input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
    body.name = input.name;
  }
  if (input.externalId != null) {
    if (input.externalId.trim() === '') errors.push(inputError(['externalId'], 'externalId must not be empty'));
    else if (externalIds.has(input.externalId)) errors.push(inputError(['externalId'], `externalId is already used by item ${externalIds.get(input.externalId)} of this call`));
    else externalIds.set(input.externalId, index);
    body.external_id = input.externalId;
  }
  if (input.pipelineAmoId != null) {
    if (input.pipelineAmoId < 1) errors.push(inputError(['pipelineAmoId'], 'pipelineAmoId must be positive'));
    body.pipeline_id = input.pipelineAmoId;
  }
  if (input.isDefault != null) body.default = input.isDefault;
  if (input.originCode != null) {
    if (input.originCode.length > ORIGIN_CODE_MAX) errors.push(inputError(['originCode'], `originCode is at most ${ORIGIN_CODE_MAX} characters`));
    else if (/^\d*$/.test(input.originCode) || /^"*$/.test(input.originCode)) errors.push(inputError(['originCode'], 'originCode must not be empty, only digits or only quotes'));
    body.origin_code = input.originCode;
  }
  if (input.whatsapp != null) {
    body.services = input.whatsapp.map((service) => ({
      type: 'whatsapp',
      params: {
        ...(service.waba != null ? { waba: service.waba } : {}),
        ...(service.supportsListMessage != null ? { is_supports_list_message: service.supportsListMessage } : {}),
      },
      pages: (service.pages ?? []).map((page) => ({ name: page.name, id: page.pageId, link: page.link })),
    }));
  }
  if (mode === 'update' && Object.keys(body).length === 1) errors.push(inputError([], 'nothing to change'));
  return errors.length > 0 ? { errors } : { body, inputPath: sourceInputPath };
}

async function writeSources(ctx: GraphQLContext, inputs: readonly SourceInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  const externalIds = new Map<string, number>();
  const seen = new Set<number>();
  const items = inputs.map((input, index): Prepared<SourceWrite> => {
    if (mode === 'update') {
      if (input.amoId == null || input.amoId < 1) return { errors: [inputError(['amoId'], 'amoId must be a positive id')] };
      if (seen.has(input.amoId)) return { errors: [inputError(['amoId'], `source ${input.amoId} is already updated by an earlier item of this call`)] };
      seen.add(input.amoId);
    }
    return prepareSource(input, mode, externalIds, index);
  });
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await batchWrite<SourceWrite, Source>(items, {
    send: (bodies) =>
      mode === 'create' ? ctx.upstream.sources.create(bodies, { signal }) : ctx.upstream.sources.update(bodies as (SourceWrite & { id: number })[], { signal }),
    requestIdsOf: (result) => [String(result.request_id ?? '')],
  });
  return withIndexes(outcomes);
}

function deleteSources(ctx: GraphQLContext, amoIds: readonly number[]) {
  return deleteByIds(amoIds, 'source', (ids) => ctx.upstream.sources.delete(ids, { signal: ctx.upstream.scope?.signal }));
}

const SourceWriteResult = writeResultType<Source>('SourceWriteResult', 'The outcome of one source of a createSources or updateSources call.', (t) => ({
  source: t.field({ type: SourceRef, nullable: true, description: 'The source as amoCRM answered the write.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value : null) }),
}));

const SourceDeleteResult = writeResultType<{ id: number }>('SourceDeleteResult', 'The outcome of one id of a deleteSources call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
}));

const ADMIN = 'Needs an admin token; amoCRM keeps at most 100 sources per integration.';

builder.mutationFields((t) => ({
  createSources: t.field({
    type: writePayloadType('CreateSourcesPayload', SourceWriteResult),
    description: `Adds lead sources to this integration, 50 per upstream call, each answered on its own. ${ADMIN}`,
    args: { input: t.arg({ type: [CreateSourceInput], required: true }) },
    resolve: (_root, args, ctx) => writeSources(ctx, args.input, 'create'),
  }),
  updateSources: t.field({
    type: writePayloadType('UpdateSourcesPayload', SourceWriteResult),
    description: `Changes this integration's sources by amoId. ${ADMIN}`,
    args: { input: t.arg({ type: [UpdateSourceInput], required: true }) },
    resolve: (_root, args, ctx) => writeSources(ctx, args.input, 'update'),
  }),
  deleteSources: t.field({
    type: writePayloadType('DeleteSourcesPayload', SourceDeleteResult),
    description: `Deletes this integration's sources by amoId. amoCRM deletes a batch all or nothing. ${ADMIN}`,
    args: { amoIds: t.arg.intList({ required: true }) },
    resolve: (_root, args, ctx) => deleteSources(ctx, args.amoIds),
  }),
}));
