// The read side shared by leads, contacts and companies: thin and uniform (stripe-node's
// resources), typed per entity by the files that use it.

import { assertId, getCollection, type Page } from '../collection.js';
import { modifiedSinceHeaders } from '../modified-since.js';
import { paginate } from '../paginate.js';
import type { QueryValue } from '../query-string.js';
import type { SendFn } from '../request.js';

export type SortDirection = 'asc' | 'desc';

export interface Range {
  from?: number;
  to?: number;
}

/** Filter values by custom field id: a list of values, or a range for numbers and dates. */
export type CustomFieldFilter = Record<number, readonly (string | number)[] | Range>;

export interface EntityListParams<Filter, With extends string, OrderField extends string> {
  page?: number;
  limit?: number;
  with?: readonly With[];
  query?: string | number;
  /** A function is evaluated when the request is sent: a batch can grow while it waits its turn. */
  filter?: Filter | (() => Filter);
  order?: { field: OrderField; direction: SortDirection };
  /** Only rows changed at or after this time (`If-Modified-Since`); see modified-since.ts. */
  modifiedSince?: Date;
  signal?: AbortSignal;
}

export interface EntityGetParams<With extends string> {
  with?: readonly With[];
  signal?: AbortSignal;
}

export interface EntityResource<T, Filter, With extends string, OrderField extends string> {
  /** The collection's path, e.g. `/api/v4/leads`. */
  readonly path: string;
  list(params?: EntityListParams<Filter, With, OrderField>): Promise<Page<T>>;
  /** Every page from `params.page` on; stops on a short page, a missing `next`, or a 204. */
  iterate(params?: Omit<EntityListParams<Filter, With, OrderField>, 'page'> & { page?: number }): AsyncGenerator<Page<T>>;
  /** `null` when amoCRM answers 204 (no such id, or deleted). */
  get(id: number, params?: EntityGetParams<With>): Promise<T | null>;
}

export function withParam(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? [...new Set(values)].join(',') : undefined;
}

export function listQuery(params: {
  with?: readonly string[];
  query?: string | number;
  filter?: unknown;
  order?: { field: string; direction: SortDirection };
}): Record<string, QueryValue> {
  const filter = typeof params.filter === 'function' ? (params.filter as () => unknown)() : params.filter;
  return {
    with: withParam(params.with),
    query: params.query === '' ? undefined : params.query,
    filter: filter as QueryValue,
    order: params.order ? { [params.order.field]: params.order.direction } : undefined,
  };
}

export function createEntityResource<T, Filter, With extends string, OrderField extends string>(
  send: SendFn,
  entity: string,
): EntityResource<T, Filter, With, OrderField> {
  const path = `/api/v4/${entity}`;
  const list = (params: EntityListParams<Filter, With, OrderField> = {}) =>
    getCollection<T>(send, {
      path,
      key: entity,
      page: params.page,
      limit: params.limit,
      query: () => listQuery(params),
      headers: modifiedSinceHeaders(params.modifiedSince),
      signal: params.signal,
    });
  return {
    path,
    list,
    iterate: (params = {}) => paginate((page) => list({ ...params, page }), { startPage: params.page }),
    async get(id, params = {}) {
      const response = await send({
        method: 'GET',
        path: `${path}/${assertId(id)}`,
        query: { with: withParam(params.with) },
        signal: params.signal,
      });
      return (response.data as T | undefined) ?? null;
    },
  };
}
