// One line naming the active faults, for `npm run sandbox` to print at start.

import { DEFAULT_FAULT_SEED, type FaultSettings } from './injector.js';

const list = (items: readonly (string | number)[]) => items.join('/');

export function describeFaults(settings: FaultSettings): string {
  const parts: string[] = [];
  const { latencyMs, rateLimit, ban, errorRate, resetRate, errorAfterCommit, shuffle } = settings;
  if (latencyMs !== undefined) parts.push(typeof latencyMs === 'number' ? `latency ${latencyMs} ms` : `latency ${latencyMs.min}-${latencyMs.max} ms`);
  if (rateLimit) {
    let text = `rate limit ${rateLimit.perSecond} per ${rateLimit.windowMs ?? 1000} ms`;
    if (rateLimit.banAfter !== undefined) {
      text += `, ban after ${rateLimit.banAfter} × 429 ${rateLimit.banMs === undefined ? 'until lifted' : `for ${rateLimit.banMs} ms`}`;
    }
    parts.push(text);
  }
  if (ban === true) parts.push('ban (403 on every /api/v4 request) until lifted');
  else if (typeof ban === 'object') parts.push(`ban (403 on every /api/v4 request) until ${new Date(ban.untilMs).toISOString()}`);
  if (errorRate) {
    const methods = errorRate.methods ? ` on ${list(errorRate.methods)}` : '';
    parts.push(`error rate ${errorRate.rate} (${list(errorRate.statuses ?? [502, 503, 504])} ${errorRate.body ?? 'html'}${methods})`);
  }
  if (resetRate) parts.push(`reset rate ${resetRate.rate}${resetRate.methods ? ` on ${list(resetRate.methods)}` : ''}`);
  if (errorAfterCommit) {
    const methods = list(errorAfterCommit.methods ?? ['POST', 'PATCH', 'PUT', 'DELETE']);
    parts.push(`error after commit ${errorAfterCommit.rate} (${list(errorAfterCommit.statuses ?? [502, 504])} on ${methods})`);
  }
  if (shuffle) {
    const omitted = shuffle.omitRate ? `, ${shuffle.omitRate} of ids asked for left out` : '';
    parts.push(`shuffled list rows ${shuffle.rate}${omitted}`);
  }
  if (parts.length === 0) return 'none';
  return `${parts.join('; ')}; seed ${settings.seed ?? DEFAULT_FAULT_SEED}`;
}
