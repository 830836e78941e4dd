// `filter[...]` for leads, contacts and companies. Each key builds a predicate; unknown keys are
// ignored (and noted in the request log), malformed ones are a 400. Custom-field filters apply
// only while the account has API filtering enabled, as on amoCRM.

import type { CustomFieldValueItem } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { filterTree, inRange, intList, range, stringList } from '../http/filters.js';
import { badRequest } from '../http/problem.js';
import type { QueryValue } from '../http/query-string.js';
import type { CustomFieldRecord, EntityType, LeadRecord, StoredFieldValues } from '../records.js';

export interface FilterableRow {
  id: number;
  name: string;
  responsible_user_id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closest_task_at: number | null;
  custom_fields_values: readonly StoredFieldValues[];
}

type Predicate<R> = (row: R) => boolean;
type FilterBuilder<R> = (value: QueryValue, name: string, ctx: RequestContext, entity: EntityType) => Predicate<R>;

const oneOf = <R>(read: (row: R) => number) => ((value, name) => {
  const ids = new Set(intList(value, name));
  return (row: R) => ids.has(read(row));
}) as FilterBuilder<R>;

const within = <R>(read: (row: R) => number | null) => ((value, name) => {
  const bounds = range(value, name);
  return (row: R) => inRange(read(row), bounds);
}) as FilterBuilder<R>;

const COMMON: Record<string, FilterBuilder<FilterableRow>> = {
  id: oneOf((row) => row.id),
  name: (value, name) => {
    const names = new Set(stringList(value, name).map((item) => item.trim().toLowerCase()));
    return (row) => names.has(row.name.trim().toLowerCase());
  },
  responsible_user_id: oneOf((row) => row.responsible_user_id),
  created_by: oneOf((row) => row.created_by),
  updated_by: oneOf((row) => row.updated_by),
  created_at: within((row) => row.created_at),
  updated_at: within((row) => row.updated_at),
  closest_task_at: within((row) => row.closest_task_at),
  custom_fields_values: customFieldFilter,
};

const LEADS_ONLY: Record<string, FilterBuilder<LeadRecord>> = {
  price: within((row) => row.price),
  pipeline_id: oneOf((row) => row.pipeline_id),
  closed_at: within((row) => row.closed_at),
  statuses: (value, name) => {
    if (typeof value === 'string') throw badRequest(`${name} must be a list of {pipeline_id, status_id} pairs`);
    const pairs = [...value].map(([index, item]) => {
      if (typeof item === 'string') throw badRequest(`${name}[${index}] must have [pipeline_id] and [status_id]`);
      const [pipelineId] = intList(item.get('pipeline_id') ?? '', `${name}[${index}][pipeline_id]`);
      const [statusId] = intList(item.get('status_id') ?? '', `${name}[${index}][status_id]`);
      return `${pipelineId}:${statusId}`;
    });
    const wanted = new Set(pairs);
    return (row) => wanted.has(`${row.pipeline_id}:${row.status_id}`);
  },
};

const TRUE = new Set(['1', 'true', 'y', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'n', 'no', 'off', '']);
const digits = (text: string) => text.replace(/\D/g, '');

function itemMatches(field: CustomFieldRecord, item: CustomFieldValueItem, wanted: string): boolean {
  const needle = wanted.trim().toLowerCase();
  if (item.enum_id !== undefined && item.enum_id !== null && String(item.enum_id) === needle) return true;
  const value = item.value;
  if (value !== null && typeof value === 'object') {
    return Object.values(value as Record<string, unknown>).some((part) => part !== null && String(part).toLowerCase() === needle);
  }
  const text = String(value ?? '').toLowerCase();
  if (text === needle) return true;
  return field.code === 'PHONE' && digits(needle).length > 0 && digits(text) === digits(needle);
}

function numericValue(item: CustomFieldValueItem): number | null {
  const number = typeof item.value === 'number' ? item.value : Number(String(item.value ?? '').trim());
  return Number.isFinite(number) ? number : null;
}

function customFieldFilter(value: QueryValue, name: string, ctx: RequestContext, entity: EntityType): Predicate<FilterableRow> {
  if (!ctx.store.account.is_api_filter_enabled) {
    ctx.notes.push(`${name} ignored: API filtering is disabled on this account`);
    return () => true;
  }
  if (typeof value === 'string') throw badRequest(`${name} must be keyed by field id, e.g. ${name}[123][]=value`);
  const predicates = [...value].map(([fieldKey, spec]): Predicate<FilterableRow> => {
    const path = `${name}[${fieldKey}]`;
    if (!/^\d+$/.test(fieldKey)) throw badRequest(`${path}: field ids are integers`);
    const field = ctx.store.customFields[entity].get(Number(fieldKey));
    if (!field) throw badRequest(`${path}: no ${entity} custom field ${fieldKey}`);
    const itemsOf = (row: FilterableRow) => row.custom_fields_values.find((stored) => stored.field_id === field.id)?.values ?? [];

    if (typeof spec !== 'string' && (spec.has('from') || spec.has('to'))) {
      const bounds = range(spec, path);
      return (row) => itemsOf(row).some((item) => inRange(numericValue(item), bounds));
    }
    const wanted = stringList(spec, path);
    if (field.type === 'checkbox') {
      const states = wanted.map((item) => {
        const text = item.trim().toLowerCase();
        if (TRUE.has(text)) return true;
        if (FALSE.has(text)) return false;
        throw badRequest(`${path}: a checkbox filter takes 1 or 0, got "${item}"`);
      });
      // An unticked checkbox and an unfilled one read the same in amoCRM's UI.
      return (row) => states.includes(itemsOf(row).some((item) => item.value === true));
    }
    return (row) => itemsOf(row).some((item) => wanted.some((want) => itemMatches(field, item, want)));
  });
  return (row) => predicates.every((predicate) => predicate(row));
}

/** One predicate for the whole `filter` object of an entity list. */
export function entityFilter<R extends FilterableRow>(ctx: RequestContext, entity: EntityType): Predicate<R> {
  const builders: Record<string, FilterBuilder<R>> = entity === 'leads' ? ({ ...COMMON, ...LEADS_ONLY } as never) : (COMMON as never);
  const predicates: Predicate<R>[] = [];
  for (const [key, value] of filterTree(ctx.query)) {
    const builder = builders[key];
    if (!builder) {
      ctx.notes.push(`filter[${key}] is not a ${entity} filter; ignored`);
      continue;
    }
    predicates.push(builder(value, `filter[${key}]`, ctx, entity));
  }
  return (row) => predicates.every((predicate) => predicate(row));
}
