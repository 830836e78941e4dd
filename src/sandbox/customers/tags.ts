// Tags in a customer write, as on leads (§3.7): `tags_to_add` / `tags_to_delete` (incremental, the
// latter on updates) and `_embedded.tags` (replaces all; null clears), each tag by id or by name,
// in the customers' own dictionary.

import type { SandboxStore } from '../store.js';
import type { Issues } from '../writes/issues.js';
import { readList, readRecord } from '../writes/scalars.js';
import { noTagChanges, readTagRefs, type TagChanges } from '../writes/tag-writes.js';

/** The tag changes of one item, or undefined when it changes none. */
export function readCustomerTags(store: SandboxStore, item: Record<string, unknown>, issues: Issues, mode: 'create' | 'update'): TagChanges | undefined {
  const tagsIn = (source: Record<string, unknown>, key: string, at: Issues, forRemoval = false) => {
    const list = readList(source, key, at, { nullable: true });
    if (list === undefined) return undefined;
    return list === null ? [] : readTagRefs(store, 'customers', list, at.under(key), { forRemoval });
  };
  const changes: TagChanges = {
    add: tagsIn(item, 'tags_to_add', issues) ?? [],
    remove: mode === 'update' ? (tagsIn(item, 'tags_to_delete', issues, true) ?? []) : [],
  };
  const embedded = readRecord(item, '_embedded', issues);
  const replace = embedded ? tagsIn(embedded, 'tags', issues.under('_embedded')) : undefined;
  if (replace) changes.replace = replace;
  return noTagChanges(changes) ? undefined : changes;
}
