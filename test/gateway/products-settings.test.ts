// The products switch end to end against the sandbox: read (cached with the account metadata),
// turned off and on by an admin (the cache forgotten, the sandbox changed), refused to others.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_IDS } from '../../src/sandbox/catalogs/seed.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const PATH = '/api/v4/catalogs/products/settings';
const settings = () => stack.sandbox.store.catalogs.products_settings;
const calls = () => stack.upstreamCalls().filter((call) => call.path === PATH);
const READ = `{ productsSettings { isEnabled } }`;
const UPDATE = `mutation ($isEnabled: Boolean!) { updateProductsSettings(input: { isEnabled: $isEnabled }) { status errors { code message path } productsSettings { isEnabled } } }`;

async function asUser<T>(userId: number, work: () => Promise<T>): Promise<T> {
  const account = stack.sandbox.store.account;
  const before = account.current_user_id;
  account.current_user_id = userId;
  try {
    return await work();
  } finally {
    account.current_user_id = before;
  }
}

describe('products settings', () => {
  it('reads the switch with one upstream call, then from the account metadata cache', async () => {
    stack.resetLog();
    expect(dataOf(await stack.gql(READ))).toEqual({ productsSettings: { isEnabled: true } });
    expect(calls().map((call) => call.method)).toEqual(['GET']);
    expect(dataOf(await stack.gql(READ))).toEqual({ productsSettings: { isEnabled: true } });
    expect(stack.upstreamCalls()).toHaveLength(1);
  });

  it('turns products off and on: one PATCH each, the sandbox changed, the next read fresh, the catalog kept', async () => {
    const catalog = JSON.stringify(stack.sandbox.store.catalogs.catalogs.get(CATALOG_IDS.products));
    stack.resetLog();
    const off = dataOf(await stack.gql(UPDATE, { isEnabled: false })).updateProductsSettings;
    expect(off).toEqual({ status: 'SUCCEEDED', errors: [], productsSettings: { isEnabled: false } });
    expect(settings().is_enabled).toBe(false);
    expect(calls().map((call) => call.method)).toEqual(['PATCH']);
    // The cached `true` of the first test is gone: this read goes upstream and sees the change.
    expect(dataOf(await stack.gql(READ))).toEqual({ productsSettings: { isEnabled: false } });
    expect(calls().map((call) => call.method)).toEqual(['PATCH', 'GET']);
    expect(JSON.stringify(stack.sandbox.store.catalogs.catalogs.get(CATALOG_IDS.products))).toBe(catalog);

    const on = dataOf(await stack.gql(UPDATE, { isEnabled: true })).updateProductsSettings;
    expect(on.productsSettings).toEqual({ isEnabled: true });
    expect(settings().is_enabled).toBe(true);
    expect(dataOf(await stack.gql(READ))).toEqual({ productsSettings: { isEnabled: true } });
    expect(stack.upstreamCalls()).toHaveLength(4);
  });

  it('reports a non-admin write as FAILED with the limit that applies, and changes nothing', async () => {
    stack.resetLog();
    const refused = await asUser(USER_IDS.salesHead, async () => dataOf(await stack.gql(UPDATE, { isEnabled: false })).updateProductsSettings);
    expect(refused.status).toBe('FAILED');
    expect(refused.productsSettings).toBeNull();
    expect(refused.errors).toEqual([{ code: 'AMOCRM_FORBIDDEN', path: [], message: expect.stringMatching(/administrators only$/) }]);
    expect(settings().is_enabled).toBe(true);
    expect(calls().map((call) => [call.method, call.status])).toEqual([['PATCH', 403]]);
  });

  it('explains a refused read: users without access to lists get 403 with the limitation', async () => {
    // The refused write above forgot the cached switch, so this read asks amoCRM as the manager.
    stack.resetLog();
    const response = await asUser(USER_IDS.manager1, () => stack.gql(READ));
    expect(response.data).toEqual({ productsSettings: null });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'AMOCRM_FORBIDDEN', limitation: expect.stringMatching(/access to lists/) });
    expect(calls().map((call) => [call.method, call.status])).toEqual([['GET', 403]]);
  });

  it('refuses input without isEnabled before any upstream call', async () => {
    stack.resetLog();
    const response = await stack.gql(`mutation { updateProductsSettings(input: {}) { status } }`);
    expect(response.errors?.[0]?.message).toMatch(/isEnabled/);
    expect(stack.upstreamCalls()).toHaveLength(0);
    expect(settings().is_enabled).toBe(true);
  });
});
