// createLeads and updateLeads: lists of any length, batched by 50, answered per item.

import type { Prepared } from '../loaders/batch-write.js';
import type { LeadWrite } from '../rest/types.js';
import { builder, type SchemaTypes } from './builder.js';
import { toUnixSeconds } from './common.js';
import { CustomFieldInput } from './custom-field-input.js';
import { checkStatus, TagInput, writeMetadata, type WriteMetadata } from './entity-inputs.js';
import { checkListSize, commonBody, refuseRepeats, writeEntities, type EntityInputValue } from './entity-writes.js';
import { LeadRef } from './refs.js';
import { inputError, writePayloadType, writeResultType } from './write-results.js';

const LeadContactInput = builder.inputType('LeadContactInput', {
  description: 'An existing contact to link to a new lead.',
  fields: (t) => ({
    contactId: t.int({ required: true }),
    isMain: t.boolean({ description: "Makes it the lead's main contact (one per lead)." }),
  }),
});

const leadFields = (t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>) => ({
  name: t.string(),
  price: t.int({ description: 'The budget, in the account currency.' }),
  pipelineId: t.int({ description: 'Default: the main pipeline.' }),
  statusId: t.int({ description: 'A status of `pipelineId` (142 won and 143 lost exist in every pipeline).' }),
  responsibleUserId: t.int(),
  lossReasonId: t.int({ description: 'Why a lost lead (status 143) was lost.' }),
  closedAt: t.field({ type: 'DateTime' }),
  customFields: t.field({ type: [CustomFieldInput] }),
});

const CreateLeadInput = builder.inputType('CreateLeadInput', {
  fields: (t) => ({
    ...leadFields(t),
    createdAt: t.field({ type: 'DateTime' }),
    tags: t.field({ type: [TagInput] }),
    contacts: t.field({ type: [LeadContactInput], description: 'Existing contacts to link.' }),
    companyId: t.int({ description: 'An existing company to link.' }),
  }),
});

const UpdateLeadInput = builder.inputType('UpdateLeadInput', {
  description: 'Only the fields given change. Custom fields given replace their values; `clear: true` empties one.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    ...leadFields(t),
    tags: t.field({ type: [TagInput], description: 'Replaces every tag; an empty list removes them all.' }),
    addTags: t.field({ type: [TagInput] }),
    removeTags: t.field({ type: [TagInput] }),
  }),
});

interface LeadInputValue extends EntityInputValue {
  price?: number | null;
  pipelineId?: number | null;
  statusId?: number | null;
  lossReasonId?: number | null;
  closedAt?: Date | null;
  contacts?: readonly { contactId: number; isMain?: boolean | null }[] | null;
  companyId?: number | null;
}

function prepareLead(input: LeadInputValue, metadata: WriteMetadata, mode: 'create' | 'update'): Prepared<LeadWrite> {
  const errors: ReturnType<typeof inputError>[] = [];
  const { body: common, inputPath } = commonBody(input, metadata, mode, errors);
  const body: LeadWrite & { id?: number } = { ...common };
  if (input.price != null) {
    if (!Number.isSafeInteger(input.price) || input.price < 0) errors.push(inputError(['price'], 'price is a non-negative whole amount'));
    body.price = input.price;
  }
  checkStatus(metadata.pipelines, input.pipelineId, input.statusId, errors);
  if (input.pipelineId != null) body.pipeline_id = input.pipelineId;
  if (input.statusId != null) body.status_id = input.statusId;
  if (input.lossReasonId != null) {
    if (!metadata.lossReasons.some((reason) => reason.id === input.lossReasonId)) errors.push(inputError(['lossReasonId'], `no loss reason ${input.lossReasonId}`));
    body.loss_reason_id = input.lossReasonId;
  }
  if (input.closedAt) body.closed_at = toUnixSeconds(input.closedAt);
  if (mode === 'create') {
    const contacts = input.contacts ?? [];
    if (contacts.filter((contact) => contact.isMain).length > 1) errors.push(inputError(['contacts'], 'a lead has one main contact'));
    if (contacts.length > 0 || input.companyId != null) {
      body._embedded = {
        ...body._embedded,
        ...(contacts.length > 0 ? { contacts: contacts.map((contact) => ({ id: contact.contactId, ...(contact.isMain ? { is_main: true } : {}) })) } : {}),
        ...(input.companyId != null ? { companies: [{ id: input.companyId }] } : {}),
      };
    }
  }
  return errors.length > 0 ? { errors } : { body, inputPath };
}

const LeadWriteResult = writeResultType<{ id: number }>('LeadWriteResult', 'The outcome of one lead of a createLeads or updateLeads call.', (t) => ({
  amoId: t.int({ nullable: true, description: "The lead's amoCRM id, when it was written.", resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  lead: t.field({
    type: LeadRef,
    nullable: true,
    description: 'The lead as amoCRM has it now (read after the write).',
    resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null),
  }),
}));

const CreateLeadsPayload = writePayloadType('CreateLeadsPayload', LeadWriteResult);
const UpdateLeadsPayload = writePayloadType('UpdateLeadsPayload', LeadWriteResult);

builder.mutationFields((t) => ({
  createLeads: t.field({
    type: CreateLeadsPayload,
    description: 'Creates leads, 50 per upstream call, each answered on its own: one invalid lead never stops the others.',
    args: { input: t.arg({ type: [CreateLeadInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      checkListSize(args.input);
      const metadata = await writeMetadata(ctx.account, 'leads', { pipelines: true });
      const items = args.input.map((input) => prepareLead(input, metadata, 'create'));
      return writeEntities(ctx, 'create', ctx.upstream.leads, items, LeadRef);
    },
  }),
  updateLeads: t.field({
    type: UpdateLeadsPayload,
    description: 'Updates leads by amoId, 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [UpdateLeadInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      checkListSize(args.input);
      const metadata = await writeMetadata(ctx.account, 'leads', { pipelines: true });
      const items = refuseRepeats(args.input, (input) => prepareLead(input, metadata, 'update'));
      return writeEntities(ctx, 'update', ctx.upstream.leads, items as Prepared<LeadWrite>[], LeadRef);
    },
  }),
}));
