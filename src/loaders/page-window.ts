// Relay windows (offset + count) mapped onto amoCRM's page/limit paging. amoCRM only pages in
// fixed-size pages, so we look for a page size that holds the whole window in one page (one
// call); otherwise the window straddles two consecutive pages of `count` rows (two calls). A
// window wider than the list's page ceiling (events: 100) takes consecutive full pages.

import { MAX_LIMIT } from '../rest/collection.js';

export interface PagePlan {
  limit: number;
  /** 1-based amoCRM pages to fetch, consecutive. */
  pages: number[];
  /** Rows to drop from the first fetched page before the window starts. */
  skip: number;
}

export function planPages(offset: number, count: number, maxLimit = MAX_LIMIT): PagePlan {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_LIMIT) {
    throw new RangeError(`count must be an integer in 1..${MAX_LIMIT}, got ${count}`);
  }
  const last = offset + count - 1;
  if (count > maxLimit) {
    const first = Math.floor(offset / maxLimit);
    const pages = Array.from({ length: Math.floor(last / maxLimit) - first + 1 }, (_, index) => first + index + 1);
    return { limit: maxLimit, pages, skip: offset - first * maxLimit };
  }
  for (let limit = count; limit <= maxLimit; limit++) {
    const page = Math.floor(offset / limit);
    if (Math.floor(last / limit) === page) return { limit, pages: [page + 1], skip: offset - page * limit };
  }
  const page = Math.floor(offset / count);
  return { limit: count, pages: [page + 1, page + 2], skip: offset - page * count };
}
