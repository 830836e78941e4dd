// Custom field definitions: the account's field catalogue per owner (an entity type, customers or
// one catalog), cached per account. Groups and writes are in custom-field-group.ts and
// custom-field-mutations.ts.

import { fieldOwnerOf, statusKey } from '../loaders/metadata.js';
import type { CustomFieldEnum, CustomFieldOwner, CustomFieldType, EntityType } from '../rest/types.js';
import { builder } from './builder.js';
import { CatalogRef } from './catalog.js';
import { badInput, EntityTypeEnum } from './common.js';
import { CustomFieldGroupRef } from './custom-field-group.js';
import { CustomFieldOwnerTypeEnum, groupOfField, ownerFromArgs, type OwnerType } from './custom-field-owner.js';
import { CustomFieldTypeEnum } from './custom-field-value.js';
import { CustomFieldDefinitionRef, StatusRef } from './refs.js';

export const CustomFieldEnumRef = builder.objectRef<CustomFieldEnum>('CustomFieldEnum').implement({
  description: 'One option of a select-like field, or one kind of a multitext field (WORK, MOB…).',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    value: t.exposeString('value'),
    sort: t.exposeInt('sort'),
    code: t.string({ nullable: true, resolve: (item) => item.code ?? null }),
  }),
});

CustomFieldDefinitionRef.implement({
  description: 'A custom field definition of an entity type, of customers or of a catalog. Its amoId is unique in the account.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    entityType: t.field({
      type: EntityTypeEnum,
      nullable: true,
      description: 'The entity type for lead, contact and company fields; null for customers and catalog fields (see owner).',
      resolve: (field) => (field.entity_type === 'leads' || field.entity_type === 'contacts' || field.entity_type === 'companies' ? field.entity_type : null),
    }),
    owner: t.field({ type: CustomFieldOwnerTypeEnum, description: 'Whose field this is.', resolve: (field) => field.entity_type }),
    catalog: t.field({
      type: CatalogRef,
      nullable: true,
      description: "The catalog of a catalog's field.",
      resolve: (field) => (field.entity_type === 'catalogs' ? (field.catalog_id ?? null) : null),
    }),
    group: t.field({
      type: CustomFieldGroupRef,
      nullable: true,
      description: "The card tab the field is shown in (the owner's main tab when it has no group of its own); null for catalog fields.",
      resolve: (field, _args, ctx) => groupOfField(ctx, fieldOwnerOf(field), field.group_id ?? null),
    }),
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

/** Which owner a definitions query names: `entity`, or `owner` (+ `catalogAmoId`), not both. */
function queriedOwner(args: { entity?: EntityType | null; owner?: OwnerType | null; catalogAmoId?: number | null }): CustomFieldOwner {
  if (args.entity && args.owner) throw badInput('give entity or owner, not both');
  if (args.entity) {
    if (args.catalogAmoId != null) throw badInput('catalogAmoId is only for owner CATALOGS');
    return args.entity;
  }
  if (!args.owner) throw badInput('give entity (LEADS, CONTACTS, COMPANIES) or owner (also CUSTOMERS, CATALOGS with catalogAmoId)');
  return ownerFromArgs(args.owner, args.catalogAmoId);
}

builder.queryFields((t) => ({
  customFieldDefinitions: t.field({
    type: [CustomFieldDefinitionRef],
    nullable: true,
    description:
      'The custom field definitions of one owner, in amoCRM sort order: an entity type (`entity`), or any owner (`owner`, with `catalogAmoId` for a catalog). Null, with an error, when amoCRM could not answer.',
    args: {
      entity: t.arg({ type: EntityTypeEnum, description: 'Leads, contacts or companies (the same as owner for these).' }),
      owner: t.arg({ type: CustomFieldOwnerTypeEnum }),
      catalogAmoId: t.arg.int({ description: 'The catalog, with owner CATALOGS.' }),
      types: t.arg({ type: [CustomFieldTypeEnum], description: 'Only fields of these types.' }),
    },
    resolve: async (_root, args, ctx) => {
      const owner = queriedOwner(args);
      const wanted = args.types ? new Set<string>(args.types) : null;
      const fields = await ctx.account.customFields(owner);
      return fields.filter((field) => !wanted || wanted.has(field.type)).sort((a, b) => a.sort - b.sort || a.id - b.id);
    },
  }),
}));
