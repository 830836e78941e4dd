// Retry, ban breaker and operation scope as layers over a scripted upstream: what is retried and
// what never is, when traffic stops and how it resumes, and what an operation may spend.

import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenAuth } from '../../src/auth/token-auth.js';
import { createBanBreaker } from '../../src/rest/ban-breaker.js';
import { createAmoClient } from '../../src/rest/client.js';
import {
  AmoAccountBlockedError,
  AmoBudgetExceededError,
  AmoCancelledError,
  AmoServerError,
  errorFromNetwork,
  errorFromResponse,
  type RequestInfo,
} from '../../src/rest/errors.js';
import type { AmoRequestOptions, AmoResponse, SendFn } from '../../src/rest/request.js';
import { retryLayer, type RetryPolicy } from '../../src/rest/retry-layer.js';
import { createScopeHandle } from '../../src/rest/scope-layer.js';

const info = (method: string, path: string, status: number | null): RequestInfo => ({ method, path, status, requestId: null, durationMs: 0 });
const html = (status: number) => errorFromResponse(info('GET', '/api/v4/leads', status), { contentType: 'text/html', retryAfter: null }, `<html><body>${status}</body></html>`);
const refused = (method: string) =>
  errorFromNetwork(info(method, '/api/v4/leads', null), Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), null);
const reset = (method: string) =>
  errorFromNetwork(info(method, '/api/v4/leads', null), Object.assign(new Error('reset'), { code: 'ECONNRESET' }), null);
const ok: AmoResponse = { status: 200, data: { ok: true }, info: info('GET', '/api/v4/leads', 200) };

/** An upstream that answers from a script, one entry per call. */
function scripted(script: (Error | AmoResponse)[]) {
  const calls: AmoRequestOptions[] = [];
  const send: SendFn = async (options) => {
    calls.push(options);
    const next = script.shift() ?? ok;
    if (next instanceof Error) throw next;
    return next;
  };
  return { send, calls };
}

function withRetry(send: SendFn, policy: Partial<RetryPolicy> = {}) {
  // A virtual clock that only sleeping moves.
  let clock = 0;
  const delays: number[] = [];
  const layered = retryLayer({
    maxAttempts: 4,
    maxTotalMs: 60_000,
    random: () => 1,
    now: () => clock,
    sleep: async (ms) => {
      delays.push(ms);
      clock += ms;
    },
    ...policy,
  })(send);
  return { layered, delays };
}

describe('retries', () => {
  it('retries a read through 502, 503, 504 and a reset, with growing backoff', async () => {
    const upstream = scripted([html(502), html(503), reset('GET')]);
    const { layered, delays } = withRetry(upstream.send);
    await expect(layered({ method: 'GET', path: '/api/v4/leads' })).resolves.toBe(ok);
    expect(upstream.calls).toHaveLength(4);
    expect(delays).toEqual([200, 400, 800]);
  });

  it('gives up after maxAttempts and reports the last error', async () => {
    const upstream = scripted([html(502), html(502), html(502), html(502), html(502)]);
    const { layered } = withRetry(upstream.send);
    await expect(layered({ method: 'GET', path: '/api/v4/leads' })).rejects.toBeInstanceOf(AmoServerError);
    expect(upstream.calls).toHaveLength(4);
  });

  it('waits at least a second after a 429 (amoCRM sends no Retry-After) and honours Retry-After when sent', async () => {
    const withHeader = errorFromResponse(info('GET', '/x', 503), { contentType: 'text/html', retryAfter: '7' }, '');
    const upstream = scripted([html(429), withHeader]);
    const { layered, delays } = withRetry(upstream.send, { random: () => 0.01 });
    await layered({ method: 'GET', path: '/api/v4/leads' });
    expect(delays).toEqual([1000, 7000]);
  });

  it('never retries a write that may have reached amoCRM: 5xx, reset or timeout after sending', async () => {
    for (const failure of [html(502), html(504), reset('POST')]) {
      const upstream = scripted([failure]);
      const { layered } = withRetry(upstream.send);
      await expect(layered({ method: 'POST', path: '/api/v4/leads', body: [] })).rejects.toBe(failure);
      expect(upstream.calls).toHaveLength(1);
    }
  });

  it('retries a write that provably never reached amoCRM: refused connection or 429', async () => {
    const upstream = scripted([refused('POST'), html(429)]);
    const { layered } = withRetry(upstream.send);
    await expect(layered({ method: 'POST', path: '/api/v4/leads', body: [] })).resolves.toBe(ok);
    expect(upstream.calls).toHaveLength(3);
  });

  it('does not retry what retrying cannot fix: 400, 401, 403, 404', async () => {
    for (const status of [400, 401, 403, 404]) {
      const upstream = scripted([html(status)]);
      const { layered } = withRetry(upstream.send);
      await expect(layered({ method: 'GET', path: '/api/v4/leads' })).rejects.toMatchObject({ status });
      expect(upstream.calls).toHaveLength(1);
    }
  });

  it('stops retrying when the total time budget would be exceeded', async () => {
    const upstream = scripted([html(502), html(502), html(502)]);
    const { layered } = withRetry(upstream.send, { maxTotalMs: 500 });
    await expect(layered({ method: 'GET', path: '/api/v4/leads' })).rejects.toBeInstanceOf(AmoServerError);
    // 200 ms, then 400 more would pass 500 ms in all.
    expect(upstream.calls).toHaveLength(2);
  });
});

describe('ban breaker', () => {
  function breakerOver(send: SendFn, now: () => number) {
    const logs: string[] = [];
    const breaker = createBanBreaker({ account: 'https://demo.amocrm.ru', cooldownMs: 60_000, now, log: (level, message) => logs.push(`${level}: ${message}`) });
    return { breaker, layered: breaker.layer(send), logs };
  }

  it('opens on an HTML 403, then refuses every call without sending it', async () => {
    let now = 0;
    const upstream = scripted([html(403)]);
    const { breaker, layered, logs } = breakerOver(upstream.send, () => now);
    await expect(layered({ method: 'GET', path: '/api/v4/leads' })).rejects.toBeInstanceOf(AmoAccountBlockedError);
    expect(breaker.state).toBe('open');
    expect(logs[0]).toMatch(/^error: amoCRM seems to have blocked account/);
    now = 30_000;
    const refusedCall = await layered({ method: 'POST', path: '/api/v4/leads' }).catch((e: unknown) => e);
    expect(refusedCall).toBeInstanceOf(AmoAccountBlockedError);
    expect((refusedCall as AmoAccountBlockedError).code).toBe('AMOCRM_ACCOUNT_BLOCKED');
    expect((refusedCall as AmoAccountBlockedError).reachedUpstream).toBe(false);
    expect(upstream.calls).toHaveLength(1);
  });

  it('opens after JSON 403s on several endpoints, not after one', async () => {
    const forbidden = (path: string) =>
      errorFromResponse(info('GET', path, 403), { contentType: 'application/problem+json', retryAfter: null }, JSON.stringify({ title: 'Forbidden', status: 403 }));
    const upstream = scripted([forbidden('/api/v4/leads'), forbidden('/api/v4/leads'), forbidden('/api/v4/contacts'), forbidden('/api/v4/users'), forbidden('/api/v4/account')]);
    const { breaker, layered } = breakerOver(upstream.send, () => 0);
    for (const path of ['/api/v4/leads', '/api/v4/leads', '/api/v4/contacts']) await layered({ method: 'GET', path }).catch(() => {});
    expect(breaker.state).toBe('closed');
    await expect(layered({ method: 'GET', path: '/api/v4/users' })).rejects.toBeInstanceOf(AmoAccountBlockedError);
    expect(breaker.state).toBe('open');
    // The third endpoint's 403 was confirmed by a refused account read before traffic stopped.
    expect(upstream.calls.map((c) => c.path)).toEqual(['/api/v4/leads', '/api/v4/leads', '/api/v4/contacts', '/api/v4/users', '/api/v4/account']);
  });

  it('stays closed when JSON 403s come from admin-only endpoints and the account still reads', async () => {
    const forbidden = (path: string) =>
      errorFromResponse(info('POST', path, 403), { contentType: 'application/problem+json', retryAfter: null }, JSON.stringify({ title: 'Forbidden', status: 403, detail: 'Access denied' }));
    const adminOnly = ['/api/v4/roles', '/api/v4/webhooks', '/api/v4/leads/pipelines', '/api/v4/sources'];
    const upstream = scripted([forbidden(adminOnly[0]!), forbidden(adminOnly[1]!), forbidden(adminOnly[2]!), ok, forbidden(adminOnly[3]!), ok]);
    const { breaker, layered } = breakerOver(upstream.send, () => 0);
    for (const path of adminOnly) {
      const error = await layered({ method: 'POST', path }).catch((e: unknown) => e);
      // Each caller learns its own refusal, never that the account is blocked.
      expect((error as { code?: string }).code).toBe('AMOCRM_FORBIDDEN');
    }
    expect(breaker.state).toBe('closed');
    await expect(layered({ method: 'GET', path: '/api/v4/leads' })).resolves.toBe(ok);
    // One account read checked the suspicion; the fourth 403 alone does not reach the threshold again.
    expect(upstream.calls.map((c) => c.path)).toEqual([...adminOnly.slice(0, 3), '/api/v4/account', adminOnly[3], '/api/v4/leads']);
  });

  it('probes with one cheap read after the cooldown: a 403 doubles the cooldown, success resumes traffic', async () => {
    let now = 0;
    const upstream = scripted([html(403), html(403)]);
    const { breaker, layered, logs } = breakerOver(upstream.send, () => now);
    await layered({ method: 'GET', path: '/api/v4/leads' }).catch(() => {});
    now = 60_001;
    // Concurrent callers share one probe.
    const results = await Promise.allSettled([1, 2, 3].map(() => layered({ method: 'GET', path: '/api/v4/leads' })));
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof AmoAccountBlockedError)).toBe(true);
    expect(upstream.calls.map((c) => c.path)).toEqual(['/api/v4/leads', '/api/v4/account']);
    expect(breaker.retryAt).toBe(60_001 + 120_000);

    now = 60_001 + 120_001;
    await expect(layered({ method: 'GET', path: '/api/v4/leads' })).resolves.toBe(ok);
    expect(upstream.calls.map((c) => c.path)).toEqual(['/api/v4/leads', '/api/v4/account', '/api/v4/account', '/api/v4/leads']);
    expect(breaker.state).toBe('closed');
    expect(logs.at(-1)).toMatch(/^info: .* upstream traffic resumed/);
  });
});

describe('operation scope', () => {
  it('refuses the call past the budget without sending it', async () => {
    const upstream = scripted([]);
    const scope = createScopeHandle({ maxCalls: 2 });
    const layered = scope.layer(upstream.send);
    await layered({ method: 'GET', path: '/a' });
    await layered({ method: 'GET', path: '/b' });
    const error = await layered({ method: 'GET', path: '/c' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmoBudgetExceededError);
    expect((error as AmoBudgetExceededError).code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(upstream.calls).toHaveLength(2);
  });

  it('refuses calls of a cancelled operation and hands its signal to the ones in flight', async () => {
    const controller = new AbortController();
    const upstream = scripted([]);
    const layered = createScopeHandle({ maxCalls: 10, signal: controller.signal }).layer(upstream.send);
    await layered({ method: 'GET', path: '/a' });
    expect(upstream.calls[0]!.signal).toBe(controller.signal);
    controller.abort();
    await expect(layered({ method: 'GET', path: '/b' })).rejects.toBeInstanceOf(AmoCancelledError);
  });
});

describe('the whole pipeline over undici', () => {
  let agent: MockAgent;
  beforeEach(() => {
    agent = new MockAgent({ enableCallHistory: true });
    agent.disableNetConnect();
  });
  afterEach(() => agent.close());

  it('retries a read through a 503 and aborts an in-flight call when its operation is cancelled', async () => {
    const pool = agent.get('https://demo.amocrm.ru');
    pool.intercept({ path: '/api/v4/account', method: 'GET' }).reply(503, '<html>busy</html>');
    pool.intercept({ path: '/api/v4/account', method: 'GET' }).reply(200, { id: 1, name: 'Demo' });
    pool.intercept({ path: '/api/v4/account', method: 'GET' }).reply(200, { id: 1 }).delay(2_000);
    const client = createAmoClient({
      baseUrl: 'https://demo.amocrm.ru',
      auth: createTokenAuth('t'),
      dispatcher: agent,
      retry: { maxAttempts: 3, maxTotalMs: 5_000, baseDelayMs: 1 },
    });
    expect((await client.account.get()).name).toBe('Demo');
    expect(agent.getCallHistory()!.calls()).toHaveLength(2);

    const controller = new AbortController();
    const scoped = client.withScope({ signal: controller.signal, maxCalls: 10 });
    const pending = scoped.account.get();
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    await expect(pending).rejects.toBeInstanceOf(AmoCancelledError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
