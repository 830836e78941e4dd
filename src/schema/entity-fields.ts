// Fields that leads, contacts and companies share, and their shared filter inputs. Each entity's
// own file spreads these into its type so the three stay identical.

import type { FieldMap } from '@pothos/core';
import type { CustomFieldFilter } from '../rest/resources/entity.js';
import type { EntityCore, EntityType } from '../rest/types.js';
import { builder, type SchemaTypes } from './builder.js';
import { amoIds, badInput, DateTimeRange, timeRange, userId } from './common.js';
import { customFieldsField } from './custom-field-value.js';
import { UserRef } from './refs.js';
import { TagRef } from './tag.js';

export function entityFields<T extends EntityCore>(t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, T>, entity: EntityType): FieldMap {
  return {
    amoId: t.int({ description: "amoCRM's numeric id.", resolve: (row) => row.id }),
    responsibleUser: t.field({ type: UserRef, nullable: true, resolve: (row) => userId(row.responsible_user_id) }),
    createdBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null when a robot or the API created it.',
      resolve: (row) => userId(row.created_by),
    }),
    updatedBy: t.field({ type: UserRef, nullable: true, resolve: (row) => userId(row.updated_by) }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (row) => row.updated_at }),
    closestTaskAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.closest_task_at ?? null }),
    isDeleted: t.boolean({ resolve: (row) => row.is_deleted ?? false }),
    tags: t.field({ type: [TagRef], resolve: (row) => row._embedded?.tags ?? [] }),
    ...customFieldsField(t, () => entity),
  };
}

const FloatRange = builder.inputType('FloatRange', {
  description: 'An inclusive number range; either end may be left open.',
  fields: (t) => ({ from: t.float(), to: t.float() }),
});

export const CustomFieldFilterInput = builder.inputType('CustomFieldFilter', {
  description:
    'Matches a custom field: give exactly one of `values`, `range` or `dateRange`. amoCRM applies custom field filters only on accounts with API filtering enabled (`account { isApiFilterEnabled }`).',
  fields: (t) => ({
    fieldId: t.int({ required: true }),
    values: t.stringList(),
    range: t.field({ type: FloatRange }),
    dateRange: t.field({ type: DateTimeRange }),
  }),
});

type CustomFieldFilterArg = {
  fieldId: number;
  values?: readonly string[] | null;
  range?: { from?: number | null; to?: number | null } | null;
  dateRange?: { from?: Date | null; to?: Date | null } | null;
};

export function customFieldFilter(filters: readonly CustomFieldFilterArg[] | null | undefined): CustomFieldFilter | undefined {
  if (!filters?.length) return undefined;
  const out: CustomFieldFilter = {};
  for (const [index, filter] of filters.entries()) {
    const given = [filter.values, filter.range, filter.dateRange].filter((v) => v != null).length;
    if (given !== 1) throw badInput(`customFields[${index}]: give exactly one of values, range or dateRange`);
    if (filter.fieldId < 1) throw badInput(`customFields[${index}]: fieldId must be positive`);
    if (filter.values) out[filter.fieldId] = filter.values;
    else if (filter.range) out[filter.fieldId] = { from: filter.range.from ?? undefined, to: filter.range.to ?? undefined };
    else if (filter.dateRange) out[filter.fieldId] = timeRange(filter.dateRange, `customFields[${index}].dateRange`) ?? {};
  }
  return out;
}

/** The filter fields contacts and companies share (leads have these and more). */
export function commonFilterFields(t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>) {
  return {
    amoIds: t.intList({ description: 'Only these ids.' }),
    names: t.stringList({ description: 'Exact names.' }),
    responsibleUserIds: t.intList(),
    createdByUserIds: t.intList(),
    updatedByUserIds: t.intList(),
    createdAt: t.field({ type: DateTimeRange }),
    updatedAt: t.field({ type: DateTimeRange }),
    closestTaskAt: t.field({ type: DateTimeRange }),
    customFields: t.field({ type: [CustomFieldFilterInput] }),
  };
}

export interface CommonFilterArgs {
  amoIds?: readonly number[] | null;
  names?: readonly string[] | null;
  responsibleUserIds?: readonly number[] | null;
  createdByUserIds?: readonly number[] | null;
  updatedByUserIds?: readonly number[] | null;
  createdAt?: { from?: Date | null; to?: Date | null } | null;
  updatedAt?: { from?: Date | null; to?: Date | null } | null;
  closestTaskAt?: { from?: Date | null; to?: Date | null } | null;
  customFields?: readonly CustomFieldFilterArg[] | null;
}

/** GraphQL filter -> amoCRM's `filter[...]` (snake_case, unix seconds). */
export function commonFilter(filter: CommonFilterArgs | null | undefined) {
  if (!filter) return undefined;
  return {
    id: amoIds(filter.amoIds, 'filter.amoIds'),
    name: filter.names ? [...filter.names] : undefined,
    responsible_user_id: amoIds(filter.responsibleUserIds, 'filter.responsibleUserIds'),
    created_by: amoIds(filter.createdByUserIds, 'filter.createdByUserIds'),
    updated_by: amoIds(filter.updatedByUserIds, 'filter.updatedByUserIds'),
    created_at: timeRange(filter.createdAt, 'filter.createdAt'),
    updated_at: timeRange(filter.updatedAt, 'filter.updatedAt'),
    closest_task_at: timeRange(filter.closestTaskAt, 'filter.closestTaskAt'),
    custom_fields_values: customFieldFilter(filter.customFields),
  };
}

/** An empty id list matches nothing: answer without asking amoCRM (which would ignore the filter). */
export function matchesNothing(filter: { id?: readonly number[] | number } | undefined): boolean {
  return Array.isArray(filter?.id) && filter.id.length === 0;
}
