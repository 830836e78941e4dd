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
