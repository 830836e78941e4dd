// The "naive client" baseline: one call per related entity, the N+1 pattern most amoCRM client
// code follows (issue 7 cites 51 calls for 50 leads with the official PHP library). It reads the
// embedded contact ids (`with=contacts`) and then fetches every related row by itself:
// GET /contacts/{id} per contact link, /companies/{id}, /users/{id} and /leads/pipelines/{id} per
// lead, without remembering anything between leads.

import type { LeadView } from '../workloads/lead-view.js';
import type { Shape } from '../workloads/queries.js';
import { chunks, type RestClient } from './rest-client.js';
import { leadView, type Related } from './views.js';

export interface NaiveClient {
  leadsPage(shape: Shape, page: number, limit: number): Promise<LeadView[]>;
  /** One GET /leads/{id} per look-up. */
  leadsById(ids: readonly number[]): Promise<LeadView[]>;
  /** One POST per lead. */
  createLeads(items: readonly { name: string; price: number }[]): Promise<number[]>;
}

export function createNaiveClient(rest: RestClient): NaiveClient {
  return {
    async leadsPage(shape, page, limit) {
      const body = await rest.get('/api/v4/leads', [['with', 'contacts'], ['page', page], ['limit', limit]]);
      const views: LeadView[] = [];
      for (const lead of body?._embedded?.leads ?? []) {
        const related: Required<Related> = { contacts: new Map(), companies: new Map(), pipelines: new Map(), users: new Map() };
        for (const link of lead._embedded.contacts) {
          const contact = await rest.get(`/api/v4/contacts/${link.id}`);
          if (contact) related.contacts.set(contact.id, contact);
        }
        if (shape === 'full') {
          for (const link of lead._embedded.companies) {
            const company = await rest.get(`/api/v4/companies/${link.id}`);
            if (company) related.companies.set(company.id, company);
          }
          const user = await rest.get(`/api/v4/users/${lead.responsible_user_id}`);
          if (user) related.users.set(user.id, user);
          const pipeline = await rest.get(`/api/v4/leads/pipelines/${lead.pipeline_id}`);
          if (pipeline) related.pipelines.set(pipeline.id, pipeline);
        }
        views.push(leadView(lead, related, shape));
      }
      return views;
    },
    async leadsById(ids) {
      const views: LeadView[] = [];
      for (const id of ids) {
        const lead = await rest.get(`/api/v4/leads/${id}`);
        if (lead) views.push({ id: lead.id, name: lead.name, contacts: [], price: lead.price });
      }
      return views;
    },
    async createLeads(items) {
      const ids: number[] = [];
      for (const [item] of chunks(items, 1)) {
        const body = await rest.post('/api/v4/leads', [item]);
        ids.push(body._embedded.leads[0].id);
      }
      return ids;
    },
  };
}
