// `filter[...]` for tasks (§2.4): id, responsible_user_id, is_completed (1/0), task_type (the SDK
// also sends task_type_id), entity_type with entity_id, updated_at. Unknown keys are noted and
// ignored; malformed values, and entity_id without entity_type, are a 400.

import type { RequestContext } from '../http/context.js';
import { filterTree, inRange, intList, range, stringList } from '../http/filters.js';
import { badRequest } from '../http/problem.js';
import type { QueryValue } from '../http/query-string.js';
import type { TaskRecord } from '../records.js';

type Predicate = (task: TaskRecord) => boolean;

const ENTITY_TYPES = new Set(['leads', 'contacts', 'companies', 'customers']);
const YES = new Set(['1', 'true']);
const NO = new Set(['0', 'false']);

function completion(value: QueryValue, name: string): Predicate {
  if (typeof value !== 'string') throw badRequest(`${name} must be 1 or 0`);
  const text = value.trim().toLowerCase();
  if (!YES.has(text) && !NO.has(text)) throw badRequest(`${name} must be 1 or 0, got "${value}"`);
  const wanted = YES.has(text);
  return (task) => task.is_completed === wanted;
}

function oneOf(value: QueryValue, name: string, read: (task: TaskRecord) => number): Predicate {
  const ids = new Set(intList(value, name));
  return (task) => ids.has(read(task));
}

export function taskFilter(ctx: RequestContext): Predicate {
  const filter = filterTree(ctx.query);
  const predicates: Predicate[] = [];
  for (const [key, value] of filter) {
    const name = `filter[${key}]`;
    switch (key) {
      case 'id':
        predicates.push(oneOf(value, name, (task) => task.id));
        break;
      case 'responsible_user_id':
        predicates.push(oneOf(value, name, (task) => task.responsible_user_id));
        break;
      case 'task_type':
      case 'task_type_id':
        predicates.push(oneOf(value, name, (task) => task.task_type_id));
        break;
      case 'is_completed':
        predicates.push(completion(value, name));
        break;
      case 'updated_at': {
        const bounds = range(value, name);
        predicates.push((task) => inRange(task.updated_at, bounds));
        break;
      }
      case 'entity_type': {
        const types = new Set(stringList(value, name).map((type) => type.trim()));
        for (const type of types) if (!ENTITY_TYPES.has(type)) throw badRequest(`${name} must be leads, contacts, companies or customers, got "${type}"`);
        predicates.push((task) => task.entity_type !== null && types.has(task.entity_type));
        break;
      }
      case 'entity_id':
        // amoCRM reads entity ids only within a type.
        if (!filter.has('entity_type')) throw badRequest('filter[entity_id] needs filter[entity_type]');
        predicates.push(oneOf(value, name, (task) => task.entity_id ?? 0));
        break;
      default:
        ctx.notes.push(`${name} is not a tasks filter; ignored`);
    }
  }
  return (task) => predicates.every((predicate) => predicate(task));
}
