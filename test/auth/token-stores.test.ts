// Token stores (memory, encrypted file, Redis) behind one interface: what they keep, that nothing
// is at rest in clear, and that compareAndSet lets exactly one refresh win per refresh token.

import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createTokenStore } from '../../src/auth/stores/create-token-store.js';
import { createFileTokenStore } from '../../src/auth/stores/file-store.js';
import { createMemoryTokenStore } from '../../src/auth/stores/memory-store.js';
import { createRedisTokenStore } from '../../src/auth/stores/redis-store.js';
import { createTokenCipher, keyFingerprint, parseEncryptionKey } from '../../src/auth/token-crypto.js';
import { TokenKeyError, TokenStoreConfigError, TokenStoreCorruptError, TokenUnreadableError } from '../../src/auth/token-store-errors.js';
import type { StoredAccount, TokenStore } from '../../src/auth/types.js';
import { newRedis, REDIS_URL, redisUnavailable, uniquePrefix } from '../helpers/redis.js';

const KEY_OLD = randomBytes(32).toString('base64');
const KEY_NEW = randomBytes(32).toString('base64url').replace(/=+$/, '');

/** An account whose tokens are long, unique strings, easy to search for in raw storage. */
function account(accountId: number, generation: number, refresh: 'refresh' | 'none' = 'refresh'): StoredAccount {
  const salt = randomBytes(8).toString('hex');
  return {
    accountId,
    baseUrl: `https://account${accountId}.amocrm.ru`,
    token: {
      accessToken: `access-${accountId}-${generation}-${salt}`,
      refreshToken: refresh === 'none' ? null : `refresh-${accountId}-${generation}-${salt}`,
      expiresAt: 1_700_000_000_000 + generation * 86_400_000,
    },
    apiDomain: 'api-b.amocrm.ru',
    updatedAt: 1_700_000_000_000 + generation,
  };
}

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'amocrm-graphql-tokens-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

// Redis: one shared client, extra ones to play other instances, unique prefixes removed at the end.
// Clients are made only once Redis answers, so a machine without it sees one skip notice, not noise.
let redisSkip: string | null = null;
let redis: Redis;
const extraClients: Redis[] = [];
const prefixes: string[] = [];
function redisPrefix(name: string): string {
  const prefix = `${uniquePrefix(name)}:`;
  prefixes.push(prefix);
  return prefix;
}
function anotherClient(): Redis {
  const client = newRedis();
  extraClients.push(client);
  return client;
}
beforeAll(async () => {
  redisSkip = await redisUnavailable();
  if (!redisSkip) redis = newRedis();
});
afterAll(async () => {
  if (!redisSkip) {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    }
  }
  for (const client of [redis, ...extraClients]) client?.disconnect();
});

/** How a contract test gets stores: `open()` twice gives two instances over the same storage. */
interface Harness {
  open(): TokenStore;
}

const kinds: Array<{ name: string; needsRedis: boolean; harness: () => Promise<Harness> }> = [
  {
    name: 'memory',
    needsRedis: false,
    harness: async () => {
      const store = createMemoryTokenStore();
      return { open: () => store };
    },
  },
  {
    name: 'file',
    needsRedis: false,
    harness: async () => {
      const path = join(await tempDir(), 'tokens.json');
      const cipher = createTokenCipher({ keys: KEY_NEW });
      return { open: () => createFileTokenStore({ path, cipher }) };
    },
  },
  {
    name: 'redis',
    needsRedis: true,
    harness: async () => {
      const prefix = redisPrefix('store');
      const cipher = createTokenCipher({ keys: KEY_NEW });
      // Each instance its own connection, as separate gateway processes would have.
      return { open: () => createRedisTokenStore({ redis: anotherClient(), cipher, prefix }) };
    },
  },
];

describe.each(kinds)('$name token store', ({ needsRedis, harness }) => {
  async function setup(context: TestContext): Promise<Harness> {
    if (needsRedis && redisSkip) context.skip(redisSkip);
    return harness();
  }

  it('returns what was put, lists it, and forgets it on delete', async (context) => {
    const store = (await setup(context)).open();
    const one = account(101, 1);
    const two = account(7, 1, 'none');
    expect(await store.get(101)).toBeNull();
    expect(await store.list()).toEqual([]);
    await store.put(one);
    await store.put(two);
    expect(await store.get(101)).toEqual(one);
    expect(await store.get(7)).toEqual(two);
    expect(await store.list()).toEqual([7, 101]);
    const replaced = account(101, 2);
    await store.put(replaced);
    expect(await store.get(101)).toEqual(replaced);
    await store.delete(101);
    await store.delete(101);
    expect(await store.get(101)).toBeNull();
    expect(await store.list()).toEqual([7]);
  });

  it('hands out copies: changing a returned or stored object changes nothing stored', async (context) => {
    const store = (await setup(context)).open();
    const original = account(5, 1);
    await store.put(original);
    const expected = structuredClone(original);
    original.token.accessToken = 'mutated after put';
    const read = (await store.get(5))!;
    read.token.refreshToken = 'mutated after get';
    expect(await store.get(5)).toEqual(expected);
  });

  it('compareAndSet writes once per refresh token: the first refresh wins, a stale writer loses', async (context) => {
    const storage = await setup(context);
    const fast = storage.open();
    const slow = storage.open();
    const first = account(42, 1);
    await fast.put(first);
    const fastNext = account(42, 2);
    const slowNext = account(42, 2);
    expect(await fast.compareAndSet(42, first.token.refreshToken, fastNext)).toBe(true);
    // The slow instance refreshed with the same (now spent) refresh token: it must not overwrite.
    expect(await slow.compareAndSet(42, first.token.refreshToken, slowNext)).toBe(false);
    expect(await slow.get(42)).toEqual(fastNext);
    const third = account(42, 3);
    expect(await slow.compareAndSet(42, fastNext.token.refreshToken, third)).toBe(true);
    expect(await fast.get(42)).toEqual(third);
  });

  it('compareAndSet never creates an account that is not stored', async (context) => {
    const store = (await setup(context)).open();
    expect(await store.compareAndSet(9, null, account(9, 1))).toBe(false);
    expect(await store.compareAndSet(9, 'anything', account(9, 1))).toBe(false);
    expect(await store.get(9)).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('compareAndSet matches a long-lived token by its null refresh token', async (context) => {
    const store = (await setup(context)).open();
    await store.put(account(3, 1, 'none'));
    expect(await store.compareAndSet(3, 'refresh-3-1', account(3, 2))).toBe(false);
    const next = account(3, 2);
    expect(await store.compareAndSet(3, null, next)).toBe(true);
    expect(await store.compareAndSet(3, null, account(3, 3))).toBe(false);
    expect(await store.get(3)).toEqual(next);
  });

  it('compareAndSet refuses an account written under another id', async (context) => {
    const store = (await setup(context)).open();
    await store.put(account(1, 1));
    await expect(store.compareAndSet(1, null, account(2, 1))).rejects.toBeInstanceOf(TypeError);
  });

  it('lets exactly one of 20 concurrent compareAndSet calls with the same expected token win', async (context) => {
    const storage = await setup(context);
    const instances = Array.from({ length: 4 }, () => storage.open());
    const start = account(77, 0);
    await instances[0]!.put(start);
    const candidates = Array.from({ length: 20 }, (_, i) => account(77, i + 1));
    const results = await Promise.all(
      candidates.map((next, i) => instances[i % instances.length]!.compareAndSet(77, start.token.refreshToken, next)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await instances[1]!.get(77)).toEqual(candidates[results.indexOf(true)]);
  });
});

describe('token encryption', () => {
  it('round-trips an account, names the key by fingerprint, and shows no token in the sealed value', async () => {
    const cipher = createTokenCipher({ keys: KEY_OLD });
    const stored = account(12, 1);
    const sealed = await cipher.seal(stored);
    expect(await cipher.open(12, sealed)).toEqual(stored);
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed).not.toContain(stored.token.accessToken);
    expect(sealed).not.toContain(stored.token.refreshToken);
    const header = decodeProtectedHeader(sealed);
    expect(header).toMatchObject({ alg: 'dir', enc: 'A256GCM', kid: keyFingerprint(parseEncryptionKey(KEY_OLD)), acc: 12 });
    expect(JSON.stringify(header)).not.toContain(KEY_OLD);
  });

  it('accepts the same key as base64 or base64url, padded or not', async () => {
    const bytes = randomBytes(32);
    const forms = [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('base64').replace(/=+$/, ''), bytes];
    const sealed = await createTokenCipher({ keys: forms[0]! }).seal(account(1, 1));
    for (const form of forms) await expect(createTokenCipher({ keys: form }).open(1, sealed)).resolves.toMatchObject({ accountId: 1 });
  });

  it('refuses a key of the wrong length or encoding without repeating it', () => {
    const bad = [
      randomBytes(31).toString('base64'),
      randomBytes(33).toString('base64url'),
      randomBytes(16).toString('hex'),
      `${randomBytes(32).toString('base64').slice(0, 20)}!${randomBytes(32).toString('base64').slice(21)}`,
      '   ',
    ];
    for (const key of bad) {
      let caught: unknown;
      try {
        createTokenCipher({ keys: key });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TokenKeyError);
      expect((caught as TokenKeyError).code).toBe('TOKEN_KEY_INVALID');
      if (key.trim()) expect((caught as Error).message).not.toContain(key.trim().slice(0, 8));
    }
    expect(() => createTokenCipher({ keys: [KEY_NEW, randomBytes(24).toString('base64')] })).toThrow(/\(key 2 of 2\) decodes to 24 bytes/);
  });

  it('rotates keys: values sealed with an old key still open, new values use the first key', async () => {
    const before = createTokenCipher({ keys: KEY_OLD });
    const during = createTokenCipher({ keys: `${KEY_NEW}, ${KEY_OLD}` });
    const after = createTokenCipher({ keys: KEY_NEW });
    const old = await before.seal(account(8, 1));
    expect(await during.open(8, old)).toMatchObject({ accountId: 8 });
    const fresh = await during.seal(account(8, 2));
    expect(during.keyIdOf(fresh)).toBe(keyFingerprint(parseEncryptionKey(KEY_NEW)));
    expect(during.keyIdOf(old)).toBe(keyFingerprint(parseEncryptionKey(KEY_OLD)));
    expect(await after.open(8, fresh)).toMatchObject({ accountId: 8 });
    await expect(after.open(8, old)).rejects.toMatchObject({ name: 'TokenUnreadableError', reason: 'unknown-key' });
  });

  it('refuses a value moved to another account, a tampered value and garbage, with typed errors', async () => {
    const cipher = createTokenCipher({ keys: KEY_NEW });
    const sealed = await cipher.seal(account(100, 1));
    await expect(cipher.open(200, sealed)).rejects.toMatchObject({ reason: 'wrong-account', accountId: 200 });

    const parts = sealed.split('.');
    const ciphertext = parts[3]!;
    const flipped = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    await expect(cipher.open(100, [parts[0], parts[1], parts[2], flipped, parts[4]].join('.'))).rejects.toMatchObject({ reason: 'tampered' });

    // Rewriting the header to claim the other account breaks authentication instead.
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...header, acc: 200 })).toString('base64url');
    await expect(cipher.open(200, [forged, ...parts.slice(1)].join('.'))).rejects.toMatchObject({ reason: 'tampered' });

    for (const garbage of ['', 'not a jwe', 'a.b.c.d.e', parts.slice(0, 4).join('.')]) {
      const error = await cipher.open(100, garbage).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TokenUnreadableError);
      expect((error as TokenUnreadableError).reason).toBe('malformed');
    }
  });
});

describe('encrypted file store', () => {
  async function fileStore(keys: string = KEY_NEW, name = 'tokens.json') {
    const path = join(await tempDir(), name);
    return { path, store: createFileTokenStore({ path, cipher: createTokenCipher({ keys }) }) };
  }

  it('survives a restart: a new store instance reads what the old one wrote', async () => {
    const { path, store } = await fileStore();
    const stored = account(31, 1);
    await store.put(stored);
    const restarted = createTokenStore({ kind: 'file', path, keys: KEY_NEW });
    expect(await restarted.get(31)).toEqual(stored);
    expect(await restarted.list()).toEqual([31]);
  });

  it('is a file of mode 0600 holding only sealed values, with no temporary files left behind', async () => {
    const { path, store } = await fileStore(KEY_NEW, 'nested/dir/tokens.json');
    const one = account(1, 1);
    const two = account(2, 1);
    await store.put(one);
    await store.put(two);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const raw = await readFile(path, 'utf8');
    for (const secret of [one.token.accessToken, one.token.refreshToken!, two.token.accessToken, two.token.refreshToken!, KEY_NEW]) {
      expect(raw).not.toContain(secret);
    }
    const parsed = JSON.parse(raw) as Record<string, string>;
    expect(Object.keys(parsed)).toEqual(['1', '2']);
    expect(decodeProtectedHeader(parsed['1']!)).toMatchObject({ acc: 1 });
    expect(await readdir(join(path, '..'))).toEqual(['tokens.json']);

    // A file someone loosened is replaced by one that is private again on the next write.
    await chmod(path, 0o644);
    await store.put(account(1, 2));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('is an empty store while the file is missing', async () => {
    const { path, store } = await fileStore();
    expect(await store.get(1)).toBeNull();
    expect(await store.list()).toEqual([]);
    await store.delete(1);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a tampered value and a value copied under another account id', async () => {
    const { path, store } = await fileStore();
    await store.put(account(1, 1));
    await store.put(account(2, 1));
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;

    const parts = parsed['1']!.split('.');
    // The first character: all six of its bits are ciphertext (the last one's may be padding).
    parts[3] = `${parts[3]!.startsWith('A') ? 'B' : 'A'}${parts[3]!.slice(1)}`;
    await writeFile(path, JSON.stringify({ ...parsed, 1: parts.join('.') }));
    await expect(store.get(1)).rejects.toMatchObject({ name: 'TokenUnreadableError', reason: 'tampered', accountId: 1 });

    await writeFile(path, JSON.stringify({ ...parsed, 1: parsed['2'] }));
    await expect(store.get(1)).rejects.toMatchObject({ name: 'TokenUnreadableError', reason: 'wrong-account' });
    // compareAndSet must not trust what it cannot open either.
    await expect(store.compareAndSet(1, null, account(1, 2))).rejects.toBeInstanceOf(TokenUnreadableError);
  });

  it('refuses a corrupt file with a clear error and never writes over it', async () => {
    const { path, store } = await fileStore();
    for (const corrupt of ['{"1": "abc"', '[]', '{"one": "abc"}', '{"1": 5}', '']) {
      await writeFile(path, corrupt);
      await expect(store.get(1)).rejects.toBeInstanceOf(TokenStoreCorruptError);
      await expect(store.list()).rejects.toThrow(/token file .*tokens\.json is corrupt/);
      await expect(store.put(account(1, 1))).rejects.toMatchObject({ code: 'TOKEN_STORE_CORRUPT' });
      expect(await readFile(path, 'utf8')).toBe(corrupt);
    }
  });

  it('serializes writes from two store instances in one process: no write is lost', async () => {
    const { path } = await fileStore();
    const cipher = createTokenCipher({ keys: KEY_NEW });
    const a = createFileTokenStore({ path, cipher });
    const b = createFileTokenStore({ path, cipher });
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).put(account(i + 1, 1))));
    expect(await a.list()).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('reads values sealed with a rotated-out key and writes new ones with the new key', async () => {
    const { path, store } = await fileStore(KEY_OLD);
    await store.put(account(1, 1));
    const rotated = createTokenStore({ kind: 'file', path, keys: [KEY_NEW, KEY_OLD] });
    expect(await rotated.get(1)).toMatchObject({ accountId: 1 });
    await rotated.put(account(2, 1));
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;
    expect(decodeProtectedHeader(parsed['1']!).kid).toBe(keyFingerprint(parseEncryptionKey(KEY_OLD)));
    expect(decodeProtectedHeader(parsed['2']!).kid).toBe(keyFingerprint(parseEncryptionKey(KEY_NEW)));
    await expect(createTokenStore({ kind: 'file', path, keys: KEY_NEW }).get(1)).rejects.toMatchObject({ reason: 'unknown-key' });
  });
});

describe('Redis token store', () => {
  function setup(context: TestContext) {
    if (redisSkip) context.skip(redisSkip);
    const prefix = redisPrefix('redis-store');
    return { prefix, store: createRedisTokenStore({ redis, cipher: createTokenCipher({ keys: KEY_NEW }), prefix }) };
  }

  it('keeps one hash per account with the sealed value and a refresh-token digest, no token in clear', async (context) => {
    const { prefix, store } = setup(context);
    const stored = account(55, 1);
    await store.put(stored);
    const raw = await redis.hgetall(`${prefix}55`);
    expect(Object.keys(raw).sort()).toEqual(['jwe', 'rt']);
    expect(decodeProtectedHeader(raw.jwe!)).toMatchObject({ acc: 55, kid: keyFingerprint(parseEncryptionKey(KEY_NEW)) });
    const dump = JSON.stringify(raw);
    expect(dump).not.toContain(stored.token.accessToken);
    expect(dump).not.toContain(stored.token.refreshToken);
    // Nor any recognisable part of them.
    expect(dump).not.toContain('access-55');
    expect(dump).not.toContain('refresh-55');
  });

  it('lists accounts with SCAN across many keys and ignores keys that are not accounts', async (context) => {
    const { prefix, store } = setup(context);
    const ids = Array.from({ length: 120 }, (_, i) => i * 3 + 1);
    await Promise.all(ids.map((id) => store.put(account(id, 1))));
    await redis.set(`${prefix}not-an-account`, 'x');
    await redis.set(`${prefix}12:extra`, 'x');
    expect(await store.list()).toEqual(ids);
  });

  it('refuses a value copied to another account key', async (context) => {
    const { prefix, store } = setup(context);
    await store.put(account(1, 1));
    const raw = await redis.hgetall(`${prefix}1`);
    await redis.hset(`${prefix}2`, raw);
    await expect(store.get(2)).rejects.toMatchObject({ name: 'TokenUnreadableError', reason: 'wrong-account' });
  });

  it('reads values sealed with a rotated-out key and writes new ones with the new key', async (context) => {
    if (redisSkip) context.skip(redisSkip);
    const prefix = redisPrefix('rotation');
    const before = createTokenStore({ kind: 'redis', redis, prefix, keys: KEY_OLD });
    const during = createTokenStore({ kind: 'redis', redis, prefix, keys: [KEY_NEW, KEY_OLD] });
    const first = account(4, 1);
    await before.put(first);
    expect(await during.get(4)).toEqual(first);
    // compareAndSet works across the rotation: the digest does not depend on the key.
    expect(await during.compareAndSet(4, first.token.refreshToken, account(4, 2))).toBe(true);
    expect(decodeProtectedHeader((await redis.hget(`${prefix}4`, 'jwe'))!).kid).toBe(keyFingerprint(parseEncryptionKey(KEY_NEW)));
    await expect(before.get(4)).rejects.toMatchObject({ reason: 'unknown-key' });
  });

  it('closes a client it opened from a URL, and leaves a caller’s client open', async (context) => {
    if (redisSkip) context.skip(redisSkip);
    const prefix = redisPrefix('close');
    const own = createTokenStore({ kind: 'redis', redis: REDIS_URL, prefix, keys: KEY_NEW });
    await own.put(account(1, 1));
    await own.close?.();
    const shared = createTokenStore({ kind: 'redis', redis, prefix, keys: KEY_NEW });
    await shared.close?.();
    expect(await redis.ping()).toBe('PONG');
    expect(await shared.list()).toEqual([1]);
  });
});

describe('createTokenStore', () => {
  it('makes a memory store without a key', async () => {
    const store = createTokenStore({ kind: 'memory' });
    await store.put(account(1, 1));
    expect(await store.list()).toEqual([1]);
  });

  it('refuses a persistent store without an encryption key', async () => {
    const path = join(await tempDir(), 'tokens.json');
    for (const keys of [undefined, null, '', '  ', []]) {
      expect(() => createTokenStore({ kind: 'file', path, keys })).toThrow(TokenStoreConfigError);
      expect(() => createTokenStore({ kind: 'file', path, keys })).toThrow(/TOKEN_ENCRYPTION_KEY/);
      expect(() => createTokenStore({ kind: 'redis', redis: 'redis://127.0.0.1:1', keys })).toThrow(TokenStoreConfigError);
    }
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a bad key, a missing path or client, and an unknown kind', () => {
    const badKey = randomBytes(20).toString('base64');
    expect(() => createTokenStore({ kind: 'file', path: '/tmp/x.json', keys: badKey })).toThrow(TokenKeyError);
    expect(() => createTokenStore({ kind: 'memory', keys: badKey })).toThrow(TokenKeyError);
    expect(() => createTokenStore({ kind: 'file', keys: KEY_NEW })).toThrow(/needs a path/);
    expect(() => createTokenStore({ kind: 'redis', keys: KEY_NEW })).toThrow(/needs a Redis client/);
    expect(() => createTokenStore({ kind: 'sqlite' as 'memory' })).toThrow(/unknown token store kind "sqlite"/);
  });
});
