// The shapes the auth layer shares: an account's stored OAuth state, the stores that keep it,
// the cross-instance refresh lock, and who a client request speaks for.

/** An OAuth token pair (or a long-lived token, which has no refresh token). */
export interface TokenSet {
  accessToken: string;
  /** amoCRM's refresh tokens are single-use: each refresh returns a new one. */
  refreshToken: string | null;
  /** When the access token expires, unix ms. */
  expiresAt: number;
}

/** What the gateway keeps per installed account. */
export interface StoredAccount {
  /** amoCRM's account id: stable across subdomain renames. */
  accountId: number;
  /** The account's API origin, e.g. `https://demo.amocrm.ru`; changes when the subdomain is renamed. */
  baseUrl: string;
  token: TokenSet;
  /** The `api_domain` claim of the access token (tokens since 2024-08-21), for subdomain look-ups. */
  apiDomain: string | null;
  /** Unix ms of the last write. */
  updatedAt: number;
}

/**
 * Where account tokens live: memory (one process), an encrypted file (one instance that
 * restarts), or Redis (many instances). Persistent stores encrypt every value (JWE).
 */
export interface TokenStore {
  get(accountId: number): Promise<StoredAccount | null>;
  put(account: StoredAccount): Promise<void>;
  /**
   * Writes `next` only if the stored refresh token is still `expectedRefreshToken` (atomically),
   * so a slow instance never overwrites a newer pair with a stale one. Says whether it wrote.
   */
  compareAndSet(accountId: number, expectedRefreshToken: string | null, next: StoredAccount): Promise<boolean>;
  delete(accountId: number): Promise<void>;
  /** Every stored account id. */
  list(): Promise<number[]>;
  close?(): Promise<void>;
}

export interface LockHandle {
  /** Releases the lock if this holder still owns it. */
  release(): Promise<void>;
}

/** A lock across instances (Redis `SET NX PX`), so exactly one refresh runs per expiry. */
export interface RefreshLock {
  /** The lock, or null when another holder has it. */
  tryAcquire(key: string, ttlMs: number): Promise<LockHandle | null>;
}

/** Who a GraphQL request speaks for, as client authentication established it. */
export interface Principal {
  /** The amoCRM account; null means the gateway's only (or default) account. */
  accountId: number | null;
  /** The amoCRM user the client acts as, when known (widget tokens carry it). */
  userId: number | null;
  method: 'widget' | 'jwt' | 'api-key' | 'anonymous';
}
