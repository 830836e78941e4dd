// Website chat buttons (amoCRM's "CRM plugin"): the button on a site that opens chats and forms and
// feeds a lead source. amoCRM creates the source at once and sets the plugin up after answering, so
// a new button reads as CREATION_PENDING for a while; added domains and online chats also arrive
// later. Writes are for administrators; a button trusts at most 10 domains.

import { batchWrite, type InputPath, type ItemError, type ItemOutcome } from '../loaders/batch-write.js';
import type { WebsiteButton, WebsiteButtonCreate, WebsiteButtonCreated, WebsiteButtonWith } from '../rest/resources/website-buttons.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { explainLimit } from './limits.js';
import { PipelineRef } from './refs.js';
import { errorsOf, inputError, statusOf, WriteErrorRef, WriteStatus } from './write-results.js';

export const MAX_TRUSTED_WEBSITES = 10;
const ADMIN_NOTE = 'Admin only: amoCRM refuses anyone but an account administrator (403).';
const READ_LIMITATION = 'amoCRM may limit website buttons to account administrators';
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const CreationStatus = builder.enumType('WebsiteButtonCreationStatus', {
  values: {
    CREATED: { value: 'created', description: 'Set up; the script works.' },
    CREATION_PENDING: { value: 'creation_pending', description: 'amoCRM accepted it and is still setting it up.' },
  } as const,
});

const WebsiteButtonRef = builder.objectRef<WebsiteButton>('WebsiteButton').implement({
  description: 'A website chat button (CRM plugin), addressed by the lead source it feeds.',
  fields: (t) => ({
    sourceAmoId: t.exposeInt('source_id', { description: 'The id of its lead source in the pipeline.' }),
    buttonAmoId: t.exposeInt('button_id'),
    name: t.exposeString('name'),
    creationStatus: t.field({ type: CreationStatus, resolve: (b) => (b.creation_status === 'creation_pending' ? 'creation_pending' : 'created') }),
    isDuplicationControlEnabled: t.exposeBoolean('is_duplication_control_enabled'),
    pipeline: t.field({ type: PipelineRef, nullable: true, resolve: (b) => b.pipeline_id || null }),
    script: t.string({ nullable: true, description: 'The code to put on the site; only when asked withScripts, null while pending.', resolve: (b) => b.script ?? null }),
  }),
});

builder.queryFields((t) => ({
  websiteButtons: t.field({
    type: [WebsiteButtonRef],
    description: "The account's website buttons (every page of 250).",
    args: {
      withScripts: t.arg.boolean({ description: "Add each button's script." }),
      includeDeleted: t.arg.boolean({ description: 'Also deleted buttons.' }),
    },
    resolve: (_root, args, ctx) => {
      const withs: WebsiteButtonWith[] = [...(args.withScripts ? ['scripts' as const] : []), ...(args.includeDeleted ? ['deleted' as const] : [])];
      return explainLimit(ctx.upstream.websiteButtons.all({ with: withs, signal: ctx.upstream.scope?.signal }), READ_LIMITATION);
    },
  }),
  websiteButton: t.field({
    type: WebsiteButtonRef,
    nullable: true,
    description: 'The website button of a lead source; null when there is none.',
    args: { sourceAmoId: t.arg.int({ required: true }), withScripts: t.arg.boolean() },
    resolve: (_root, args, ctx) =>
      args.sourceAmoId < 1
        ? null
        : explainLimit(ctx.upstream.websiteButtons.get(args.sourceAmoId, { withScripts: args.withScripts ?? false, signal: ctx.upstream.scope?.signal }), READ_LIMITATION),
  }),
}));

const CreateWebsiteButtonInput = builder.inputType('CreateWebsiteButtonInput', {
  fields: (t) => ({
    pipelineAmoId: t.int({ required: true, description: 'The pipeline its leads land in.' }),
    trustedWebsites: t.stringList({ description: `Domains (example.com) the button may load on, at most ${MAX_TRUSTED_WEBSITES}.` }),
    usedInApp: t.boolean({ description: 'Must be true when no trustedWebsites are given (a button used in an app).' }),
  }),
});

const PATHS: Record<string, string> = { pipeline_id: 'pipelineAmoId', trusted_websites: 'trustedWebsites', is_used_in_app: 'usedInApp' };
const createPath = (amoPath: string): InputPath => {
  const [head, ...rest] = amoPath.split('.');
  const name = PATHS[head ?? ''];
  return name ? [name, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part))] : [];
};
/** `trusted_websites.add.2` is the third domain the client sent. */
const domainsPath = (amoPath: string): InputPath => {
  const index = /^trusted_websites\.add\.(\d+)$/.exec(amoPath)?.[1];
  return index !== undefined ? ['domains', Number(index)] : ['domains'];
};

function checkDomains(domains: readonly string[], path: string, errors: ItemError[]): void {
  domains.forEach((domain, index) => {
    if (!DOMAIN.test(domain)) errors.push(inputError([path, index], `"${domain}" is not a domain such as example.com`));
  });
  if (domains.length > MAX_TRUSTED_WEBSITES) errors.push(inputError([path], `a button trusts at most ${MAX_TRUSTED_WEBSITES} domains`));
}

async function single<B extends object, R>(ctx: GraphQLContext, errors: ItemError[], body: B, inputPath: (p: string) => InputPath, send: (body: B, signal?: AbortSignal) => Promise<R>) {
  const signal = ctx.upstream.scope?.signal;
  const [outcome] = await batchWrite<B, R>([errors.length > 0 ? { errors } : { body, inputPath }], {
    requestIds: 'by-position',
    send: async ([item]) => [await send(item as B, signal)],
    requestIdsOf: () => ['0'],
  });
  return outcome!;
}

function create(ctx: GraphQLContext, input: { pipelineAmoId: number; trustedWebsites?: readonly string[] | null; usedInApp?: boolean | null }) {
  const errors: ItemError[] = [];
  if (input.pipelineAmoId < 1) errors.push(inputError(['pipelineAmoId'], 'pipelineAmoId must be positive'));
  const domains = [...new Set(input.trustedWebsites ?? [])];
  checkDomains(domains, 'trustedWebsites', errors);
  if (domains.length === 0 && input.usedInApp !== true) errors.push(inputError(['usedInApp'], 'without trustedWebsites, usedInApp must be true'));
  const body: WebsiteButtonCreate = {
    pipeline_id: input.pipelineAmoId,
    ...(domains.length > 0 ? { trusted_websites: domains } : {}),
    ...(input.usedInApp != null ? { is_used_in_app: input.usedInApp } : {}),
  };
  return single(ctx, errors, body, createPath, (b, signal) => ctx.upstream.websiteButtons.create(b, { signal }));
}

function addDomains(ctx: GraphQLContext, sourceAmoId: number, domains: readonly string[]) {
  const errors: ItemError[] = [];
  if (sourceAmoId < 1) errors.push(inputError(['sourceAmoId'], 'sourceAmoId must be positive'));
  const unique = [...new Set(domains)];
  if (unique.length === 0) errors.push(inputError(['domains'], 'name at least one domain'));
  checkDomains(unique, 'domains', errors);
  return single(ctx, errors, { domains: unique }, domainsPath, (b, signal) => ctx.upstream.websiteButtons.addTrustedWebsites(sourceAmoId, b.domains, { signal }));
}

function addChat(ctx: GraphQLContext, sourceAmoId: number) {
  const errors = sourceAmoId < 1 ? [inputError(['sourceAmoId'], 'sourceAmoId must be positive')] : [];
  return single(ctx, errors, { sourceAmoId }, () => [], async (b, signal) => {
    await ctx.upstream.websiteButtons.addOnlineChat(b.sourceAmoId, { signal });
    return b.sourceAmoId;
  });
}

const CreateWebsiteButtonPayload = builder.objectRef<ItemOutcome<WebsiteButtonCreated>>('CreateWebsiteButtonPayload').implement({
  description: 'amoCRM answers 202: the source exists now; read websiteButton(sourceAmoId:) until it is CREATED.',
  fields: (t) => ({
    status: t.field({ type: WriteStatus, resolve: (o) => statusOf(o) }),
    errors: t.field({ type: [WriteErrorRef], resolve: (o) => errorsOf(o) }),
    sourceAmoId: t.int({ nullable: true, description: 'The new lead source of the button.', resolve: (o) => (o.status === 'succeeded' ? o.value.source_id : null) }),
    trustedWebsites: t.stringList({ resolve: (o) => (o.status === 'succeeded' ? o.value.trusted_websites ?? [] : []) }),
    websiteButton: t.field({
      type: WebsiteButtonRef,
      nullable: true,
      description: 'The button as amoCRM reads it now (one more upstream call; usually CREATION_PENDING).',
      resolve: (o, _args, ctx) => (o.status === 'succeeded' ? ctx.upstream.websiteButtons.get(o.value.source_id, { signal: ctx.upstream.scope?.signal }) : null),
    }),
  }),
});

const UpdateWebsiteButtonPayload = builder.objectRef<ItemOutcome<WebsiteButton>>('AddWebsiteButtonTrustedWebsitesPayload').implement({
  fields: (t) => ({
    status: t.field({ type: WriteStatus, resolve: (o) => statusOf(o) }),
    errors: t.field({ type: [WriteErrorRef], resolve: (o) => errorsOf(o) }),
    websiteButton: t.field({ type: WebsiteButtonRef, nullable: true, resolve: (o) => (o.status === 'succeeded' ? o.value : null) }),
  }),
});

const AddOnlineChatPayload = builder.objectRef<ItemOutcome<number>>('AddWebsiteButtonOnlineChatPayload').implement({
  description: 'amoCRM answers 202: the online chat is created and connected after the answer.',
  fields: (t) => ({
    status: t.field({ type: WriteStatus, resolve: (o) => statusOf(o) }),
    errors: t.field({ type: [WriteErrorRef], resolve: (o) => errorsOf(o) }),
    sourceAmoId: t.int({ nullable: true, resolve: (o) => (o.status === 'succeeded' ? o.value : null) }),
  }),
});

builder.mutationFields((t) => ({
  createWebsiteButton: t.field({
    type: CreateWebsiteButtonPayload,
    description: `Adds a website chat button and its lead source in a pipeline; the plugin itself is set up after the answer. ${ADMIN_NOTE}`,
    args: { input: t.arg({ type: CreateWebsiteButtonInput, required: true }) },
    resolve: (_root, args, ctx) => create(ctx, args.input),
  }),
  addWebsiteButtonTrustedWebsites: t.field({
    type: UpdateWebsiteButtonPayload,
    description: `Adds trusted domains to a button that already trusts at least one (at most ${MAX_TRUSTED_WEBSITES} in all); amoCRM applies them after the answer. ${ADMIN_NOTE}`,
    args: { sourceAmoId: t.arg.int({ required: true }), domains: t.arg.stringList({ required: true }) },
    resolve: (_root, args, ctx) => addDomains(ctx, args.sourceAmoId, args.domains),
  }),
  addWebsiteButtonOnlineChat: t.field({
    type: AddOnlineChatPayload,
    description: `Adds an online chat to a button of a pipeline (one chat per pipeline: an existing one is connected). ${ADMIN_NOTE}`,
    args: { sourceAmoId: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => addChat(ctx, args.sourceAmoId),
  }),
}));
