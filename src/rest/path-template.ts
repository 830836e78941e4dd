// Names an upstream endpoint without its ids or query string, so metrics and traces stay
// bounded in cardinality and never carry a value a client sent.

const NUMERIC = /^\d+$/;
// amoCRM's unsorted entries and similar are addressed by long opaque uids.
const OPAQUE = /^(?=.*\d)[0-9a-z_-]{16,}$/i;
// The drive's upload URLs end in a signed session token (a JWT): a credential, never a label.
const SIGNED = /^[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}$/;

/** `/api/v4/leads/123/links?with=x` -> `/api/v4/leads/:id/links`. */
export function pathTemplate(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  return bare
    .split('/')
    .map((segment) => (NUMERIC.test(segment) ? ':id' : SIGNED.test(segment) ? ':token' : OPAQUE.test(segment) ? ':uid' : segment))
    .join('/');
}
