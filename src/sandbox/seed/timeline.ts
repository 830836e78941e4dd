// Seeded timestamps: always inside [SEED_START, SEED_EPOCH], never the wall clock.

import type { Random } from '../random.js';
import { SEED_EPOCH, SEED_START } from './ids.js';

export function between(random: Random, from: number, to: number): number {
  const low = Math.max(SEED_START, Math.min(from, to));
  const high = Math.min(SEED_EPOCH, Math.max(from, to));
  return random.int(low, high);
}

/** created_at < updated_at, both within the seed year. */
export function createdAndUpdated(random: Random, earliest = SEED_START, latest = SEED_EPOCH - 2 * 86_400) {
  const created = between(random, earliest, latest);
  const updated = between(random, created + 60, Math.min(SEED_EPOCH, created + random.int(1, 200) * 86_400));
  return { created, updated: Math.max(updated, created + 60) };
}
