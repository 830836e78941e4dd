// The token manager against a scripted token endpoint: exactly one refresh per expiry, however
// many callers and instances; never a lost pair; a dead grant declared only when it is dead.

import { describe, expect, it } from 'vitest';
import { AuthError, OAuthEndpointError } from '../../src/auth/errors.js';
import type { OAuthClient, TokenGrant } from '../../src/auth/oauth-client.js';
import { createTokenManager } from '../../src/auth/token-manager.js';
import type { LockHandle, RefreshLock, StoredAccount, TokenStore } from '../../src/auth/types.js';

/** A store shared by "instances", with the compare-and-set the real stores provide. */
function sharedStore(initial: StoredAccount): TokenStore & { writes: number } {
  const data = new Map<number, StoredAccount>([[initial.accountId, structuredClone(initial)]]);
  const store = {
    writes: 0,
    async get(id: number) {
      await Promise.resolve();
      const value = data.get(id);
      return value ? structuredClone(value) : null;
    },
    async put(account: StoredAccount) {
      store.writes++;
      data.set(account.accountId, structuredClone(account));
    },
    async compareAndSet(id: number, expected: string | null, next: StoredAccount) {
      await Promise.resolve();
      if (data.get(id)?.token.refreshToken !== expected) return false;
      store.writes++;
      data.set(id, structuredClone(next));
      return true;
    },
    async delete(id: number) {
      data.delete(id);
    },
    async list() {
      return [...data.keys()];
    },
  };
  return store;
}

function sharedLock(): RefreshLock {
  const held = new Set<string>();
  return {
    async tryAcquire(key) {
      await Promise.resolve();
      if (held.has(key)) return null;
      held.add(key);
      const handle: LockHandle = { release: async () => void held.delete(key) };
      return handle;
    },
  };
}

/** amoCRM's token endpoint: single-use refresh tokens, one rotation per use. */
function tokenEndpoint(options: { delayMs?: number; movedTo?: string } = {}) {
  const used = new Set<string>();
  let issued = 0;
  const calls: { kind: 'refresh' | 'lookup'; baseUrl: string }[] = [];
  const client: OAuthClient = {
    async exchangeCode() {
      throw new Error('not used');
    },
    async refresh(baseUrl, refreshToken): Promise<TokenGrant> {
      calls.push({ kind: 'refresh', baseUrl });
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
      if (options.movedTo && baseUrl !== options.movedTo) throw new OAuthEndpointError(404, 'not_found', 'old host');
      if (used.has(refreshToken)) throw new OAuthEndpointError(401, 'revoked', 'Token has been revoked');
      used.add(refreshToken);
      issued++;
      return { token: { accessToken: `access-${issued}`, refreshToken: `refresh-${issued}`, expiresAt: Date.now() + 86_400_000 }, accountId: 7, apiDomain: 'api-b.amocrm.ru' };
    },
    async currentOrigin() {
      calls.push({ kind: 'lookup', baseUrl: '' });
      return options.movedTo!;
    },
  };
  return { client, calls, used };
}

const expired = (overrides: Partial<StoredAccount> = {}): StoredAccount => ({
  accountId: 7,
  baseUrl: 'https://demo.amocrm.ru',
  token: { accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: Date.now() - 1_000 },
  apiDomain: 'api-b.amocrm.ru',
  updatedAt: 0,
  ...overrides,
});

const quiet = { log: () => {}, pollMs: 5 };

describe('token manager', () => {
  it('answers a fresh token without refreshing, and refreshes ahead of expiry by the skew', async () => {
    const endpoint = tokenEndpoint();
    const store = sharedStore(expired({ token: { accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: Date.now() + 30_000 } }));
    const relaxed = createTokenManager({ accountId: 7, store, lock: sharedLock(), oauth: endpoint.client, skewMs: 10_000, ...quiet });
    expect(await relaxed.authorization()).toBe('Bearer access-0');
    const strict = createTokenManager({ accountId: 7, store, lock: sharedLock(), oauth: endpoint.client, skewMs: 60_000, ...quiet });
    expect(await strict.authorization()).toBe('Bearer access-1');
    expect(endpoint.calls).toHaveLength(1);
  });

  it('makes exactly one refresh for 200 concurrent callers of an expired token', async () => {
    const endpoint = tokenEndpoint({ delayMs: 30 });
    const store = sharedStore(expired());
    const manager = createTokenManager({ accountId: 7, store, lock: sharedLock(), oauth: endpoint.client, ...quiet });
    const answers = await Promise.all(Array.from({ length: 200 }, () => manager.authorization()));
    expect(new Set(answers)).toEqual(new Set(['Bearer access-1']));
    expect(endpoint.calls).toHaveLength(1);
    // The rotated pair was written before it was used.
    expect((await store.get(7))!.token.refreshToken).toBe('refresh-1');
  });

  it('makes exactly one refresh across instances sharing the store and the lock', async () => {
    const endpoint = tokenEndpoint({ delayMs: 30 });
    const store = sharedStore(expired());
    const lock = sharedLock();
    const instances = [1, 2, 3].map(() => createTokenManager({ accountId: 7, store, lock, oauth: endpoint.client, ...quiet }));
    const answers = await Promise.all(instances.flatMap((manager) => Array.from({ length: 50 }, () => manager.authorization())));
    expect(new Set(answers)).toEqual(new Set(['Bearer access-1']));
    expect(endpoint.calls).toHaveLength(1);
    expect(endpoint.used).toEqual(new Set(['refresh-0']));
  });

  it('takes the pair another instance stored when its own refresh token turns out revoked', async () => {
    const endpoint = tokenEndpoint();
    const store = sharedStore(expired());
    // This instance read the pair, then another one refreshed behind its back (no lock between them here).
    const slow = createTokenManager({ accountId: 7, store, lock: sharedLock(), oauth: endpoint.client, ...quiet });
    await slow.load();
    const other = createTokenManager({ accountId: 7, store, lock: sharedLock(), oauth: endpoint.client, ...quiet });
    expect(await other.authorization()).toBe('Bearer access-1');
    // The slow one now gets 401 from the API with the old token and is asked what to do.
    expect(await slow.onUnauthorized('Bearer access-0')).toBe(true);
    expect(await slow.authorization()).toBe('Bearer access-1');
    expect(endpoint.calls).toHaveLength(1);
  });

  it('declares the grant dead only when the store has nothing newer, then fails fast', async () => {
    const endpoint = tokenEndpoint();
    endpoint.used.add('refresh-0');
    const store = sharedStore(expired());
    const manager = createTokenManager({ accountId: 7, store, lock: sharedLock(), oauth: endpoint.client, ...quiet });
    const error = await manager.authorization().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('AMOCRM_REAUTHORIZATION_REQUIRED');
    await expect(manager.authorization()).rejects.toBeInstanceOf(AuthError);
    expect(endpoint.calls).toHaveLength(1);
    expect(JSON.stringify({ message: (error as Error).message })).not.toContain('refresh-0');
  });

  it('replays a 401 once with a fresh token, and not at all with a long-lived token', async () => {
    const endpoint = tokenEndpoint();
    const store = sharedStore(expired({ token: { accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: Date.now() + 86_400_000 } }));
    const manager = createTokenManager({ accountId: 7, store, lock: sharedLock(), oauth: endpoint.client, ...quiet });
    expect(await manager.onUnauthorized(await manager.authorization())).toBe(true);
    expect(await manager.authorization()).toBe('Bearer access-1');

    const longLived = createTokenManager({
      accountId: 7,
      store: sharedStore(expired({ token: { accessToken: 'llt', refreshToken: null, expiresAt: Date.now() + 86_400_000 } })),
      lock: sharedLock(),
      oauth: endpoint.client,
      ...quiet,
    });
    expect(await longLived.onUnauthorized(await longLived.authorization())).toBe(false);
  });

  it('follows a subdomain rename: looks up the new host, refreshes there, stores it', async () => {
    const endpoint = tokenEndpoint({ movedTo: 'https://renamed.amocrm.ru' });
    const store = sharedStore(expired());
    const moves: string[] = [];
    const manager = createTokenManager({
      accountId: 7,
      store,
      lock: sharedLock(),
      oauth: endpoint.client,
      isAllowedOrigin: (origin) => origin.endsWith('.amocrm.ru'),
      onOriginChange: (origin) => moves.push(origin),
      ...quiet,
    });
    expect(await manager.authorization()).toBe('Bearer access-1');
    expect(manager.baseUrl).toBe('https://renamed.amocrm.ru');
    expect((await store.get(7))!.baseUrl).toBe('https://renamed.amocrm.ru');
    expect(moves).toEqual(['https://renamed.amocrm.ru']);
    expect(endpoint.calls.map((call) => call.kind)).toEqual(['refresh', 'lookup', 'refresh']);
  });

  it('never sends the secret to a host amoCRM names that is not an allowed amoCRM host', async () => {
    const endpoint = tokenEndpoint({ movedTo: 'https://evil.example.test' });
    const manager = createTokenManager({
      accountId: 7,
      store: sharedStore(expired()),
      lock: sharedLock(),
      oauth: endpoint.client,
      isAllowedOrigin: (origin) => origin.endsWith('.amocrm.ru'),
      ...quiet,
    });
    await expect(manager.authorization()).rejects.toMatchObject({ code: 'AMOCRM_TOKEN_REFRESH_FAILED' });
    expect(endpoint.calls.filter((call) => call.kind === 'refresh')).toHaveLength(1);
  });
});
