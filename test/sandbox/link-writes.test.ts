import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './helpers.js';

let own: RunningSandbox;
beforeEach(async () => {
  own = await startSandbox();
});
afterEach(() => own.close());

const store = () => own.sandbox.store;
const send = (path: string, body: unknown) => own.api(path, { method: 'POST', body });
const live = <T extends { is_deleted: boolean }>(rows: T[]) => rows.filter((row) => !row.is_deleted);
const contactsOf = (leadId: number) => store().links.linked({ type: 'leads', id: leadId }, 'contacts');

/** A live lead without contacts or company, and live contacts and companies it is not linked to. */
function fixtures() {
  const lead = live(store().leads.values()).find((row) => contactsOf(row.id).length === 0 && store().links.linked({ type: 'leads', id: row.id }, 'companies').length === 0)!;
  const contacts = live(store().contacts.values()).slice(20, 23);
  const companies = live(store().companies.values()).slice(10, 12);
  return { lead, contacts, companies };
}

describe('POST /api/v4/{type}/link', () => {
  it('links many pairs and answers them as a links collection; GET /links and with=contacts show them', async () => {
    const { lead, contacts, companies } = fixtures();
    const response = await send('/api/v4/leads/link', [
      { entity_id: lead.id, to_entity_id: contacts[0]!.id, to_entity_type: 'contacts' },
      { entity_id: lead.id, to_entity_id: contacts[1]!.id, to_entity_type: 'contacts', metadata: { is_main: true } },
      { entity_id: lead.id, to_entity_id: companies[0]!.id, to_entity_type: 'companies' },
    ]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/hal+json');
    expect(response.body).toEqual({
      _total_items: 3,
      _links: { self: { href: `${own.url}/api/v4/leads/link` } },
      _embedded: {
        links: [
          { entity_id: lead.id, entity_type: 'leads', to_entity_id: contacts[0]!.id, to_entity_type: 'contacts', metadata: { main_contact: false } },
          { entity_id: lead.id, entity_type: 'leads', to_entity_id: contacts[1]!.id, to_entity_type: 'contacts', metadata: { main_contact: true } },
          { entity_id: lead.id, entity_type: 'leads', to_entity_id: companies[0]!.id, to_entity_type: 'companies', metadata: null },
        ],
      },
    });
    const links = (await own.api(`/api/v4/leads/${lead.id}/links`)).body._embedded.links;
    expect(links).toEqual([
      { to_entity_id: contacts[1]!.id, to_entity_type: 'contacts', metadata: { main_contact: true } },
      { to_entity_id: contacts[0]!.id, to_entity_type: 'contacts', metadata: { main_contact: false } },
      { to_entity_id: companies[0]!.id, to_entity_type: 'companies', metadata: null },
    ]);
    const embedded = (await own.api(`/api/v4/leads/${lead.id}?with=contacts`)).body._embedded;
    expect(embedded.contacts.map((item: any) => [item.id, item.is_main])).toEqual([
      [contacts[1]!.id, true],
      [contacts[0]!.id, false],
    ]);
    expect((await own.api(`/api/v4/contacts/${contacts[0]!.id}?with=leads`)).body._embedded.leads.map((item: any) => item.id)).toContain(lead.id);
  });

  it('links from the path entity with /{type}/{id}/link, either way round', async () => {
    const { lead, contacts, companies } = fixtures();
    const response = await send(`/api/v4/contacts/${contacts[0]!.id}/link`, [
      { to_entity_id: lead.id, to_entity_type: 'leads' },
      { to_entity_id: companies[0]!.id, to_entity_type: 'companies' },
    ]);
    expect(response.body._embedded.links).toEqual([
      { entity_id: contacts[0]!.id, entity_type: 'contacts', to_entity_id: lead.id, to_entity_type: 'leads', metadata: { main_contact: true } },
      { entity_id: contacts[0]!.id, entity_type: 'contacts', to_entity_id: companies[0]!.id, to_entity_type: 'companies', metadata: null },
    ]);
    expect(contactsOf(lead.id)).toEqual([{ id: contacts[0]!.id, isMain: true }]);
    const company = await send(`/api/v4/companies/${companies[1]!.id}/link`, [{ to_entity_id: lead.id, to_entity_type: 'leads' }]);
    expect(company.status).toBe(200);
    expect(store().links.linked({ type: 'leads', id: lead.id }, 'companies')).toEqual([{ id: companies[1]!.id, isMain: false }]);
  });

  it('replaces the company of a lead or contact, answers a repeated link as a no-op, and does not touch updated_at', async () => {
    const { lead, contacts, companies } = fixtures();
    const updatedAt = lead.updated_at;
    await send(`/api/v4/leads/${lead.id}/link`, [{ to_entity_id: companies[0]!.id, to_entity_type: 'companies' }]);
    await send(`/api/v4/leads/${lead.id}/link`, [{ to_entity_id: companies[1]!.id, to_entity_type: 'companies' }]);
    expect(store().links.linked({ type: 'leads', id: lead.id }, 'companies').map((item) => item.id)).toEqual([companies[1]!.id]);

    await send(`/api/v4/contacts/${contacts[2]!.id}/link`, [{ to_entity_id: companies[0]!.id, to_entity_type: 'companies' }]);
    await send(`/api/v4/contacts/${contacts[2]!.id}/link`, [{ to_entity_id: companies[1]!.id, to_entity_type: 'companies' }]);
    expect(store().links.linked({ type: 'contacts', id: contacts[2]!.id }, 'companies').map((item) => item.id)).toEqual([companies[1]!.id]);

    const size = store().links.size;
    const again = await send(`/api/v4/leads/${lead.id}/link`, [{ to_entity_id: companies[1]!.id, to_entity_type: 'companies' }]);
    expect(again.body._embedded.links).toEqual([{ entity_id: lead.id, entity_type: 'leads', to_entity_id: companies[1]!.id, to_entity_type: 'companies', metadata: null }]);
    expect(store().links.size).toBe(size);
    expect(store().leads.get(lead.id)!.updated_at).toBe(updatedAt);
  });

  it('refuses the whole batch, naming items by position, when an entity or target is unknown or the pair is not linkable', async () => {
    const { lead, contacts } = fixtures();
    const deleted = store().contacts.values().find((row) => row.is_deleted)!;
    const size = store().links.size;
    const response = await send('/api/v4/leads/link', [
      { entity_id: lead.id, to_entity_id: contacts[0]!.id, to_entity_type: 'contacts' },
      { entity_id: 99_999_999, to_entity_id: contacts[0]!.id, to_entity_type: 'contacts', request_id: 'ignored' },
      { entity_id: lead.id, to_entity_id: deleted.id, to_entity_type: 'contacts' },
      { entity_id: lead.id, to_entity_id: lead.id, to_entity_type: 'leads' },
      { entity_id: lead.id, to_entity_id: 'x', to_entity_type: 'contacts' },
      { entity_id: lead.id },
    ]);
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)])).toEqual([
      ['1', ['NotSupportedChoice entity_id']],
      ['2', ['NotSupportedChoice to_entity_id']],
      ['3', ['NotSupportedChoice to_entity_type']],
      ['4', ['InvalidType to_entity_id']],
      ['5', ['NotBlank to_entity_id', 'NotBlank to_entity_type']],
    ]);
    expect(store().links.size).toBe(size);
    expect(contactsOf(lead.id)).toEqual([]);
    const path = await send('/api/v4/leads/99999999/link', [{ to_entity_id: contacts[0]!.id, to_entity_type: 'contacts' }]);
    expect(path.body['validation-errors'][0].errors[0]).toMatchObject({ code: 'NotSupportedChoice', path: 'entity_id' });
  });
});

describe('POST /api/v4/{type}/unlink', () => {
  it('answers 204, and unlinking the main contact hands "main" to the next one', async () => {
    const { lead, contacts, companies } = fixtures();
    await send(`/api/v4/leads/${lead.id}/link`, [
      { to_entity_id: contacts[0]!.id, to_entity_type: 'contacts', metadata: { is_main: true } },
      { to_entity_id: contacts[2]!.id, to_entity_type: 'contacts' },
      { to_entity_id: contacts[1]!.id, to_entity_type: 'contacts' },
      { to_entity_id: companies[0]!.id, to_entity_type: 'companies' },
    ]);
    const response = await send(`/api/v4/leads/${lead.id}/unlink`, [{ to_entity_id: contacts[0]!.id, to_entity_type: 'contacts' }]);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    const embedded = (await own.api(`/api/v4/leads/${lead.id}?with=contacts`)).body._embedded;
    expect(embedded.contacts.map((item: any) => [item.id, item.is_main])).toEqual([
      [contacts[1]!.id, true],
      [contacts[2]!.id, false],
    ]);

    const mass = await send('/api/v4/companies/unlink', [{ entity_id: companies[0]!.id, to_entity_id: lead.id, to_entity_type: 'leads' }]);
    expect(mass.status).toBe(204);
    expect((await own.api(`/api/v4/leads/${lead.id}/links?filter[to_entity_type]=companies&filter[to_entity_id]=${companies[0]!.id}`)).status).toBe(204);
    // Unlinking what is not linked is a no-op.
    expect((await send(`/api/v4/leads/${lead.id}/unlink`, [{ to_entity_id: companies[1]!.id, to_entity_type: 'companies' }])).status).toBe(204);
  });

  it('validates unlink items like link items and unlinks nothing on error', async () => {
    const { lead, contacts } = fixtures();
    await send(`/api/v4/leads/${lead.id}/link`, [{ to_entity_id: contacts[0]!.id, to_entity_type: 'contacts' }]);
    const response = await send(`/api/v4/leads/${lead.id}/unlink`, [
      { to_entity_id: contacts[0]!.id, to_entity_type: 'contacts' },
      { to_entity_id: contacts[0]!.id, to_entity_type: 'customers' },
    ]);
    expect(response.status).toBe(400);
    expect(response.body['validation-errors']).toEqual([{ request_id: '1', errors: [expect.objectContaining({ path: 'to_entity_type' })] }]);
    expect(contactsOf(lead.id)).toEqual([{ id: contacts[0]!.id, isMain: true }]);
  });
});
