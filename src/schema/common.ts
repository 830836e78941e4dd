// Enums and inputs shared by several types, and the unit conversions at the schema boundary.

import { GraphQLError } from 'graphql';
import type { Range } from '../rest/resources/entity.js';
import type { EntityType } from '../rest/types.js';
import { builder } from './builder.js';

export const OrderDirection = builder.enumType('OrderDirection', {
  values: {
    ASC: { value: 'asc', description: 'Oldest or smallest first.' },
    DESC: { value: 'desc', description: 'Newest or largest first.' },
  } as const,
});

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'The amoCRM entity types that carry custom fields, tags and links.',
  values: {
    LEADS: { value: 'leads' },
    CONTACTS: { value: 'contacts' },
    COMPANIES: { value: 'companies' },
  } as const,
});

export const DateTimeRange = builder.inputType('DateTimeRange', {
  description: 'An inclusive time range; either end may be left open. amoCRM compares whole seconds.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime' }),
    to: t.field({ type: 'DateTime' }),
  }),
});

export const IntRange = builder.inputType('IntRange', {
  description: 'An inclusive integer range; either end may be left open.',
  fields: (t) => ({
    from: t.int(),
    to: t.int(),
  }),
});

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** amoCRM speaks unix seconds. */
export function toUnixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function timeRange(range: { from?: Date | null; to?: Date | null } | null | undefined, name: string): Range | undefined {
  if (!range) return undefined;
  const from = range.from ? toUnixSeconds(range.from) : undefined;
  const to = range.to ? toUnixSeconds(range.to) : undefined;
  if (from === undefined && to === undefined) return undefined;
  if (from !== undefined && to !== undefined && from > to) throw badInput(`${name}: "from" is after "to"`);
  return { from, to };
}

export function intRange(range: { from?: number | null; to?: number | null } | null | undefined, name: string): Range | undefined {
  if (!range) return undefined;
  const from = range.from ?? undefined;
  const to = range.to ?? undefined;
  if (from === undefined && to === undefined) return undefined;
  if (from !== undefined && to !== undefined && from > to) throw badInput(`${name}: "from" is greater than "to"`);
  return { from, to };
}

/** Ids from GraphQL (`[Int!]`) checked before they reach amoCRM. */
export function amoIds(ids: readonly number[] | null | undefined, name: string): number[] | undefined {
  if (!ids) return undefined;
  for (const id of ids) if (id < 1) throw badInput(`${name}: ids are positive integers, got ${id}`);
  return [...new Set(ids)];
}

/** A user id of 0 means "robot or API" in amoCRM: no user. */
export function userId(id: number | null | undefined): number | null {
  return id && id > 0 ? id : null;
}

export function entityLabel(entity: EntityType): string {
  return entity === 'leads' ? 'lead' : entity === 'contacts' ? 'contact' : 'company';
}

/** `<Entity>Order { field, direction }` with the sort fields amoCRM supports for that entity. */
export function orderInput<const V extends Record<string, { value: string }>>(entity: string, values: V) {
  const field = builder.enumType(`${entity}OrderField`, { values });
  return builder.inputType(`${entity}Order`, {
    description: `How amoCRM sorts ${entity.toLowerCase()} lists.`,
    fields: (t) => ({
      field: t.field({ type: field, required: true }),
      direction: t.field({ type: OrderDirection, required: true }),
    }),
  });
}

/** The longest full-text search accepted: amoCRM searches names, phones and e-mails, not essays. */
export const MAX_SEARCH_LENGTH = 256;

export function searchText(query: string | null | undefined): string | undefined {
  if (query == null) return undefined;
  const trimmed = query.trim();
  if (trimmed.length > MAX_SEARCH_LENGTH) throw badInput(`"query" may be at most ${MAX_SEARCH_LENGTH} characters, got ${trimmed.length}`);
  return trimmed === '' ? undefined : trimmed;
}
