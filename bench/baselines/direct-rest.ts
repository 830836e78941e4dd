// The "direct REST" baseline: what a careful hand-written client does, sequentially. It asks for
// embedded contact ids (`with=contacts`), fetches related rows in `filter[id][]` batches of 250,
// and keeps pipelines and users once fetched, as the gateway does. The floor for latency.

import type { LeadView } from '../workloads/lead-view.js';
import type { Shape } from '../workloads/queries.js';
import { chunks, idFilter, type RestClient } from './rest-client.js';
import { byId, leadView, type Related } from './views.js';

const BATCH = 250;

export interface DirectClient {
  /** One page of leads with what `shape` needs: 2 calls for names, 3 (+ metadata once) for full. */
  leadsPage(shape: Shape, page: number, limit: number): Promise<LeadView[]>;
  /** Point look-ups, batched into one call per 250 ids. */
  leadsById(ids: readonly number[]): Promise<LeadView[]>;
  /** Creates leads, 50 per POST (amoCRM's batch size). */
  createLeads(items: readonly { name: string; price: number }[]): Promise<number[]>;
  /** Forgets the cached pipelines and users. */
  forgetMetadata(): void;
}

export function createDirectClient(rest: RestClient): DirectClient {
  let pipelines: Map<number, any> | null = null;
  let users: Map<number, any> | null = null;

  async function batched(path: string, ids: readonly number[], withs: string): Promise<Map<number, any>> {
    const rows: any[] = [];
    for (const chunk of chunks([...new Set(ids)], BATCH)) {
      const body = await rest.get(path, [['with', withs], ['limit', BATCH], ...idFilter(chunk)]);
      rows.push(...(body?._embedded?.[path.split('/').pop()!] ?? []));
    }
    return byId(rows);
  }

  async function metadata(): Promise<void> {
    pipelines ??= byId((await rest.get('/api/v4/leads/pipelines'))._embedded.pipelines);
    users ??= byId((await rest.get('/api/v4/users', [['limit', BATCH]]))._embedded.users);
  }

  return {
    async leadsPage(shape, page, limit) {
      const body = await rest.get('/api/v4/leads', [['with', 'contacts'], ['page', page], ['limit', limit]]);
      const leads: any[] = body?._embedded?.leads ?? [];
      const related: Related = {
        contacts: await batched('/api/v4/contacts', leads.flatMap((lead) => lead._embedded.contacts.map((c: any) => c.id)), 'leads'),
      };
      if (shape === 'full') {
        related.companies = await batched('/api/v4/companies', leads.flatMap((lead) => lead._embedded.companies.map((c: any) => c.id)), 'contacts');
        await metadata();
        related.pipelines = pipelines!;
        related.users = users!;
      }
      return leads.map((lead) => leadView(lead, related, shape));
    },
    async leadsById(ids) {
      const leads = await batched('/api/v4/leads', ids, 'contacts');
      return [...leads.values()].map((lead) => ({ id: lead.id, name: lead.name, contacts: [], price: lead.price }));
    },
    async createLeads(items) {
      const ids: number[] = [];
      for (const chunk of chunks(items, 50)) {
        const body = await rest.post('/api/v4/leads', chunk);
        ids.push(...body._embedded.leads.map((lead: any) => lead.id));
      }
      return ids;
    },
    forgetMetadata() {
      pipelines = null;
      users = null;
    },
  };
}
