import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestLog, type LoggedRequest } from '../../src/sandbox/http/request-log.js';
import { FIRST_LEAD_ID, type FaultUpdate, type SandboxOptions } from '../../src/sandbox/index.js';
import { runEntry } from '../helpers/spawn.js';
import { rawRequest, startSandbox, type ApiResponse, type RunningSandbox } from './helpers.js';

const T0 = 1_700_000_000_000;
const LEAD = `/api/v4/leads/${FIRST_LEAD_ID}`;

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

async function sandboxWith(faults: FaultUpdate, options: SandboxOptions = {}): Promise<RunningSandbox> {
  const own = await startSandbox({ ...options, faults });
  running.push(own);
  return own;
}

/** A sandbox on a clock the test moves by hand. */
async function clockedSandbox(faults: FaultUpdate) {
  const clock = { now: T0 };
  const own = await sandboxWith(faults, { now: () => clock.now });
  return { own, clock };
}

/** Counts how often the API reached the store to read a lead: a faulted request never does. */
const watchStore = (own: RunningSandbox) => vi.spyOn(own.sandbox.store.leads, 'get');

/** Status of a request on a fresh connection, or the socket error code when it was dropped. */
function attempt(own: RunningSandbox, path: string, method = 'GET'): Promise<number | string> {
  return rawRequest(own.url, path, { method, headers: { authorization: `Bearer ${own.sandbox.token}` } }).then(
    (response) => response.status,
    (error: NodeJS.ErrnoException) => error.code ?? error.message,
  );
}

async function sequential<T>(count: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await run());
  return results;
}

const burst = (own: RunningSandbox, count: number, path = '/api/v4/account') => Promise.all(Array.from({ length: count }, () => own.api(path)));

function expectNginxPage(response: ApiResponse, status: number, reason: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('text/html');
  expect(response.headers.get('retry-after')).toBeNull();
  expect(response.text).toContain(`<head><title>${status} ${reason}</title></head>`);
  expect(response.text).toContain(`<center><h1>${status} ${reason}</h1></center>`);
  expect(response.text).toContain('<hr><center>nginx</center>');
}

const faulted = (own: RunningSandbox, fault: LoggedRequest['fault']) => own.sandbox.log.find({ fault });

describe('latency', () => {
  it('delays every API answer by a fixed latency and notes it in the log', async () => {
    // Generous margins: the full suite runs many files (and a browser) in parallel.
    const own = await sandboxWith({ latencyMs: 300 });
    const sent = Date.now();
    const started = performance.now();
    const response = await own.api('/api/v4/account');
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    const entry = own.sandbox.log.last()!;
    expect(entry.durationMs).toBeGreaterThanOrEqual(290);
    expect(entry.notes).toEqual(['latency: 300 ms']);
    expect(entry.fault).toBeUndefined();
    // `at` is the arrival, not the answer 300 ms later.
    expect(entry.at).toBeGreaterThanOrEqual(sent);
    expect(entry.at).toBeLessThan(sent + 290);

    own.sandbox.faults.set({ latencyMs: null });
    await own.api('/api/v4/account');
    expect(own.sandbox.log.last()!.notes).toEqual([]);
    expect(own.sandbox.log.last()!.durationMs).toBeLessThan(290);
  });

  it('jitters uniformly within { min, max }: the same seed draws the same delays, another seed others', async () => {
    const delaysOf = async (seed: number) => {
      const own = await sandboxWith({ latencyMs: { min: 5, max: 40 }, seed });
      await sequential(10, () => own.api('/api/v4/account'));
      return own.sandbox.log.entries().map((entry) => {
        const delay = Number(/^latency: (\d+) ms$/.exec(entry.notes[0] ?? '')?.[1]);
        expect(entry.durationMs).toBeGreaterThanOrEqual(delay - 1);
        return delay;
      });
    };
    const first = await delaysOf(9);
    expect(first.every((delay) => delay >= 5 && delay <= 40)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(3);
    expect(await delaysOf(9)).toEqual(first);
    expect(await delaysOf(10)).not.toEqual(first);
  });
});

describe('rate limit', () => {
  it('lets exactly perSecond of a concurrent burst through and answers the rest 429 nginx HTML without Retry-After', async () => {
    const { own, clock } = await clockedSandbox({ rateLimit: { perSecond: 7 } });
    const answers = await burst(own, 10);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(7);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(3);
    for (const answer of limited) expectNginxPage(answer, 429, 'Too Many Requests');

    const log = own.sandbox.log;
    expect(log.count({ status: 429 })).toBe(3);
    expect(log.count({ fault: 'rate-limit' })).toBe(3);
    expect(faulted(own, 'rate-limit').every((entry) => entry.notes.includes('fault: rate-limit'))).toBe(true);
    expect(log.maxInWindow(1000)).toBe(10);
    expect(log.maxInWindow(1000, (entry) => entry.status !== 429)).toBe(7);

    // Still inside the second that began with the burst; then the window has slid past it.
    clock.now = T0 + 999;
    expect((await own.api('/api/v4/account')).status).toBe(429);
    clock.now = T0 + 1000;
    expect((await own.api('/api/v4/account')).status).toBe(200);
    expect(log.maxInWindow(1000, (entry) => entry.status !== 429)).toBe(7);
  });

  it('counts every arrival in any rolling window, the ones it answered 429 included', async () => {
    const { own, clock } = await clockedSandbox({ rateLimit: { perSecond: 2 } });
    const statusAt = async (at: number) => {
      clock.now = T0 + at;
      return (await own.api('/api/v4/account')).status;
    };
    expect([await statusAt(0), await statusAt(0), await statusAt(600)]).toEqual([200, 200, 429]);
    // (0, 1000] holds the 429 at 600 and this one.
    expect(await statusAt(1000)).toBe(200);
    // (100, 1100] holds 600 (a 429), 1000 and this one: over, although only one of them passed.
    expect(await statusAt(1100)).toBe(429);
    // (700, 1700] still holds 1000 and the 429 at 1100.
    expect(await statusAt(1700)).toBe(429);
    expect(await statusAt(2701)).toBe(200);
    expect(own.sandbox.log.maxInWindow(1000, { status: 200 })).toBe(2);
    expect(own.sandbox.log.maxInWindow(1000)).toBe(3);
    expect(own.sandbox.log.count({ fault: 'rate-limit' })).toBe(3);
  });

  it('slides its window (windowMs) on the sandbox clock', async () => {
    const { own, clock } = await clockedSandbox({ rateLimit: { perSecond: 3, windowMs: 500 } });
    expect((await burst(own, 5)).map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429, 429]);
    clock.now += 499;
    expect((await burst(own, 1)).map((answer) => answer.status)).toEqual([429]);
    // The first burst has left the window; the 429 at +499 has not (every arrival counts).
    clock.now += 1;
    expect((await burst(own, 3)).map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
    expect(own.sandbox.log.maxInWindow(500, { status: 200 })).toBe(3);
    expect(own.sandbox.log.maxInWindow(5000, { status: 200 })).toBe(5);
  });

  it('does not count /__sandbox calls or paths outside /api/v4', async () => {
    const { own } = await clockedSandbox({ rateLimit: { perSecond: 1 } });
    for (let i = 0; i < 3; i++) {
      expect((await own.api('/__sandbox/requests', { token: null })).status).toBe(200);
      expect((await own.api('/__sandbox/faults', { token: null })).status).toBe(200);
      expect((await own.api('/nope')).status).toBe(404);
    }
    expect((await own.api('/api/v4/account')).status).toBe(200);
    expect((await own.api('/api/v4/account')).status).toBe(429);
  });

  it('bans the account after banAfter 429s for banMs: 403 nginx HTML on every API request, then lifts itself', async () => {
    const { own, clock } = await clockedSandbox({ rateLimit: { perSecond: 1, banAfter: 2, banMs: 5000 } });
    expect((await sequential(3, () => own.api('/api/v4/account'))).map((answer) => answer.status)).toEqual([200, 429, 429]);
    expect(own.sandbox.faults.get().ban).toEqual({ untilMs: T0 + 5000 });

    expectNginxPage(await own.api('/api/v4/leads'), 403, 'Forbidden');
    expectNginxPage(await own.api('/api/v4/account', { token: null }), 403, 'Forbidden');
    expectNginxPage(await own.api('/api/v4/nope'), 403, 'Forbidden');
    clock.now = T0 + 4999;
    expect((await own.api('/api/v4/account')).status).toBe(403);
    clock.now = T0 + 5000;
    expect(own.sandbox.faults.get().ban).toBeUndefined();
    // The ban is over, but the arrival at 4999 still counts in this second.
    expect((await own.api('/api/v4/account')).status).toBe(429);
    clock.now = T0 + 6000;
    expect((await own.api('/api/v4/account')).status).toBe(200);
    expect(own.sandbox.log.count({ fault: 'ban', status: 403 })).toBe(4);
    expect(faulted(own, 'ban').every((entry) => entry.notes.includes('fault: ban'))).toBe(true);
  });

  it('without banMs stays banned until lifted; lifting restarts the 429 tally', async () => {
    const { own, clock } = await clockedSandbox({ rateLimit: { perSecond: 1, banAfter: 2 } });
    const statuses = (count: number) => sequential(count, async () => (await own.api('/api/v4/account')).status);
    expect(await statuses(4)).toEqual([200, 429, 429, 403]);
    expect(own.sandbox.faults.get().ban).toBe(true);
    clock.now += 3_600_000;
    expect(await statuses(1)).toEqual([403]);

    own.sandbox.faults.set({ ban: false });
    expect(own.sandbox.faults.get()).toEqual({ rateLimit: { perSecond: 1, banAfter: 2 }, seed: 1 });
    clock.now += 1000;
    // Two fresh 429s before the next ban, not one.
    expect(await statuses(4)).toEqual([200, 429, 429, 403]);
  });
});

describe('ban mode', () => {
  it('answers every /api/v4 request 403 nginx HTML without reaching the store until set({ ban: false })', async () => {
    const own = await sandboxWith({});
    const reads = watchStore(own);
    own.sandbox.faults.set({ ban: true });
    expectNginxPage(await own.api(LEAD), 403, 'Forbidden');
    expect((await own.api(LEAD, { token: null })).status).toBe(403);
    expect((await own.api('/__sandbox/requests', { token: null })).status).toBe(200);
    expect(reads).not.toHaveBeenCalled();

    own.sandbox.faults.set({ ban: false });
    expect((await own.api(LEAD)).status).toBe(200);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(own.sandbox.log.entries().map((entry) => [entry.status, entry.fault])).toEqual([
      [403, 'ban'],
      [403, 'ban'],
      [200, undefined],
    ]);
  });

  it('lifts a ban { untilMs } at that time on the sandbox clock', async () => {
    const { own, clock } = await clockedSandbox({ ban: { untilMs: T0 + 250 } });
    expect((await own.api('/api/v4/account')).status).toBe(403);
    clock.now = T0 + 250;
    expect((await own.api('/api/v4/account')).status).toBe(200);
    expect(own.sandbox.faults.get()).toEqual({ seed: 1 });
  });
});

describe('error rate', () => {
  it('at rate 1 answers every request with a gateway 5xx page and never reaches the store', async () => {
    const own = await sandboxWith({ errorRate: { rate: 1 } });
    const reads = watchStore(own);
    const reasons: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };
    const answers = await sequential(15, () => own.api(LEAD));
    for (const answer of answers) expectNginxPage(answer, answer.status, reasons[answer.status]!);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([502, 503, 504]));
    expect(reads).not.toHaveBeenCalled();
    expect(own.sandbox.log.count({ fault: '5xx' })).toBe(15);
    expect(own.sandbox.log.last()!.notes).toEqual(['fault: 5xx']);
  });

  it('honours statuses, methods and body', async () => {
    const own = await sandboxWith({ errorRate: { rate: 1, statuses: [503], methods: ['post'], body: 'problem' } });
    expect((await own.api(LEAD)).status).toBe(200);
    const posted = await own.api('/api/v4/leads', { method: 'POST' });
    expect(posted.status).toBe(503);
    expect(posted.headers.get('content-type')).toBe('application/problem+json');
    expect(posted.body).toMatchObject({ status: 503, title: 'Service Unavailable' });

    own.sandbox.faults.set({ errorRate: { rate: 1, statuses: [500], body: 'empty' } });
    const empty = await own.api(LEAD);
    expect([empty.status, empty.text]).toEqual([500, '']);
  });

  it('fails a seeded fraction: the same seed fails the same requests, other faults do not shift it, the store is never reached', async () => {
    const run = async (seed: number, extra: FaultUpdate = {}) => {
      const own = await sandboxWith({ errorRate: { rate: 0.3 }, seed, ...extra });
      const reads = watchStore(own);
      const statuses = await sequential(40, async () => (await own.api(LEAD)).status);
      const passed = statuses.filter((status) => status === 200).length;
      expect(reads).toHaveBeenCalledTimes(passed);
      expect(own.sandbox.log.count({ fault: '5xx' })).toBe(40 - passed);
      return statuses.map((status) => (status === 200 ? '.' : 'x')).join('');
    };
    const pattern = await run(7);
    // Seed 7's fixed sequence: 13 of 40 (a change here means the PRNG or the draw order changed).
    expect(pattern.split('x').length - 1).toBe(13);
    expect(await run(7, { latencyMs: { min: 0, max: 2 } })).toBe(pattern);
    expect(await run(8)).not.toBe(pattern);
  });
});

describe('connection resets', () => {
  it('drops a seeded fraction of requests with no answer, logged as status 0, without reaching the store', async () => {
    const run = async () => {
      const own = await sandboxWith({ resetRate: { rate: 0.25 }, seed: 3 });
      const reads = watchStore(own);
      const outcomes = await sequential(24, () => attempt(own, LEAD));
      const dropped = outcomes.filter((outcome) => outcome !== 200);
      expect(new Set(dropped)).toEqual(new Set(['ECONNRESET']));
      expect(reads).toHaveBeenCalledTimes(24 - dropped.length);
      await vi.waitFor(() => expect(own.sandbox.log.entries()).toHaveLength(24));
      expect(own.sandbox.log.count({ fault: 'reset', status: 0 })).toBe(dropped.length);
      expect(own.sandbox.log.count({ status: 0 })).toBe(dropped.length);
      return outcomes.map((outcome) => (outcome === 200 ? '.' : 'x')).join('');
    };
    const pattern = await run();
    // Seed 3's fixed sequence: 5 of 24.
    expect(pattern.split('x').length - 1).toBe(5);
    expect(await run()).toBe(pattern);
  });

  it('only drops the methods listed', async () => {
    const own = await sandboxWith({ resetRate: { rate: 1, methods: ['DELETE'] } });
    expect(await attempt(own, LEAD)).toBe(200);
    expect(await attempt(own, LEAD, 'DELETE')).toBe('ECONNRESET');
    // A TCP RST ("read ECONNRESET"), not an orderly close ("socket hang up").
    await expect(rawRequest(own.url, LEAD, { method: 'DELETE' })).rejects.toThrow('read ECONNRESET');
  });
});

describe('errors after commit', () => {
  it('leaves reads alone by default', async () => {
    const own = await sandboxWith({ errorAfterCommit: { rate: 1 } });
    expect((await sequential(5, () => own.api(LEAD))).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(own.sandbox.log.count({ fault: 'after-commit' })).toBe(0);
  });

  it('carries the request out, then answers 502/504 instead of the real answer', async () => {
    const own = await sandboxWith({ errorAfterCommit: { rate: 1, methods: ['GET'] } });
    const reads = watchStore(own);
    const answers = await sequential(10, () => own.api(LEAD));
    expect(reads).toHaveBeenCalledTimes(10);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([502, 504]));
    for (const answer of answers) {
      expectNginxPage(answer, answer.status, answer.status === 502 ? 'Bad Gateway' : 'Gateway Time-out');
    }
    expect(own.sandbox.log.count({ fault: 'after-commit' })).toBe(10);
    expect(own.sandbox.log.last()!.notes).toEqual(['fault: after-commit', 'real status: 200']);

    await own.api('/api/v4/leads/1');
    expect(own.sandbox.log.last()!.notes).toEqual(['fault: after-commit', 'real status: 204']);
  });
});

describe('the faults API', () => {
  it('merges set() by fault, removes with null, resets everything but the seed, and rejects bad settings changing nothing', async () => {
    const own = await sandboxWith({ latencyMs: 1, seed: 5 });
    const faults = own.sandbox.faults;
    expect(faults.set({ errorRate: { rate: 0.5, methods: ['get'] } })).toEqual({ latencyMs: 1, errorRate: { rate: 0.5, methods: ['GET'] }, seed: 5 });
    expect(faults.set({ latencyMs: null, errorRate: undefined })).toEqual({ seed: 5 });
    expect(() => faults.set({ rateLimit: { perSecond: 0 }, latencyMs: 3 })).toThrow(/faults\.rateLimit\.perSecond must be an integer from 1/);
    expect(() => faults.set({ latencyMs: { min: 10, max: 5 } })).toThrow(/latencyMs\.max/);
    expect(() => faults.set({ errorRate: { rate: 0.1, status: [502] } } as unknown as FaultUpdate)).toThrow(/no setting "status"/);
    expect(() => faults.set({ rateLimit: { perSecond: 1, banMs: 10 } })).toThrow(/banAfter/);
    expect(faults.get()).toEqual({ seed: 5 });
    faults.set({ ban: true, resetRate: { rate: 0.1 } });
    expect(faults.reset()).toEqual({ seed: 5 });
    expect((await own.api('/api/v4/account')).status).toBe(200);
  });
});

describe('the control endpoint /__sandbox/faults', () => {
  it('reads, replaces, merges and clears faults over HTTP without auth; its calls are neither logged nor faulted', async () => {
    const own = await sandboxWith({});
    const control = async (method: string, body?: string) => {
      const response = await fetch(`${own.url}/__sandbox/faults`, { method, body, headers: body ? { 'content-type': 'application/json' } : {} });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    };
    expect(await control('GET')).toMatchObject({ status: 200, body: { seed: 1 } });

    const put = await control('PUT', JSON.stringify({ rateLimit: { perSecond: 1 }, latencyMs: 1 }));
    expect(put).toMatchObject({ status: 200, body: { rateLimit: { perSecond: 1 }, latencyMs: 1, seed: 1 } });
    expect((await own.api('/api/v4/account')).status).toBe(200);
    expect((await own.api('/api/v4/account')).status).toBe(429);

    expect((await control('PATCH', '{"ban": true}')).body).toEqual({ rateLimit: { perSecond: 1 }, latencyMs: 1, ban: true, seed: 1 });
    expect((await own.api('/api/v4/account')).status).toBe(403);
    expect((await control('GET')).status).toBe(200);
    expect((await control('PATCH', '{"ban": false}')).body).toEqual({ rateLimit: { perSecond: 1 }, latencyMs: 1, seed: 1 });

    // PUT replaces: the rate limit is gone.
    expect((await control('PUT', '{"errorRate": {"rate": 0}, "seed": 4}')).body).toEqual({ errorRate: { rate: 0 }, seed: 4 });
    expect((await own.api('/api/v4/account')).status).toBe(200);

    const invalid = await control('PUT', '{"errorRate": {"rate": 2}}');
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toBe('application/problem+json');
    expect(invalid.body.detail).toContain('faults.errorRate.rate must be a number from 0 to 1');
    expect((await control('PATCH', '{"latency": 5}')).body.detail).toContain('no setting "latency"');
    expect((await control('PATCH', 'not json')).status).toBe(400);
    expect((await control('GET')).body).toEqual({ errorRate: { rate: 0 }, seed: 4 });
    const post = await control('POST', '{}');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, PUT, PATCH, DELETE');

    expect((await control('DELETE')).status).toBe(204);
    expect((await control('GET')).body).toEqual({ seed: 4 });
    expect(own.sandbox.log.entries().map((entry) => `${entry.status} ${entry.fault ?? '-'}`)).toEqual(['200 -', '429 rate-limit', '403 ban', '200 -']);
  });
});

describe('log.maxInWindow', () => {
  const entry = (at: number, path = '/api/v4/leads', status = 200): LoggedRequest => ({
    seq: 0,
    method: 'GET',
    path,
    query: [],
    status,
    authorized: true,
    userAgent: null,
    at,
    durationMs: 0,
    requestId: '',
    notes: [],
  });

  it('counts the most /api/v4 arrivals less than windowMs apart, in any order they were logged', () => {
    const log = createRequestLog();
    expect(log.maxInWindow(1000)).toBe(0);
    for (const at of [2500, 0, 999, 1000, 1998, 1999, 5000]) log.add(entry(at));
    log.add(entry(1500, '/__sandbox/requests'));
    log.add(entry(1500, '/oauth2/access_token'));
    log.add(entry(1500, '/api/v4/account', 429));
    // 999, 1000, 1500, 1998 (1999 - 999 = 1000 is a full window apart).
    expect(log.maxInWindow(1000)).toBe(4);
    expect(log.maxInWindow(1000, { status: 200 })).toBe(3);
    expect(log.maxInWindow(1)).toBe(1);
    expect(log.maxInWindow(10_000)).toBe(8);
  });
});

describe('npm run sandbox fault flags', () => {
  it('takes the fault flags, prints the active faults and serves them at /__sandbox/faults', async () => {
    const sandbox = await runEntry('src/sandbox/main.ts', {
      args: ['--port', '0', '--latency', '20-200', '--rate-limit', '7', '--ban-after', '10', '--error-rate', '0.2', '--reset-rate', '0.1', '--fault-seed', '42'],
      waitFor: /faults: (.+?) {2}\(switch them at (http:\/\/\S+)\)/,
    });
    try {
      expect(sandbox.match[1]).toBe(
        'latency 20-200 ms; rate limit 7 per 1000 ms, ban after 10 × 429 until lifted; error rate 0.2 (502/503/504 html); reset rate 0.1; seed 42',
      );
      const control = await fetch(sandbox.match[2]!);
      expect(await control.json()).toEqual({
        latencyMs: { min: 20, max: 200 },
        rateLimit: { perSecond: 7, banAfter: 10 },
        errorRate: { rate: 0.2 },
        resetRate: { rate: 0.1 },
        seed: 42,
      });
    } finally {
      await sandbox.stop();
    }
  });

  it('starts banned with --ban and prints no faults without flags', async () => {
    const banned = await runEntry('src/sandbox/main.ts', { args: ['--port', '0', '--ban', '--latency', '5'], waitFor: /listening on (http:\/\/\S+)[\s\S]*faults: (.+?) {2}/ });
    try {
      expect(banned.match[2]).toBe('latency 5 ms; ban (403 on every /api/v4 request) until lifted; seed 1');
      const response = await fetch(`${banned.match[1]}/api/v4/account`, { headers: { authorization: 'Bearer sandbox-token' } });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('<title>403 Forbidden</title>');
    } finally {
      await banned.stop();
    }
    const plain = await runEntry('src/sandbox/main.ts', { args: ['--port', '0'], waitFor: /faults: (\S+)/ });
    await plain.stop();
    expect(plain.match[1]).toBe('none');
  });

  it('refuses a bad fault flag with exit code 2, naming the flag', async () => {
    const error = await runEntry('src/sandbox/main.ts', { args: ['--port', '0', '--error-rate', '2'], waitFor: /never printed/ }).then(
      () => new Error('started'),
      (e: Error) => e,
    );
    expect(error.message).toMatch(/exited with 2/);
    expect(error.message).toContain('--error-rate: faults.errorRate.rate must be a number from 0 to 1, got 2');
  });
});
