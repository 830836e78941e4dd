// /api/v4/leads: the list filters, `with=` expansions and sort fields amoCRM documents for leads.

import type { SendFn } from '../request.js';
import type { Lead } from '../types.js';
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

export function createLeadsResource(send: SendFn) {
  return createEntityResource<Lead, LeadFilter, LeadWith, LeadOrderField>(send, 'leads');
}
