// Tags in a write: `tags_to_add` / `tags_to_delete` (incremental) and `_embedded.tags` (replaces
// all; null clears), each tag by id or by name. Names are matched case-insensitively; an unknown
// name is added to the entity type's dictionary when written (only leads tags keep a color).
// Removing a tag the entity does not have, or one that does not exist, is a no-op.

import type { EntityType } from '../records.js';
import type { SandboxStore } from '../store.js';
import { isRecord, type Issues } from './issues.js';
import { typeName } from './scalars.js';

export type TagRef = { id: number } | { name: string; color: string | null };

/** The entity types with a tag dictionary: customers have one too (§3.7). */
export type TagEntity = EntityType | 'customers';

export interface TagChanges {
  /** `_embedded.tags`: the new full set (empty clears). */
  replace?: TagRef[];
  add: TagRef[];
  remove: TagRef[];
}

const COLOR = /^[0-9A-Fa-f]{6}$/;

/** The refs of a tag list (issues under its key); ids must exist unless `forRemoval`. */
export function readTagRefs(store: SandboxStore, entity: TagEntity, raw: readonly unknown[], issues: Issues, options: { forRemoval?: boolean } = {}): TagRef[] {
  const refs: TagRef[] = [];
  raw.forEach((entry, index) => {
    // A bare string is a name: lenient like amoCRM's PHP side.
    const item = typeof entry === 'string' ? { name: entry } : entry;
    if (!isRecord(item)) {
      issues.add('InvalidType', String(index), `a tag is {id} or {name}, got ${typeName(entry)}`);
      return;
    }
    if (item.id !== undefined && item.id !== null) {
      if (typeof item.id !== 'number' || !Number.isSafeInteger(item.id)) {
        issues.add('InvalidType', `${index}.id`, `a tag id is an integer, got ${typeName(item.id)}`);
      } else if (!options.forRemoval && !store.tags[entity].has(item.id)) {
        issues.add('NotSupportedChoice', `${index}.id`, `${entity} have no tag ${item.id}`);
      } else {
        refs.push({ id: item.id });
      }
      return;
    }
    if (typeof item.name !== 'string' || item.name.trim() === '') {
      issues.add(item.name === undefined || item.name === '' ? 'NotBlank' : 'InvalidType', String(index), 'a tag needs an id or a non-empty name');
      return;
    }
    let color: string | null = null;
    if (item.color !== undefined && item.color !== null) {
      if (typeof item.color !== 'string' || !COLOR.test(item.color)) {
        issues.add('InvalidType', `${index}.color`, 'a tag color is six hex digits without #');
        return;
      }
      color = entity === 'leads' ? item.color.toUpperCase() : null;
    }
    refs.push({ name: item.name.trim(), color });
  });
  return refs;
}

function findByName(store: SandboxStore, entity: TagEntity, name: string) {
  const wanted = name.toLowerCase();
  return store.tags[entity].values().find((tag) => tag.name.toLowerCase() === wanted);
}

/** The tag id for a ref, adding an unknown name to the dictionary. */
function resolve(store: SandboxStore, entity: TagEntity, ref: TagRef): number {
  if ('id' in ref) return ref.id;
  const existing = findByName(store, entity, ref.name);
  if (existing) return existing.id;
  const table = store.tags[entity];
  return table.put({ id: table.nextId(), name: ref.name, color: ref.color }).id;
}

/** The entity's tag ids after the changes, ascending as seeded. */
export function applyTagChanges(store: SandboxStore, entity: TagEntity, current: readonly number[], changes: TagChanges): number[] {
  const ids = new Set(changes.replace ? changes.replace.map((ref) => resolve(store, entity, ref)) : current);
  for (const ref of changes.add) ids.add(resolve(store, entity, ref));
  for (const ref of changes.remove) {
    const id = 'id' in ref ? ref.id : findByName(store, entity, ref.name)?.id;
    if (id !== undefined) ids.delete(id);
  }
  return [...ids].sort((a, b) => a - b);
}

export const noTagChanges = (changes: TagChanges) => !changes.replace && changes.add.length === 0 && changes.remove.length === 0;
