// Typed readers for the top-level keys of a write item. Each answers `undefined` when the key is
// absent (PATCH leaves it alone) or invalid (an issue was recorded and nothing will be written).
// Strict like amoCRM's validator: "123" is not an int.

import { isRecord, type Issues } from './issues.js';

export const has = (item: Record<string, unknown>, key: string): boolean => Object.hasOwn(item, key) && item[key] !== undefined;

const typeName = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

interface Nullable {
  nullable?: boolean;
}

/** A batch item, which must be an object; anything else is one InvalidType at the item's root. */
export function readItem(raw: unknown, issues: Issues): Record<string, unknown> | undefined {
  if (isRecord(raw)) return raw;
  issues.add('InvalidType', '', `each item must be an object, got ${typeName(raw)}`);
  return undefined;
}

export function readInt(item: Record<string, unknown>, key: string, issues: Issues, options: Nullable & { min?: number } = {}): number | null | undefined {
  if (!has(item, key)) return undefined;
  const value = item[key];
  if (value === null && options.nullable) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (options.min ?? 0)) {
    issues.add('InvalidType', key, `${key} must be an integer${options.min === undefined ? ' >= 0' : ` >= ${options.min}`}, got ${typeName(value)}`);
    return undefined;
  }
  return value;
}

/** A positive id; `0` is as unknown as any other missing row. */
export function readId(item: Record<string, unknown>, key: string, issues: Issues, options: Nullable = {}): number | null | undefined {
  return readInt(item, key, issues, { ...options, min: 1 });
}

export function readString(item: Record<string, unknown>, key: string, issues: Issues, options: Nullable = {}): string | null | undefined {
  if (!has(item, key)) return undefined;
  const value = item[key];
  if (value === null && options.nullable) return null;
  if (typeof value !== 'string') {
    issues.add('InvalidType', key, `${key} must be a string, got ${typeName(value)}`);
    return undefined;
  }
  return value;
}

export function readList(item: Record<string, unknown>, key: string, issues: Issues, options: Nullable = {}): unknown[] | null | undefined {
  if (!has(item, key)) return undefined;
  const value = item[key];
  if (value === null && options.nullable) return null;
  if (!Array.isArray(value)) {
    issues.add('InvalidType', key, `${key} must be an array, got ${typeName(value)}`);
    return undefined;
  }
  return value;
}

export function readRecord(item: Record<string, unknown>, key: string, issues: Issues): Record<string, unknown> | undefined {
  if (!has(item, key) || item[key] === null) return undefined;
  const value = item[key];
  if (!isRecord(value)) {
    issues.add('InvalidType', key, `${key} must be an object, got ${typeName(value)}`);
    return undefined;
  }
  return value;
}

export { typeName };
