// Keeps one account's OAuth pair alive without ever losing it. amoCRM's refresh tokens are
// single-use: two refreshes with the same token revoke the integration. So a refresh is
// single-flight inside the process and runs under a lock across instances; the store is re-read
// under the lock (another instance may have refreshed already); the new pair is written
// (compare-and-set on the old refresh token) before it is used; and after a "revoked" answer the
// store is read once more before the grant is declared dead, since another instance may have won.

import { AuthError, OAuthEndpointError } from './errors.js';
import type { AuthStrategy } from './auth-strategy.js';
import type { OAuthClient } from './oauth-client.js';
import type { RefreshLock, StoredAccount, TokenStore } from './types.js';

export interface TokenManagerOptions {
  accountId: number;
  store: TokenStore;
  lock: RefreshLock;
  oauth: OAuthClient;
  /** Refresh this long before expiry, so no request goes out with a token about to die. */
  skewMs?: number;
  /** How long one refresh may hold the cross-instance lock. */
  lockTtlMs?: number;
  /** Waiting for another instance's refresh: how often to look at the store. */
  pollMs?: number;
  /**
   * Runs before every call to the token endpoint (the account's rate limiter); what it returns
   * is called once that call is answered.
   */
  beforeRequest?: (signal?: AbortSignal) => Promise<(() => void) | void>;
  /** Whether a host amoCRM names after a subdomain rename may receive our secrets. */
  isAllowedOrigin?: (origin: string) => boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
  /** Told whenever the account moved to a new origin. */
  onOriginChange?: (origin: string) => void;
}

export interface TokenManager extends AuthStrategy {
  onUnauthorized(usedAuthorization: string): Promise<boolean>;
  /** The account's current origin (it follows subdomain renames). */
  readonly baseUrl: string;
  /** Loads the stored pair; throws AMOCRM_ACCOUNT_NOT_INSTALLED when there is none. */
  load(): Promise<StoredAccount>;
  /** Reads the store again and forgets a dead grant: after a re-install. */
  reload(): Promise<StoredAccount>;
  /** Refreshes now (single-flight): for tests and operators. */
  refresh(): Promise<void>;
  /** How many refreshes this process made (tests count them). */
  readonly refreshes: number;
}

const LOCK_PREFIX = 'refresh:';

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = options.log ?? ((level, message) => console[level](message));
  const skewMs = options.skewMs ?? 60_000;
  const lockTtlMs = options.lockTtlMs ?? 15_000;
  const pollMs = options.pollMs ?? 100;
  const label = `account ${options.accountId}`;

  let current: StoredAccount | null = null;
  let inFlight: Promise<StoredAccount> | null = null;
  let dead: AuthError | null = null;
  let refreshes = 0;

  const adopt = (account: StoredAccount) => {
    const moved = current !== null && current.baseUrl !== account.baseUrl;
    current = account;
    if (moved) options.onOriginChange?.(account.baseUrl);
    return account;
  };

  const fresh = (account: StoredAccount) => account.token.expiresAt - skewMs > now();

  const load = async (): Promise<StoredAccount> => {
    if (current) return current;
    const stored = await options.store.get(options.accountId);
    if (!stored) throw new AuthError('AMOCRM_ACCOUNT_NOT_INSTALLED', `amoCRM ${label} is not installed: run the OAuth install first`);
    return adopt(stored);
  };

  const revoked = (cause?: unknown) =>
    new AuthError('AMOCRM_REAUTHORIZATION_REQUIRED', `amoCRM revoked the integration's grant for ${label}; an admin must install it again`, { cause });

  /** One call to amoCRM, inside a rate-limiter slot that counts from its answer. */
  const limited = async <T>(call: () => Promise<T>): Promise<T> => {
    const release = await options.beforeRequest?.();
    try {
      return await call();
    } finally {
      release?.();
    }
  };

  /** Calls the token endpoint, following a subdomain rename once. */
  const callRefresh = async (account: StoredAccount, refreshToken: string) => {
    try {
      return { grant: await limited(() => options.oauth.refresh(account.baseUrl, refreshToken)), baseUrl: account.baseUrl };
    } catch (error) {
      // The old host of a renamed account answers 401 or 404: ask amoCRM where the account lives now.
      const renamed = error instanceof OAuthEndpointError && (error.status === 404 || (error.status === 401 && error.kind !== 'revoked'));
      if (!renamed || !account.apiDomain) throw error;
      const origin = await limited(() => options.oauth.currentOrigin(account.apiDomain!, refreshToken, new URL(account.baseUrl).protocol));
      if (origin === account.baseUrl) throw error;
      if (options.isAllowedOrigin && !options.isAllowedOrigin(origin)) {
        throw new AuthError('AMOCRM_TOKEN_REFRESH_FAILED', `amoCRM named ${new URL(origin).host} as ${label}'s new host, which is not an allowed amoCRM host`);
      }
      log('warn', `amoCRM ${label} moved from ${new URL(account.baseUrl).host} to ${new URL(origin).host}`);
      return { grant: await limited(() => options.oauth.refresh(origin, refreshToken)), baseUrl: origin };
    }
  };

  /** The refresh itself, holding the cross-instance lock. `seen` is the pair we found stale. */
  const refreshLocked = async (seen: StoredAccount): Promise<StoredAccount> => {
    // Another instance may have refreshed while we waited for the lock.
    const latest = (await options.store.get(options.accountId)) ?? seen;
    if (latest.token.refreshToken !== seen.token.refreshToken && fresh(latest)) return adopt(latest);
    const refreshToken = latest.token.refreshToken;
    if (!refreshToken) throw revoked();
    try {
      const { grant, baseUrl } = await callRefresh(latest, refreshToken);
      refreshes++;
      const next: StoredAccount = {
        ...latest,
        baseUrl,
        token: grant.token,
        apiDomain: grant.apiDomain ?? latest.apiDomain,
        updatedAt: now(),
      };
      // Persist before use: a pair that only lived in memory would be lost with the process.
      if (!(await options.store.compareAndSet(options.accountId, refreshToken, next))) {
        const winner = await options.store.get(options.accountId);
        if (!winner) throw new AuthError('AMOCRM_ACCOUNT_NOT_INSTALLED', `amoCRM ${label} was removed while its token was refreshed`);
        log('error', `the token store changed under the refresh lock of ${label}; keeping the stored pair`);
        return adopt(winner);
      }
      log('info', `refreshed the amoCRM token of ${label}`);
      return adopt(next);
    } catch (error) {
      if (error instanceof OAuthEndpointError && error.kind === 'revoked') {
        // Before declaring the grant dead: did another instance rotate it meanwhile?
        const again = await options.store.get(options.accountId);
        if (again && again.token.refreshToken !== refreshToken) return adopt(again);
        throw revoked(error);
      }
      if (error instanceof AuthError) throw error;
      throw new AuthError('AMOCRM_TOKEN_REFRESH_FAILED', `refreshing the amoCRM token of ${label} failed: ${(error as Error).message}`, { cause: error });
    }
  };

  /** Waits for whoever holds the lock to write a new pair, then takes it. */
  const refreshOnce = async (seen: StoredAccount): Promise<StoredAccount> => {
    const deadline = now() + lockTtlMs * 2;
    for (;;) {
      const handle = await options.lock.tryAcquire(`${LOCK_PREFIX}${options.accountId}`, lockTtlMs);
      if (handle) {
        try {
          return await refreshLocked(seen);
        } finally {
          await handle.release();
        }
      }
      await sleep(pollMs);
      const stored = await options.store.get(options.accountId);
      if (stored && stored.token.refreshToken !== seen.token.refreshToken) return adopt(stored);
      if (now() > deadline) {
        throw new AuthError('AMOCRM_TOKEN_REFRESH_FAILED', `waited too long for another instance to refresh the token of ${label}`);
      }
    }
  };

  /** Single-flight inside the process. */
  const refresh = async (seen: StoredAccount): Promise<StoredAccount> => {
    inFlight ??= refreshOnce(seen).then(
      (account) => {
        inFlight = null;
        return account;
      },
      (error: unknown) => {
        inFlight = null;
        if (error instanceof AuthError && error.code === 'AMOCRM_REAUTHORIZATION_REQUIRED') {
          dead = error;
          log('error', error.message);
        }
        throw error;
      },
    );
    return inFlight;
  };

  const valid = async (): Promise<StoredAccount> => {
    if (dead) throw dead;
    const account = await load();
    if (fresh(account) || account.token.refreshToken === null) return account;
    // Maybe another instance already refreshed: the store is cheaper than the token endpoint.
    const stored = await options.store.get(options.accountId);
    if (stored && fresh(stored)) return adopt(stored);
    return refresh(stored ?? account);
  };

  return {
    get baseUrl() {
      if (!current) throw new Error(`the token of ${label} is not loaded yet`);
      return current.baseUrl;
    },
    get refreshes() {
      return refreshes;
    },
    load,
    async reload() {
      current = null;
      dead = null;
      return load();
    },
    async refresh() {
      await refresh(await load());
    },
    async authorization() {
      return `Bearer ${(await valid()).token.accessToken}`;
    },
    async onUnauthorized(used) {
      if (dead) return false;
      const account = await load();
      if (`Bearer ${account.token.accessToken}` !== used) return true;
      if (account.token.refreshToken === null) return false;
      try {
        await refresh(account);
        return true;
      } catch (error) {
        // A dead grant is the answer the client needs, not the 401 that revealed it.
        if (error instanceof AuthError && error.code === 'AMOCRM_REAUTHORIZATION_REQUIRED') throw error;
        return false;
      }
    },
  };
}
