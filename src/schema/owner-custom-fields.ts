// `customFields` on customers and catalog elements, typed exactly as on leads: the same interface
// and per-type implementations, each value's `field` resolved from the owner's cached definitions
// (customers, or the element's catalog), so a list of any length costs one definitions read.

import type { FieldMap } from '@pothos/core';
import type { CustomFieldOwner, CustomFieldValues } from '../rest/types.js';
import { builder, type SchemaTypes } from './builder.js';
import { CatalogElementRef } from './catalog.js';
import { CustomFieldValueRef, customFieldsArgs, selectCustomFields } from './custom-field-value.js';
import { CustomerRef } from './customer.js';

function customFieldsField<T extends { custom_fields_values?: CustomFieldValues[] | null }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, T>,
  ownerOf: (row: T) => CustomFieldOwner,
): FieldMap {
  return {
    customFields: t.field({
      type: [CustomFieldValueRef],
      description: 'Filled custom fields only; an unfilled field is absent.',
      args: {
        fieldIds: t.arg.intList({ description: customFieldsArgs.fieldIds }),
        fieldCodes: t.arg.stringList({ description: customFieldsArgs.fieldCodes }),
      },
      resolve: (row, args) => selectCustomFields(ownerOf(row), row.custom_fields_values, args),
    }),
  };
}

builder.objectFields(CustomerRef, (t) => customFieldsField(t, () => 'customers'));
builder.objectFields(CatalogElementRef, (t) => customFieldsField(t, (element) => `catalogs/${element.catalog_id}`));
