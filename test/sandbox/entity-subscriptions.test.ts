import { describe, expect, it } from 'vitest';
import { GROUP_IDS, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { useSandbox } from './helpers.js';

const running = useSandbox();

describe('GET /api/v4/leads/{id}/subscriptions', () => {
  it('lists the seeded subscribers of a lead with a total, and 204 for a lead without any', async () => {
    const [first, second, third] = running().sandbox.store.leads.values().filter((lead) => !lead.is_deleted);
    const a = await running().api(`/api/v4/leads/${first!.id}/subscriptions`);
    expect(a.status).toBe(200);
    expect(a.body._total_items).toBe(2);
    expect(a.body._embedded.subscriptions).toEqual([
      { subscriber_id: USER_IDS.admin, type: 'user' },
      { subscriber_id: USER_IDS.salesHead, type: 'user' },
    ]);
    const b = await running().api(`/api/v4/leads/${second!.id}/subscriptions?limit=1&page=2`);
    expect(b.body._embedded.subscriptions).toEqual([{ subscriber_id: GROUP_IDS.retail, type: 'group' }]);
    expect((await running().api(`/api/v4/leads/${third!.id}/subscriptions`)).status).toBe(204);
    expect((await running().api('/api/v4/leads/abc/subscriptions')).status).toBe(400);
  });
});

describe('GET /api/v4/customers/{id}/subscriptions', () => {
  it('answers 402 while the customers mode is off, then lists the seeded subscriber, 204 for a customer without any', async () => {
    const { store } = running().sandbox;
    const [first, second] = store.customers.rows.values();
    store.account.customers_mode = 'disabled';
    expect((await running().api(`/api/v4/customers/${first!.id}/subscriptions`)).status).toBe(402);
    store.account.customers_mode = 'periodicity';
    {
      const a = await running().api(`/api/v4/customers/${first!.id}/subscriptions`);
      expect(a.status).toBe(200);
      expect(a.body._total_items).toBe(1);
      expect(a.body._embedded.subscriptions).toEqual([{ subscriber_id: USER_IDS.manager1, type: 'user' }]);
      expect((await running().api(`/api/v4/customers/${second!.id}/subscriptions`)).status).toBe(204);
      expect((await running().api('/api/v4/customers/abc/subscriptions')).status).toBe(400);
    }
  });
});

describe('contacts and companies have no subscriptions endpoint', () => {
  it('answers 404 for /api/v4/contacts/{id}/subscriptions and /api/v4/companies/{id}/subscriptions, as amoCRM serves only leads and customers', async () => {
    const { store } = running().sandbox;
    const contact = store.contacts.values()[0]!;
    const company = store.companies.values()[0]!;
    expect((await running().api(`/api/v4/contacts/${contact.id}/subscriptions`)).status).toBe(404);
    expect((await running().api(`/api/v4/companies/${company.id}/subscriptions`)).status).toBe(404);
  });
});
