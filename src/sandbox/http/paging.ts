// `page` and `limit` as amoCRM reads them: page is 1-based, limit defaults to 50 and is capped at
// 250. A larger limit is served as 250 (the maintainers: "v4 returns at most 250 per page") and
// noted in the request log, so a client that relies on more is visible in tests.

import type { RequestContext } from './context.js';
import { badRequest } from './problem.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 250;

export interface Paging {
  page: number;
  limit: number;
}

function positiveInt(ctx: RequestContext, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
    throw badRequest(`${name} must be a positive integer`);
  }
  return Number(raw);
}

export function readPaging(ctx: RequestContext, options: { defaultLimit?: number; maxLimit?: number } = {}): Paging {
  const max = options.maxLimit ?? MAX_LIMIT;
  const page = positiveInt(ctx, 'page') ?? 1;
  let limit = positiveInt(ctx, 'limit') ?? options.defaultLimit ?? DEFAULT_LIMIT;
  if (limit > max) {
    ctx.notes.push(`limit ${limit} is above ${max}; served ${max}`);
    limit = max;
  }
  return { page, limit };
}

export function slicePage<T>(items: readonly T[], paging: Paging): T[] {
  const start = (paging.page - 1) * paging.limit;
  return items.slice(start, start + paging.limit);
}
