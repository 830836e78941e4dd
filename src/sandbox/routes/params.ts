// Path parameters: ids are positive integers, anything else is a 400 (not a 404), so a client that
// builds a bad URL learns why.

import type { RequestContext } from '../http/context.js';
import { badRequest } from '../http/problem.js';

export function idParam(ctx: RequestContext, name = 'id'): number {
  const raw = ctx.params[name] ?? '';
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw badRequest(`${name} in the path must be a positive integer, got "${raw}"`);
  }
  return Number(raw);
}
