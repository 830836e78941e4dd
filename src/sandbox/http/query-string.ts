// Parses a query string the way PHP (and so amoCRM) does: `filter[id][]=1`, `filter[id][0]=1`,
// `filter[created_at][from]=…`, `filter[statuses][0][pipeline_id]=…`, with brackets literal or
// percent-encoded. Maps keep insertion order, as PHP arrays do.

export type QueryValue = string | QueryMap;
export type QueryMap = Map<string, QueryValue>;

export interface ParsedQuery {
  /** Every pair as received, decoded. */
  pairs: [string, string][];
  tree: QueryMap;
  /** Raw pairs whose percent-encoding was broken (kept undecoded in `pairs`). */
  malformed: string[];
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

export function splitPairs(raw: string): { pairs: [string, string][]; malformed: string[] } {
  const pairs: [string, string][] = [];
  const malformed: string[] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    const key = decode(rawKey);
    const value = decode(rawValue);
    if (key === null || value === null) {
      malformed.push(part);
      pairs.push([rawKey, rawValue]);
    } else {
      pairs.push([key, value]);
    }
  }
  return { pairs, malformed };
}

/** `a[b][][c]` -> `['a', 'b', '', 'c']`; a key without a well-formed bracket tail stays whole. */
export function keySegments(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  let rest = key.slice(open);
  while (rest.length > 0) {
    const match = /^\[([^\]]*)\]/.exec(rest);
    // No well-formed bracket at all: the key is a plain name. Otherwise, like PHP, drop whatever
    // follows the last well-formed bracket.
    if (!match) {
      if (segments.length === 1) return [key];
      break;
    }
    segments.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

function nextIndex(map: QueryMap): string {
  let next = 0;
  for (const key of map.keys()) if (/^\d+$/.test(key)) next = Math.max(next, Number(key) + 1);
  return String(next);
}

export function buildTree(pairs: readonly (readonly [string, string])[]): QueryMap {
  const root: QueryMap = new Map();
  for (const [key, value] of pairs) {
    const segments = keySegments(key);
    let node = root;
    segments.forEach((segment, depth) => {
      const name = segment === '' && depth > 0 ? nextIndex(node) : segment;
      if (depth === segments.length - 1) {
        node.set(name, value);
        return;
      }
      let child = node.get(name);
      if (!(child instanceof Map)) {
        child = new Map();
        node.set(name, child);
      }
      node = child;
    });
  }
  return root;
}

export function parseQuery(raw: string): ParsedQuery {
  const { pairs, malformed } = splitPairs(raw);
  return { pairs, tree: buildTree(pairs), malformed };
}
