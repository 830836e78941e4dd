// createLeadsComplex: a lead with a new contact and a new company in one go (amoCRM's
// /leads/complex, at most 50 per call), optionally arriving as an incoming (unsorted) form lead.
// amoCRM's duplicate control may merge a new contact into an existing one; the result says so.

import type { InputPath, ItemError, Prepared } from '../loaders/batch-write.js';
import { batchWrite } from '../loaders/batch-write.js';
import type { ComplexLeadResult, ComplexLeadWrite, ContactWrite, CompanyWrite } from '../rest/types.js';
import { builder } from './builder.js';
import { toUnixSeconds } from './common.js';
import { CustomFieldInput } from './custom-field-input.js';
import { checkStatus, TagInput, writeMetadata, type WriteMetadata } from './entity-inputs.js';
import { checkListSize, commonBody, type EntityInputValue } from './entity-writes.js';
import { CompanyRef, ContactRef, LeadRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

export const ComplexContactInput = builder.inputType('ComplexContactInput', {
  description: 'A new contact for a complex lead (linked to the lead as its main contact, and to the company).',
  fields: (t) => ({
    name: t.string(),
    firstName: t.string(),
    lastName: t.string(),
    responsibleUserId: t.int(),
    customFields: t.field({ type: [CustomFieldInput], description: 'Phones and e-mails are fieldCode PHONE and EMAIL with `entries`.' }),
    tags: t.field({ type: [TagInput] }),
  }),
});

export const ComplexCompanyInput = builder.inputType('ComplexCompanyInput', {
  description: 'A new company for a complex lead (linked to the lead and the contact).',
  fields: (t) => ({
    name: t.string({ required: true }),
    responsibleUserId: t.int(),
    customFields: t.field({ type: [CustomFieldInput] }),
    tags: t.field({ type: [TagInput] }),
  }),
});

const ComplexFormInput = builder.inputType('ComplexFormInput', {
  description: "The web form the lead came from: it lands in the pipeline's incoming stage as an unsorted form entry.",
  fields: (t) => ({
    formId: t.string({ required: true }),
    formName: t.string({ required: true }),
    formPage: t.string({ required: true }),
    sentAt: t.field({ type: 'DateTime' }),
    ip: t.string(),
    referer: t.string(),
  }),
});

const CreateLeadComplexInput = builder.inputType('CreateLeadComplexInput', {
  fields: (t) => ({
    name: t.string(),
    price: t.int(),
    pipelineId: t.int(),
    statusId: t.int(),
    responsibleUserId: t.int(),
    customFields: t.field({ type: [CustomFieldInput] }),
    tags: t.field({ type: [TagInput] }),
    contact: t.field({ type: ComplexContactInput }),
    company: t.field({ type: ComplexCompanyInput }),
    form: t.field({ type: ComplexFormInput }),
  }),
});

interface ComplexInputValue extends EntityInputValue {
  price?: number | null;
  pipelineId?: number | null;
  statusId?: number | null;
  contact?: (EntityInputValue & { firstName?: string | null; lastName?: string | null }) | null;
  company?: EntityInputValue | null;
  form?: { formId: string; formName: string; formPage: string; sentAt?: Date | null; ip?: string | null; referer?: string | null } | null;
}

interface ComplexMetadata {
  leads: WriteMetadata;
  contacts: WriteMetadata;
  companies: WriteMetadata;
}

/** amoCRM allows 40 custom field values per entity of a complex lead. */
const MAX_COMPLEX_FIELDS = 40;

function prefixed(errors: ItemError[], at: InputPath): ItemError[] {
  return errors.map((error) => ({ ...error, path: [...at, ...error.path] }));
}

function prepareComplex(input: ComplexInputValue, metadata: ComplexMetadata): Prepared<ComplexLeadWrite> {
  const errors: ItemError[] = [];
  const lead = commonBody(input, metadata.leads, 'create', errors);
  const { _embedded: leadEmbedded, ...leadFields } = lead.body;
  const body: ComplexLeadWrite = { ...leadFields };
  if (input.price != null) body.price = input.price;
  checkStatus(metadata.leads.pipelines, input.pipelineId, input.statusId, errors);
  if (input.pipelineId != null) body.pipeline_id = input.pipelineId;
  if (input.statusId != null) body.status_id = input.statusId;
  const embedded: NonNullable<ComplexLeadWrite['_embedded']> = leadEmbedded?.tags ? { tags: leadEmbedded.tags } : {};
  const parts: { key: 'contacts' | 'companies'; at: string; path: (amo: string) => InputPath }[] = [];
  if (input.contact) {
    const partErrors: ItemError[] = [];
    const contact = commonBody(input.contact, metadata.contacts, 'create', partErrors);
    const contactBody: ContactWrite = { ...contact.body };
    if (input.contact.firstName != null) contactBody.first_name = input.contact.firstName;
    if (input.contact.lastName != null) contactBody.last_name = input.contact.lastName;
    errors.push(...prefixed(partErrors, ['contact']));
    embedded.contacts = [contactBody];
    parts.push({ key: 'contacts', at: 'contact', path: contact.inputPath });
  }
  if (input.company) {
    const partErrors: ItemError[] = [];
    const company = commonBody(input.company, metadata.companies, 'create', partErrors);
    errors.push(...prefixed(partErrors, ['company']));
    embedded.companies = [company.body as CompanyWrite];
    parts.push({ key: 'companies', at: 'company', path: company.inputPath });
  }
  if (input.form) {
    embedded.metadata = {
      category: 'forms',
      form_id: input.form.formId,
      form_name: input.form.formName,
      form_page: input.form.formPage,
      form_sent_at: toUnixSeconds(input.form.sentAt ?? new Date()),
      ...(input.form.ip ? { ip: input.form.ip } : {}),
      ...(input.form.referer ? { referer: input.form.referer } : {}),
    };
  }
  if (Object.keys(embedded).length > 0) body._embedded = embedded;
  for (const [at, values] of [[[], body.custom_fields_values], [['contact'], embedded.contacts?.[0] && (embedded.contacts[0] as ContactWrite).custom_fields_values], [['company'], embedded.companies?.[0] && (embedded.companies[0] as CompanyWrite).custom_fields_values]] as const) {
    if (Array.isArray(values) && values.length > MAX_COMPLEX_FIELDS) errors.push(inputError([...at, 'customFields'], `a complex lead takes at most ${MAX_COMPLEX_FIELDS} custom fields per entity`));
  }
  if (errors.length > 0) return { errors };
  return {
    body,
    inputPath: (amoPath) => {
      const segments = amoPath.split('.');
      if (segments[0] === '_embedded') {
        const part = parts.find((candidate) => candidate.key === segments[1]);
        if (part) return [part.at, ...part.path(segments.slice(3).join('.'))];
        if (segments[1] === 'metadata') return ['form'];
      }
      return lead.inputPath(amoPath);
    },
  };
}

const ComplexLeadWriteResult = writeResultType<ComplexLeadResult>('ComplexLeadWriteResult', 'The outcome of one complex lead.', (t) => {
  const value = (r: { outcome: { status: string; value?: ComplexLeadResult } }) => (r.outcome.status === 'succeeded' ? r.outcome.value! : null);
  return {
    amoId: t.int({ nullable: true, description: "The lead's amoCRM id.", resolve: (r) => value(r)?.id ?? null }),
    lead: t.field({ type: LeadRef, nullable: true, resolve: (r) => value(r)?.id ?? null }),
    contactAmoId: t.int({ nullable: true, resolve: (r) => value(r)?.contact_id ?? null }),
    contact: t.field({ type: ContactRef, nullable: true, resolve: (r) => value(r)?.contact_id ?? null }),
    companyAmoId: t.int({ nullable: true, resolve: (r) => value(r)?.company_id ?? null }),
    company: t.field({ type: CompanyRef, nullable: true, resolve: (r) => value(r)?.company_id ?? null }),
    merged: t.boolean({
      nullable: true,
      description: "amoCRM's duplicate control merged it into entities it already had.",
      resolve: (r) => value(r)?.merged ?? null,
    }),
  };
});

const CreateLeadsComplexPayload = writePayloadType('CreateLeadsComplexPayload', ComplexLeadWriteResult);

builder.mutationFields((t) => ({
  createLeadsComplex: t.field({
    type: CreateLeadsComplexPayload,
    description: 'Creates leads each with a new contact and company (amoCRM /leads/complex, 50 per call), answered per item.',
    args: { input: t.arg({ type: [CreateLeadComplexInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      checkListSize(args.input);
      const [leads, contacts, companies] = await Promise.all([
        writeMetadata(ctx.account, 'leads', { pipelines: true }),
        writeMetadata(ctx.account, 'contacts'),
        writeMetadata(ctx.account, 'companies'),
      ]);
      const items = args.input.map((input) => prepareComplex(input, { leads, contacts, companies }));
      const outcomes = await batchWrite<ComplexLeadWrite, ComplexLeadResult>(items, {
        send: (bodies) => ctx.upstream.leads.createComplex(bodies, { signal: ctx.upstream.scope?.signal }),
        requestIdsOf: (result) => (Array.isArray(result.request_id) ? result.request_id : [result.request_id]).map(String),
      });
      return withIndexes(outcomes);
    },
  }),
}));
