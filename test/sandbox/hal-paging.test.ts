import { describe, expect, it } from 'vitest';
import { collectAll, rawRequest, useSandbox } from './helpers.js';

const running = useSandbox();

describe('HAL collections', () => {
  it('shape a lead list as _page, _links and _embedded.leads, each item with its own self link', async () => {
    const { status, headers, body } = await running().api('/api/v4/leads?limit=3');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/hal+json');
    expect(Object.keys(body)).toEqual(['_page', '_links', '_embedded']);
    expect(body._page).toBe(1);
    expect(body._embedded.leads).toHaveLength(3);
    for (const lead of body._embedded.leads) {
      expect(lead._links.self.href).toBe(`${running().url}/api/v4/leads/${lead.id}`);
    }
    expect(body).not.toHaveProperty('_total_items');
  });

  it('build absolute links on the origin named by the Host header', async () => {
    const response = await rawRequest(running().url, '/api/v4/leads?limit=2&page=2', {
      headers: { host: 'demo.amocrm.test:8443', authorization: `Bearer ${running().sandbox.token}` },
    });
    const body = JSON.parse(response.text);
    expect(body._links).toEqual({
      self: { href: 'http://demo.amocrm.test:8443/api/v4/leads?page=2&limit=2' },
      next: { href: 'http://demo.amocrm.test:8443/api/v4/leads?page=3&limit=2' },
      first: { href: 'http://demo.amocrm.test:8443/api/v4/leads?page=1&limit=2' },
      prev: { href: 'http://demo.amocrm.test:8443/api/v4/leads?page=1&limit=2' },
    });
    expect(body._embedded.leads[0]._links.self.href).toMatch(/^http:\/\/demo\.amocrm\.test:8443\/api\/v4\/leads\/\d+$/);
  });

  it('keep the other query parameters in page links as the client sent them', async () => {
    const { body } = await running().api('/api/v4/leads?with=contacts&filter%5Bpipeline_id%5D=3000001&limit=5');
    expect(body._links.next.href).toBe(`${running().url}/api/v4/leads?with=contacts&filter%5Bpipeline_id%5D=3000001&page=2&limit=5`);
  });

  it('answer a single entity at the root with its own _links and _embedded', async () => {
    const { body } = await running().api('/api/v4/leads/20000002');
    expect(body.id).toBe(20_000_002);
    expect(body._links).toEqual({ self: { href: `${running().url}/api/v4/leads/20000002` } });
    expect(body._embedded).toHaveProperty('tags');
    expect(body._embedded).toHaveProperty('companies');
  });
});

describe('paging', () => {
  it('walks every visible lead exactly once and ends on a 204', async () => {
    const { rows, statuses } = await collectAll(running(), '/api/v4/leads', 'leads', 100);
    const visible = running().sandbox.store.leads.values().filter((lead) => !lead.is_deleted);
    expect(rows.map((lead) => lead.id)).toEqual(visible.map((lead) => lead.id));
    expect(new Set(rows.map((lead) => lead.id)).size).toBe(rows.length);
    expect(statuses.at(-1)).toBe(204);
  });

  it('defaults to 50 rows a page in ascending id order', async () => {
    const { body } = await running().api('/api/v4/contacts');
    const ids = body._embedded.contacts.map((contact: { id: number }) => contact.id);
    expect(ids).toHaveLength(50);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(body._links.self.href).toBe(`${running().url}/api/v4/contacts?page=1&limit=50`);
  });

  it('links next even from a short last page, and that next page answers 204 with no body', async () => {
    const { body } = await running().api('/api/v4/companies?limit=250');
    expect(body._embedded.companies.length).toBeLessThan(250);
    expect(body._links.next.href).toContain('page=2');
    const next = await running().api('/api/v4/companies?limit=250&page=2');
    expect(next.status).toBe(204);
    expect(next.text).toBe('');
    expect(next.headers.get('content-type')).toBeNull();
  });

  it('reproduces a full last page whose next link leads to a 204', async () => {
    const visible = running().sandbox.store.leads.values().filter((lead) => !lead.is_deleted).length;
    const divisor = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].find((n) => visible % n === 0)!;
    const pages = visible / divisor;
    const last = await running().api(`/api/v4/leads?limit=${divisor}&page=${pages}`);
    expect(last.body._embedded.leads).toHaveLength(divisor);
    expect(last.body._links.next).toBeDefined();
    expect((await running().api(`/api/v4/leads?limit=${divisor}&page=${pages + 1}`)).status).toBe(204);
  });

  it('serves at most 250 rows when a larger limit is asked for, and notes it in the log', async () => {
    running().sandbox.log.clear();
    const { body } = await running().api('/api/v4/leads?limit=400');
    expect(body._embedded.leads).toHaveLength(250);
    expect(body._links.self.href).toContain('limit=250');
    const entry = running().sandbox.log.last()!;
    expect(entry.query).toContainEqual(['limit', '400']);
    expect(entry.notes).toEqual(['limit 400 is above 250; served 250']);
  });

  it('rejects a page or limit that is not a positive integer with a 400 problem', async () => {
    for (const query of ['limit=0', 'limit=abc', 'page=0', 'page=-1', 'page=1.5']) {
      const response = await running().api(`/api/v4/leads?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('counts custom fields: _total_items, _page_count, next and last only where pages exist', async () => {
    const total = running().sandbox.store.customFields.leads.size;
    const first = await running().api('/api/v4/leads/custom_fields?limit=5');
    expect(first.body).toMatchObject({ _total_items: total, _page: 1, _page_count: Math.ceil(total / 5) });
    expect(first.body._links.next.href).toContain('page=2&limit=5');
    expect(first.body._links.last.href).toContain(`page=${Math.ceil(total / 5)}&limit=5`);
    const lastPage = await running().api(`/api/v4/leads/custom_fields?limit=5&page=${Math.ceil(total / 5)}`);
    expect(lastPage.body._links.next).toBeUndefined();
    expect(lastPage.body._links.prev).toBeDefined();
    expect((await running().api(`/api/v4/leads/custom_fields?limit=5&page=${Math.ceil(total / 5) + 1}`)).status).toBe(204);
  });

  it('pages custom fields by 50 when no limit is given', async () => {
    const { body } = await running().api('/api/v4/contacts/custom_fields');
    expect(body._links.self.href).toContain('limit=50');
    expect(body._page_count).toBe(1);
  });

  it('pages users with totals', async () => {
    const total = running().sandbox.store.users.size;
    const { body } = await running().api('/api/v4/users?limit=3&page=2');
    expect(body).toMatchObject({ _total_items: total, _page: 2, _page_count: Math.ceil(total / 3) });
    expect(body._embedded.users).toHaveLength(3);
  });
});
