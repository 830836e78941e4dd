import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenAuth } from '../../src/auth/token-auth.js';
import { createAmoClient } from '../../src/rest/client.js';
import { collect } from '../../src/rest/paginate.js';

const ORIGIN = 'https://demo.amocrm.ru';
let agent: MockAgent;
beforeEach(() => {
  agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
});
afterEach(() => agent.close());

function page(n: number, ids: number[], next: boolean) {
  return {
    _page: n,
    _links: {
      self: { href: `${ORIGIN}/api/v4/leads?page=${n}` },
      ...(next ? { next: { href: `https://elsewhere.example.test/api/v4/leads?page=${n + 1}` } } : {}),
    },
    _embedded: { leads: ids.map((id) => ({ id })) },
  };
}

function leadsAt(n: number) {
  return (path: string) => path.startsWith('/api/v4/leads') && new URL(path, ORIGIN).searchParams.get('page') === String(n);
}

describe('HAL paging', () => {
  it('follows pages until amoCRM answers 204 on the page its next link promised', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: leadsAt(1), method: 'GET' }).reply(200, page(1, [1, 2], true));
    pool.intercept({ path: leadsAt(2), method: 'GET' }).reply(200, page(2, [3, 4], true));
    pool.intercept({ path: leadsAt(3), method: 'GET' }).reply(204, '');
    const amo = createAmoClient({ baseUrl: ORIGIN, auth: createTokenAuth('t'), dispatcher: agent });
    const rows = await collect(amo.leads.iterate({ limit: 2 }));
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(agent.getCallHistory()!.calls()).toHaveLength(3);
    // The next href pointed at another host; we never followed it.
    expect(agent.getCallHistory()!.calls().every((c) => c.origin === ORIGIN)).toBe(true);
  });

  it('stops on a short page without asking for another', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: leadsAt(1), method: 'GET' }).reply(200, page(1, [1, 2], true));
    pool.intercept({ path: leadsAt(2), method: 'GET' }).reply(200, page(2, [3], true));
    const amo = createAmoClient({ baseUrl: ORIGIN, auth: createTokenAuth('t'), dispatcher: agent });
    const rows = await collect(amo.leads.iterate({ limit: 2 }));
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(agent.getCallHistory()!.calls()).toHaveLength(2);
  });

  it('stops collecting at the requested maximum without fetching further pages', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: leadsAt(1), method: 'GET' }).reply(200, page(1, [1, 2], true));
    const amo = createAmoClient({ baseUrl: ORIGIN, auth: createTokenAuth('t'), dispatcher: agent });
    const rows = await collect(amo.leads.iterate({ limit: 2 }), 2);
    expect(rows).toHaveLength(2);
    expect(agent.getCallHistory()!.calls()).toHaveLength(1);
  });
});
