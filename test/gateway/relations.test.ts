// Relations between leads, contacts and companies, both ways, as the sandbox's link index holds
// them: contacts with their main flag, companies, statuses by (pipeline, status), users and loss
// reasons; relation connections page with cursors; and nested relations batch instead of N+1.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityType } from '../../src/sandbox/records.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
/** Status node ids by `pipelineId:statusId`, as the schema hands them out. */
let statusIds: Map<string, string>;

beforeAll(async () => {
  stack = await startStack();
  const { pipelines } = dataOf(await stack.gql(`{ pipelines { statuses { id amoId pipeline { amoId } } } }`));
  statusIds = new Map(
    pipelines.flatMap((pipeline: any) => pipeline.statuses.map((status: any) => [`${status.pipeline.amoId}:${status.amoId}`, status.id])),
  );
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;

const isVisible = (type: EntityType, id: number) => {
  const row = store().entities(type).get(id);
  return row !== undefined && !row.is_deleted;
};

/** What `from` is linked to among `type`, leaving out deleted rows (amoCRM does not show them). */
const linked = (from: { type: EntityType; id: number }, type: EntityType) =>
  store()
    .links.linked(from, type)
    .filter((link) => isVisible(type, link.id));

const linkedIds = (from: { type: EntityType; id: number }, type: EntityType) =>
  linked(from, type)
    .map((link) => link.id)
    .sort((a, b) => a - b);

const byAmoId = (a: { amoId: number }, b: { amoId: number }) => a.amoId - b.amoId;
const amoIdsOf = (nodes: { amoId: number }[]) => nodes.map((node) => node.amoId).sort((a, b) => a - b);

/** `count` rows spread evenly over the whole table, so the sample sees every kind of row. */
function spread<T>(rows: T[], count: number): T[] {
  const step = rows.length / count;
  return Array.from({ length: Math.min(count, rows.length) }, (_, index) => rows[Math.floor(index * step)]!);
}

const liveLeads = () => store().leads.values().filter((row) => !row.is_deleted);
const liveContacts = () => store().contacts.values().filter((row) => !row.is_deleted);
const liveCompanies = () => store().companies.values().filter((row) => !row.is_deleted);

describe('lead relations', () => {
  const LEADS = /* GraphQL */ `
    query Leads($ids: [Int!]!) {
      leads(filter: { amoIds: $ids }, first: 250) {
        nodes {
          amoId
          contacts { edges { isMain node { amoId } } }
          mainContact { amoId }
          company { amoId }
          status { id amoId kind pipeline { amoId } }
          pipeline { amoId }
          responsibleUser { amoId }
          lossReason { amoId name }
        }
      }
    }
  `;

  it('match the link index for a sample of 60 leads: contacts with isMain, main contact, company, status, pipeline, user, loss reason', async () => {
    const sample = spread(liveLeads(), 60);
    // The sample covers every kind of relation, or the comparison proves little.
    const contactCounts = sample.map((lead) => linked({ type: 'leads', id: lead.id }, 'contacts').length);
    expect(contactCounts.filter((count) => count === 0).length).toBeGreaterThan(0);
    expect(contactCounts.filter((count) => count >= 2).length).toBeGreaterThan(0);
    expect(sample.filter((lead) => linked({ type: 'leads', id: lead.id }, 'companies').length > 0).length).toBeGreaterThan(10);
    expect(sample.filter((lead) => lead.status_id === 143).length).toBeGreaterThan(3);
    expect(new Set(sample.filter((lead) => lead.status_id === 142).map((lead) => lead.pipeline_id)).size).toBeGreaterThan(1);

    const { leads } = dataOf(await stack.gql(LEADS, { ids: sample.map((lead) => lead.id) }));
    expect(amoIdsOf(leads.nodes)).toEqual(sample.map((lead) => lead.id));

    for (const node of leads.nodes) {
      const lead = store().leads.get(node.amoId)!;
      const contacts = linked({ type: 'leads', id: lead.id }, 'contacts');
      const main = contacts.find((contact) => contact.isMain);
      const company = linked({ type: 'leads', id: lead.id }, 'companies')[0];
      const reason = lead.status_id === 143 && lead.loss_reason_id !== null ? store().lossReasons.get(lead.loss_reason_id)! : null;
      const context = `lead ${lead.id}`;

      expect(
        node.contacts.edges.map((edge: any) => ({ amoId: edge.node.amoId, isMain: edge.isMain })).sort(byAmoId),
        context,
      ).toEqual(contacts.map((contact) => ({ amoId: contact.id, isMain: contact.isMain })).sort(byAmoId));
      // A lead with contacts has exactly one main contact, and mainContact is that one.
      expect(node.contacts.edges.filter((edge: any) => edge.isMain).length, context).toBe(contacts.length > 0 ? 1 : 0);
      expect(node.mainContact, context).toEqual(main ? { amoId: main.id } : null);
      expect(node.company, context).toEqual(company ? { amoId: company.id } : null);
      expect(node.pipeline, context).toEqual({ amoId: lead.pipeline_id });
      expect(node.status, context).toMatchObject({ amoId: lead.status_id, pipeline: { amoId: lead.pipeline_id } });
      expect(node.status.id, context).toBe(statusIds.get(`${lead.pipeline_id}:${lead.status_id}`));
      expect(node.responsibleUser, context).toEqual({ amoId: lead.responsible_user_id });
      expect(node.lossReason, context).toEqual(reason ? { amoId: reason.id, name: reason.name } : null);
    }
  });

  it("gives won and lost leads their own pipeline's 142/143 status, never another pipeline's", async () => {
    const closed = liveLeads().filter((lead) => lead.status_id === 142 || lead.status_id === 143);
    const pipelines = new Set(closed.map((lead) => lead.pipeline_id));
    expect(pipelines.size).toBe(store().pipelines.size);

    const { leads } = dataOf(await stack.gql(LEADS, { ids: closed.slice(0, 250).map((lead) => lead.id) }));
    expect(leads.nodes.length).toBe(Math.min(250, closed.length));
    for (const node of leads.nodes) {
      const lead = store().leads.get(node.amoId)!;
      expect(node.status, `lead ${lead.id}`).toEqual({
        id: statusIds.get(`${lead.pipeline_id}:${lead.status_id}`),
        amoId: lead.status_id,
        kind: lead.status_id === 142 ? 'WON' : 'LOST',
        pipeline: { amoId: lead.pipeline_id },
      });
      if (lead.status_id === 142) expect(node.lossReason, `lead ${lead.id}`).toBeNull();
      else expect(node.lossReason, `lead ${lead.id}`).toMatchObject({ amoId: lead.loss_reason_id });
    }
  });

  it('hides a contact marked deleted from its leads and its company, and shows it again once restored', async () => {
    const contact = liveContacts().find((row) => {
      const ref = { type: 'contacts' as const, id: row.id };
      return linked(ref, 'companies').length > 0 && linked(ref, 'leads').length > 0 && store().links.linked(ref, 'leads').every((lead) => !lead.isMain);
    });
    expect(contact, 'a contact that is linked to a company and is a non-main contact of a lead').toBeDefined();
    const leadId = linkedIds({ type: 'contacts', id: contact!.id }, 'leads')[0]!;
    const companyId = linkedIds({ type: 'contacts', id: contact!.id }, 'companies')[0]!;
    const QUERY = `{
      lead(amoId: ${leadId}) { contacts { nodes { amoId } } mainContact { amoId } }
      company(amoId: ${companyId}) { contacts { nodes { amoId } } }
    }`;

    const before = dataOf(await stack.gql(QUERY));
    expect(amoIdsOf(before.lead.contacts.nodes)).toContain(contact!.id);
    expect(amoIdsOf(before.company.contacts.nodes)).toContain(contact!.id);

    contact!.is_deleted = true;
    try {
      const during = dataOf(await stack.gql(QUERY));
      expect(amoIdsOf(during.lead.contacts.nodes)).toEqual(linkedIds({ type: 'leads', id: leadId }, 'contacts'));
      expect(amoIdsOf(during.lead.contacts.nodes)).not.toContain(contact!.id);
      expect(amoIdsOf(during.company.contacts.nodes)).not.toContain(contact!.id);
      expect(during.lead.mainContact).toEqual(before.lead.mainContact);
    } finally {
      contact!.is_deleted = false;
    }
    expect(dataOf(await stack.gql(QUERY))).toEqual(before);
  });

  it('keeps exactly one main contact when the main one is deleted', async () => {
    const lead = liveLeads().find((row) => linked({ type: 'leads', id: row.id }, 'contacts').length >= 2)!;
    const main = store().links.linked({ type: 'leads', id: lead.id }, 'contacts').find((ref) => ref.isMain)!;
    const QUERY = `{ lead(amoId: ${lead.id}) { contacts { edges { isMain node { amoId } } } mainContact { amoId } } }`;
    const mainRow = store().contacts.get(main.id)!;
    mainRow.is_deleted = true;
    try {
      const { lead: node } = dataOf(await stack.gql(QUERY));
      const mains = node.contacts.edges.filter((edge: any) => edge.isMain);
      expect(mains).toHaveLength(1);
      expect(node.mainContact).toEqual(mains[0].node);
      expect(node.mainContact.amoId).not.toBe(main.id);
    } finally {
      mainRow.is_deleted = false;
    }
  });
});

describe('contact relations', () => {
  const CONTACTS = /* GraphQL */ `
    query Contacts($ids: [Int!]!) {
      contacts(filter: { amoIds: $ids }, first: 250) {
        nodes {
          amoId
          company { amoId }
          leads { nodes { amoId contacts { edges { isMain node { amoId } } } } }
        }
      }
    }
  `;

  it('match the link index for a sample of 60 contacts: their leads and their company', async () => {
    const sample = spread(liveContacts(), 60);
    expect(sample.filter((contact) => linked({ type: 'contacts', id: contact.id }, 'leads').length >= 2).length).toBeGreaterThan(0);
    expect(sample.filter((contact) => linked({ type: 'contacts', id: contact.id }, 'leads').length === 0).length).toBeGreaterThan(0);
    expect(sample.filter((contact) => linked({ type: 'contacts', id: contact.id }, 'companies').length > 0).length).toBeGreaterThan(10);

    const { contacts } = dataOf(await stack.gql(CONTACTS, { ids: sample.map((contact) => contact.id) }));
    expect(amoIdsOf(contacts.nodes)).toEqual(sample.map((contact) => contact.id));
    for (const node of contacts.nodes) {
      const ref = { type: 'contacts' as const, id: node.amoId };
      const company = linkedIds(ref, 'companies')[0];
      expect(amoIdsOf(node.leads.nodes), `contact ${node.amoId}`).toEqual(linkedIds(ref, 'leads'));
      expect(node.company, `contact ${node.amoId}`).toEqual(company ? { amoId: company } : null);
    }
  });

  it('lists each contact back under every lead it lists, with the same main flag the lead has', async () => {
    const sample = spread(liveContacts(), 60);
    const { contacts } = dataOf(await stack.gql(CONTACTS, { ids: sample.map((contact) => contact.id) }));
    let checked = 0;
    for (const contact of contacts.nodes) {
      for (const lead of contact.leads.nodes) {
        const edge = lead.contacts.edges.find((candidate: any) => candidate.node.amoId === contact.amoId);
        expect(edge, `lead ${lead.amoId} lists contact ${contact.amoId}`).toBeDefined();
        const stored = store().links.linked({ type: 'leads', id: lead.amoId }, 'contacts').find((link) => link.id === contact.amoId)!;
        expect(edge.isMain, `lead ${lead.amoId}, contact ${contact.amoId}`).toBe(stored.isMain);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('company relations', () => {
  const COMPANIES = /* GraphQL */ `
    query Companies {
      companies(first: 250) {
        nodes {
          amoId
          contacts { nodes { amoId company { amoId } } }
          leads { nodes { amoId company { amoId } } }
        }
      }
    }
  `;

  it('match the link index for every company: their contacts and their leads', async () => {
    const { companies } = dataOf(await stack.gql(COMPANIES));
    expect(amoIdsOf(companies.nodes)).toEqual(liveCompanies().map((company) => company.id));
    expect(companies.nodes.filter((company: any) => company.contacts.nodes.length >= 3).length).toBeGreaterThan(0);
    expect(companies.nodes.filter((company: any) => company.leads.nodes.length >= 3).length).toBeGreaterThan(0);
    for (const node of companies.nodes) {
      const ref = { type: 'companies' as const, id: node.amoId };
      expect(amoIdsOf(node.contacts.nodes), `company ${node.amoId}`).toEqual(linkedIds(ref, 'contacts'));
      expect(amoIdsOf(node.leads.nodes), `company ${node.amoId}`).toEqual(linkedIds(ref, 'leads'));
    }
  });

  it('names the company back from each of its contacts and leads', async () => {
    const { companies } = dataOf(await stack.gql(COMPANIES));
    let checked = 0;
    for (const company of companies.nodes) {
      for (const related of [...company.contacts.nodes, ...company.leads.nodes]) {
        expect(related.company, `company ${company.amoId} <- ${related.amoId}`).toEqual({ amoId: company.amoId });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('relation connections', () => {
  const COMPANY_CONTACTS = /* GraphQL */ `
    query CompanyContacts($amoId: Int!, $first: Int, $after: String) {
      company(amoId: $amoId) {
        contacts(first: $first, after: $after) {
          edges { cursor node { amoId } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    }
  `;

  it('pages Company.contacts with first/after: every contact once, in the unpaged order', async () => {
    const company = liveCompanies().find((row) => linked({ type: 'companies', id: row.id }, 'contacts').length >= 5)!;
    expect(company, 'a company with at least 5 contacts').toBeDefined();
    const all = dataOf(await stack.gql(COMPANY_CONTACTS, { amoId: company.id })).company.contacts;
    expect(all.pageInfo.hasNextPage).toBe(false);
    const everyId = all.edges.map((edge: any) => edge.node.amoId);
    expect([...everyId].sort((a: number, b: number) => a - b)).toEqual(linkedIds({ type: 'companies', id: company.id }, 'contacts'));

    const paged: number[] = [];
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const { contacts }: any = dataOf(await stack.gql(COMPANY_CONTACTS, { amoId: company.id, first: 2, after })).company;
      expect(contacts.edges.length).toBe(Math.min(2, everyId.length - paged.length));
      expect(contacts.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(contacts.pageInfo.startCursor).toBe(contacts.edges[0].cursor);
      expect(contacts.pageInfo.endCursor).toBe(contacts.edges.at(-1).cursor);
      paged.push(...contacts.edges.map((edge: any) => edge.node.amoId));
      if (!contacts.pageInfo.hasNextPage) break;
      after = contacts.pageInfo.endCursor;
      expect(page).toBeLessThan(everyId.length);
    }
    expect(paged).toEqual(everyId);
  });

  it('keeps isMain on its contact when Lead.contacts is paged', async () => {
    const lead = liveLeads().find((row) => linked({ type: 'leads', id: row.id }, 'contacts').length >= 2)!;
    const QUERY = `query($first: Int, $after: String) { lead(amoId: ${lead.id}) { contacts(first: $first, after: $after) { edges { isMain node { amoId } } pageInfo { hasNextPage endCursor } } } }`;
    const first = dataOf(await stack.gql(QUERY, { first: 1 })).lead.contacts;
    const rest = dataOf(await stack.gql(QUERY, { first: 250, after: first.pageInfo.endCursor })).lead.contacts;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const edges = [...first.edges, ...rest.edges].map((edge: any) => ({ amoId: edge.node.amoId, isMain: edge.isMain }));
    expect(edges.sort(byAmoId)).toEqual(
      linked({ type: 'leads', id: lead.id }, 'contacts')
        .map((link) => ({ amoId: link.id, isMain: link.isMain }))
        .sort(byAmoId),
    );
  });

  it.each([
    ['Company.contacts', 251, 'company', 'contacts'],
    ['Company.leads', 1000, 'company', 'leads'],
    ['Contact.leads', 251, 'contact', 'leads'],
    ['Lead.contacts', 300, 'lead', 'contacts'],
    ['Company.contacts', -1, 'company', 'contacts'],
  ] as const)('refuses %s(first: %i) as BAD_USER_INPUT before executing anything', async (_name, first, root, relation) => {
    const id =
      root === 'company'
        ? liveCompanies()[0]!.id
        : root === 'contact'
          ? liveContacts()[0]!.id
          : liveLeads().find((lead) => linked({ type: 'leads', id: lead.id }, 'contacts').length > 0)!.id;
    stack.resetLog();
    const response = await stack.gql(`{ ${root}(amoId: ${id}) { amoId ${relation}(first: ${first}) { nodes { amoId } } } }`);
    expect(response.errors, JSON.stringify(response)).toHaveLength(1);
    expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    // The cost estimate refuses the request as a whole: no data, no upstream call.
    expect(response.data).toBeUndefined();
    expect(stack.upstreamCalls()).toEqual([]);
    expect(response.errors![0]!.message).toMatch(/first/);
  });
});

describe('batched relations (no N+1)', () => {

  it('answers 100 contacts with their company and their leads’ names in 3 upstream calls: contacts, companies, leads', async () => {
    const QUERY = /* GraphQL */ `
      {
        contacts(first: 100) {
          nodes { amoId company { amoId name } leads { nodes { amoId name } } }
        }
      }
    `;
    const contacts = liveContacts().slice(0, 100);
    const companyIds = [...new Set(contacts.flatMap((contact) => linkedIds({ type: 'contacts', id: contact.id }, 'companies')))].sort((a, b) => a - b);
    const leadIds = [...new Set(contacts.flatMap((contact) => linkedIds({ type: 'contacts', id: contact.id }, 'leads')))].sort((a, b) => a - b);
    // Enough related rows that one call per contact would show.
    expect(companyIds.length).toBeGreaterThan(20);
    expect(leadIds.length).toBeGreaterThan(50);
    expect(leadIds.length).toBeLessThanOrEqual(250);

    stack.resetLog();
    const data = dataOf(await stack.gql(QUERY));

    expect(stack.upstreamCalls().map((call) => call.path).sort()).toEqual(['/api/v4/companies', '/api/v4/contacts', '/api/v4/leads']);
    expect(stack.idsAskedFor('/api/v4/companies')).toEqual(companyIds);
    expect(stack.idsAskedFor('/api/v4/leads')).toEqual(leadIds);

    expect(data.contacts.nodes.map((node: any) => node.amoId)).toEqual(contacts.map((contact) => contact.id));
    for (const node of data.contacts.nodes) {
      const ref = { type: 'contacts' as const, id: node.amoId };
      const companyId = linkedIds(ref, 'companies')[0];
      expect(node.company).toEqual(companyId ? { amoId: companyId, name: store().companies.get(companyId)!.name } : null);
      expect(node.leads.nodes.map((lead: any) => ({ amoId: lead.amoId, name: lead.name })).sort(byAmoId)).toEqual(
        linkedIds(ref, 'leads').map((id) => ({ amoId: id, name: store().leads.get(id)!.name })),
      );
    }
  });

  it('answers every company with its contacts and their leads in one call per level', async () => {
    stack.resetLog();
    const data = dataOf(await stack.gql(`{ companies(first: 250) { nodes { contacts { nodes { leads { nodes { amoId } } } } } } }`));
    const contactCount = data.companies.nodes.reduce((sum: number, company: any) => sum + company.contacts.nodes.length, 0);
    expect(contactCount).toBeGreaterThan(100);
    const calls = stack.upstreamCalls().map((call) => call.path);
    expect(calls.filter((path) => path === '/api/v4/companies')).toHaveLength(1);
    expect(calls.filter((path) => path === '/api/v4/contacts')).toHaveLength(Math.ceil(contactCount / 250));
    const leadIds = new Set(
      data.companies.nodes.flatMap((company: any) => company.contacts.nodes.flatMap((contact: any) => contact.leads.nodes.map((lead: any) => lead.amoId))),
    );
    expect(calls.filter((path) => path === '/api/v4/leads')).toHaveLength(Math.ceil(leadIds.size / 250));
    expect(calls).toHaveLength(1 + Math.ceil(contactCount / 250) + Math.ceil(leadIds.size / 250));
  });
});
