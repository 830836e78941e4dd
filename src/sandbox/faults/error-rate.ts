// Error rate: a fraction of the matching requests get a 5xx from the gateway, by default nginx's
// 502/503/504 HTML pages, before the API (and the store) sees them.

import type { Reply } from '../http/reply.js';
import { problem } from '../http/reply.js';
import type { Random } from '../random.js';
import { fail, matchesMethod, methods, probability, record, statuses } from './check.js';
import { nginxPage } from './html.js';

export type ErrorBody = 'html' | 'empty' | 'problem';

export interface ErrorRateSetting {
  /** Fraction of matching requests, 0 to 1. */
  rate: number;
  /** Drawn uniformly per failed request (default 502, 503, 504). */
  statuses?: number[];
  /** Only these methods (default: all). */
  methods?: string[];
  /** nginx HTML (default), no body, or amoCRM's problem+json. */
  body?: ErrorBody;
}

const BODIES: readonly ErrorBody[] = ['html', 'empty', 'problem'];

export function checkErrorRate(value: unknown): ErrorRateSetting {
  const input = record('errorRate', value, ['rate', 'statuses', 'methods', 'body']);
  const setting: ErrorRateSetting = { rate: probability('errorRate.rate', input.rate) };
  const codes = statuses('errorRate.statuses', input.statuses, 500, 599);
  if (codes) setting.statuses = codes;
  const only = methods('errorRate.methods', input.methods);
  if (only) setting.methods = only;
  if (input.body !== undefined) {
    if (!BODIES.includes(input.body as ErrorBody)) fail('errorRate.body', `one of ${BODIES.join(', ')}`, input.body);
    setting.body = input.body as ErrorBody;
  }
  return setting;
}

function errorReply(status: number, body: ErrorBody): Reply {
  if (body === 'empty') return { status };
  if (body === 'problem') return problem(status, 'The service is temporarily unavailable.');
  return nginxPage(status);
}

/** One draw per matching request; a second picks the status of a failed one. */
export function createErrorRate(setting: ErrorRateSetting, random: Random): (method: string) => Reply | null {
  const codes = setting.statuses ?? [502, 503, 504];
  return (method) => {
    if (!matchesMethod(setting.methods, method) || !random.chance(setting.rate)) return null;
    return errorReply(random.pick(codes), setting.body ?? 'html');
  };
}
