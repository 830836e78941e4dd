// Shuffled rows: list answers come back out of id order, and answers to `filter[id][]` look-ups
// leave out some of the ids asked for, as amoCRM does for entities it has just deleted or the
// token may not see. A client that pairs rows with ids by position shows one entity's data under
// another's id; one that matches by `id` stays exact.

import type { Reply } from '../http/reply.js';
import { createRandom, type Random } from '../random.js';
import { probability, record } from './check.js';

export interface ShuffleSetting {
  /** Fraction of GET list answers that are disordered, 0 to 1. */
  rate: number;
  /** In a disordered answer to a `filter[id][]` request, the fraction of rows left out (default 0). */
  omitRate?: number;
}

export function checkShuffle(value: unknown): ShuffleSetting {
  const input = record('shuffle', value, ['rate', 'omitRate']);
  const setting: ShuffleSetting = { rate: probability('shuffle.rate', input.rate) };
  if (input.omitRate !== undefined) setting.omitRate = probability('shuffle.omitRate', input.omitRate);
  return setting;
}

/** The request asked for rows by id: only then can a row be "missing" rather than a page shorter. */
function askedById(body: { _links?: { self?: { href?: unknown } } }): boolean {
  const href = body._links?.self?.href;
  if (typeof href !== 'string') return false;
  try {
    return [...new URL(href).searchParams.keys()].some((key) => key.startsWith('filter[id]'));
  } catch {
    return false;
  }
}

function disorder(reply: Reply, random: Random, omitRate: number): Reply {
  const body = reply.body as { id?: unknown; _embedded?: Record<string, unknown>; _links?: { self?: { href?: unknown } } } | undefined;
  // A single entity (it has an `id`) is no list, even though it embeds tags and links.
  if (reply.status !== 200 || typeof body !== 'object' || body === null || 'id' in body) return reply;
  if (typeof body._embedded !== 'object' || body._embedded === null) return reply;
  const omit = omitRate > 0 && askedById(body);
  const embedded: Record<string, unknown> = {};
  let left = 0;
  for (const [key, rows] of Object.entries(body._embedded)) {
    if (!Array.isArray(rows)) {
      embedded[key] = rows;
      continue;
    }
    const kept = omit ? rows.filter(() => !random.chance(omitRate)) : rows;
    embedded[key] = random.shuffle(kept);
    left += kept.length;
  }
  // amoCRM answers 204 when nothing it was asked for is there.
  if (omit && left === 0) return { status: 204, headers: reply.headers };
  return { ...reply, body: { ...body, _embedded: embedded } };
}

/**
 * Decided at arrival: one draw per GET for whether to disorder, one more for the seed of that
 * answer's own shuffle, so answers finishing in any order still replay the same decisions.
 */
export function createShuffle(setting: ShuffleSetting, random: Random): (method: string) => ((real: Reply) => Reply) | null {
  return (method) => {
    if (method.toUpperCase() !== 'GET' || !random.chance(setting.rate)) return null;
    const own = createRandom(random.int(0, 2 ** 32 - 1));
    return (real) => disorder(real, own, setting.omitRate ?? 0);
  };
}
