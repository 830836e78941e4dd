// The tag dictionary of one entity type, one Relay window at a time.

import type { Tag } from '../rest/types.js';
import type { TagEntityType } from '../rest/resources/tags.js';
import type { AmoClient } from '../rest/client.js';
import { fetchWindow, type ListWindow, type WindowResult } from './list-window.js';

export function listTags(
  client: AmoClient,
  entity: TagEntityType,
  request: { window: ListWindow; query?: string; signal?: AbortSignal },
): Promise<WindowResult<Tag>> {
  return fetchWindow(
    (page, limit) => client.tags.list(entity, { page, limit, query: request.query, signal: request.signal }),
    request.window,
  );
}
