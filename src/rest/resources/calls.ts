// /api/v4/calls: log calls in batch. amoCRM finds who has the phone (last 10 digits) and writes a
// call note on the one active lead, else on the contact or company. A call whose phone no one has
// is not added and comes back under `errors` while the rest of the batch is written.

import { AmoBadResponseError } from '../errors.js';
import type { SendFn } from '../request.js';
import type { UnixSeconds } from '../types.js';
import type { WriteParams } from './batch.js';

export interface CallWrite {
  direction: 'inbound' | 'outbound';
  uniq?: string;
  duration: number;
  source: string;
  link?: string;
  phone: string;
  call_result?: string;
  /** 1 left a message, 2 call back later, 3 not available, 4 talked, 5 wrong number, 6 no connection, 7 busy. */
  call_status?: number;
  responsible_user_id?: number;
  created_by?: number;
  updated_by?: number;
  created_at?: UnixSeconds;
  updated_at?: UnixSeconds;
  request_id?: string;
}

export interface LoggedCall {
  /** The id of the call note amoCRM wrote. */
  id: number;
  entity_id: number;
  /** Singular: lead, contact, company (or customer). */
  entity_type: string;
  request_id: string;
}

export interface CallError {
  request_id: string;
  status?: number;
  title?: string;
  detail?: string;
}

export function createCallsResource(send: SendFn) {
  return {
    async add(items: readonly CallWrite[], params: WriteParams = {}): Promise<{ calls: LoggedCall[]; errors: CallError[] }> {
      if (items.length === 0 || items.length > 250) throw new RangeError(`send 1 to 250 calls at once, got ${items.length}`);
      const response = await send({ method: 'POST', path: '/api/v4/calls', body: items, signal: params.signal });
      const data = response.data as { errors?: CallError[]; _embedded?: { calls?: LoggedCall[] } } | undefined;
      if (!Array.isArray(data?._embedded?.calls)) {
        throw new AmoBadResponseError('amoCRM answered POST /api/v4/calls without _embedded.calls', {
          info: response.info,
          bodySnippet: JSON.stringify(data ?? null).slice(0, 300),
        });
      }
      return { calls: data._embedded.calls, errors: data.errors ?? [] };
    },
  };
}
