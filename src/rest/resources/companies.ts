// /api/v4/companies: the same filters as contacts, with contacts and leads as expansions.

import type { SendFn } from '../request.js';
import type { Company, CompanyWrite } from '../types.js';
import type { ContactFilter } from './contacts.js';
import { createEntityWrites } from './entity-writes.js';
import { createEntityResource } from './entity.js';

export type CompanyWith = 'leads' | 'contacts' | 'customers' | 'catalog_elements' | 'only_deleted';

export type CompanyOrderField = 'updated_at' | 'id';

export type CompanyFilter = ContactFilter;

export function createCompaniesResource(send: SendFn) {
  return {
    ...createEntityResource<Company, CompanyFilter, CompanyWith, CompanyOrderField>(send, 'companies'),
    ...createEntityWrites<CompanyWrite>(send, 'companies'),
  };
}
