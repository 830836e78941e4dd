// Webhooks in, subscriptions out, across instances: a form body posted to one gateway reaches SSE
// and graphql-ws subscribers on another that shares Redis; filters apply; an account never hears
// another's events; refused posts publish nothing; entities load in one batch per webhook.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createSandbox } from '../../src/sandbox/index.js';
import { startGateway, type RunningGateway } from '../../src/server/app.js';
import type { EntityEvent } from '../../src/webhooks/events.js';
import { REDIS_URL, redisUnavailable, uniquePrefix } from '../helpers/redis.js';
import { sse, untilHeard, WARM_UP } from '../helpers/sse.js';
import { gatewayOptions, TEST_TOKEN } from '../helpers/stack.js';

const skip = await redisUnavailable();
const SECRET = 'test-webhook-secret-0123456789abcdef';

interface Upstream {
  sandbox: ReturnType<typeof createSandbox>;
  url: string;
  close(): Promise<void>;
}

async function startUpstream(seed: number): Promise<Upstream> {
  const sandbox = createSandbox({ seed, token: TEST_TOKEN });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  return { sandbox, url: server.url, close: () => server.close() };
}

function gatewayFor(upstream: Upstream, prefix: string, onEvents?: (key: string, events: EntityEvent[]) => void) {
  return startGateway(gatewayOptions(upstream.url, {
    redisUrl: REDIS_URL,
    redisPrefix: prefix,
    webhookSecret: SECRET,
    onEvents,
  }));
}

function form(pairs: [string, string | number][]): string {
  return new URLSearchParams(pairs.map(([key, value]) => [key, String(value)])).toString();
}

function post(gateway: RunningGateway, path: string, body: string, type = 'application/x-www-form-urlencoded') {
  return fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
}

const real = (items: any[], field: string) => items.map((r) => r.data[field]).filter((event) => event.amoId !== WARM_UP);

describe.skipIf(skip)('webhook subscriptions', () => {
  let a: Upstream;
  let b: Upstream;
  let one: RunningGateway;
  let two: RunningGateway;
  let other: RunningGateway;
  const published: [string, number][] = [];
  const prefix = uniquePrefix('subscriptions');

  beforeAll(async () => {
    a = await startUpstream(1);
    b = await startUpstream(2);
    one = await gatewayFor(a, prefix, (key, events) => published.push(...events.map((e): [string, number] => [key, e.amoId])));
    two = await gatewayFor(a, prefix);
    other = await gatewayFor(b, prefix);
  });
  afterAll(async () => {
    await Promise.all([one, two, other].map((gateway) => gateway?.close()));
    await Promise.all([a, b].map((upstream) => upstream?.close()));
  });

  const live = () => a.sandbox.store.leads.values().filter((lead) => !lead.is_deleted);
  const leadIds = () => live().map((lead) => lead.id);

  it('refuses a wrong token with 404 and bad bodies with 400, publishing nothing', async () => {
    const good = one.webhookUrl();
    const body = form([['leads[update][0][id]', leadIds()[0]!]]);
    const wrong = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await post(one, wrong, body)).status).toBe(404);
    expect((await post(one, '/webhooks/amocrm/s.nope', body)).status).toBe(404);
    // The token of another account (the other gateway's) is no token here.
    expect((await post(one, other.webhookUrl(), body)).status).toBe(404);
    expect((await post(one, good, body, 'application/json')).status).toBe(400);
    expect((await post(one, good, 'leads[update][0][name]=x')).status).toBe(400);
    expect((await post(one, good, 'account[id]=1')).status).toBe(400);
    expect((await post(one, good, 'leads[update][0][id]=1&leads[update][0][id][x]=2')).status).toBe(400);
    expect((await post(one, good, `leads[update][0][id]=1&x=${'a'.repeat(1024 * 1024)}`)).status).toBe(400);
    expect((await fetch(`${one.url}${good}`)).status).toBe(405);
    expect(published).toEqual([]);
  });

  it('delivers a webhook posted to gateway 1 to SSE and graphql-ws subscribers on gateway 2 within a second', async () => {
    const lead = live()[0]!;
    const query = 'subscription { leadEvents { action amoId occurredAt lead { amoId name } status { amoId } previousStatus { amoId } } }';
    const viaSse = sse(two, query);
    const ws = createClient({ url: `${two.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const wsReceived: any[] = [];
    let wsWake: (() => void) | null = null;
    const unsubscribe = ws.subscribe({ query }, {
      next: (value) => {
        wsReceived.push(value);
        wsWake?.();
      },
      error: () => {},
      complete: () => {},
    });
    const warmUp = form([['leads[update][0][id]', WARM_UP]]);
    await untilHeard(() => post(one, one.webhookUrl(), warmUp), [() => viaSse.received.length > 0, () => wsReceived.length > 0]);
    const isStatus = (r: any) => r.data?.leadEvents?.action === 'STATUS';
    const started = Date.now();
    const response = await post(
      one,
      one.webhookUrl(),
      form([
        ['leads[status][0][id]', lead.id],
        ['leads[status][0][status_id]', lead.status_id],
        ['leads[status][0][old_status_id]', lead.status_id],
        ['leads[status][0][pipeline_id]', lead.pipeline_id],
        ['leads[status][0][last_modified]', 1718001000],
        ['account[subdomain]', 'demo'],
      ]),
    );
    expect(response.status).toBe(200);
    while (!viaSse.received.some(isStatus)) await viaSse.waitFor(viaSse.received.length + 1);
    while (!wsReceived.some(isStatus)) await new Promise<void>((resolve) => (wsWake = resolve));
    expect(Date.now() - started).toBeLessThan(1_000);
    for (const result of [viaSse.received.find(isStatus), wsReceived.find(isStatus)]) {
      expect(result.errors).toBeUndefined();
      expect(result.data.leadEvents).toEqual({
        action: 'STATUS',
        amoId: lead.id,
        occurredAt: new Date(1718001000 * 1000).toISOString(),
        lead: { amoId: lead.id, name: lead.name },
        status: { amoId: lead.status_id },
        previousStatus: { amoId: lead.status_id },
      });
    }
    expect(published.filter(([, id]) => id !== WARM_UP)).toEqual([[one.account.key, lead.id]]);
    expect(published.every(([key]) => key === one.account.key)).toBe(true);
    unsubscribe();
    await viaSse.close();
    await ws.dispose();
  });

  it('applies filters and keeps accounts apart', async () => {
    const [first, second] = leadIds();
    const lead = live()[1]!;
    const filtered = sse(two, 'subscription ($f: LeadEventFilter) { leadEvents(filter: $f) { action amoId } }', {
      f: { actions: ['UPDATE'], pipelineIds: [lead.pipeline_id] },
    });
    const contacts = sse(two, 'subscription { contactEvents { action amoId } }');
    const otherAccount = sse(other, 'subscription { leadEvents { action amoId } }');
    await untilHeard(
      () => post(one, one.webhookUrl(), form([['leads[update][0][id]', WARM_UP], ['leads[update][0][pipeline_id]', lead.pipeline_id], ['contacts[update][0][id]', WARM_UP]])),
      [() => filtered.received.length > 0, () => contacts.received.length > 0],
    );
    await untilHeard(() => post(other, other.webhookUrl(), form([['leads[update][0][id]', WARM_UP]])), [() => otherAccount.received.length > 0]);
    const seen = { filtered: filtered.received.length, contacts: contacts.received.length, other: otherAccount.received.length };
    // Not matching: a deletion (no pipeline), an add, an update in another pipeline.
    const body = form([
      ['leads[delete][0][id]', first!],
      ['leads[add][0][id]', first!],
      ['leads[add][0][pipeline_id]', lead.pipeline_id],
      ['leads[update][0][id]', first!],
      ['leads[update][0][pipeline_id]', 1],
      ['leads[update][1][id]', second!],
      ['leads[update][1][pipeline_id]', lead.pipeline_id],
      ['contacts[update][0][id]', 77],
      ['contacts[update][0][type]', 'contact'],
    ]);
    expect((await post(one, one.webhookUrl(), body)).status).toBe(200);
    // Account B's own event: if A's had leaked, it would have come first.
    expect((await post(other, other.webhookUrl(), form([['leads[add][0][id]', 424242]]))).status).toBe(200);
    await Promise.all([filtered.waitFor(seen.filtered + 1), contacts.waitFor(seen.contacts + 1), otherAccount.waitFor(seen.other + 1)]);
    while (!real(filtered.received, 'leadEvents').length) await filtered.waitFor(filtered.received.length + 1);
    while (!real(contacts.received, 'contactEvents').length) await contacts.waitFor(contacts.received.length + 1);
    while (!real(otherAccount.received, 'leadEvents').length) await otherAccount.waitFor(otherAccount.received.length + 1);
    expect(real(filtered.received, 'leadEvents')).toEqual([{ action: 'UPDATE', amoId: second }]);
    expect(real(contacts.received, 'contactEvents')).toEqual([{ action: 'UPDATE', amoId: 77 }]);
    expect(real(otherAccount.received, 'leadEvents')).toEqual([{ action: 'ADD', amoId: 424242 }]);
    // And a further event of A reaches A's filtered subscriber but still never B's.
    expect((await post(one, one.webhookUrl(), form([['leads[update][0][id]', first!], ['leads[update][0][pipeline_id]', lead.pipeline_id]]))).status).toBe(200);
    while (real(filtered.received, 'leadEvents').length < 2) await filtered.waitFor(filtered.received.length + 1);
    expect(real(otherAccount.received, 'leadEvents')).toEqual([{ action: 'ADD', amoId: 424242 }]);
    await Promise.all([filtered.close(), contacts.close(), otherAccount.close()]);
  });

  it('loads the entities of a burst of 50 events in one batch', async () => {
    const ids = leadIds().slice(0, 50);
    expect(ids).toHaveLength(50);
    const subscriber = sse(two, 'subscription { leadEvents(filter: { actions: [UPDATE] }) { amoId lead { amoId name } } }');
    await untilHeard(() => post(one, one.webhookUrl(), form([['leads[update][0][id]', WARM_UP]])), [() => subscriber.received.length > 0]);
    const before = subscriber.received.length;
    a.sandbox.log.clear();
    const body = form(ids.flatMap((id, i): [string, number][] => [[`leads[update][${i}][id]`, id], [`leads[update][${i}][last_modified]`, 1718001000]]));
    expect((await post(one, one.webhookUrl(), body)).status).toBe(200);
    while (real(subscriber.received, 'leadEvents').length < 50) await subscriber.waitFor(subscriber.received.length + 1);
    const burst = subscriber.received.slice(before).filter((r) => r.data.leadEvents.amoId !== WARM_UP);
    expect(burst.filter((r) => r.errors || !r.data.leadEvents.lead)).toEqual([]);
    expect(burst.map((r) => r.data.leadEvents.lead.amoId)).toEqual(ids);
    const leadCalls = a.sandbox.log.entries().filter((entry) => entry.path === '/api/v4/leads');
    expect(leadCalls).toHaveLength(1);
    await subscriber.close();
  });
});
