// `filter[...]` for notes (§2.4): id, note_type, entity_id, updated_at. Unknown keys are noted in
// the request log and ignored, malformed values are a 400, as for the entity lists.

import type { RequestContext } from '../http/context.js';
import { filterTree, inRange, intList, range, stringList } from '../http/filters.js';
import type { NoteRecord } from '../records.js';

type Predicate = (note: NoteRecord) => boolean;

export function noteFilter(ctx: RequestContext): Predicate {
  const predicates: Predicate[] = [];
  for (const [key, value] of filterTree(ctx.query)) {
    const name = `filter[${key}]`;
    if (key === 'id' || key === 'entity_id') {
      const ids = new Set(intList(value, name));
      predicates.push((note) => ids.has(note[key]));
    } else if (key === 'note_type') {
      const types = new Set(stringList(value, name).map((type) => type.trim()));
      predicates.push((note) => types.has(note.note_type));
    } else if (key === 'updated_at') {
      const bounds = range(value, name);
      predicates.push((note) => inRange(note.updated_at, bounds));
    } else {
      ctx.notes.push(`${name} is not a notes filter; ignored`);
    }
  }
  return (note) => predicates.every((predicate) => predicate(note));
}
