// Batch loads and list windows for leads, contacts and companies. Every load asks for the
// `with=` expansions the graph's relations need, so a row fetched anywhere can answer its
// relations without another call.

import type { CompanyFilter, CompanyOrderField } from '../rest/resources/companies.js';
import type { ContactFilter, ContactOrderField } from '../rest/resources/contacts.js';
import type { EntityResource, SortDirection } from '../rest/resources/entity.js';
import type { LeadFilter, LeadOrderField } from '../rest/resources/leads.js';
import type { Company, Contact, Lead } from '../rest/types.js';
import type { AccountContext } from './account-context.js';
import { fetchWindow, type ListWindow, type WindowResult } from './list-window.js';

/** Ids per `filter[id][]` call: amoCRM's page ceiling, and ~6 KB of URL at 8-digit ids. */
export const ID_BATCH_SIZE = 250;

export const LEAD_WITH = ['contacts', 'loss_reason'] as const;
export const CONTACT_WITH = ['leads'] as const;
export const COMPANY_WITH = ['contacts', 'leads'] as const;

export interface ListRequest<Filter, OrderField extends string> {
  window: ListWindow;
  filter?: Filter;
  query?: string;
  order?: { field: OrderField; direction: SortDirection };
  signal?: AbortSignal;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows for the given ids in any order; missing or deleted ids are simply absent. */
async function loadByIds<T extends { id: number }, F extends { id?: number | readonly number[] }, W extends string, O extends string>(
  resource: EntityResource<T, F, W, O>,
  ids: readonly number[],
  expansions: readonly W[],
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const batches = await Promise.all(
    chunks(unique, ID_BATCH_SIZE).map((batch) =>
      resource.list({ filter: { id: batch } as unknown as F, limit: ID_BATCH_SIZE, with: expansions }),
    ),
  );
  return batches.flatMap((page) => page.items);
}

async function listWindow<T, F, W extends string, O extends string>(
  resource: EntityResource<T, F, W, O>,
  request: ListRequest<F, O>,
  expansions: readonly W[],
): Promise<WindowResult<T>> {
  return fetchWindow(
    (page, limit) =>
      resource.list({
        page,
        limit,
        with: expansions,
        filter: request.filter,
        query: request.query,
        order: request.order,
        signal: request.signal,
      }),
    request.window,
  );
}

export const loadLeads = (account: AccountContext, ids: readonly number[]): Promise<Lead[]> =>
  loadByIds(account.client.leads, ids, LEAD_WITH);

export const loadContacts = (account: AccountContext, ids: readonly number[]): Promise<Contact[]> =>
  loadByIds(account.client.contacts, ids, CONTACT_WITH);

export const loadCompanies = (account: AccountContext, ids: readonly number[]): Promise<Company[]> =>
  loadByIds(account.client.companies, ids, COMPANY_WITH);

export const listLeads = (account: AccountContext, request: ListRequest<LeadFilter, LeadOrderField>) =>
  listWindow(account.client.leads, request, LEAD_WITH);

export const listContacts = (account: AccountContext, request: ListRequest<ContactFilter, ContactOrderField>) =>
  listWindow(account.client.contacts, request, CONTACT_WITH);

export const listCompanies = (account: AccountContext, request: ListRequest<CompanyFilter, CompanyOrderField>) =>
  listWindow(account.client.companies, request, COMPANY_WITH);
