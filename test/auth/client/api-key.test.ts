// Static API keys (X-Api-Key) for server-to-server clients: configured as SHA-256 hashes, each
// mapped to an account; the presented key's hash is compared with every configured one in
// constant time; keys never appear in refusals or configuration errors.

import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKeyAuth, generateApiKey, hashApiKey, parseApiKeys, type ApiKeyEntry } from '../../../src/auth/client/api-key.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const KEYS = ['ci-key-4b1c0a7e2f9d8c6b5a4f3e2d1c0b9a8f', 'sync-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'ops-key-aa55aa55aa55aa55aa55aa55aa55aa55'];
const entries: ApiKeyEntry[] = [
  { hash: hashApiKey(KEYS[0]!), accountId: 31000001, label: 'ci' },
  { hash: hashApiKey(KEYS[1]!), accountId: 31000002, label: 'billing-sync' },
  { hash: hashApiKey(KEYS[2]!), accountId: 31000001 },
];
const withKey = (key: string) => new Headers({ 'X-Api-Key': key });

beforeEach(() => {
  vi.mocked(crypto.timingSafeEqual).mockClear();
});

describe('API key strategy', () => {
  it('maps each key to its account', async () => {
    const auth = createApiKeyAuth({ keys: entries });
    expect(await auth.authenticate(withKey(KEYS[0]!))).toEqual({ ok: true, principal: { accountId: 31000001, userId: null, method: 'api-key' } });
    expect(await auth.authenticate(withKey(KEYS[1]!))).toEqual({ ok: true, principal: { accountId: 31000002, userId: null, method: 'api-key' } });
  });

  it('says nothing (null) without X-Api-Key', async () => {
    const auth = createApiKeyAuth({ keys: entries });
    expect(await auth.authenticate(new Headers())).toBeNull();
    expect(auth.present(new Headers())).toBe(false);
    expect(auth.present(withKey(''))).toBe(true);
  });

  it.each([
    ['an unknown key', 'not-a-configured-key-0000000000000000'],
    ['a configured key with a letter changed', `${KEYS[0]!.slice(0, -1)}0`],
    ['the hash itself', entries[0]!.hash],
    ['an empty header', ''],
    ['an oversized header', 'k'.repeat(10_000)],
  ])('refuses %s with 401, without quoting it', async (_name, key) => {
    const result = await createApiKeyAuth({ keys: entries }).authenticate(withKey(key));
    expect(result).toEqual({ ok: false, status: 401, code: 'INVALID_API_KEY', message: 'The API key is not valid.' });
  });

  it('compares the key with every configured hash in constant time, wherever it matches', async () => {
    const auth = createApiKeyAuth({ keys: entries });
    const compare = vi.mocked(crypto.timingSafeEqual);
    for (const key of [KEYS[0]!, KEYS[2]!, 'unknown-key-0000000000000000000000']) {
      compare.mockClear();
      await auth.authenticate(withKey(key));
      // One constant-time comparison per configured key, of two 32-byte digests: no early exit,
      // no comparison of the raw key.
      expect(compare).toHaveBeenCalledTimes(entries.length);
      for (const [a, b] of compare.mock.calls) {
        expect((a as Buffer).length).toBe(32);
        expect((b as Buffer).length).toBe(32);
      }
    }
  });

  it('accepts hashes in either case and with no key configured refuses every key', async () => {
    const upper = createApiKeyAuth({ keys: [{ hash: hashApiKey(KEYS[0]!).toUpperCase().replace('SHA256', 'sha256'), accountId: 1 }] });
    expect(await upper.authenticate(withKey(KEYS[0]!))).toMatchObject({ ok: true, principal: { accountId: 1 } });
    expect(await createApiKeyAuth({ keys: [] }).authenticate(withKey(KEYS[0]!))).toMatchObject({ ok: false, status: 401 });
  });
});

describe('API key configuration', () => {
  it('hashes as sha256:<hex> of the UTF-8 key, matching the operator one-liner', () => {
    expect(hashApiKey('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const oneLiner = `sha256:${crypto.createHash('sha256').update('abc').digest('hex')}`;
    expect(hashApiKey('abc')).toBe(oneLiner);
  });

  it('generates distinct 256-bit keys', () => {
    const a = generateApiKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(a);
  });

  it('refuses a raw key where a hash belongs, without repeating it', () => {
    const secretLooking = 'my-raw-api-key-that-must-not-leak';
    expect(() => createApiKeyAuth({ keys: [{ hash: secretLooking, accountId: 1, label: 'ci' }] })).toThrow(/key #1 \(ci\): hash must be/);
    try {
      createApiKeyAuth({ keys: [{ hash: secretLooking, accountId: 1 }] });
    } catch (error) {
      expect(String(error)).not.toContain(secretLooking);
    }
  });

  it('refuses duplicate hashes and bad account ids', () => {
    expect(() => createApiKeyAuth({ keys: [entries[0]!, { ...entries[0]!, label: 'again' }] })).toThrow(/twice/);
    expect(() => createApiKeyAuth({ keys: [{ hash: entries[0]!.hash, accountId: 0 }] })).toThrow(/accountId/);
  });

  it('parses the one-setting form: sha256:<hex>:<account>[:<label>], comma or newline separated', () => {
    const text = `${entries[0]!.hash}:31000001:ci,\n ${entries[1]!.hash}:31000002\n`;
    expect(parseApiKeys(text)).toEqual([
      { hash: entries[0]!.hash, accountId: 31000001, label: 'ci' },
      { hash: entries[1]!.hash, accountId: 31000002 },
    ]);
    expect(parseApiKeys('')).toEqual([]);
    expect(() => parseApiKeys(`${entries[0]!.hash}:31000001,raw-key-oops:1`)).toThrow(/entry #2/);
    try {
      parseApiKeys('raw-key-oops:1');
    } catch (error) {
      expect(String(error)).not.toContain('raw-key-oops');
    }
  });
});
