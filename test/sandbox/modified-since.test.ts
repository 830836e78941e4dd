// If-Modified-Since on the lists of leads, contacts, companies and tasks: a filter on updated_at
// (at or after the date), 204 when nothing changed; ignored when it is not an HTTP date.

import { describe, expect, it } from 'vitest';
import { useSandbox } from './helpers.js';

const running = useSandbox();
const httpDate = (unixSeconds: number) => new Date(unixSeconds * 1000).toUTCString();

describe.each(['leads', 'contacts', 'companies', 'tasks'] as const)('GET /api/v4/%s with If-Modified-Since', (entity) => {
  const table = () => running().sandbox.store[entity];
  const live = () => table().values().filter((row: any) => !row.is_deleted);

  it('lists only rows updated at or after the date', async () => {
    const rows = live();
    const newest = Math.max(...rows.map((row) => row.updated_at));
    const target = rows[0]!;
    target.updated_at = newest + 100;
    const response = await running().api(`/api/v4/${entity}?limit=250`, { headers: { 'if-modified-since': httpDate(newest + 100) } });
    expect(response.status).toBe(200);
    expect(response.body._embedded[entity].map((row: { id: number }) => row.id)).toEqual([target.id]);
  });

  it('answers 204 (not 304) when nothing changed since', async () => {
    const newest = Math.max(...live().map((row) => row.updated_at));
    const response = await running().api(`/api/v4/${entity}`, { headers: { 'if-modified-since': httpDate(newest + 1) } });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });

  it('ignores a value that is not an HTTP date', async () => {
    const plain = await running().api(`/api/v4/${entity}?limit=5`);
    const odd = await running().api(`/api/v4/${entity}?limit=5`, { headers: { 'if-modified-since': 'yesterday-ish' } });
    expect(odd.status).toBe(200);
    expect(odd.body._embedded[entity]).toEqual(plain.body._embedded[entity]);
  });
});
