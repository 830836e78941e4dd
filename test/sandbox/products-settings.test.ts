import { describe, expect, it } from 'vitest';
import { CATALOG_IDS, ELEMENT_COUNTS } from '../../src/sandbox/catalogs/seed.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { useFreshSandbox } from './helpers.js';

const PATH = '/api/v4/catalogs/products/settings';

const running = useFreshSandbox();

const store = () => running().sandbox.store;
const settings = () => store().catalogs.products_settings;
const asUser = async <T>(userId: number, work: () => Promise<T>): Promise<T> => {
  const account = store().account;
  const before = account.current_user_id;
  account.current_user_id = userId;
  try {
    return await work();
  } finally {
    account.current_user_id = before;
  }
};

describe('/api/v4/catalogs/products/settings', () => {
  it('answers the products switch, on in the seed (which has a products catalog)', async () => {
    const response = await running().api(PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/hal+json');
    expect(response.body).toEqual({ is_enabled: true });
  });

  it('is not taken for a catalog id: the catalog routes beside it still answer as before', async () => {
    expect((await running().api(`/api/v4/catalogs/${CATALOG_IDS.products}`)).body).toMatchObject({ id: CATALOG_IDS.products, type: 'products' });
    const products = await running().api('/api/v4/catalogs/products');
    expect(products.status).toBe(400);
    const post = await running().api(PATH, { method: 'POST', body: { is_enabled: false } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, PATCH');
    expect(settings().is_enabled).toBe(true);
  });

  it('turns products off and on again, answering the settings as they now are; the products catalog stays', async () => {
    const catalogBefore = JSON.stringify(store().catalogs.catalogs.get(CATALOG_IDS.products));
    const off = await running().api(PATH, { method: 'PATCH', body: { is_enabled: false } });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ is_enabled: false });
    expect(settings().is_enabled).toBe(false);
    expect((await running().api(PATH)).body).toEqual({ is_enabled: false });
    expect(JSON.stringify(store().catalogs.catalogs.get(CATALOG_IDS.products))).toBe(catalogBefore);
    const elements = await running().api(`/api/v4/catalogs/${CATALOG_IDS.products}/elements?limit=250`);
    expect(elements.body._embedded.elements).toHaveLength(ELEMENT_COUNTS.products);

    const on = await running().api(PATH, { method: 'PATCH', body: { is_enabled: true } });
    expect(on.body).toEqual({ is_enabled: true });
    expect(settings().is_enabled).toBe(true);
  });

  it('refuses a missing or non-boolean is_enabled with validation-errors and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [{}, 'NotBlank'],
      [{ is_enabled: 'false' }, 'InvalidType'],
      [{ is_enabled: 0 }, 'InvalidType'],
    ];
    for (const [body, code] of cases) {
      const response = await running().api(PATH, { method: 'PATCH', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const [item] = response.body['validation-errors'];
      expect(item.request_id).toBe('0');
      expect(item.errors).toEqual([expect.objectContaining({ path: 'is_enabled', code })]);
    }
    const notObject = await running().api(PATH, { method: 'PATCH', body: [{ is_enabled: false }] });
    expect(notObject.status).toBe(400);
    expect(settings().is_enabled).toBe(true);
  });

  it('lets users with access to lists read it but only admins change it; others get 403', async () => {
    await asUser(USER_IDS.salesHead, async () => {
      expect((await running().api(PATH)).body).toEqual({ is_enabled: true });
      const refused = await running().api(PATH, { method: 'PATCH', body: { is_enabled: false } });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/administrators only/);
    });
    await asUser(USER_IDS.manager1, async () => {
      expect((await running().api(PATH)).status).toBe(403);
      expect((await running().api(PATH, { method: 'PATCH', body: { is_enabled: false } })).status).toBe(403);
    });
    expect(settings().is_enabled).toBe(true);
  });
});
