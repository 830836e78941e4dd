// By-id loads coalesce across concurrent operations: a batch gathers ids until it is sent.

import { describe, expect, it } from 'vitest';
import { createCoalescer } from '../../src/loaders/coalescer.js';
import { AmoCancelledError } from '../../src/rest/errors.js';

interface Row {
  id: number;
}

/** A fetch that waits for `release()` before it "sends" (reads its ids) and answers. */
function gatedFetch(missing: number[] = []) {
  const batches: number[][] = [];
  const signals: AbortSignal[] = [];
  let release: () => void = () => {};
  let gate = new Promise<void>((resolve) => (release = resolve));
  return {
    batches,
    signals,
    release: () => {
      release();
      gate = new Promise<void>((resolve) => (release = resolve));
    },
    fetch: async (ids: () => number[], signal: AbortSignal): Promise<Row[]> => {
      signals.push(signal);
      await gate;
      signal.throwIfAborted();
      const sent = ids();
      batches.push(sent);
      return sent.filter((id) => !missing.includes(id)).reverse().map((id) => ({ id }));
    },
  };
}

const coalescer = (fetch: ReturnType<typeof gatedFetch>['fetch'], maxBatch = 250) =>
  createCoalescer<Row>({ fetch, maxBatch, describe: { method: 'GET', path: '/api/v4/leads' }, idOf: (row) => row.id });

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalescer', () => {
  it('serves concurrent loads from one call, each in its own order, leaving out missing ids', async () => {
    const upstream = gatedFetch([3]);
    const loads = coalescer(upstream.fetch);
    const a = loads.load([1, 2, 3]);
    const b = loads.load([4, 2]);
    await tick();
    upstream.release();
    expect(await a).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await b).toEqual([{ id: 4 }, { id: 2 }]);
    expect(upstream.batches).toEqual([[1, 2, 3, 4]]);
  });

  it('lets ids join a batch until it is sent, then starts the next one', async () => {
    const upstream = gatedFetch();
    const loads = coalescer(upstream.fetch);
    const first = loads.load([1]);
    await tick();
    // The batch is waiting (as it would for a rate-limit slot): later ids still join it.
    const late = loads.load([2]);
    await tick();
    upstream.release();
    await Promise.all([first, late]);
    const after = loads.load([3]);
    await tick();
    upstream.release();
    await after;
    expect(upstream.batches).toEqual([[1, 2], [3]]);
  });

  it('splits more than maxBatch ids and charges the operation for the calls its ids need', async () => {
    const upstream = gatedFetch();
    const loads = coalescer(upstream.fetch, 2);
    const charges: string[] = [];
    const scope = { signal: undefined, charge: (method: string, path: string) => void charges.push(`${method} ${path}`) };
    const pending = loads.load([1, 2, 3, 4, 5], scope);
    await tick();
    upstream.release();
    expect(await pending).toHaveLength(5);
    expect(upstream.batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(charges).toEqual(['GET /api/v4/leads', 'GET /api/v4/leads', 'GET /api/v4/leads']);
  });

  it('adds nothing to any batch for an operation over its budget', async () => {
    const upstream = gatedFetch();
    const loads = coalescer(upstream.fetch);
    const broke = { signal: undefined, charge: () => { throw new Error('over budget'); } };
    await expect(loads.load([7], broke)).rejects.toThrow('over budget');
    const other = loads.load([8]);
    await tick();
    upstream.release();
    await other;
    expect(upstream.batches).toEqual([[8]]);
  });

  it('lets one operation give up without cancelling a batch others still wait for', async () => {
    const upstream = gatedFetch();
    const loads = coalescer(upstream.fetch);
    const leaving = new AbortController();
    const a = loads.load([1], { signal: leaving.signal, charge: () => {} });
    const b = loads.load([2], { signal: new AbortController().signal, charge: () => {} });
    await tick();
    leaving.abort();
    await expect(a).rejects.toBeInstanceOf(AmoCancelledError);
    upstream.release();
    expect(await b).toEqual([{ id: 2 }]);
    expect(upstream.signals[0]!.aborted).toBe(false);
  });

  it('cancels the batch when every operation waiting for it gives up', async () => {
    const upstream = gatedFetch();
    const loads = coalescer(upstream.fetch);
    const one = new AbortController();
    const two = new AbortController();
    const a = loads.load([1], { signal: one.signal, charge: () => {} });
    const b = loads.load([2], { signal: two.signal, charge: () => {} });
    await tick();
    one.abort();
    two.abort();
    await expect(a).rejects.toBeInstanceOf(AmoCancelledError);
    await expect(b).rejects.toBeInstanceOf(AmoCancelledError);
    expect(upstream.signals[0]!.aborted).toBe(true);
    upstream.release();
    await tick();
    expect(upstream.batches).toEqual([]);
  });

  it('does not take ids into a batch that failed before it was sent', async () => {
    let fail = true;
    const sent: number[][] = [];
    const loads = coalescer(async (ids) => {
      await tick();
      if (fail) {
        fail = false;
        throw new Error('blocked');
      }
      sent.push(ids());
      return [];
    });
    await expect(loads.load([1])).rejects.toThrow('blocked');
    await loads.load([2]);
    expect(sent).toEqual([[2]]);
  });
});
