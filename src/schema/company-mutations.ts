// createCompanies and updateCompanies: lists of any length, batched by 50, answered per item.

import type { Prepared } from '../loaders/batch-write.js';
import type { CompanyWrite } from '../rest/types.js';
import { builder } from './builder.js';
import { CustomFieldInput } from './custom-field-input.js';
import { TagInput, writeMetadata, type WriteMetadata } from './entity-inputs.js';
import { checkListSize, commonBody, refuseRepeats, writeEntities, type EntityInputValue } from './entity-writes.js';
import { CompanyRef } from './refs.js';
import { inputError, writePayloadType, writeResultType } from './write-results.js';

const CreateCompanyInput = builder.inputType('CreateCompanyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    responsibleUserId: t.int(),
    createdAt: t.field({ type: 'DateTime' }),
    customFields: t.field({ type: [CustomFieldInput], description: 'Phones and e-mails are fieldCode PHONE and EMAIL with `entries`.' }),
    tags: t.field({ type: [TagInput] }),
  }),
});

const UpdateCompanyInput = builder.inputType('UpdateCompanyInput', {
  description: 'Only the fields given change. Custom fields given replace their values; `clear: true` empties one.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string(),
    responsibleUserId: t.int(),
    customFields: t.field({ type: [CustomFieldInput] }),
    tags: t.field({ type: [TagInput], description: 'Replaces every tag; an empty list removes them all.' }),
    addTags: t.field({ type: [TagInput] }),
    removeTags: t.field({ type: [TagInput] }),
  }),
});

function prepareCompany(input: EntityInputValue, metadata: WriteMetadata, mode: 'create' | 'update'): Prepared<CompanyWrite> {
  const errors: ReturnType<typeof inputError>[] = [];
  const { body, inputPath } = commonBody(input, metadata, mode, errors);
  return errors.length > 0 ? { errors } : { body, inputPath };
}

const CompanyWriteResult = writeResultType<{ id: number }>('CompanyWriteResult', 'The outcome of one company of a createCompanies or updateCompanies call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  company: t.field({
    type: CompanyRef,
    nullable: true,
    description: 'The company as amoCRM has it now (read after the write).',
    resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null),
  }),
}));

const CreateCompaniesPayload = writePayloadType('CreateCompaniesPayload', CompanyWriteResult);
const UpdateCompaniesPayload = writePayloadType('UpdateCompaniesPayload', CompanyWriteResult);

builder.mutationFields((t) => ({
  createCompanies: t.field({
    type: CreateCompaniesPayload,
    description: 'Creates companies, 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [CreateCompanyInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      checkListSize(args.input);
      const metadata = await writeMetadata(ctx.account, 'companies');
      return writeEntities(ctx, 'create', ctx.upstream.companies, args.input.map((input) => prepareCompany(input, metadata, 'create')), CompanyRef);
    },
  }),
  updateCompanies: t.field({
    type: UpdateCompaniesPayload,
    description: 'Updates companies by amoId, 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [UpdateCompanyInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      checkListSize(args.input);
      const metadata = await writeMetadata(ctx.account, 'companies');
      const items = refuseRepeats(args.input, (input) => prepareCompany(input, metadata, 'update'));
      return writeEntities(ctx, 'update', ctx.upstream.companies, items as Prepared<CompanyWrite>[], CompanyRef);
    },
  }),
}));
