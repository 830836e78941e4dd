// Latency: every API answer waits a fixed time, or one drawn uniformly from [min, max].

import type { Random } from '../random.js';
import { number, record } from './check.js';

export type LatencySetting = number | { min: number; max: number };

const MAX_MS = 600_000;

export function checkLatency(value: unknown): LatencySetting {
  if (typeof value === 'number') return number('latencyMs', value, 0, MAX_MS);
  const range = record('latencyMs', value, ['min', 'max']);
  const min = number('latencyMs.min', range.min, 0, MAX_MS);
  const max = number('latencyMs.max', range.max, min, MAX_MS);
  return { min, max };
}

/** Draws one delay per request, whole ms. */
export function createLatency(setting: LatencySetting, random: Random): () => number {
  if (typeof setting === 'number') return () => setting;
  const { min, max } = setting;
  return () => Math.round(min + random.next() * (max - min));
}
