// The shuffle fault: list answers out of id order, and `filter[id][]` answers that leave out some
// of the ids asked for. Every row that does come back must still be the entity its id names.

import { afterEach, describe, expect, it } from 'vitest';
import { faultsFromFlags } from '../../src/sandbox/faults/cli.js';
import { describeFaults, FIRST_CONTACT_ID, InvalidFaultsError, type FaultUpdate } from '../../src/sandbox/index.js';
import { startSandbox, type RunningSandbox } from './helpers.js';

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

async function sandboxWith(faults: FaultUpdate): Promise<RunningSandbox> {
  const own = await startSandbox({ faults });
  running.push(own);
  return own;
}

const idsOf = (body: any, key: string): number[] => body._embedded[key].map((row: any) => row.id);
const byId = (body: any, key: string) => new Map<number, unknown>(body._embedded[key].map((row: any) => [row.id, row]));
const CONTACT_IDS = Array.from({ length: 60 }, (_, i) => FIRST_CONTACT_ID + i);
const askFor = (ids: readonly number[]) => `/api/v4/contacts?limit=250&${ids.map((id) => `filter[id][]=${id}`).join('&')}`;

describe('shuffle fault', () => {
  it('answers list pages with the same rows out of id order, and logs the fault', async () => {
    const shuffled = await sandboxWith({});
    const expected = (await shuffled.api('/api/v4/leads?limit=250')).body;
    shuffled.sandbox.faults.set({ shuffle: { rate: 1 } });
    const response = await shuffled.api('/api/v4/leads?limit=250');
    expect(response.status).toBe(200);
    const ids = idsOf(response.body, 'leads');
    expect(ids).not.toEqual(idsOf(expected, 'leads'));
    expect([...ids].sort((a, b) => a - b)).toEqual(idsOf(expected, 'leads'));
    // A page without `filter[id][]` loses nothing, and every row is still its own entity.
    expect(byId(response.body, 'leads')).toEqual(byId(expected, 'leads'));
    expect(shuffled.sandbox.log.last()!.fault).toBe('shuffle');
  });

  it('leaves out some of the ids asked for, never answering one id with another entity', async () => {
    const shuffled = await sandboxWith({});
    const expected = byId((await shuffled.api(askFor(CONTACT_IDS))).body, 'contacts');
    shuffled.sandbox.faults.set({ shuffle: { rate: 1, omitRate: 0.25 } });
    const response = await shuffled.api(askFor(CONTACT_IDS));
    const rows = byId(response.body, 'contacts');
    expect(rows.size).toBeLessThan(CONTACT_IDS.length);
    expect(rows.size).toBeGreaterThan(CONTACT_IDS.length / 2);
    for (const [id, row] of rows) expect(row).toEqual(expected.get(id));
  });

  it('replays the same omissions and order for the same seed', async () => {
    const first = await sandboxWith({ shuffle: { rate: 1, omitRate: 0.25 }, seed: 9 });
    const second = await sandboxWith({ shuffle: { rate: 1, omitRate: 0.25 }, seed: 9 });
    const a = idsOf((await first.api(askFor(CONTACT_IDS))).body, 'contacts');
    const b = idsOf((await second.api(askFor(CONTACT_IDS))).body, 'contacts');
    expect(a).toEqual(b);
  });

  it('answers 204 when every id asked for was left out, as amoCRM does for an empty list', async () => {
    const own = await sandboxWith({ shuffle: { rate: 1, omitRate: 1 } });
    const response = await own.api(askFor(CONTACT_IDS.slice(0, 3)));
    expect(response.status).toBe(204);
  });

  it('leaves single entities, writes and unfaulted answers alone', async () => {
    const own = await sandboxWith({ shuffle: { rate: 0, omitRate: 1 } });
    const response = await own.api(askFor(CONTACT_IDS.slice(0, 5)));
    expect(idsOf(response.body, 'contacts')).toEqual(CONTACT_IDS.slice(0, 5));
    own.sandbox.faults.set({ shuffle: { rate: 1, omitRate: 1 } });
    const single = await own.api(`/api/v4/contacts/${FIRST_CONTACT_ID}`);
    expect(single.status).toBe(200);
    expect(single.body.id).toBe(FIRST_CONTACT_ID);
    own.sandbox.faults.set({ shuffle: null });
    expect(own.sandbox.faults.get().shuffle).toBeUndefined();
  });

  it('is switched by settings and CLI flags that are checked', async () => {
    const own = await sandboxWith({});
    expect(() => own.sandbox.faults.set({ shuffle: { rate: 2 } as never })).toThrow(InvalidFaultsError);
    expect(() => own.sandbox.faults.set({ shuffle: { rate: 1, omitted: 1 } as never })).toThrow(/no setting "omitted"/);
    expect(faultsFromFlags({ shuffle: '1', 'omit-rate': '0.1' })).toEqual({ shuffle: { rate: 1, omitRate: 0.1 } });
    expect(() => faultsFromFlags({ 'omit-rate': '0.1' })).toThrow(/--omit-rate needs --shuffle/);
    expect(() => faultsFromFlags({ shuffle: 'all' })).toThrow(/--shuffle must be a number/);
    expect(describeFaults({ shuffle: { rate: 1, omitRate: 0.1 } })).toBe('shuffled list rows 1, 0.1 of ids asked for left out; seed 1');
  });
});
