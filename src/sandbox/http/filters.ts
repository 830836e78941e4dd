// Typed readers for `filter[...]` values: a scalar or a PHP array (`[]` or `[0]` form) of ids or
// strings, and `[from]/[to]` ranges. Anything malformed is a 400 naming the parameter, so a
// client bug shows up in tests instead of as a silently unfiltered list.

import { badRequest } from './problem.js';
import type { QueryMap, QueryValue } from './query-string.js';

export interface Range {
  from?: number;
  to?: number;
}

const INT = /^-?\d+$/;

function scalars(value: QueryValue, name: string): string[] {
  if (typeof value === 'string') return [value];
  const out: string[] = [];
  for (const [key, item] of value) {
    if (typeof item !== 'string') throw badRequest(`${name}[${key}] must be a value, not a nested array`);
    out.push(item);
  }
  return out;
}

export function intList(value: QueryValue, name: string): number[] {
  return scalars(value, name).map((item) => {
    const text = item.trim();
    if (!INT.test(text)) throw badRequest(`${name} must hold integers, got "${item}"`);
    return Number(text);
  });
}

export function stringList(value: QueryValue, name: string): string[] {
  return scalars(value, name);
}

function number(text: string, name: string): number {
  const trimmed = text.trim();
  if (trimmed === '' || !Number.isFinite(Number(trimmed))) throw badRequest(`${name} must be a number, got "${text}"`);
  return Number(trimmed);
}

/** `[from]`/`[to]` (either may be absent), or a single value meaning exactly that value. */
export function range(value: QueryValue, name: string): Range {
  if (typeof value === 'string') {
    const exact = number(value, name);
    return { from: exact, to: exact };
  }
  const out: Range = {};
  for (const [key, item] of value) {
    if (key !== 'from' && key !== 'to') throw badRequest(`${name} accepts only [from] and [to], got [${key}]`);
    if (typeof item !== 'string') throw badRequest(`${name}[${key}] must be a number`);
    out[key] = number(item, `${name}[${key}]`);
  }
  if (out.from === undefined && out.to === undefined) throw badRequest(`${name} needs [from] or [to]`);
  return out;
}

export function inRange(value: number | null | undefined, bounds: Range): boolean {
  if (value === null || value === undefined) return false;
  return (bounds.from === undefined || value >= bounds.from) && (bounds.to === undefined || value <= bounds.to);
}

/** The `filter` object of a request, or an empty one; `filter=x` (not an object) is a 400. */
export function filterTree(query: QueryMap): QueryMap {
  const filter = query.get('filter');
  if (filter === undefined) return new Map();
  if (typeof filter === 'string') throw badRequest('filter must be an object, e.g. filter[id][]=1');
  return filter;
}

/** The ordering of `order[field]=asc|desc`, checked against the fields a list sorts by. */
export function readOrder(query: QueryMap, fields: readonly string[]): { field: string; direction: 1 | -1 } | null {
  const order = query.get('order');
  if (order === undefined) return null;
  if (typeof order === 'string') throw badRequest(`order must look like order[${fields[0]}]=asc`);
  const entries = [...order];
  if (entries.length !== 1) throw badRequest('order takes exactly one field');
  const [field, direction] = entries[0]!;
  if (!fields.includes(field)) throw badRequest(`order[${field}] is not supported; use one of ${fields.join(', ')}`);
  if (typeof direction !== 'string' || !['asc', 'desc'].includes(direction.toLowerCase())) {
    throw badRequest(`order[${field}] must be asc or desc`);
  }
  return { field, direction: direction.toLowerCase() === 'desc' ? -1 : 1 };
}

/** `with=a,b` as a set; unknown values are the caller's to ignore, as amoCRM does. */
export function readWith(query: QueryMap): Set<string> {
  const raw = query.get('with');
  if (raw === undefined) return new Set();
  const parts = typeof raw === 'string' ? raw.split(',') : [...raw.values()].flatMap((item) => (typeof item === 'string' ? item.split(',') : []));
  return new Set(parts.map((part) => part.trim()).filter(Boolean));
}
