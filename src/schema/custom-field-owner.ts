// Whose custom fields a query or mutation is about: an entity type, customers, or one catalog.

import { customFieldGroupsKey, customFieldsKey } from '../loaders/account-context.js';
import type { CustomFieldGroup, CustomFieldOwner, EntityType } from '../rest/types.js';
import { builder } from './builder.js';
import { badInput } from './common.js';
import type { GraphQLContext } from './context.js';

export type OwnerType = 'leads' | 'contacts' | 'companies' | 'customers' | 'catalogs';

export const CustomFieldOwnerTypeEnum = builder.enumType('CustomFieldOwnerType', {
  description: 'Whose custom fields: an entity type, customers, or a catalog (with its catalogAmoId).',
  values: {
    LEADS: { value: 'leads' },
    CONTACTS: { value: 'contacts' },
    COMPANIES: { value: 'companies' },
    CUSTOMERS: { value: 'customers' },
    CATALOGS: { value: 'catalogs', description: 'A catalog (list); name it with catalogAmoId.' },
  } as const,
});

/** The owner's path segment from GraphQL arguments; a catalog needs its id, nothing else takes one. */
export function ownerFromArgs(owner: OwnerType, catalogAmoId: number | null | undefined): CustomFieldOwner {
  if (owner === 'catalogs') {
    if (catalogAmoId == null || catalogAmoId < 1) throw badInput('owner CATALOGS needs catalogAmoId, a positive catalog id');
    return `catalogs/${catalogAmoId}`;
  }
  if (catalogAmoId != null) throw badInput(`catalogAmoId is only for owner CATALOGS, not ${owner.toUpperCase()}`);
  return owner;
}

/** The group a field is shown in: its own, or the owner's predefined one; null for catalog fields. */
export async function groupOfField(ctx: GraphQLContext, owner: CustomFieldOwner, groupId: string | null): Promise<CustomFieldGroup | null> {
  if (owner.startsWith('catalogs/')) return null;
  const groups = await ctx.account.customFieldGroups(owner as EntityType | 'customers');
  return groups.find((group) => (groupId === null ? group.is_predefined : group.id === groupId)) ?? null;
}

/** Group owners: every owner but catalogs. */
export function groupOwnerFromArgs(owner: OwnerType): EntityType | 'customers' {
  if (owner === 'catalogs') throw badInput('catalog fields have no groups; owner must be LEADS, CONTACTS, COMPANIES or CUSTOMERS');
  return owner;
}

/**
 * After a write to definitions or groups, the next read asks amoCRM again: a field write can move
 * fields between groups, a group write changes fields' `group_id`.
 */
export function forgetFieldMetadata(ctx: GraphQLContext, owner: CustomFieldOwner): void {
  ctx.account.metadata.invalidate(customFieldsKey(owner));
  if (!owner.startsWith('catalogs/')) ctx.account.metadata.invalidate(customFieldGroupsKey(owner as EntityType | 'customers'));
}
