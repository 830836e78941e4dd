// /api/v4/leads/loss_reasons: why lost leads were lost.

import { getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { LossReason } from '../types.js';

export function createLossReasonsResource(send: SendFn) {
  const list = (params: { page?: number; limit?: number; signal?: AbortSignal } = {}) =>
    getCollection<LossReason>(send, {
      path: '/api/v4/leads/loss_reasons',
      key: 'loss_reasons',
      page: params.page,
      limit: params.limit,
      signal: params.signal,
    });
  return {
    list,
    iterate: (params: { limit?: number; signal?: AbortSignal } = {}) => paginate((page) => list({ ...params, page })),
  };
}
