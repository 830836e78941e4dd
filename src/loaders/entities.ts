// Batch loads and list windows for leads, contacts and companies. Every load asks for the
// `with=` expansions the graph's relations need, so a row fetched anywhere can answer its
// relations without another call.

import type { CompanyFilter, CompanyOrderField } from '../rest/resources/companies.js';
import type { ContactFilter, ContactOrderField } from '../rest/resources/contacts.js';
import type { EntityResource, SortDirection } from '../rest/resources/entity.js';
import type { LeadFilter, LeadOrderField } from '../rest/resources/leads.js';
import type { Company, Contact, Lead } from '../rest/types.js';
import type { AmoClient } from '../rest/client.js';
import type { ScopeHandle } from '../rest/scope-layer.js';
import type { AccountContext } from './account-context.js';
import { createCoalescer, type Coalescer } from './coalescer.js';
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

/** A coalescer of by-id loads for one entity type of one account (see coalescer.ts). */
export function entityCoalescer<T extends { id: number }, F, W extends string, O extends string>(
  resource: EntityResource<T, F, W, O>,
  expansions: readonly W[],
): Coalescer<T> {
  return createCoalescer<T>({
    maxBatch: ID_BATCH_SIZE,
    describe: { method: 'GET', path: resource.path },
    idOf: (row) => row.id,
    fetch: async (ids, signal) =>
      (await resource.list({ filter: () => ({ id: ids() }) as unknown as F, limit: ID_BATCH_SIZE, with: expansions, signal })).items,
  });
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

// By-id loads are coalesced across operations per account; lists take the operation's scoped
// client. Either way a call counts against the operation's budget and stops when it is cancelled.

export const loadLeads = (account: AccountContext, ids: readonly number[], scope?: ScopeHandle | null): Promise<Lead[]> =>
  account.coalesced(scope?.contextUserId ?? null).leads.load(ids, scope);

export const loadContacts = (account: AccountContext, ids: readonly number[], scope?: ScopeHandle | null): Promise<Contact[]> =>
  account.coalesced(scope?.contextUserId ?? null).contacts.load(ids, scope);

export const loadCompanies = (account: AccountContext, ids: readonly number[], scope?: ScopeHandle | null): Promise<Company[]> =>
  account.coalesced(scope?.contextUserId ?? null).companies.load(ids, scope);

export const listLeads = (client: AmoClient, request: ListRequest<LeadFilter, LeadOrderField>) =>
  listWindow(client.leads, request, LEAD_WITH);

export const listContacts = (client: AmoClient, request: ListRequest<ContactFilter, ContactOrderField>) =>
  listWindow(client.contacts, request, CONTACT_WITH);

export const listCompanies = (client: AmoClient, request: ListRequest<CompanyFilter, CompanyOrderField>) =>
  listWindow(client.companies, request, COMPANY_WITH);
