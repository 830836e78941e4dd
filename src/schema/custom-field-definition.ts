// Custom field definitions: the account's field catalogue per entity type (cached per account).

import { statusKey } from '../loaders/metadata.js';
import type { CustomFieldEnum, CustomFieldType } from '../rest/types.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './common.js';
import { CustomFieldTypeEnum } from './custom-field-value.js';
import { CustomFieldDefinitionRef, StatusRef } from './refs.js';

const CustomFieldEnumRef = builder.objectRef<CustomFieldEnum>('CustomFieldEnum').implement({
  description: 'One option of a select-like field, or one kind of a multitext field (WORK, MOB…).',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    value: t.exposeString('value'),
    sort: t.exposeInt('sort'),
    code: t.string({ nullable: true, resolve: (item) => item.code ?? null }),
  }),
});

CustomFieldDefinitionRef.implement({
  description: 'A custom field definition. Field ids are per entity type.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    entityType: t.field({ type: EntityTypeEnum, resolve: (field) => field.entity_type }),
    name: t.exposeString('name'),
    type: t.field({
      type: CustomFieldTypeEnum,
      resolve: (field) => field.type as CustomFieldType,
    }),
    code: t.string({ nullable: true, description: 'PHONE, EMAIL, POSITION… for predefined fields.', resolve: (field) => field.code ?? null }),
    sort: t.exposeInt('sort'),
    groupId: t.string({ nullable: true, resolve: (field) => field.group_id ?? null }),
    isApiOnly: t.boolean({ resolve: (field) => field.is_api_only ?? false }),
    isPredefined: t.boolean({ resolve: (field) => field.is_predefined ?? false }),
    isDeletable: t.boolean({ resolve: (field) => field.is_deletable ?? true }),
    enums: t.field({
      type: [CustomFieldEnumRef],
      description: 'Options of select, multiselect, radiobutton and multitext fields; empty otherwise.',
      resolve: (field) => field.enums ?? [],
    }),
    requiredStatuses: t.field({
      type: [StatusRef],
      description: 'Lead statuses in which this field must be filled.',
      resolve: (field) => (field.required_statuses ?? []).map((s) => statusKey(s.pipeline_id, s.status_id)),
    }),
    remind: t.string({ nullable: true, description: 'Birthday fields: never, day, week or month.', resolve: (field) => field.remind ?? null }),
    currency: t.string({ nullable: true, description: 'Monetary fields: the currency code.', resolve: (field) => field.currency ?? null }),
  }),
});

builder.queryFields((t) => ({
  customFieldDefinitions: t.field({
    type: [CustomFieldDefinitionRef],
    nullable: true,
    description: 'The custom field definitions of one entity type, in amoCRM sort order. Null, with an error, when amoCRM could not answer.',
    args: {
      entity: t.arg({ type: EntityTypeEnum, required: true }),
      types: t.arg({ type: [CustomFieldTypeEnum], description: 'Only fields of these types.' }),
    },
    resolve: async (_root, args, ctx) => {
      const wanted = args.types ? new Set<string>(args.types) : null;
      const fields = await ctx.account.customFields(args.entity);
      return fields
        .filter((field) => !wanted || wanted.has(field.type))
        .map((field) => ({ ...field, entity_type: args.entity }))
        .sort((a, b) => a.sort - b.sort || a.id - b.id);
    },
  }),
}));
