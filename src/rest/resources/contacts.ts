// /api/v4/contacts: filters, `with=` expansions and sort fields for contacts.

import type { SendFn } from '../request.js';
import type { Contact, ContactWrite } from '../types.js';
import { createEntityWrites } from './entity-writes.js';
import { createEntityResource, type CustomFieldFilter, type Range } from './entity.js';

export type ContactWith = 'leads' | 'customers' | 'catalog_elements' | 'social_profiles' | 'only_deleted';

export type ContactOrderField = 'updated_at' | 'id';

/** Contacts and companies share amoCRM's filter set. */
export interface ContactFilter {
  id?: number | readonly number[];
  name?: string | readonly string[];
  created_by?: number | readonly number[];
  updated_by?: number | readonly number[];
  responsible_user_id?: number | readonly number[];
  created_at?: Range;
  updated_at?: Range;
  closest_task_at?: Range;
  custom_fields_values?: CustomFieldFilter;
}

export function createContactsResource(send: SendFn) {
  return {
    ...createEntityResource<Contact, ContactFilter, ContactWith, ContactOrderField>(send, 'contacts'),
    ...createEntityWrites<ContactWrite>(send, 'contacts'),
  };
}
