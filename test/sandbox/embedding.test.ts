import { describe, expect, it } from 'vitest';
import { CATALOG_IDS, FIRST_ELEMENT_ID } from '../../src/sandbox/catalogs/seed.js';
import { collectAll, useSandbox } from './helpers.js';

const running = useSandbox();

describe('with= embedding', () => {
  it('gives a lead tags and companies always, contacts only with with=contacts', async () => {
    const plain = (await running().api('/api/v4/leads?limit=50')).body._embedded.leads;
    for (const lead of plain) {
      expect(Array.isArray(lead._embedded.tags)).toBe(true);
      expect(Array.isArray(lead._embedded.companies)).toBe(true);
      expect(lead._embedded).not.toHaveProperty('contacts');
      expect(lead).not.toHaveProperty('source_id');
      expect(lead).not.toHaveProperty('is_price_modified_by_robot');
    }
    const rich = (await running().api('/api/v4/leads?limit=50&with=contacts')).body._embedded.leads;
    for (const lead of rich) {
      expect(Array.isArray(lead._embedded.contacts)).toBe(true);
      if (lead._embedded.contacts.length > 0) {
        expect(lead._embedded.contacts.filter((contact: { is_main: boolean }) => contact.is_main)).toHaveLength(1);
        expect(lead._embedded.contacts[0]._links.self.href).toBe(`${running().url}/api/v4/contacts/${lead._embedded.contacts[0].id}`);
      }
    }
  });

  it('adds loss_reason, source_id and is_price_modified_by_robot on request', async () => {
    const { body } = await running().api('/api/v4/leads?filter[statuses][0][pipeline_id]=3000001&filter[statuses][0][status_id]=143&with=loss_reason,source_id,is_price_modified_by_robot&limit=5');
    for (const lead of body._embedded.leads) {
      expect(lead._embedded.loss_reason).toEqual([expect.objectContaining({ id: lead.loss_reason_id, name: expect.any(String) })]);
      expect(lead).toHaveProperty('source_id');
      expect(typeof lead.is_price_modified_by_robot).toBe('boolean');
    }
  });

  it('keeps lead <-> contact links consistent both ways', async () => {
    const { rows: leads } = await collectAll(running(), '/api/v4/leads?with=contacts', 'leads');
    const { rows: contacts } = await collectAll(running(), '/api/v4/contacts?with=leads', 'contacts');
    const fromLeads = new Set(leads.flatMap((lead) => lead._embedded.contacts.map((contact: { id: number }) => `${lead.id}:${contact.id}`)));
    const fromContacts = new Set(contacts.flatMap((contact) => contact._embedded.leads.map((lead: { id: number }) => `${lead.id}:${contact.id}`)));
    expect(fromLeads.size).toBeGreaterThan(200);
    expect([...fromLeads].sort()).toEqual([...fromContacts].sort());
    expect(leads.some((lead) => lead._embedded.contacts.length === 0)).toBe(true);
    expect(contacts.some((contact) => contact._embedded.leads.length === 0)).toBe(true);
  });

  it('keeps company links consistent with leads and contacts', async () => {
    const { rows: companies } = await collectAll(running(), '/api/v4/companies?with=contacts,leads', 'companies');
    const { rows: contacts } = await collectAll(running(), '/api/v4/contacts', 'contacts');
    const { rows: leads } = await collectAll(running(), '/api/v4/leads', 'leads');
    const pairs = (rows: any[], key: string, swap = false) =>
      rows.flatMap((row) => row._embedded[key].map((other: { id: number }) => (swap ? `${other.id}:${row.id}` : `${row.id}:${other.id}`))).sort();
    expect(pairs(companies, 'contacts')).toEqual(pairs(contacts, 'companies', true));
    expect(pairs(companies, 'leads')).toEqual(pairs(leads, 'companies', true));
    for (const contact of contacts) expect(contact._embedded.companies.length).toBeLessThanOrEqual(1);
    expect(contacts[0]._embedded).not.toHaveProperty('leads');
  });

  it('gives companies contacts and leads only when asked, and ignores with values it does not know', async () => {
    const { body } = await running().api('/api/v4/companies?limit=3&with=nonsense');
    for (const company of body._embedded.companies) {
      expect(Object.keys(company._embedded)).toEqual(['tags']);
    }
    const contacts = await running().api('/api/v4/contacts?limit=3&with=customers,social_profiles');
    expect(contacts.status).toBe(200);
  });

  it('embeds catalog elements with their metadata when asked, and leaves the key out when there are none', async () => {
    const store = running().sandbox.store;
    const [linked, bare] = store.companies.values().filter((company) => !company.is_deleted);
    store.catalogs.link({ entity_type: 'companies', entity_id: linked!.id, element_id: FIRST_ELEMENT_ID, catalog_id: CATALOG_IDS.products, quantity: 3, price_id: null });
    try {
      const { body } = await running().api(`/api/v4/companies?filter[id][]=${linked!.id}&filter[id][]=${bare!.id}&with=catalog_elements`);
      const byId = new Map(body._embedded.companies.map((company: any) => [company.id, company._embedded]));
      expect((byId.get(linked!.id) as any).catalog_elements).toEqual([{ id: FIRST_ELEMENT_ID, metadata: { quantity: 3, catalog_id: CATALOG_IDS.products, price_id: null } }]);
      expect(byId.get(bare!.id)).not.toHaveProperty('catalog_elements');
    } finally {
      // The other tests here count the seed's links.
      store.catalogs.unlink({ type: 'companies', id: linked!.id }, FIRST_ELEMENT_ID);
    }
  });

  it('hides deleted entities from embedded links', async () => {
    const store = running().sandbox.store;
    const deleted = store.contacts.values().find((contact) => contact.is_deleted && store.links.linked({ type: 'contacts', id: contact.id }, 'companies').length > 0);
    if (!deleted) return;
    const companyId = store.links.linked({ type: 'contacts', id: deleted.id }, 'companies')[0]!.id;
    const { body } = await running().api(`/api/v4/companies/${companyId}?with=contacts`);
    expect(body._embedded.contacts.map((contact: { id: number }) => contact.id)).not.toContain(deleted.id);
  });

  it('renders custom field values in amoCRM shapes, or null when nothing is filled', async () => {
    const { rows: leads } = await collectAll(running(), '/api/v4/leads', 'leads');
    const { rows: contacts } = await collectAll(running(), '/api/v4/contacts', 'contacts');
    const { rows: companies } = await collectAll(running(), '/api/v4/companies', 'companies');
    const all = [...leads, ...contacts, ...companies];
    expect(all.some((row) => row.custom_fields_values === null)).toBe(true);
    const byType = new Map<string, any[]>();
    for (const row of all) {
      for (const field of row.custom_fields_values ?? []) {
        expect(Object.keys(field)).toEqual(['field_id', 'field_name', 'field_code', 'field_type', 'values']);
        expect(field.values.length).toBeGreaterThan(0);
        byType.set(field.field_type, [...(byType.get(field.field_type) ?? []), ...field.values]);
      }
    }
    const each = (type: string, check: (value: any) => void) => byType.get(type)!.forEach(check);
    each('numeric', (item) => expect(item).toEqual({ value: expect.stringMatching(/^\d+$/) }));
    each('checkbox', (item) => expect(typeof item.value).toBe('boolean'));
    // Day precision: midnight in Europe/Moscow (UTC+3); birthdays may be before 1970.
    const mskMidnight = (value: number) => (((value + 3 * 3600) % 86_400) + 86_400) % 86_400 === 0;
    each('date', (item) => expect(mskMidnight(item.value)).toBe(true));
    each('birthday', (item) => expect(mskMidnight(item.value)).toBe(true));
    each('date_time', (item) => expect(Number.isInteger(item.value)).toBe(true));
    each('select', (item) => expect(item).toEqual({ value: expect.any(String), enum_id: expect.any(Number), enum_code: null }));
    each('multiselect', (item) => expect(item).toEqual({ value: expect.any(String), enum_id: expect.any(Number), enum_code: null }));
    each('multitext', (item) => expect(item).toEqual({ value: expect.any(String), enum_id: expect.any(Number), enum_code: expect.stringMatching(/^(WORK|WORKDD|MOB|FAX|HOME|OTHER|PRIV)$/) }));
    each('smart_address', (item) => expect(item.enum_code).toMatch(/^(address_line_1|address_line_2|city|state|zip|country)$/));
    each('legal_entity', (item) => expect(item.value).toMatchObject({ name: expect.any(String), entity_type: expect.any(Number), vat_id: expect.any(String) }));
    each('monetary', (item) => expect(typeof item.value).toBe('number'));
    for (const type of ['text', 'url', 'textarea', 'streetaddress', 'tracking_data', 'org_legal_name']) each(type, (item) => expect(item).toEqual({ value: expect.any(String) }));
  });
});

describe('entity links endpoints', () => {
  it('list one lead\'s contacts (main_contact metadata) and company (null metadata)', async () => {
    const store = running().sandbox.store;
    const lead = store.leads.values().find((row) => !row.is_deleted && store.links.linked({ type: 'leads', id: row.id }, 'contacts').length > 1 && store.links.linked({ type: 'leads', id: row.id }, 'companies').length === 1)!;
    const { status, body } = await running().api(`/api/v4/leads/${lead.id}/links`);
    expect(status).toBe(200);
    const contacts = store.links.linked({ type: 'leads', id: lead.id }, 'contacts');
    const company = store.links.linked({ type: 'leads', id: lead.id }, 'companies')[0]!;
    expect(body._total_items).toBe(contacts.length + 1);
    expect(body._links.self.href).toBe(`${running().url}/api/v4/leads/${lead.id}/links`);
    expect(body._embedded.links).toEqual([
      ...contacts.map((contact) => ({ to_entity_id: contact.id, to_entity_type: 'contacts', metadata: { main_contact: contact.isMain } })),
      { to_entity_id: company.id, to_entity_type: 'companies', metadata: null },
    ]);
  });

  it('filter links by to_entity_id with to_entity_type, which go together', async () => {
    const store = running().sandbox.store;
    const lead = store.leads.values().find((row) => !row.is_deleted && store.links.linked({ type: 'leads', id: row.id }, 'companies').length === 1)!;
    const company = store.links.linked({ type: 'leads', id: lead.id }, 'companies')[0]!;
    const { body } = await running().api(`/api/v4/leads/${lead.id}/links?filter[to_entity_id]=${company.id}&filter[to_entity_type]=companies`);
    expect(body._embedded.links).toEqual([{ to_entity_id: company.id, to_entity_type: 'companies', metadata: null }]);
    expect((await running().api(`/api/v4/leads/${lead.id}/links?filter[to_entity_id]=${company.id}`)).status).toBe(400);
  });

  it('mass-read links of several entities with entity_id and entity_type on each', async () => {
    const store = running().sandbox.store;
    const companies = store.companies.values().filter((row) => !row.is_deleted).slice(0, 5);
    const query = companies.map((company) => `filter[entity_id][]=${company.id}`).join('&');
    const { body } = await running().api(`/api/v4/companies/links?${query}`);
    const expected = companies.flatMap((company) => [
      ...store.links.linked({ type: 'companies', id: company.id }, 'contacts').filter((c) => !store.contacts.get(c.id)!.is_deleted).map((c) => `${company.id}>contacts:${c.id}`),
      ...store.links.linked({ type: 'companies', id: company.id }, 'leads').filter((l) => !store.leads.get(l.id)!.is_deleted).map((l) => `${company.id}>leads:${l.id}`),
    ]);
    expect(body._total_items).toBe(expected.length);
    expect(body._embedded.links.map((link: any) => `${link.entity_id}>${link.to_entity_type}:${link.to_entity_id}`)).toEqual(expected);
    expect(body._embedded.links.every((link: any) => link.entity_type === 'companies')).toBe(true);
  });

  it('require filter[entity_id] on the mass endpoint and answer 204 for an entity without links', async () => {
    expect((await running().api('/api/v4/leads/links')).status).toBe(400);
    const store = running().sandbox.store;
    const lonely = store.leads.values().find((row) => !row.is_deleted && store.links.linked({ type: 'leads', id: row.id }, 'contacts').length === 0 && store.links.linked({ type: 'leads', id: row.id }, 'companies').length === 0)!;
    expect((await running().api(`/api/v4/leads/${lonely.id}/links`)).status).toBe(204);
    expect((await running().api('/api/v4/leads/999/links')).status).toBe(204);
  });
});
