// HAL paging as an async iterator (Octokit's paginate.iterator) plus a collector. We compute the
// next page number ourselves rather than following `_links.next.href`: the href is an absolute URL
// from a response body, and our bearer token must only ever go to the configured origin.

import type { Page } from './collection.js';

export type PageFetcher<T> = (page: number) => Promise<Page<T>>;

export interface PaginateOptions {
  startPage?: number;
  /** Stop after this many pages even if amoCRM says there are more. */
  maxPages?: number;
}

export async function* paginate<T>(fetchPage: PageFetcher<T>, options: PaginateOptions = {}): AsyncGenerator<Page<T>> {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  let page = options.startPage ?? 1;
  for (let fetched = 0; fetched < maxPages; fetched++, page++) {
    const current = await fetchPage(page);
    if (current.items.length > 0) yield current;
    if (!current.hasMore) return;
  }
}

/** Every row of every page, up to `max` rows. */
export async function collect<T>(pages: AsyncIterable<Page<T>>, max = Number.POSITIVE_INFINITY): Promise<T[]> {
  const rows: T[] = [];
  if (max <= 0) return rows;
  for await (const page of pages) {
    for (const item of page.items) {
      rows.push(item);
      // Returning here ends the generator, so no further page is fetched.
      if (rows.length >= max) return rows;
    }
  }
  return rows;
}
