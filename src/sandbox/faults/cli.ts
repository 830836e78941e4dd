// The fault flags of `npm run sandbox`, for node:util parseArgs, and their translation into
// settings. Each flag's error names the flag.

import { InvalidFaultsError } from './check.js';
import { checkFaultUpdate, type FaultUpdate } from './injector.js';

export const FAULT_FLAGS = {
  latency: { type: 'string' },
  'rate-limit': { type: 'string' },
  'ban-after': { type: 'string' },
  'ban-ms': { type: 'string' },
  ban: { type: 'boolean' },
  'error-rate': { type: 'string' },
  'reset-rate': { type: 'string' },
  shuffle: { type: 'string' },
  'omit-rate': { type: 'string' },
  'fault-seed': { type: 'string' },
} as const;

export type FaultFlagValues = {
  [K in keyof typeof FAULT_FLAGS]?: (typeof FAULT_FLAGS)[K]['type'] extends 'boolean' ? boolean : string;
};

export const FAULT_FLAGS_HELP = `--latency MS|MIN-MAX  --rate-limit N [--ban-after N [--ban-ms MS]]  --ban  --error-rate 0..1  --reset-rate 0..1  --shuffle 0..1 [--omit-rate 0..1]  --fault-seed N`;

const NUMBER = /^\s*\d+(\.\d+)?\s*$/;

function numeric(flag: string, raw: string): number {
  if (!NUMBER.test(raw)) throw new InvalidFaultsError(`--${flag} must be a number, got "${raw}"`);
  return Number(raw);
}

/** Checks one flag's part of the settings, so the error names the flag rather than the setting. */
function checked(flag: string, update: FaultUpdate): FaultUpdate {
  try {
    checkFaultUpdate(update);
  } catch (error) {
    if (error instanceof InvalidFaultsError) throw new InvalidFaultsError(`--${flag}: ${error.message}`);
    throw error;
  }
  return update;
}

export function faultsFromFlags(values: FaultFlagValues): FaultUpdate {
  const update: FaultUpdate = {};
  if (values.latency !== undefined) {
    const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(values.latency);
    const latencyMs = range ? { min: Number(range[1]), max: Number(range[2]) } : numeric('latency', values.latency);
    Object.assign(update, checked('latency', { latencyMs }));
  }
  if (values['rate-limit'] !== undefined) {
    const rateLimit: NonNullable<FaultUpdate['rateLimit']> = { perSecond: numeric('rate-limit', values['rate-limit']) };
    if (values['ban-after'] !== undefined) rateLimit.banAfter = numeric('ban-after', values['ban-after']);
    if (values['ban-ms'] !== undefined) rateLimit.banMs = numeric('ban-ms', values['ban-ms']);
    Object.assign(update, checked('rate-limit', { rateLimit }));
  } else if (values['ban-after'] !== undefined || values['ban-ms'] !== undefined) {
    throw new InvalidFaultsError(`--${values['ban-after'] !== undefined ? 'ban-after' : 'ban-ms'} needs --rate-limit`);
  }
  if (values.ban) update.ban = true;
  if (values['error-rate'] !== undefined) {
    Object.assign(update, checked('error-rate', { errorRate: { rate: numeric('error-rate', values['error-rate']) } }));
  }
  if (values['reset-rate'] !== undefined) {
    Object.assign(update, checked('reset-rate', { resetRate: { rate: numeric('reset-rate', values['reset-rate']) } }));
  }
  if (values.shuffle !== undefined) {
    const shuffle: NonNullable<FaultUpdate['shuffle']> = { rate: numeric('shuffle', values.shuffle) };
    if (values['omit-rate'] !== undefined) shuffle.omitRate = numeric('omit-rate', values['omit-rate']);
    Object.assign(update, checked('shuffle', { shuffle }));
  } else if (values['omit-rate'] !== undefined) {
    throw new InvalidFaultsError('--omit-rate needs --shuffle');
  }
  if (values['fault-seed'] !== undefined) Object.assign(update, checked('fault-seed', { seed: numeric('fault-seed', values['fault-seed']) }));
  return update;
}
