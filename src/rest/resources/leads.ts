// /api/v4/leads: the list filters, `with=` expansions and sort fields amoCRM documents for leads.

import type { SendFn } from '../request.js';
import type { ComplexLeadResult, ComplexLeadWrite, Lead, LeadWrite } from '../types.js';
import { AmoBadResponseError } from '../errors.js';
import type { WriteParams } from './batch.js';
import { createEntityWrites } from './entity-writes.js';
import { createEntityResource, type CustomFieldFilter, type Range } from './entity.js';

export type LeadWith =
  | 'contacts'
  | 'catalog_elements'
  | 'loss_reason'
  | 'is_price_modified_by_robot'
  | 'source_id'
  | 'source'
  | 'only_deleted';

export type LeadOrderField = 'created_at' | 'updated_at' | 'id';

export interface LeadFilter {
  id?: number | readonly number[];
  name?: string | readonly string[];
  price?: number | Range;
  /** Pairs, because status ids 142/143 repeat in every pipeline. */
  statuses?: readonly { pipeline_id: number; status_id: number }[];
  pipeline_id?: number | readonly number[];
  created_by?: number | readonly number[];
  updated_by?: number | readonly number[];
  responsible_user_id?: number | readonly number[];
  created_at?: Range;
  updated_at?: Range;
  closed_at?: Range;
  closest_task_at?: Range;
  custom_fields_values?: CustomFieldFilter;
}

/** amoCRM's hard limit for `/leads/complex`. */
export const MAX_COMPLEX_BATCH = 50;

export function createLeadsResource(send: SendFn) {
  return {
    ...createEntityResource<Lead, LeadFilter, LeadWith, LeadOrderField>(send, 'leads'),
    ...createEntityWrites<LeadWrite>(send, 'leads'),
    /**
     * `POST /api/v4/leads/complex`: leads with a new contact and company each. The answer is a bare
     * array (not HAL) whose `request_id` is a list: duplicate control may merge several inputs.
     */
    async createComplex(items: readonly ComplexLeadWrite[], params: WriteParams = {}): Promise<ComplexLeadResult[]> {
      if (items.length === 0 || items.length > MAX_COMPLEX_BATCH) {
        throw new RangeError(`1 to ${MAX_COMPLEX_BATCH} complex leads per call, got ${items.length}`);
      }
      const response = await send({ method: 'POST', path: '/api/v4/leads/complex', body: items, signal: params.signal });
      if (!Array.isArray(response.data)) {
        throw new AmoBadResponseError('amoCRM answered POST /api/v4/leads/complex without an array', {
          info: response.info,
          bodySnippet: JSON.stringify(response.data ?? null).slice(0, 300),
        });
      }
      return (response.data as ComplexLeadResult[]).map((row) => ({
        ...row,
        // Seen as a string in older answers; a list everywhere in ours.
        request_id: Array.isArray(row.request_id) ? row.request_id.map(String) : [String(row.request_id)],
      }));
    },
  };
}
