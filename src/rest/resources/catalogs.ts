// /api/v4/catalogs: catalogs (amoCRM's "lists", including the products and invoices catalogs) and
// /api/v4/catalogs/{id}/elements: their elements, read with query, filter[id] and paging and
// written in batches.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { CreatedRef, CustomFieldValues, CustomFieldValuesWrite, UpdatedRef, WithId } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';

export type CatalogType = 'regular' | 'invoices' | 'products' | 'suppliers';

export interface Catalog {
  id: number;
  name: string;
  type: CatalogType;
  sort: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  can_add_elements: boolean;
  can_show_in_cards: boolean;
  can_link_multiple: boolean;
  can_be_deleted: boolean;
  sdk_widget_code: string | null;
  account_id: number;
}

export interface CatalogElement {
  id: number;
  catalog_id: number;
  name: string;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  is_deleted: boolean;
  custom_fields_values: CustomFieldValues[] | null;
  account_id: number;
}

/**
 * What POST /api/v4/catalogs takes (lists docs); PATCH takes only name (required there),
 * can_add_elements and can_link_multiple. can_show_in_cards and sdk_widget_code are read-only.
 */
export interface CatalogWrite {
  name?: string;
  type?: CatalogType;
  sort?: number;
  can_add_elements?: boolean;
  can_link_multiple?: boolean;
  request_id?: string;
}

export interface CatalogElementWrite {
  name?: string;
  custom_fields_values?: CustomFieldValuesWrite[];
  request_id?: string;
}

export interface ElementListParams {
  page?: number;
  limit?: number;
  query?: string;
  filter?: { id?: readonly number[] };
  signal?: AbortSignal;
}

const PATH = '/api/v4/catalogs';
const elementsPath = (catalogId: number) => `${PATH}/${assertId(catalogId, 'catalog id')}/elements`;

export function createCatalogsResource(send: SendFn) {
  const list = (params: { page?: number; limit?: number; type?: CatalogType; signal?: AbortSignal } = {}) =>
    getCollection<Catalog>(send, { path: PATH, key: 'catalogs', page: params.page, limit: params.limit, query: { type: params.type }, signal: params.signal });
  const listElements = (catalogId: number, params: ElementListParams = {}) =>
    getCollection<CatalogElement>(send, {
      path: elementsPath(catalogId),
      key: 'elements',
      page: params.page,
      limit: params.limit,
      query: { query: params.query, filter: params.filter?.id ? { id: params.filter.id.map((id) => assertId(id)) } : undefined },
      signal: params.signal,
    });
  return {
    list,
    iterate: (params: { type?: CatalogType; signal?: AbortSignal } = {}) => paginate((page) => list({ ...params, page, limit: 250 })),
    async get(id: number, params: { signal?: AbortSignal } = {}): Promise<Catalog | null> {
      const response = await send({ method: 'GET', path: `${PATH}/${assertId(id)}`, signal: params.signal });
      return (response.data as Catalog | undefined) ?? null;
    },
    create: (items: readonly CatalogWrite[], params: WriteParams = {}) => writeBatch<CreatedRef>(send, { method: 'POST', path: PATH, key: 'catalogs', items, ...params }),
    update: (items: readonly WithId<CatalogWrite>[], params: WriteParams = {}) =>
      writeBatch<UpdatedRef>(send, { method: 'PATCH', path: PATH, key: 'catalogs', items, ...params }),
    listElements,
    iterateElements: (catalogId: number, params: Omit<ElementListParams, 'page'> = {}) => paginate((page) => listElements(catalogId, { ...params, page })),
    async getElement(catalogId: number, id: number, params: { signal?: AbortSignal } = {}): Promise<CatalogElement | null> {
      const response = await send({ method: 'GET', path: `${elementsPath(catalogId)}/${assertId(id)}`, signal: params.signal });
      return (response.data as CatalogElement | undefined) ?? null;
    },
    createElements: (catalogId: number, items: readonly CatalogElementWrite[], params: WriteParams = {}) =>
      writeBatch<CreatedRef>(send, { method: 'POST', path: elementsPath(catalogId), key: 'elements', items, ...params }),
    updateElements: (catalogId: number, items: readonly WithId<CatalogElementWrite>[], params: WriteParams = {}) =>
      writeBatch<UpdatedRef>(send, { method: 'PATCH', path: elementsPath(catalogId), key: 'elements', items, ...params }),
  };
}
