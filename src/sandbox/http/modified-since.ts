// `If-Modified-Since` on the lists of leads, contacts, companies and tasks: Kommo recommends it
// for polling those lists. amoCRM reads it as a filter, not as a cache validator: the list holds
// only rows whose `updated_at` is at or after the date (second precision, so a poll repeated with
// its own start time misses nothing), and an empty result is the usual 204, never a 304.

import type { RequestContext } from './context.js';

/** Unix seconds from the header, or null when it is absent or not an HTTP date (then ignored). */
export function modifiedSince(ctx: RequestContext): number | null {
  const raw = ctx.headers['if-modified-since'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.notes.push('If-Modified-Since ignored: not an HTTP date');
    return null;
  }
  return Math.floor(ms / 1000);
}

/** A row filter for `modifiedSince`; passes everything without the header. */
export function modifiedSinceFilter(ctx: RequestContext): (row: { updated_at: number }) => boolean {
  const since = modifiedSince(ctx);
  if (since === null) return () => true;
  ctx.notes.push(`If-Modified-Since: updated_at >= ${since}`);
  return (row) => row.updated_at >= since;
}
