// The response cache: repeated reads cost no upstream call; writes through the gateway and
// webhook invalidations make the next read fresh; users never share entries; Redis shares
// entries and invalidations across instances; entries expire by the cache's clock.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { Agent } from 'undici';
import { ACCOUNT_ID } from '../../src/sandbox/seed/ids.js';
import { createBearerJwtAuth } from '../../src/auth/client/bearer-jwt.js';
import { createTokenAuth } from '../../src/auth/token-auth.js';
import type { Principal } from '../../src/auth/types.js';
import { createAccountContext } from '../../src/loaders/account-context.js';
import { createAmoClient } from '../../src/rest/client.js';
import { principalOf } from '../../src/server/client-auth.js';
import { createGateway } from '../../src/server/gateway.js';
import { createResponseCache, typesTouchedBy } from '../../src/server/response-cache.js';
import { startSandbox } from '../sandbox/helpers.js';
import { startStack, TEST_TOKEN, type Stack } from '../helpers/stack.js';
import { startGateway, type RunningGateway, type StartOptions } from '../../src/server/app.js';
import { newRedis, REDIS_URL, redisUnavailable, uniquePrefix } from '../helpers/redis.js';

const LEAD = `query ($id: Int!) { lead(amoId: $id) { id amoId name price } }`;
const LIST = `{ leads(first: 5) { nodes { amoId name } } }`;

const stacks: Stack[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await Promise.all(stacks.splice(0).map((stack) => stack.close()));
});

async function cachedStack(options: Parameters<typeof startStack>[0] = {}): Promise<Stack> {
  const stack = await startStack({ responseCache: { enabled: true }, ...options });
  stacks.push(stack);
  return stack;
}

/** Another gateway on the stack's sandbox (same account key), e.g. a second instance. */
async function extraGateway(stack: Stack, options: Partial<StartOptions> = {}): Promise<RunningGateway> {
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    upstream: { kind: 'account', baseUrl: stack.sandboxUrl, token: TEST_TOKEN },
    userAgent: 'response-cache-tests',
    timeoutMs: 10_000,
    metadataTtlMs: 60_000,
    graphiql: false,
    production: true,
    traffic: { rateLimit: 100_000, retryAttempts: 1 },
    allowAnonymous: true,
    log: () => {},
    ...options,
  });
  closers.push(() => gateway.close());
  return gateway;
}

async function ask(gateway: RunningGateway, query: string, variables: object, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

function firstLead(stack: Stack) {
  return stack.sandbox.store.leads.values().find((row) => !row.is_deleted)!;
}

describe('the response cache', () => {
  it('answers a repeated query with no upstream call, and counts hits and misses', async () => {
    const stack = await cachedStack();
    const lead = firstLead(stack);
    const first = await stack.gql(LEAD, { id: lead.id });
    expect(first.errors).toBeUndefined();
    stack.resetLog();
    const second = await stack.gql(LEAD, { id: lead.id });
    expect(second).toEqual(first);
    expect(stack.upstreamCalls()).toHaveLength(0);
    const metrics = await stack.gateway.metrics!.metrics();
    expect(metrics).toMatch(/graphql_response_cache_lookups_total\{result="hit"\} 1/);
    expect(metrics).toMatch(/graphql_response_cache_lookups_total\{result="miss"\} 1/);
  });

  it('is off when configured off', async () => {
    const stack = await cachedStack({ responseCache: { enabled: false } });
    const lead = firstLead(stack);
    await stack.gql(LEAD, { id: lead.id });
    stack.resetLog();
    await stack.gql(LEAD, { id: lead.id });
    expect(stack.upstreamCalls().length).toBeGreaterThan(0);
  });

  it('never keeps an answer with errors', async () => {
    const stack = await cachedStack();
    const lead = firstLead(stack);
    stack.sandbox.faults.set({ errorRate: { rate: 1 }, seed: 1 });
    const failed = await stack.gql(LEAD, { id: lead.id });
    expect(failed.errors?.length).toBeGreaterThan(0);
    stack.sandbox.faults.reset();
    const healed = await stack.gql(LEAD, { id: lead.id });
    expect(healed.errors).toBeUndefined();
    expect(healed.data?.lead.amoId).toBe(lead.id);
  });

  it('a mutation through the gateway makes the next read fresh, even when its payload selects nothing of the entity', async () => {
    const stack = await cachedStack();
    const lead = firstLead(stack);
    await stack.gql(LEAD, { id: lead.id });
    await stack.gql(LIST);
    const write = await stack.gql(`mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { succeededCount } }`, {
      input: [{ amoId: lead.id, name: 'Renamed through the gateway' }],
    });
    expect(write.data?.updateLeads.succeededCount).toBe(1);
    stack.resetLog();
    const after = await stack.gql(LEAD, { id: lead.id });
    expect(after.data?.lead.name).toBe('Renamed through the gateway');
    expect(stack.upstreamCalls().length).toBeGreaterThan(0);
  });

  it('a write also makes the audit log fresh, and a mutation it does not know drops every type', async () => {
    const stack = await cachedStack();
    const lead = firstLead(stack);
    const EVENTS = `query ($id: Int!) { events(first: 5, filter: { entityTypes: [LEAD], entityAmoIds: [$id] }) { nodes { id type } } }`;
    const before = await stack.gql(EVENTS, { id: lead.id });
    expect(before.errors).toBeUndefined();
    await stack.gql(`mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { succeededCount } }`, {
      input: [{ amoId: lead.id, price: 4242 }],
    });
    stack.resetLog();
    const after = await stack.gql(EVENTS, { id: lead.id });
    expect(stack.upstreamCalls().length).toBeGreaterThan(0);
    expect(after.data.events.nodes.length).toBeGreaterThanOrEqual(before.data.events.nodes.length);
    expect(typesTouchedBy('updateLeads')).toContain('Event');
    // Catalogs, customers, settings…: whatever a mutation not listed writes, nothing stale survives.
    expect(typesTouchedBy('createCatalogElements')).toBeNull();
  });

  it('a link through the gateway makes both sides fresh, whatever its payload selects', async () => {
    const stack = await cachedStack();
    const store = stack.sandbox.store;
    const lead = firstLead(stack);
    const contact = store.contacts.values().find((row) => !row.is_deleted)!;
    const leadSide = `query ($id: Int!) { lead(amoId: $id) { contacts(first: 50) { nodes { amoId } } } }`;
    const contactSide = `query ($id: Int!) { contact(amoId: $id) { leads(first: 50) { nodes { amoId } } } }`;
    const unlink = await stack.gql(`mutation ($input: [EntityLinkInput!]!) { unlinkEntities(input: $input) { failedCount } }`, {
      input: [{ from: { entity: 'LEADS', amoId: lead.id }, to: { entity: 'CONTACTS', amoId: contact.id } }],
    });
    expect(unlink.errors).toBeUndefined();
    const before = [await stack.gql(leadSide, { id: lead.id }), await stack.gql(contactSide, { id: contact.id })];
    expect(before[0]!.data.lead.contacts.nodes.map((n: any) => n.amoId)).not.toContain(contact.id);
    expect(before[1]!.data.contact.leads.nodes.map((n: any) => n.amoId)).not.toContain(lead.id);

    const link = await stack.gql(`mutation ($input: [EntityLinkInput!]!) { linkEntities(input: $input) { succeededCount } }`, {
      input: [{ from: { entity: 'LEADS', amoId: lead.id }, to: { entity: 'CONTACTS', amoId: contact.id } }],
    });
    expect(link.data?.linkEntities.succeededCount).toBe(1);
    expect((await stack.gql(leadSide, { id: lead.id })).data.lead.contacts.nodes.map((n: any) => n.amoId)).toContain(contact.id);
    expect((await stack.gql(contactSide, { id: contact.id })).data.contact.leads.nodes.map((n: any) => n.amoId)).toContain(lead.id);
  });

  it('invalidate (as webhooks call it) makes the next read of that entity fresh', async () => {
    const stack = await cachedStack();
    const lead = firstLead(stack);
    await stack.gql(LEAD, { id: lead.id });
    // Changed in amoCRM behind the gateway's back.
    stack.sandbox.store.leads.get(lead.id)!.name = 'Changed in amoCRM';
    expect((await stack.gql(LEAD, { id: lead.id })).data?.lead.name).not.toBe('Changed in amoCRM');
    await stack.gateway.responseCache!.invalidate(stack.gateway.account.key, [{ typename: 'Lead', amoId: lead.id }]);
    expect((await stack.gql(LEAD, { id: lead.id })).data?.lead.name).toBe('Changed in amoCRM');
  });

  it('invalidating another account leaves this one cached', async () => {
    const stack = await cachedStack();
    const lead = firstLead(stack);
    await stack.gql(LEAD, { id: lead.id });
    await stack.gateway.responseCache!.invalidate('https://other.amocrm.ru', [{ typename: 'Lead', amoId: lead.id }]);
    stack.resetLog();
    await stack.gql(LEAD, { id: lead.id });
    expect(stack.upstreamCalls()).toHaveLength(0);
  });

  it('expires entries after their TTL by the cache clock', async () => {
    let now = 1_000_000;
    const stack = await cachedStack({ responseCache: { enabled: true, entityTtlMs: 60_000, now: () => now } });
    const lead = firstLead(stack);
    await stack.gql(LEAD, { id: lead.id });
    now += 59_000;
    stack.resetLog();
    await stack.gql(LEAD, { id: lead.id });
    expect(stack.upstreamCalls()).toHaveLength(0);
    now += 1_000;
    await stack.gql(LEAD, { id: lead.id });
    expect(stack.upstreamCalls().length).toBeGreaterThan(0);
  });
});

describe('users of one account', () => {
  const SECRET = 'response-cache-test-secret-0123456789abcdef';
  const token = (user: number) =>
    new SignJWT({ amocrm_account_id: ACCOUNT_ID, amocrm_user_id: user })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://idp.example.test/')
      .setAudience('amocrm-graphql')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));

  it('never see each other’s cached answers', async () => {
    const stack = await cachedStack();
    const gateway = await extraGateway(stack, {
      allowAnonymous: false,
      clientAuth: {
        jwt: { jwksUrl: null, secret: SECRET, issuer: ['https://idp.example.test/'], audience: ['amocrm-graphql'], accountClaim: null, userClaim: 'amocrm_user_id' },
      },
    });
    const lead = firstLead(stack);
    const as = async (user: number) => ask(gateway, LEAD, { id: lead.id }, { authorization: `Bearer ${await token(user)}` });
    const answer = await as(1);
    expect(answer.data?.lead.amoId, JSON.stringify(answer)).toBe(lead.id);
    stack.resetLog();
    await as(1);
    expect(stack.upstreamCalls()).toHaveLength(0);
    await as(2);
    expect(stack.upstreamCalls().length).toBeGreaterThan(0);
  });
});

describe('with Redis', () => {
  let skip: string | null = null;
  beforeAll(async () => {
    skip = await redisUnavailable();
  });

  it('a second instance serves the first one’s entries and sees its invalidations', async (context) => {
    if (skip) return context.skip(skip);
    const redisPrefix = uniquePrefix('response-cache');
    const stack = await cachedStack();
    const first = await extraGateway(stack, { redisUrl: REDIS_URL, redisPrefix });
    const second = await extraGateway(stack, { redisUrl: REDIS_URL, redisPrefix });
    const lead = firstLead(stack);
    const answer = await ask(first, LEAD, { id: lead.id });
    expect(answer.data.lead.amoId).toBe(lead.id);
    stack.sandbox.store.leads.get(lead.id)!.name = 'Changed in amoCRM';
    stack.resetLog();
    expect(await ask(second, LEAD, { id: lead.id })).toEqual(answer);
    expect(stack.upstreamCalls()).toHaveLength(0);

    await first.responseCache!.invalidate(first.account.key, [{ typename: 'Lead', amoId: lead.id }]);
    expect((await ask(second, LEAD, { id: lead.id })).data.lead.name).toBe('Changed in amoCRM');

    // Everything the cache writes stays under the deployment's prefix.
    const redis = newRedis();
    try {
      expect((await redis.keys(`${redisPrefix}:response-cache:*`)).length).toBeGreaterThan(0);
      expect(await redis.exists('Lead')).toBe(0);
    } finally {
      redis.disconnect();
    }
  });
});

describe('two accounts on one gateway', () => {
  const SECRET = 'response-cache-accounts-secret-0123456789abcdef';
  const token = (accountId: number) =>
    new SignJWT({ amocrm_account_id: accountId, amocrm_user_id: 7 })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://idp.example.test/')
      .setAudience('amocrm-graphql')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));

  it('never share answers or invalidations, even for identical queries over identical data', async () => {
    // Two sandboxes with the same seed: the same query gives the same answer and the same Relay ids.
    const sandboxes = [await startSandbox({ token: TEST_TOKEN }), await startSandbox({ token: TEST_TOKEN })] as const;
    const agent = new Agent();
    closers.push(async () => {
      await agent.close();
      await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    });
    const accounts = sandboxes.map((sandbox) =>
      createAccountContext({ key: sandbox.url, client: createAmoClient({ baseUrl: sandbox.url, auth: createTokenAuth(TEST_TOKEN), dispatcher: agent }) }),
    );
    const accountOf = (principal: Principal | undefined) => accounts[principal?.accountId === 1 ? 0 : 1]!;
    const cache = createResponseCache({
      entityTtlMs: 60_000,
      metadataTtlMs: 60_000,
      accountKeyOf: async (request) => accountOf(principalOf(request)).key,
    });
    const gateway = createGateway({
      account: async (principal) => accountOf(principal),
      clientAuth: {
        strategies: [createBearerJwtAuth({ secret: SECRET, issuer: 'https://idp.example.test/', audience: 'amocrm-graphql' })],
        allowAnonymous: false,
      },
      graphiql: false,
      plugins: [cache.plugin],
    });
    const lead = sandboxes[0].sandbox.store.leads.values().find((row) => !row.is_deleted)!;
    const as = async (accountId: number, query: string, variables: object) => {
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(accountId)}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as any;
    };
    const calls = (i: 0 | 1) => sandboxes[i].sandbox.log.count((entry) => entry.path.startsWith('/api/v4/'));

    expect((await as(1, LEAD, { id: lead.id })).data.lead.amoId).toBe(lead.id);
    const before = calls(1);
    expect((await as(2, LEAD, { id: lead.id })).data.lead.amoId).toBe(lead.id);
    expect(calls(1)).toBeGreaterThan(before);

    // Both cached now; a write and an invalidation in account 1 leave account 2's answer alone.
    const write = await as(1, `mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { succeededCount } }`, {
      input: [{ amoId: lead.id, name: 'Renamed in account 1' }],
    });
    expect(write.data.updateLeads.succeededCount).toBe(1);
    await cache.invalidate(accounts[0]!.key, [{ typename: 'Lead', amoId: lead.id }]);
    const second = calls(1);
    expect((await as(2, LEAD, { id: lead.id })).data.lead.name).not.toBe('Renamed in account 1');
    expect(calls(1)).toBe(second);
    expect((await as(1, LEAD, { id: lead.id })).data.lead.name).toBe('Renamed in account 1');
  });
});
