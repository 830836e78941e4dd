// Chat reply templates of this integration: used in cards and by Salesbot; a `waba` template is a
// WhatsApp template that goes to review and can be edited only as a draft. Admin only; amoCRM
// shows an integration only the templates it made.

import { batchWrite, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { ChatTemplate, ChatTemplateWrite } from '../rest/resources/chat-templates.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { checkListSize, deleteByIds } from './entity-writes.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const ChatTemplateType = builder.enumType('ChatTemplateType', {
  values: { AMOCRM: { value: 'amocrm', description: 'A reply template.' }, WABA: { value: 'waba', description: 'A WhatsApp Business template (reviewed by WhatsApp).' } } as const,
});
const ChatButtonType = builder.enumType('ChatTemplateButtonType', { values: { INLINE: { value: 'inline' }, URL: { value: 'url' } } as const });

const ChatTemplateButtonRef = builder.objectRef<{ type: 'inline' | 'url'; text: string; url?: string }>('ChatTemplateButton').implement({
  fields: (t) => ({
    type: t.field({ type: ChatButtonType, resolve: (b) => b.type }),
    text: t.exposeString('text'),
    url: t.string({ nullable: true, resolve: (b) => b.url ?? null }),
  }),
});

const ChatTemplateRef = builder.objectRef<ChatTemplate>('ChatTemplate').implement({
  description: 'A chat reply template of this integration.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    content: t.exposeString('content', { description: 'The message, with amoCRM markers such as {{lead.name}}.' }),
    isEditable: t.exposeBoolean('is_editable', { description: 'Whether users may edit it in amoCRM.' }),
    type: t.field({ type: ChatTemplateType, resolve: (row) => row.type }),
    buttons: t.field({ type: [ChatTemplateButtonRef], resolve: (row) => row.buttons ?? [] }),
    externalId: t.string({ nullable: true, resolve: (row) => row.external_id ?? null }),
    reviewStatus: t.string({ nullable: true, description: 'WhatsApp review: draft, review, approved, paused or rejected (only when the list asked withReviews).', resolve: (row) => row.review_status ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (row) => row.updated_at }),
  }),
});

builder.queryFields((t) => ({
  chatTemplates: t.field({
    type: [ChatTemplateRef],
    description: "This integration's chat templates (every page of 50), or those with these external ids. Admin only.",
    args: { externalIds: t.arg.stringList(), withReviews: t.arg.boolean({ description: 'Add the WhatsApp review status.' }) },
    resolve: (_root, args, ctx) =>
      ctx.upstream.chatTemplates.all({ externalIds: args.externalIds ?? undefined, withReviews: args.withReviews ?? false, signal: ctx.upstream.scope?.signal }),
  }),
}));

const ButtonInput = builder.inputType('ChatTemplateButtonInput', {
  fields: (t) => ({
    type: t.field({ type: ChatButtonType, required: true }),
    text: t.string({ required: true }),
    url: t.string({ description: 'Required for URL buttons.' }),
  }),
});

const CreateChatTemplateInput = builder.inputType('CreateChatTemplateInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    content: t.string({ required: true }),
    type: t.field({ type: ChatTemplateType, description: 'Default AMOCRM.' }),
    isEditable: t.boolean(),
    buttons: t.field({ type: [ButtonInput] }),
    externalId: t.string(),
  }),
});

const UpdateChatTemplateInput = builder.inputType('UpdateChatTemplateInput', {
  description: 'Only the fields given change; a WABA template only while a draft.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string(),
    content: t.string(),
    isEditable: t.boolean(),
    buttons: t.field({ type: [ButtonInput] }),
    externalId: t.string(),
  }),
});

interface TemplateInputValue {
  amoId?: number | null;
  name?: string | null;
  content?: string | null;
  type?: 'amocrm' | 'waba' | null;
  isEditable?: boolean | null;
  buttons?: readonly { type: 'inline' | 'url'; text: string; url?: string | null }[] | null;
  externalId?: string | null;
}

const PATHS: Record<string, string> = { id: 'amoId', name: 'name', content: 'content', type: 'type', is_editable: 'isEditable', buttons: 'buttons', external_id: 'externalId' };

function prepare(input: TemplateInputValue, mode: 'create' | 'update'): Prepared<ChatTemplateWrite> {
  const errors: ItemError[] = [];
  const body: ChatTemplateWrite & { id?: number } = {};
  if (mode === 'update') body.id = input.amoId!;
  for (const key of ['name', 'content'] as const) {
    if (input[key] == null) continue;
    if (input[key]!.trim() === '') errors.push(inputError([key], `${key} must not be empty`));
    body[key] = input[key]!;
  }
  if (input.type != null) body.type = input.type;
  if (input.isEditable != null) body.is_editable = input.isEditable;
  if (input.externalId != null) body.external_id = input.externalId;
  if (input.buttons != null) {
    input.buttons.forEach((button, index) => {
      if (button.type === 'url' && !button.url) errors.push(inputError(['buttons', index, 'url'], 'a URL button needs its url'));
    });
    body.buttons = input.buttons.map((button) => ({ type: button.type, text: button.text, ...(button.url ? { url: button.url } : {}) }));
  }
  if (mode === 'update' && Object.keys(body).length === 1) errors.push(inputError([], 'nothing to change'));
  if (errors.length > 0) return { errors };
  return {
    body,
    inputPath: (amoPath) => {
      const [head, ...rest] = amoPath.split('.');
      const name = PATHS[head ?? ''];
      return name ? [name, ...rest] : [];
    },
  };
}

async function writeTemplates(ctx: GraphQLContext, inputs: readonly TemplateInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  const seen = new Set<number>();
  const items = inputs.map((input): Prepared<ChatTemplateWrite> => {
    if (mode === 'update') {
      if (input.amoId == null || input.amoId < 1) return { errors: [inputError(['amoId'], 'amoId must be a positive id')] };
      if (seen.has(input.amoId)) return { errors: [inputError(['amoId'], `template ${input.amoId} is already updated by an earlier item of this call`)] };
      seen.add(input.amoId);
    }
    return prepare(input, mode);
  });
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await batchWrite<ChatTemplateWrite, ChatTemplate>(items, {
    batchSize: 50,
    send: (bodies) =>
      mode === 'create'
        ? ctx.upstream.chatTemplates.create(bodies, { signal })
        : ctx.upstream.chatTemplates.update(bodies as (ChatTemplateWrite & { id: number })[], { signal }),
    requestIdsOf: (row) => [String(row.request_id ?? '')],
  });
  return withIndexes(outcomes);
}

function deleteTemplates(ctx: GraphQLContext, amoIds: readonly number[]) {
  return deleteByIds(amoIds, 'template', (ids) => ctx.upstream.chatTemplates.delete(ids, { signal: ctx.upstream.scope?.signal }));
}

const ChatTemplateWriteResult = writeResultType<ChatTemplate>('ChatTemplateWriteResult', 'The outcome of one template of a createChatTemplates or updateChatTemplates call.', (t) => ({
  chatTemplate: t.field({ type: ChatTemplateRef, nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value : null) }),
}));
const ChatTemplateDeleteResult = writeResultType<{ id: number }>('ChatTemplateDeleteResult', 'The outcome of one id of a deleteChatTemplates call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
}));

const ADMIN = 'Needs an admin token; acts only on templates this integration made.';

builder.mutationFields((t) => ({
  createChatTemplates: t.field({
    type: writePayloadType('CreateChatTemplatesPayload', ChatTemplateWriteResult),
    description: `Adds chat templates, 50 per upstream call, each answered on its own. ${ADMIN}`,
    args: { input: t.arg({ type: [CreateChatTemplateInput], required: true }) },
    resolve: (_root, args, ctx) => writeTemplates(ctx, args.input, 'create'),
  }),
  updateChatTemplates: t.field({
    type: writePayloadType('UpdateChatTemplatesPayload', ChatTemplateWriteResult),
    description: `Edits chat templates by amoId (a WABA template only as a draft). ${ADMIN}`,
    args: { input: t.arg({ type: [UpdateChatTemplateInput], required: true }) },
    resolve: (_root, args, ctx) => writeTemplates(ctx, args.input, 'update'),
  }),
  deleteChatTemplates: t.field({
    type: writePayloadType('DeleteChatTemplatesPayload', ChatTemplateDeleteResult),
    description: `Deletes chat templates by amoId; amoCRM deletes a batch all or nothing. ${ADMIN}`,
    args: { amoIds: t.arg.intList({ required: true }) },
    resolve: (_root, args, ctx) => deleteTemplates(ctx, args.amoIds),
  }),
}));
