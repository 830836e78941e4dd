// `filter[...]` for events (§2.4, §7.17): every list filter takes a comma string
// (`filter[type]=lead_added,lead_status_changed`, as the SDK sends) or a PHP array; `created_at`
// is a single "since" timestamp or [from]/[to]; `entity_id` only within exactly one `entity`;
// `value_before`/`value_after` take leads_statuses, responsible_user_id, custom_field_values and
// value. Malformed input is a 400 that names the parameter; unknown keys are noted and ignored.

import type { RequestContext } from '../http/context.js';
import { filterTree, inRange, range } from '../http/filters.js';
import { badRequest } from '../http/problem.js';
import type { QueryValue } from '../http/query-string.js';
import type { EventRecord } from './log.js';
import { isEventType } from './types.js';

type Predicate = (event: EventRecord) => boolean;

const ENTITIES = new Set(['lead', 'contact', 'company', 'customer', 'task']);
/** amoCRM takes at most this many values per list filter. */
export const MAX_FILTER_VALUES = 10;
const MAX_IDS = 100;

function commaList(value: QueryValue, name: string, max = MAX_FILTER_VALUES): string[] {
  const parts: string[] = [];
  const add = (text: string) => parts.push(...text.split(',').map((part) => part.trim()).filter(Boolean));
  if (typeof value === 'string') add(value);
  else {
    for (const [key, item] of value) {
      if (typeof item !== 'string') throw badRequest(`${name}[${key}] must be a value, not a nested array`);
      add(item);
    }
  }
  if (parts.length === 0) throw badRequest(`${name} is empty`);
  if (parts.length > max) throw badRequest(`${name} takes at most ${max} values, got ${parts.length}`);
  return parts;
}

function intsOf(value: QueryValue, name: string, max?: number): number[] {
  return commaList(value, name, max).map((part) => {
    if (!/^\d+$/.test(part)) throw badRequest(`${name} must hold integers, got "${part}"`);
    return Number(part);
  });
}

function valueFilter(value: QueryValue, name: string, pick: (event: EventRecord) => Record<string, unknown>[]): Predicate {
  if (typeof value === 'string') throw badRequest(`${name} must be an object, e.g. ${name}[value]=100`);
  const tests: Predicate[] = [];
  for (const [key, item] of value) {
    const inner = `${name}[${key}]`;
    switch (key) {
      case 'leads_statuses': {
        if (typeof item === 'string') throw badRequest(`${inner} must be a list of {pipeline_id, status_id}`);
        const pairs = [...item.values()].map((pair, index) => {
          if (typeof pair === 'string') throw badRequest(`${inner}[${index}] must have pipeline_id and status_id`);
          const [pipeline, status] = [pair.get('pipeline_id'), pair.get('status_id')];
          if (typeof pipeline !== 'string' || typeof status !== 'string' || !/^\d+$/.test(pipeline) || !/^\d+$/.test(status)) {
            throw badRequest(`${inner}[${index}] must have integer pipeline_id and status_id`);
          }
          return { pipeline: Number(pipeline), status: Number(status) };
        });
        tests.push((event) =>
          pick(event).some((entry) => {
            const stage = entry.lead_status as { id?: number; pipeline_id?: number } | undefined;
            return stage !== undefined && pairs.some((pair) => pair.pipeline === stage.pipeline_id && pair.status === stage.id);
          }),
        );
        break;
      }
      case 'responsible_user_id': {
        const ids = new Set(intsOf(item, inner));
        tests.push((event) => pick(event).some((entry) => ids.has((entry.responsible_user as { id?: number } | undefined)?.id ?? -1)));
        break;
      }
      case 'custom_field_values': {
        const enums = new Set(intsOf(item, inner));
        tests.push((event) => pick(event).some((entry) => enums.has((entry.custom_field_value as { enum_id?: number } | undefined)?.enum_id ?? -1)));
        break;
      }
      case 'value': {
        if (typeof item !== 'string') throw badRequest(`${inner} must be a single value`);
        tests.push((event) => pick(event).some((entry) => Object.values(entry).some((inside) => Object.values(inside as object).some((v) => String(v) === item))));
        break;
      }
      default:
        throw badRequest(`${inner} is not supported; use leads_statuses, responsible_user_id, custom_field_values or value`);
    }
  }
  return (event) => tests.every((test) => test(event));
}

export function eventFilter(ctx: RequestContext): Predicate {
  const filter = filterTree(ctx.query);
  const predicates: Predicate[] = [];
  for (const [key, value] of filter) {
    const name = `filter[${key}]`;
    switch (key) {
      case 'id': {
        const ids = new Set(commaList(value, name, MAX_IDS));
        predicates.push((event) => ids.has(event.id));
        break;
      }
      case 'type': {
        const types = commaList(value, name);
        for (const type of types) if (!isEventType(type)) throw badRequest(`${name}: unknown event type "${type}"`);
        const wanted = new Set(types);
        // The generic key also matches every per-field change.
        const anyField = wanted.has('custom_field_value_changed');
        predicates.push((event) => wanted.has(event.type) || (anyField && /^custom_field_\d+_value_changed$/.test(event.type)));
        break;
      }
      case 'entity': {
        const entities = commaList(value, name);
        for (const entity of entities) {
          if (!ENTITIES.has(entity)) throw badRequest(`${name}: "${entity}" is not an event entity; use lead, contact, company, customer or task (singular)`);
        }
        const wanted = new Set(entities);
        predicates.push((event) => wanted.has(event.entity_type));
        break;
      }
      case 'entity_id': {
        const entity = filter.get('entity');
        if (entity === undefined || commaList(entity, 'filter[entity]').length !== 1) {
          throw badRequest('filter[entity_id] needs filter[entity] with exactly one entity type');
        }
        const ids = new Set(intsOf(value, name, MAX_IDS));
        predicates.push((event) => ids.has(event.entity_id));
        break;
      }
      case 'created_by': {
        const users = new Set(intsOf(value, name));
        predicates.push((event) => users.has(event.created_by));
        break;
      }
      case 'created_at': {
        // A single timestamp means "since then", not "exactly then".
        const bounds = typeof value === 'string' ? { from: range(value, name).from } : range(value, name);
        predicates.push((event) => inRange(event.created_at, bounds));
        break;
      }
      case 'value_before':
        predicates.push(valueFilter(value, name, (event) => event.value_before));
        break;
      case 'value_after':
        predicates.push(valueFilter(value, name, (event) => event.value_after));
        break;
      default:
        ctx.notes.push(`${name} is not an events filter; ignored`);
    }
  }
  return (event) => predicates.every((predicate) => predicate(event));
}
