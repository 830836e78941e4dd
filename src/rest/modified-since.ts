// `If-Modified-Since` for polling amoCRM's lists of leads, contacts, companies and tasks (Kommo's
// recommendation). amoCRM treats it as a filter on `updated_at` (rows changed at or after the
// date), answering 204 when nothing changed: a poller asks only for what changed.

/** The header for `since` (an HTTP date, second precision), or none. */
export function modifiedSinceHeaders(since: Date | undefined): Readonly<Record<string, string>> | undefined {
  if (since === undefined) return undefined;
  if (Number.isNaN(since.getTime())) throw new RangeError('modifiedSince must be a valid date');
  return { 'if-modified-since': since.toUTCString() };
}
