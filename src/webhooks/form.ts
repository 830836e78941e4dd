// amoCRM posts webhooks as PHP-style nested form keys (`leads[status][0][id]=7`). This turns such a
// body into plain objects and arrays: all-digit segments index arrays, other segments name keys.
// Values stay strings, as amoCRM sends them. Hostile shapes (prototype keys, deep nesting, a key
// used both as a value and as a container, huge indexes) are refused, not guessed at.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };

export class FormParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormParseError';
  }
}

export interface FormLimits {
  /** Pairs in one body; amoCRM batches stay far below. */
  maxPairs?: number;
  /** Bracket segments in one key (`leads[update][0][custom_fields][1][values][0][enum]` is 7). */
  maxDepth?: number;
  /** Largest array index accepted: arrays are dense, so a huge index would allocate. */
  maxIndex?: number;
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** `a[b][0][c]` → ['a', 'b', '0', 'c']; null when the key is not well formed. */
export function splitKey(key: string): string[] | null {
  const open = key.indexOf('[');
  if (open === -1) return key ? [key] : null;
  const head = key.slice(0, open);
  if (!head) return null;
  const segments = [head];
  let rest = key.slice(open);
  while (rest) {
    const match = /^\[([^[\]]*)\]/.exec(rest);
    if (!match) return null;
    segments.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

export function parseForm(body: string | URLSearchParams, limits: FormLimits = {}): { [key: string]: FormValue } {
  const maxPairs = limits.maxPairs ?? 10_000;
  const maxDepth = limits.maxDepth ?? 10;
  const maxIndex = limits.maxIndex ?? 999;
  const params = typeof body === 'string' ? new URLSearchParams(body) : body;
  const root: { [key: string]: FormValue } = Object.create(null);
  let pairs = 0;
  for (const [key, value] of params) {
    if (++pairs > maxPairs) throw new FormParseError(`more than ${maxPairs} fields`);
    const segments = splitKey(key);
    if (!segments) throw new FormParseError(`malformed key "${key.slice(0, 80)}"`);
    if (segments.length > maxDepth) throw new FormParseError(`key nested deeper than ${maxDepth}`);
    let container: FormValue[] | { [key: string]: FormValue } = root;
    for (let i = 0; i < segments.length; i += 1) {
      const segment = segments[i]!;
      if (FORBIDDEN.has(segment)) throw new FormParseError(`forbidden key segment "${segment}"`);
      const last = i === segments.length - 1;
      const next = segments[i + 1];
      const slot = slotOf(container, segment, maxIndex);
      const existing: FormValue | undefined = (container as Record<string | number, FormValue | undefined>)[slot];
      if (last) {
        if (existing !== undefined) throw new FormParseError(`duplicate or conflicting key "${key.slice(0, 80)}"`);
        (container as Record<string | number, FormValue>)[slot] = value;
        break;
      }
      const wantArray = /^\d+$/.test(next!);
      if (existing === undefined) {
        const created: FormValue[] | { [key: string]: FormValue } = wantArray ? [] : Object.create(null);
        (container as Record<string | number, FormValue>)[slot] = created;
        container = created;
      } else if (typeof existing === 'string' || Array.isArray(existing) !== wantArray) {
        throw new FormParseError(`conflicting key "${key.slice(0, 80)}"`);
      } else {
        container = existing;
      }
    }
  }
  return root;
}

function slotOf(container: FormValue[] | { [key: string]: FormValue }, segment: string, maxIndex: number): string | number {
  if (!Array.isArray(container)) return segment;
  // `[]` (append) is PHP's too, but amoCRM always numbers its items.
  if (!/^\d+$/.test(segment)) throw new FormParseError(`"${segment}" where an index was expected`);
  const index = Number(segment);
  if (index > maxIndex) throw new FormParseError(`index ${index} above ${maxIndex}`);
  return index;
}
