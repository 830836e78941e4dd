// /api/v4/leads/loss_reasons: why lost leads were lost. Added in batches and deleted one at a
// time, by account admins.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { LossReason } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';

export interface LossReasonWrite {
  name: string;
  sort?: number;
  request_id?: string;
}

const PATH = '/api/v4/leads/loss_reasons';

export function createLossReasonsResource(send: SendFn) {
  const list = (params: { page?: number; limit?: number; signal?: AbortSignal } = {}) =>
    getCollection<LossReason>(send, {
      path: PATH,
      key: 'loss_reasons',
      page: params.page,
      limit: params.limit,
      signal: params.signal,
    });
  return {
    list,
    iterate: (params: { limit?: number; signal?: AbortSignal } = {}) => paginate((page) => list({ ...params, page })),
    create: (items: readonly LossReasonWrite[], params: WriteParams = {}) =>
      writeBatch<LossReason & { request_id?: string }>(send, { method: 'POST', path: PATH, key: 'loss_reasons', items, ...params }),
    /** 204; leads lost for this reason keep no reason. */
    async delete(id: number, params: WriteParams = {}): Promise<void> {
      await send({ method: 'DELETE', path: `${PATH}/${assertId(id, 'loss reason id')}`, signal: params.signal });
    },
  };
}
