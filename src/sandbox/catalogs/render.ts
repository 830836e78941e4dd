// Stored catalogs and elements -> amoCRM's wire shapes (§3.16).

import { renderFieldValues } from '../http/render.js';
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
    custom_fields_values: renderFieldValues(options.store, `catalogs/${element.catalog_id}`, element.custom_fields_values ?? []),
    account_id: options.store.account.id,
    _links: { self: { href: `${options.origin}${elementPath(element.catalog_id, element.id)}` } },
  };
}
