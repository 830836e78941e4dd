// `customFields` on customers and catalog elements, typed exactly as on leads: the same interface
// and per-type implementations, each value's `field` resolved from the owner's cached definitions
// (customers, or the element's catalog), so a list of any length costs one definitions read.

import { builder } from './builder.js';
import { elementKey } from '../loaders/catalogs.js';
import { customFieldKey } from '../loaders/metadata.js';
import { CatalogElementRef } from './catalog.js';
import { CatalogElementLinkRef } from './catalog-element.js';
import { customFieldsField } from './custom-field-value.js';
import { CustomerRef } from './customer.js';
import { CustomFieldDefinitionRef } from './refs.js';

builder.objectFields(CustomerRef, (t) => customFieldsField(t, () => 'customers'));
builder.objectFields(CatalogElementRef, (t) => customFieldsField(t, (element) => `catalogs/${element.catalog_id}`));

// A catalog link's `price_id` names one of the catalog's price fields: the definition comes from
// the cached definitions, the amount from the element the link already loads (batched per catalog).
builder.objectFields(CatalogElementLinkRef, (t) => ({
  priceField: t.field({
    type: CustomFieldDefinitionRef,
    nullable: true,
    description: 'The price field (PRICE, SPECIAL_PRICE_1…) `priceId` names; null when none was chosen.',
    resolve: (link) => (link.price_id ? customFieldKey(`catalogs/${link.catalog_id}`, link.price_id) : null),
  }),
  price: t.float({
    nullable: true,
    description: "The element's value of that price field (null when no price field was chosen or it is unfilled).",
    resolve: async (link, _args, ctx) => {
      if (!link.price_id) return null;
      const element = await CatalogElementRef.getDataloader(ctx).load(elementKey(link.catalog_id, link.element_id)).catch(() => null);
      const raw = element?.custom_fields_values?.find((value) => value.field_id === link.price_id)?.values[0]?.value;
      const amount = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
      return Number.isFinite(amount) ? amount : null;
    },
  }),
}));
