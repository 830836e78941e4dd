// /api/v4/account: the account itself, with optional extras.

import type { SendFn } from '../request.js';
import type { Account } from '../types.js';
import { withParam } from './entity.js';

export type AccountWith =
  | 'amojo_id'
  | 'amojo_rights'
  | 'users_groups'
  | 'task_types'
  | 'version'
  | 'entity_names'
  | 'datetime_settings'
  | 'drive_url'
  | 'is_api_filter_enabled'
  | 'invoices_settings';

export function createAccountResource(send: SendFn) {
  return {
    async get(params: { with?: readonly AccountWith[]; signal?: AbortSignal } = {}): Promise<Account> {
      const response = await send({
        method: 'GET',
        path: '/api/v4/account',
        query: { with: withParam(params.with) },
        signal: params.signal,
      });
      if (!response.data) throw new TypeError('amoCRM answered /api/v4/account with no body');
      return response.data as Account;
    },
  };
}
