// Stored catalogs and elements -> amoCRM's wire shapes (§3.16).

import type { SandboxStore } from '../store.js';
import type { CatalogElementRecord, CatalogRecord } from './store.js';

export const catalogPath = (id: number) => `/api/v4/catalogs/${id}`;
export const elementPath = (catalogId: number, id: number) => `/api/v4/catalogs/${catalogId}/elements/${id}`;

interface Options {
  store: SandboxStore;
  origin: string;
}

export function renderCatalog(options: Options, catalog: CatalogRecord) {
  return { ...catalog, account_id: options.store.account.id, _links: { self: { href: `${options.origin}${catalogPath(catalog.id)}` } } };
}

export function renderElement(options: Options, element: CatalogElementRecord) {
  return {
    ...element,
    // Custom field values of catalogs are not modelled by the sandbox yet.
    custom_fields_values: null,
    account_id: options.store.account.id,
    _links: { self: { href: `${options.origin}${elementPath(element.catalog_id, element.id)}` } },
  };
}
