// amoCRM parses query strings the PHP way: `filter[id][]=1`, `filter[created_at][from]=…`,
// `filter[statuses][0][pipeline_id]=…`. Brackets stay literal (WHATWG URLs allow them in a query)
// so that a batch of 250 ids fits well inside nginx's 8 KB request line.

export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly QueryValue[]
  | { readonly [key: string]: QueryValue };

function encode(value: string): string {
  return encodeURIComponent(value);
}

function append(out: string[], key: string, value: QueryValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    const scalars = value.every((item) => item === null || typeof item !== 'object');
    value.forEach((item, index) => append(out, scalars ? `${key}[]` : `${key}[${index}]`, item));
    return;
  }
  if (typeof value === 'object') {
    for (const [child, item] of Object.entries(value)) append(out, `${key}[${encode(child)}]`, item);
    return;
  }
  const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  out.push(`${key}=${encode(text)}`);
}

/** Serialises nested params into a PHP-style query string (no leading `?`). */
export function buildQuery(params: Readonly<Record<string, QueryValue>>): string {
  const out: string[] = [];
  for (const [key, value] of Object.entries(params)) append(out, encode(key), value);
  return out.join('&');
}
