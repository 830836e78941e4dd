// Issue 6's loop, end to end and offline: a mutation through one gateway changes the sandbox, the
// sandbox posts an amoCRM-style webhook to that gateway, a subscriber on a second gateway sharing
// Redis hears the typed event within a second, and the second gateway's cached answer for the
// lead is fresh on the next read.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startGateway, type RunningGateway } from '../../src/server/app.js';
import { REDIS_URL, redisUnavailable, uniquePrefix } from '../helpers/redis.js';
import { sse, untilHeard, WARM_UP } from '../helpers/sse.js';
import { gatewayOptions, TEST_TOKEN } from '../helpers/stack.js';

const skip = await redisUnavailable();
const SECRET = 'live-loop-webhook-secret-0123456789abcdef';
const LEAD = 'query ($id: Int!) { lead(amoId: $id) { amoId name price } }';

async function gql(gateway: RunningGateway, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

describe.skipIf(skip)('a write, its webhook, a subscriber elsewhere and a fresh cache', () => {
  let sandbox: Sandbox;
  let upstream: { url: string; close(): Promise<void> };
  const gateways: RunningGateway[] = [];
  const prefix = uniquePrefix('live-loop');

  beforeAll(async () => {
    sandbox = createSandbox({ seed: 1, token: TEST_TOKEN });
    upstream = await sandbox.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 2; i++) {
      gateways.push(
        await startGateway(gatewayOptions(upstream.url, {
          redisUrl: REDIS_URL,
          redisPrefix: prefix,
          webhookSecret: SECRET,
          // As deployed: the cache on, with a TTL far longer than the test, so only invalidation can refresh it.
          responseCache: { enabled: true, entityTtlMs: 600_000 },
        })),
      );
    }
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await upstream?.close();
  });

  it('delivers the change to a subscriber on the other instance within a second, and its next read is fresh', async () => {
    const [one, two] = gateways as [RunningGateway, RunningGateway];
    // The account subscribes gateway one's receiver, through the gateway's own webhooks API.
    const destination = `${one.url}${one.webhookUrl()}`;
    const subscribed = await gql(one, 'mutation ($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { status errors { message } } }', {
      input: { destination, events: ['ADD_LEAD', 'UPDATE_LEAD', 'STATUS_LEAD', 'RESPONSIBLE_LEAD'] },
    });
    expect(subscribed.data.subscribeWebhook).toEqual({ status: 'SUCCEEDED', errors: [] });
    expect(sandbox.store.webhooks.values().map((hook) => hook.destination)).toEqual([destination]);

    const lead = sandbox.store.leads.values().find((row) => !row.is_deleted)!;
    const listener = sse(two, 'subscription { leadEvents { action amoId occurredAt lead { amoId name } } }');
    await untilHeard(
      () => fetch(`${one.url}${one.webhookUrl()}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `leads%5Bupdate%5D%5B0%5D%5Bid%5D=${WARM_UP}` }),
      [() => listener.received.length > 0],
    );

    // Gateway two caches the lead: a second read costs amoCRM nothing.
    expect((await gql(two, LEAD, { id: lead.id })).data.lead.name).toBe(lead.name);
    const callsBefore = sandbox.log.entries().length;
    expect((await gql(two, LEAD, { id: lead.id })).data.lead.name).toBe(lead.name);
    expect(sandbox.log.entries().length).toBe(callsBefore);

    const heardBefore = listener.received.length;
    const written = await gql(one, 'mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { succeededCount } }', {
      input: [{ amoId: lead.id, name: 'Renamed, heard everywhere' }],
    });
    expect(written.data.updateLeads.succeededCount).toBe(1);
    const answeredAt = performance.now();
    const heard = (async () => {
      for (;;) {
        const event = listener.received.slice(heardBefore).map((payload) => payload.data.leadEvents).find((e) => e.amoId === lead.id);
        if (event) return event;
        await listener.waitFor(listener.received.length + 1);
      }
    })();
    const event = await Promise.race([heard, new Promise((_, reject) => setTimeout(() => reject(new Error('no event within 1 s')), 1_000))]);
    expect(performance.now() - answeredAt).toBeLessThan(1_000);
    expect(event).toMatchObject({ action: 'UPDATE', amoId: lead.id, lead: { amoId: lead.id, name: 'Renamed, heard everywhere' } });

    // The sandbox really posted it, form-encoded, to gateway one's receiver.
    await sandbox.webhooks.settled();
    const delivery = sandbox.webhooks.deliveries().at(-1)!;
    expect(delivery.destination).toBe(destination);
    expect(delivery.status).toBe(200);

    // Gateway two's cache dropped the lead when gateway one received the webhook.
    expect((await gql(two, LEAD, { id: lead.id })).data.lead.name).toBe('Renamed, heard everywhere');
    await listener.close();
  }, 30_000);

  it('makes a cached answer fresh when the change was made outside the gateway, by the webhook alone', async () => {
    const [one, two] = gateways as [RunningGateway, RunningGateway];
    const lead = sandbox.store.leads.values().filter((row) => !row.is_deleted)[1]!;
    expect((await gql(two, LEAD, { id: lead.id })).data.lead.price).toBe(lead.price);
    const listener = sse(two, 'subscription { leadEvents { action amoId } }');
    await untilHeard(
      () => fetch(`${one.url}${one.webhookUrl()}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `leads%5Bupdate%5D%5B0%5D%5Bid%5D=${WARM_UP}` }),
      [() => listener.received.length > 0],
    );
    const heardBefore = listener.received.length;
    // Another integration (or a person in amoCRM) changes the lead: no mutation of ours is involved.
    const patched = await fetch(`${upstream.url}/api/v4/leads/${lead.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ price: 987_654 }),
    });
    expect(patched.status).toBe(200);
    for (;;) {
      if (listener.received.slice(heardBefore).some((payload) => payload.data.leadEvents.amoId === lead.id)) break;
      await listener.waitFor(listener.received.length + 1);
    }
    expect((await gql(two, LEAD, { id: lead.id })).data.lead.price).toBe(987_654);
    await listener.close();
  }, 30_000);
});
