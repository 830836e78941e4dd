// Managing custom field definitions of any owner: create and update in batches of 50, delete one
// field per upstream call (amoCRM takes deletes only by path). Admin only. After a write the
// owner's cached definitions and groups are dropped, so the next read, and the typed values of
// entities, see the change.

import { batchWrite, type InputPath, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { CustomFieldWrite } from '../rest/resources/custom-fields.js';
import type { CustomFieldDefinition, CustomFieldOwner, CustomFieldType } from '../rest/types.js';
import { builder, type SchemaTypes } from './builder.js';
import type { GraphQLContext } from './context.js';
import { CustomFieldOwnerTypeEnum, forgetFieldMetadata, ownerFromArgs } from './custom-field-owner.js';
import { CustomFieldTypeEnum } from './custom-field-value.js';
import { checkListSize, deleteEach } from './entity-writes.js';
import { CustomFieldDefinitionRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const ENUM_TYPES = new Set<string>(['select', 'multiselect', 'radiobutton', 'category']);

const BirthdayRemindEnum = builder.enumType('BirthdayRemind', {
  description: 'When amoCRM reminds of a birthday field.',
  values: { NEVER: { value: 'never' }, DAY: { value: 'day' }, WEEK: { value: 'week' }, MONTH: { value: 'month' } } as const,
});

const CustomFieldEnumInput = builder.inputType('CustomFieldEnumInput', {
  description: 'One option of a select-like field. On update, give amoId to keep an existing option (and the values that chose it); the list replaces the old one.',
  fields: (t) => ({
    amoId: t.int(),
    value: t.string({ required: true }),
    sort: t.int(),
  }),
});

const FieldStatusInput = builder.inputType('CustomFieldStatusInput', {
  fields: (t) => ({ pipelineAmoId: t.int({ required: true }), statusAmoId: t.int({ required: true }) }),
});

/** What both create and update may set. */
const settings = (t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>) => ({
  code: t.string({ description: 'Latin letters, digits and underscores; values can then be written by code. Unique per owner.' }),
  sort: t.int(),
  groupId: t.string({ description: 'The group (card tab) to show the field in; null: the main tab. Not for catalogs.' }),
  isApiOnly: t.boolean({ description: 'Only the API may change its values.' }),
  requiredStatuses: t.field({ type: [FieldStatusInput], description: 'Lead statuses that need this field filled (lead, contact and company fields).' }),
  hiddenStatuses: t.field({ type: [FieldStatusInput], description: 'Lead statuses in which the field is hidden (lead fields).' }),
  enums: t.field({ type: [CustomFieldEnumInput], description: 'Options of select, multiselect, radiobutton and category fields.' }),
  remind: t.field({ type: BirthdayRemindEnum, description: 'Birthday fields only.' }),
  currency: t.string({ description: 'Monetary fields only: an ISO 4217 code such as RUB.' }),
});

const CreateCustomFieldInput = builder.inputType('CreateCustomFieldInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    type: t.field({ type: CustomFieldTypeEnum, required: true, description: 'Fixed once created.' }),
    ...settings(t),
  }),
});

const UpdateCustomFieldInput = builder.inputType('UpdateCustomFieldInput', {
  description: "Only the fields given change. A field's type cannot change.",
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string(),
    ...settings(t),
  }),
});

interface StatusValue {
  pipelineAmoId: number;
  statusAmoId: number;
}

interface FieldInputValue {
  amoId?: number | null;
  name?: string | null;
  /** `unknown` is only what the gateway reads for types it does not know. */
  type?: CustomFieldType | 'unknown' | null;
  code?: string | null;
  sort?: number | null;
  groupId?: string | null;
  isApiOnly?: boolean | null;
  requiredStatuses?: readonly StatusValue[] | null;
  hiddenStatuses?: readonly StatusValue[] | null;
  enums?: readonly { amoId?: number | null; value: string; sort?: number | null }[] | null;
  remind?: 'never' | 'day' | 'week' | 'month' | null;
  currency?: string | null;
}

/** amoCRM's names in a validation path, in the client's terms. */
const PATHS: Record<string, string> = {
  id: 'amoId',
  group_id: 'groupId',
  is_api_only: 'isApiOnly',
  required_statuses: 'requiredStatuses',
  hidden_statuses: 'hiddenStatuses',
  pipeline_id: 'pipelineAmoId',
  status_id: 'statusAmoId',
};

const fieldInputPath = (amoPath: string): InputPath =>
  amoPath
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : (PATHS[part] ?? part)));

const statuses = (list: readonly StatusValue[]) => list.map((s) => ({ pipeline_id: s.pipelineAmoId, status_id: s.statusAmoId }));

function prepareField(input: FieldInputValue, mode: 'create' | 'update'): Prepared<CustomFieldWrite & { id?: number }> {
  const errors: ItemError[] = [];
  const body: CustomFieldWrite & { id?: number } = {};
  if (mode === 'update') body.id = input.amoId!;
  if (input.name != null) {
    if (input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
    body.name = input.name;
  }
  if (mode === 'create') {
    if (input.type === 'unknown') errors.push(inputError(['type'], 'UNKNOWN is not a type a field can be created with'));
    else body.type = input.type!;
    if (ENUM_TYPES.has(input.type!) && !input.enums?.length) errors.push(inputError(['enums'], `a ${input.type} field needs enums`));
    if (input.type === 'monetary' && input.currency == null) errors.push(inputError(['currency'], 'a monetary field needs a currency'));
  }
  if (input.code != null) {
    if (!/^[A-Za-z0-9_]{1,64}$/.test(input.code)) errors.push(inputError(['code'], 'code is up to 64 latin letters, digits or underscores'));
    body.code = input.code;
  }
  if (input.sort != null) body.sort = input.sort;
  if (input.groupId !== undefined) body.group_id = input.groupId;
  if (input.isApiOnly != null) body.is_api_only = input.isApiOnly;
  if (input.requiredStatuses != null) body.required_statuses = statuses(input.requiredStatuses);
  if (input.hiddenStatuses != null) body.hidden_statuses = statuses(input.hiddenStatuses);
  if (input.enums != null) {
    input.enums.forEach((item, index) => {
      if (item.value.trim() === '') errors.push(inputError(['enums', index, 'value'], 'an option must not be empty'));
    });
    body.enums = input.enums.map((item, index) => ({ ...(item.amoId != null ? { id: item.amoId } : {}), value: item.value, sort: item.sort ?? (index + 1) * 10 }));
  }
  if (input.remind != null) body.remind = input.remind;
  if (input.currency != null) {
    if (!/^[A-Z]{3}$/.test(input.currency)) errors.push(inputError(['currency'], 'currency is an ISO 4217 code such as RUB'));
    body.currency = input.currency;
  }
  if (mode === 'update' && Object.keys(body).length === 1) errors.push(inputError([], 'nothing to change'));
  return errors.length > 0 ? { errors } : { body, inputPath: fieldInputPath };
}

/** amoCRM's answer with the owner it was written under (some answers omit entity_type). */
function withOwner(owner: CustomFieldOwner, field: CustomFieldDefinition): CustomFieldDefinition {
  const catalog = /^catalogs\/(\d+)$/.exec(owner);
  return { ...field, ...(catalog ? { entity_type: 'catalogs' as const, catalog_id: Number(catalog[1]) } : { entity_type: owner as CustomFieldDefinition['entity_type'] }) };
}

type Written = CustomFieldDefinition & { request_id?: string };

async function writeFields(ctx: GraphQLContext, owner: CustomFieldOwner, inputs: readonly FieldInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  const seen = new Set<number>();
  const items = inputs.map((input) => {
    if (mode === 'update') {
      if (input.amoId == null || input.amoId < 1) return { errors: [inputError(['amoId'], 'amoId must be a positive id')] };
      if (seen.has(input.amoId)) return { errors: [inputError(['amoId'], `field ${input.amoId} is already updated by an earlier item of this call`)] };
      seen.add(input.amoId);
    }
    return prepareField(input, mode);
  });
  const signal = ctx.upstream.scope?.signal;
  try {
    const outcomes = await batchWrite<CustomFieldWrite, Written>(items, {
      send: (bodies) =>
        mode === 'create'
          ? ctx.upstream.customFields.create(owner, bodies, { signal })
          : ctx.upstream.customFields.update(owner, bodies as (CustomFieldWrite & { id: number })[], { signal }),
      requestIdsOf: (result) => [String(result.request_id ?? '')],
    });
    return withIndexes(outcomes.map((outcome) => (outcome.status === 'succeeded' ? { ...outcome, value: withOwner(owner, outcome.value) } : outcome)));
  } finally {
    forgetFieldMetadata(ctx, owner);
  }
}

async function deleteFields(ctx: GraphQLContext, owner: CustomFieldOwner, amoIds: readonly number[]) {
  try {
    const signal = ctx.upstream.scope?.signal;
    return withIndexes(await deleteEach(amoIds, 'field', (id) => ctx.upstream.customFields.delete(owner, id, { signal })));
  } finally {
    forgetFieldMetadata(ctx, owner);
  }
}

const FieldWriteResult = writeResultType<CustomFieldDefinition>('CustomFieldWriteResult', 'The outcome of one field of a createCustomFields or updateCustomFields call.', (t) => ({
  field: t.field({ type: CustomFieldDefinitionRef, nullable: true, description: 'The definition as amoCRM answered the write.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value : null) }),
}));

const FieldDeleteResult = writeResultType<{ id: number }>('CustomFieldDeleteResult', 'The outcome of one id of a deleteCustomFields call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
}));

const ADMIN = 'Admin only (amoCRM answers 403 to other users).';

builder.mutationFields((t) => {
  const ownerArgs = () => ({
    owner: t.arg({ type: CustomFieldOwnerTypeEnum, required: true }),
    catalogAmoId: t.arg.int({ description: 'The catalog, with owner CATALOGS.' }),
  });
  return {
  createCustomFields: t.field({
    type: writePayloadType('CreateCustomFieldsPayload', FieldWriteResult),
    description: `Adds custom fields to an owner, 50 per upstream call, each answered on its own. Field ids are unique in the account. ${ADMIN}`,
    args: { ...ownerArgs(), input: t.arg({ type: [CreateCustomFieldInput], required: true }) },
    resolve: (_root, args, ctx) => writeFields(ctx, ownerFromArgs(args.owner, args.catalogAmoId), args.input, 'create'),
  }),
  updateCustomFields: t.field({
    type: writePayloadType('UpdateCustomFieldsPayload', FieldWriteResult),
    description: `Changes custom fields by amoId (name, code, sort, group, options, statuses, reminder, currency; never the type). ${ADMIN}`,
    args: { ...ownerArgs(), input: t.arg({ type: [UpdateCustomFieldInput], required: true }) },
    resolve: (_root, args, ctx) => writeFields(ctx, ownerFromArgs(args.owner, args.catalogAmoId), args.input, 'update'),
  }),
  deleteCustomFields: t.field({
    type: writePayloadType('DeleteCustomFieldsPayload', FieldDeleteResult),
    description: `Deletes custom fields by amoId, one upstream call each, with every value filled in them. Predefined fields cannot be deleted. ${ADMIN}`,
    args: { ...ownerArgs(), amoIds: t.arg.intList({ required: true }) },
    resolve: (_root, args, ctx) => deleteFields(ctx, ownerFromArgs(args.owner, args.catalogAmoId), args.amoIds),
  }),
  };
});
