// /api/v4/events: the account's audit log, at most 100 a page, and /api/v4/events/types. Event
// ids are strings. Every list filter goes out as a comma string, as the official SDK sends them
// (§7.17); value_before/value_after keep amoCRM's nested shapes.

import { getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { QueryValue } from '../query-string.js';
import type { SendFn } from '../request.js';
import type { AmoEvent, AmoEventType } from '../types.js';
import { withParam, type Range } from './entity.js';

/** amoCRM's page ceiling for events (250 elsewhere). */
export const EVENTS_MAX_LIMIT = 100;

export type EventEntity = 'lead' | 'contact' | 'company' | 'customer' | 'task';

export interface EventValueFilter {
  leads_statuses?: readonly { pipeline_id: number; status_id: number }[];
  responsible_user_id?: readonly number[];
  custom_field_values?: readonly number[];
  value?: string;
}

export interface EventFilter {
  id?: readonly string[];
  type?: readonly string[];
  entity?: readonly EventEntity[];
  /** Only together with exactly one `entity`. */
  entity_id?: readonly number[];
  created_by?: readonly number[];
  created_at?: Range;
  value_before?: EventValueFilter;
  value_after?: EventValueFilter;
}

export type EventWith = 'contact_name' | 'lead_name' | 'company_name' | 'catalog_element_name' | 'customer_name' | 'catalog_name';

export interface EventListParams {
  page?: number;
  limit?: number;
  filter?: EventFilter;
  with?: readonly EventWith[];
  signal?: AbortSignal;
}

const comma = (values: readonly (string | number)[] | undefined) => (values && values.length > 0 ? values.join(',') : undefined);

function valueQuery(filter: EventValueFilter | undefined): Record<string, QueryValue> | undefined {
  if (!filter) return undefined;
  const out: Record<string, QueryValue> = {};
  if (filter.leads_statuses?.length) {
    out.leads_statuses = Object.fromEntries(filter.leads_statuses.map((pair, index) => [String(index), { pipeline_id: pair.pipeline_id, status_id: pair.status_id }]));
  }
  if (filter.responsible_user_id?.length) out.responsible_user_id = comma(filter.responsible_user_id)!;
  if (filter.custom_field_values?.length) out.custom_field_values = comma(filter.custom_field_values)!;
  if (filter.value !== undefined) out.value = filter.value;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function eventFilterQuery(filter: EventFilter | undefined): Record<string, QueryValue> | undefined {
  if (!filter) return undefined;
  const out: Record<string, QueryValue | undefined> = {
    id: comma(filter.id),
    type: comma(filter.type),
    entity: comma(filter.entity),
    entity_id: comma(filter.entity_id),
    created_by: comma(filter.created_by),
    created_at: filter.created_at ? { ...filter.created_at } : undefined,
    value_before: valueQuery(filter.value_before),
    value_after: valueQuery(filter.value_after),
  };
  const kept = Object.entries(out).filter((entry): entry is [string, QueryValue] => entry[1] !== undefined);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

export function createEventsResource(send: SendFn) {
  const list = (params: EventListParams = {}) =>
    getCollection<AmoEvent>(send, {
      path: '/api/v4/events',
      key: 'events',
      page: params.page,
      limit: params.limit,
      maxLimit: EVENTS_MAX_LIMIT,
      query: { filter: eventFilterQuery(params.filter), with: withParam(params.with) },
      signal: params.signal,
    });
  return {
    list,
    iterate: (params: Omit<EventListParams, 'page'> = {}) => paginate((page) => list({ ...params, page })),
    async get(id: string, params: { with?: readonly EventWith[]; signal?: AbortSignal } = {}): Promise<AmoEvent | null> {
      if (!/^[0-9a-zA-Z]{1,64}$/.test(id)) throw new RangeError(`event id must be alphanumeric, got ${JSON.stringify(id)}`);
      const response = await send({ method: 'GET', path: `/api/v4/events/${id}`, query: { with: withParam(params.with) }, signal: params.signal });
      return (response.data as AmoEvent | undefined) ?? null;
    },
    async types(params: { languageCode?: string; signal?: AbortSignal } = {}): Promise<AmoEventType[]> {
      const response = await send({ method: 'GET', path: '/api/v4/events/types', query: { language_code: params.languageCode }, signal: params.signal });
      const body = response.data as { _embedded?: { events_types?: AmoEventType[] } } | undefined;
      return body?._embedded?.events_types ?? [];
    },
  };
}
