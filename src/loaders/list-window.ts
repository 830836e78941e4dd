// Fetches one Relay window of a paged amoCRM list: the planned page(s), trimmed to the window,
// plus whether more rows may follow.

import type { Page } from '../rest/collection.js';
import { planPages } from './page-window.js';

export interface ListWindow {
  offset: number;
  count: number;
}

export interface WindowResult<T> {
  rows: T[];
  /** True when rows past the window were seen, or the last page was full and amoCRM said `next`. */
  hasNextPage: boolean;
}

export async function fetchWindow<T>(
  fetchPage: (page: number, limit: number) => Promise<Page<T>>,
  window: ListWindow,
  maxLimit?: number,
): Promise<WindowResult<T>> {
  const plan = planPages(window.offset, window.count, maxLimit);
  const rows: T[] = [];
  let last: Page<T> | null = null;
  for (const page of plan.pages) {
    last = await fetchPage(page, plan.limit);
    rows.push(...last.items);
    // A short page is the end of the list; the second planned page would answer 204.
    if (last.items.length < plan.limit) break;
  }
  const end = plan.skip + window.count;
  return {
    rows: rows.slice(plan.skip, end),
    hasNextPage: rows.length > end || (rows.length === end && last !== null && last.hasMore),
  };
}
