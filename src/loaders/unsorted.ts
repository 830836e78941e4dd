// Unsorted (incoming) entries by uid, batched into one `filter[uid][]` call per 250, and as list
// windows. Sorted entries leave amoCRM's list, so a uid that was accepted or declined loads as null.

import type { AmoClient } from '../rest/client.js';
import type { SortDirection } from '../rest/resources/entity.js';
import type { UnsortedFilter } from '../rest/resources/unsorted.js';
import type { Unsorted } from '../rest/types.js';
import { ID_BATCH_SIZE } from './entities.js';
import { fetchWindow, type ListWindow } from './list-window.js';

export async function loadUnsorted(client: AmoClient, uids: readonly string[]): Promise<Unsorted[]> {
  const pages = [];
  for (let i = 0; i < uids.length; i += ID_BATCH_SIZE) {
    pages.push(client.unsorted.list({ filter: { uid: uids.slice(i, i + ID_BATCH_SIZE) }, limit: ID_BATCH_SIZE }));
  }
  return (await Promise.all(pages)).flatMap((page) => page.items);
}

export function listUnsorted(
  client: AmoClient,
  request: { window: ListWindow; filter?: UnsortedFilter; order?: { field: 'created_at'; direction: SortDirection } },
) {
  return fetchWindow((page, limit) => client.unsorted.list({ page, limit, filter: request.filter, order: request.order }), request.window);
}
