// Connection resets: a fraction of the matching requests lose their socket (a TCP RST) with no
// answer at all, before the API (and the store) sees them.

import type { Socket } from 'node:net';
import type { Random } from '../random.js';
import { matchesMethod, methods, probability, record } from './check.js';

export interface ResetRateSetting {
  /** Fraction of matching requests, 0 to 1. */
  rate: number;
  /** Only these methods (default: all). */
  methods?: string[];
}

export function checkResetRate(value: unknown): ResetRateSetting {
  const input = record('resetRate', value, ['rate', 'methods']);
  const setting: ResetRateSetting = { rate: probability('resetRate.rate', input.rate) };
  const only = methods('resetRate.methods', input.methods);
  if (only) setting.methods = only;
  return setting;
}

/** One draw per matching request. */
export function createResetRate(setting: ResetRateSetting, random: Random): (method: string) => boolean {
  return (method) => matchesMethod(setting.methods, method) && random.chance(setting.rate);
}

/** An RST where the platform can send one (the client sees ECONNRESET), a plain close otherwise. */
export function resetSocket(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function' && !socket.destroyed) socket.resetAndDestroy();
  else socket.destroy();
}
