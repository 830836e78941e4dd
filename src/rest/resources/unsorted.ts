// /api/v4/leads/unsorted: incoming leads waiting to be sorted. Only forms and sip entries can be
// created through the API; accept, decline and link sort one entry each.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { Unsorted, UnsortedCategory, UnsortedCreated, UnsortedSortResult, UnsortedSummary, UnsortedWrite } from '../types.js';
import { writeBatch, writeOne, type WriteParams } from './batch.js';
import type { Range, SortDirection } from './entity.js';

const PATH = '/api/v4/leads/unsorted';

export interface UnsortedFilter {
  uid?: string | readonly string[];
  category?: UnsortedCategory | readonly UnsortedCategory[];
  pipeline_id?: number;
}

export interface UnsortedListParams {
  page?: number;
  limit?: number;
  filter?: UnsortedFilter;
  order?: { field: 'created_at'; direction: SortDirection };
  signal?: AbortSignal;
}

/** uids are amoCRM's own opaque strings; anything that could escape the path is refused. */
function assertUid(uid: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(uid)) throw new RangeError(`not an unsorted uid: ${JSON.stringify(uid)}`);
  return uid;
}

export function createUnsortedResource(send: SendFn) {
  const list = (params: UnsortedListParams = {}) =>
    getCollection<Unsorted>(send, {
      path: PATH,
      key: 'unsorted',
      page: params.page,
      limit: params.limit,
      query: {
        filter: params.filter as Record<string, string | number | readonly (string | number)[]> | undefined,
        order: params.order ? { [params.order.field]: params.order.direction } : undefined,
      },
      signal: params.signal,
    });
  const create = (category: 'forms' | 'sip') => (items: readonly UnsortedWrite[], params: WriteParams = {}) =>
    writeBatch<UnsortedCreated>(send, { method: 'POST', path: `${PATH}/${category}`, key: 'unsorted', items, ...params });
  return {
    list,
    iterate: (params: Omit<UnsortedListParams, 'page'> = {}) => paginate((page) => list({ ...params, page })),
    async get(uid: string, params: { signal?: AbortSignal } = {}): Promise<Unsorted | null> {
      const response = await send({ method: 'GET', path: `${PATH}/${assertUid(uid)}`, signal: params.signal });
      return (response.data as Unsorted | undefined) ?? null;
    },
    async summary(params: { filter?: { created_at?: Range; pipeline_id?: number }; signal?: AbortSignal } = {}): Promise<UnsortedSummary> {
      const response = await send({
        method: 'GET',
        path: `${PATH}/summary`,
        query: { filter: params.filter as Record<string, number | Record<string, number>> | undefined },
        signal: params.signal,
      });
      return (response.data as UnsortedSummary | undefined) ?? { total: 0, accepted: 0, declined: 0, average_sort_time: 0, categories: {} };
    },
    createForms: create('forms'),
    createSip: create('sip'),
    /** Moves the entry's lead into `status_id` (or the first working stage). */
    accept: (uid: string, body: { user_id?: number; status_id?: number } = {}, params: WriteParams = {}) =>
      writeOne<UnsortedSortResult>(send, { method: 'POST', path: `${PATH}/${assertUid(uid)}/accept`, body, ...params }),
    /** amoCRM takes a JSON body on this DELETE. */
    decline: (uid: string, body: { user_id?: number } = {}, params: WriteParams = {}) =>
      writeOne<UnsortedSortResult>(send, { method: 'DELETE', path: `${PATH}/${assertUid(uid)}/decline`, body, ...params }),
    /** Attaches the entry to an existing lead instead of making a new one. */
    link: (
      uid: string,
      body: { link: { entity_id: number; entity_type: 'leads'; metadata?: Record<string, unknown> }; user_id?: number },
      params: WriteParams = {},
    ) =>
      writeOne<UnsortedSortResult>(send, {
        method: 'POST',
        path: `${PATH}/${assertUid(uid)}/link`,
        body: { ...body, link: { ...body.link, entity_id: assertId(body.link.entity_id, 'link.entity_id') } },
        ...params,
      }),
  };
}
