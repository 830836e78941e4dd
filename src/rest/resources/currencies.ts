// /api/v4/currencies: the currencies amoCRM knows (monetary fields, the account's currency).

import { getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { Currency } from '../types.js';

export function createCurrenciesResource(send: SendFn) {
  const list = (params: { page?: number; limit?: number; signal?: AbortSignal } = {}) =>
    getCollection<Currency>(send, { path: '/api/v4/currencies', key: 'currencies', page: params.page, limit: params.limit, signal: params.signal });
  return {
    list,
    iterate: (params: { limit?: number; signal?: AbortSignal } = {}) => paginate((page) => list({ ...params, page })),
  };
}
