// Validation shared by the fault settings: each fault checks its own shape with these, so a typo
// in a test, a CLI flag or a control-endpoint body fails loudly instead of injecting nothing.

export class InvalidFaultsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFaultsError';
  }
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value));

export function fail(path: string, expected: string, got: unknown): never {
  throw new InvalidFaultsError(`faults.${path} must be ${expected}, got ${show(got)}`);
}

/** A plain object with only the keys listed. */
export function record(path: string, value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new InvalidFaultsError(`faults.${path} has no setting "${key}" (known: ${keys.join(', ')})`);
  }
  return value as Record<string, unknown>;
}

export function number(path: string, value: unknown, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail(path, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, value);
  }
  return value;
}

export const probability = (path: string, value: unknown) => number(path, value, 0, 1);

/** HTTP methods, upper-cased; `undefined` stays undefined (the fault's default applies). */
export function methods(path: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && /^[A-Za-z]+$/.test(item))) {
    fail(path, 'a non-empty list of HTTP methods', value);
  }
  return value.map((item: string) => item.toUpperCase());
}

/** Status codes in [min, max]; `undefined` stays undefined (the fault's default applies). */
export function statuses(path: string, value: unknown, min: number, max: number): number[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) fail(path, `a non-empty list of status codes from ${min} to ${max}`, value);
  return value.map((item, index) => number(`${path}[${index}]`, item, min, max, true));
}

export const matchesMethod = (allowed: readonly string[] | undefined, method: string) => !allowed || allowed.includes(method.toUpperCase());
