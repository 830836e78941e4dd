// createContacts and updateContacts: lists of any length, batched by 50, answered per item.
// Phones and e-mails are the PHONE and EMAIL custom fields: `{ fieldCode: "PHONE", entries: [...] }`.

import type { Prepared } from '../loaders/batch-write.js';
import type { ContactWrite } from '../rest/types.js';
import { builder } from './builder.js';
import { CustomFieldInput } from './custom-field-input.js';
import { TagInput, writeMetadata, type WriteMetadata } from './entity-inputs.js';
import { checkListSize, commonBody, refuseRepeats, writeEntities, type EntityInputValue } from './entity-writes.js';
import { ContactRef } from './refs.js';
import { inputError, writePayloadType, writeResultType } from './write-results.js';

const CreateContactInput = builder.inputType('CreateContactInput', {
  fields: (t) => ({
    name: t.string({ description: 'Default: first and last name.' }),
    firstName: t.string(),
    lastName: t.string(),
    responsibleUserId: t.int(),
    createdAt: t.field({ type: 'DateTime' }),
    customFields: t.field({ type: [CustomFieldInput], description: 'Phones and e-mails are fieldCode PHONE and EMAIL with `entries`.' }),
    tags: t.field({ type: [TagInput] }),
    companyId: t.int({ description: 'An existing company to link.' }),
  }),
});

const UpdateContactInput = builder.inputType('UpdateContactInput', {
  description: 'Only the fields given change. Custom fields given replace their values; `clear: true` empties one.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string(),
    firstName: t.string(),
    lastName: t.string(),
    responsibleUserId: t.int(),
    customFields: t.field({ type: [CustomFieldInput] }),
    tags: t.field({ type: [TagInput], description: 'Replaces every tag; an empty list removes them all.' }),
    addTags: t.field({ type: [TagInput] }),
    removeTags: t.field({ type: [TagInput] }),
  }),
});

interface ContactInputValue extends EntityInputValue {
  firstName?: string | null;
  lastName?: string | null;
  companyId?: number | null;
}

function prepareContact(input: ContactInputValue, metadata: WriteMetadata, mode: 'create' | 'update'): Prepared<ContactWrite> {
  const errors: ReturnType<typeof inputError>[] = [];
  const { body: common, inputPath } = commonBody(input, metadata, mode, errors);
  const body: ContactWrite & { id?: number } = { ...common };
  if (input.firstName != null) body.first_name = input.firstName;
  if (input.lastName != null) body.last_name = input.lastName;
  if (mode === 'create' && input.companyId != null) body._embedded = { ...body._embedded, companies: [{ id: input.companyId }] };
  return errors.length > 0 ? { errors } : { body, inputPath };
}

const ContactWriteResult = writeResultType<{ id: number }>('ContactWriteResult', 'The outcome of one contact of a createContacts or updateContacts call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  contact: t.field({
    type: ContactRef,
    nullable: true,
    description: 'The contact as amoCRM has it now (read after the write).',
    resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null),
  }),
}));

const CreateContactsPayload = writePayloadType('CreateContactsPayload', ContactWriteResult);
const UpdateContactsPayload = writePayloadType('UpdateContactsPayload', ContactWriteResult);

builder.mutationFields((t) => ({
  createContacts: t.field({
    type: CreateContactsPayload,
    description: 'Creates contacts, 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [CreateContactInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      checkListSize(args.input);
      const metadata = await writeMetadata(ctx.account, 'contacts');
      return writeEntities(ctx, 'create', ctx.upstream.contacts, args.input.map((input) => prepareContact(input, metadata, 'create')), ContactRef);
    },
  }),
  updateContacts: t.field({
    type: UpdateContactsPayload,
    description: 'Updates contacts by amoId, 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [UpdateContactInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      checkListSize(args.input);
      const metadata = await writeMetadata(ctx.account, 'contacts');
      const items = refuseRepeats(args.input, (input) => prepareContact(input, metadata, 'update'));
      return writeEntities(ctx, 'update', ctx.upstream.contacts, items as Prepared<ContactWrite>[], ContactRef);
    },
  }),
}));
