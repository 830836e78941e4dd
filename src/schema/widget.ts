// Widgets (amoCRM integrations with a UI part): what the account can use, which are installed, and
// installing one with its settings or uninstalling it. Anyone may read; installing and
// uninstalling are for account administrators, and only widgets the account can see.

import { batchWrite, type InputPath, type ItemError, type ItemOutcome } from '../loaders/batch-write.js';
import { fetchWindow } from '../loaders/list-window.js';
import type { Widget, WidgetSettingTemplate } from '../rest/resources/widgets.js';
import { builder } from './builder.js';
import { resolveWindowConnection } from './connection.js';
import type { GraphQLContext } from './context.js';
import { PipelineRef } from './refs.js';
import { errorsOf, inputError, statusOf, WriteErrorRef, WriteStatus } from './write-results.js';

const ADMIN_NOTE = 'Admin only: amoCRM refuses anyone but an account administrator (403).';
const CODE = /^[\w.-]+$/;

const WidgetSettingFieldRef = builder.objectRef<WidgetSettingTemplate>('WidgetSettingField').implement({
  description: 'One setting a widget asks for when it is installed.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The key of its value in `installWidget(settings:)`.' }),
    name: t.exposeString('name'),
    type: t.exposeString('type', { description: 'text and pass: a string; users: {userId: extension}; users_lp: {userId: {login, password}}; custom: any.' }),
    isRequired: t.exposeBoolean('is_required'),
  }),
});

const WidgetRef = builder.objectRef<Widget>('Widget').implement({
  description: 'A widget the account can use: public, installed in the account, or a private one the current user uploaded.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    code: t.exposeString('code', { description: 'Its unique code; widgets are addressed by it.' }),
    version: t.exposeString('version'),
    rating: t.float({ nullable: true, description: 'amoCRM sends a number or a numeric string.', resolve: (w) => (w.rating == null || w.rating === '' || Number.isNaN(Number(w.rating)) ? null : Number(w.rating)) }),
    settingsTemplate: t.field({ type: [WidgetSettingFieldRef], resolve: (w) => w.settings_template ?? [] }),
    isLeadSource: t.exposeBoolean('is_lead_source', { description: 'Can be set up as a lead source.' }),
    isWorkWithDigitalPipeline: t.exposeBoolean('is_work_with_dp', { description: 'Offers actions in the Digital Pipeline.' }),
    isCrmTemplate: t.exposeBoolean('is_crm_template'),
    clientUuid: t.string({ nullable: true, description: "The id of the widget's OAuth integration.", resolve: (w) => w.client_uuid ?? null }),
    isInstalled: t.exposeBoolean('is_active_in_account', { description: 'Installed in this account.' }),
    pipeline: t.field({ type: PipelineRef, nullable: true, description: 'Where it is set up as a lead source.', resolve: (w) => w.pipeline_id || null }),
    settings: t.field({
      type: 'JSON',
      nullable: true,
      description: "Its settings; amoCRM answers them only to the widget's own integration (and after an install).",
      resolve: (w) => w.settings ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  widgets: t.connection(
    {
      type: WidgetRef,
      description: 'The widgets this account can use, in amoCRM order (pages of up to 250).',
      resolve: (_root, args, ctx) =>
        resolveWindowConnection(args, (window) =>
          fetchWindow((page, limit) => ctx.upstream.widgets.list({ page, limit, signal: ctx.upstream.scope?.signal }), window),
        ),
    },
    { name: 'WidgetConnection' },
    { name: 'WidgetEdge' },
  ),
  widget: t.field({
    type: WidgetRef,
    nullable: true,
    description: 'A widget by code; null when amoCRM does not know it or this user may not see it.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => (CODE.test(args.code) ? ctx.upstream.widgets.get(args.code, { signal: ctx.upstream.scope?.signal }) : null),
  }),
}));

/** amoCRM names a setting by its key (`phones.504141`); the client sent it under `settings`. */
const settingsPath = (amoPath: string): InputPath => (amoPath === '' ? [] : ['settings', ...amoPath.split('.')]);

async function install(ctx: GraphQLContext, code: string, settings: unknown): Promise<ItemOutcome<Widget>> {
  const errors: ItemError[] = [];
  if (!CODE.test(code)) errors.push(inputError(['code'], 'code is letters, digits, "_", "-" or "."'));
  const given = settings ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) errors.push(inputError(['settings'], 'settings must be a JSON object keyed by the setting keys of settingsTemplate'));
  const signal = ctx.upstream.scope?.signal;
  const [outcome] = await batchWrite<{ settings: Record<string, unknown> }, Widget>([errors.length > 0 ? { errors } : { body: { settings: given as Record<string, unknown> }, inputPath: settingsPath }], {
    requestIds: 'by-position',
    send: async ([item]) => [await ctx.upstream.widgets.install(code, item!.settings, { signal })],
    requestIdsOf: () => ['0'],
  });
  return outcome!;
}

async function uninstall(ctx: GraphQLContext, code: string): Promise<ItemOutcome<true>> {
  const errors: ItemError[] = CODE.test(code) ? [] : [inputError(['code'], 'code is letters, digits, "_", "-" or "."')];
  const signal = ctx.upstream.scope?.signal;
  const [outcome] = await batchWrite<{ code: string }, true>([errors.length > 0 ? { errors } : { body: { code }, inputPath: () => [] }], {
    requestIds: 'by-position',
    send: async () => {
      await ctx.upstream.widgets.uninstall(code, { signal });
      return [true];
    },
    requestIdsOf: () => ['0'],
  });
  return outcome!;
}

const InstallWidgetPayload = builder.objectRef<ItemOutcome<Widget>>('InstallWidgetPayload').implement({
  fields: (t) => ({
    status: t.field({ type: WriteStatus, resolve: (o) => statusOf(o) }),
    errors: t.field({ type: [WriteErrorRef], description: 'A missing required setting has the path ["settings", key].', resolve: (o) => errorsOf(o) }),
    widget: t.field({ type: WidgetRef, nullable: true, description: 'The installed widget with its settings.', resolve: (o) => (o.status === 'succeeded' ? o.value : null) }),
  }),
});

const UninstallWidgetPayload = builder.objectRef<{ code: string; outcome: ItemOutcome<true> }>('UninstallWidgetPayload').implement({
  fields: (t) => ({
    status: t.field({ type: WriteStatus, description: 'SUCCEEDED also when it was not installed, as amoCRM answers.', resolve: (r) => statusOf(r.outcome) }),
    errors: t.field({ type: [WriteErrorRef], resolve: (r) => errorsOf(r.outcome) }),
    code: t.exposeString('code'),
  }),
});

builder.mutationFields((t) => ({
  installWidget: t.field({
    type: InstallWidgetPayload,
    description: `Installs a widget the account can see (or sets new settings on an installed one). \`settings\` must give every required key of its settingsTemplate. ${ADMIN_NOTE}`,
    args: { code: t.arg.string({ required: true }), settings: t.arg({ type: 'JSON', description: 'An object keyed by the setting keys.' }) },
    resolve: (_root, args, ctx) => install(ctx, args.code, args.settings),
  }),
  uninstallWidget: t.field({
    type: UninstallWidgetPayload,
    description: `Uninstalls a widget; its settings are dropped. ${ADMIN_NOTE}`,
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => ({ code: args.code, outcome: await uninstall(ctx, args.code) }),
  }),
}));
