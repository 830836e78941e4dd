// Tokens in Redis, shared by every instance. One hash per account: `jwe` holds the sealed account,
// `rt` a digest of its refresh token. Redis cannot decrypt, so compareAndSet compares digests in a
// Lua script, which Redis runs alone: no other instance's write can land between check and set.

import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { assertAccountId, assertNextAccount, assertStoredAccount } from '../stored-account.js';
import type { TokenCipher } from '../token-crypto.js';
import type { TokenStore } from '../types.js';

export const DEFAULT_TOKEN_KEY_PREFIX = 'amocrm-graphql:token:';

export interface RedisTokenStoreOptions {
  /** A plain ioredis client (no `keyPrefix`: SCAN patterns would not get it). */
  redis: Redis;
  cipher: TokenCipher;
  /** Keys are `${prefix}${accountId}`. */
  prefix?: string;
  /** Quit the client on close(): for a client made for this store alone. */
  ownsClient?: boolean;
}

const SEALED_FIELD = 'jwe';
const DIGEST_FIELD = 'rt';
/** Stands for "no refresh token" (a long-lived token); no digest looks like it. */
const NO_REFRESH_TOKEN = '-';

/**
 * What Redis keeps instead of the refresh token. amoCRM's refresh tokens are long random strings,
 * so a digest can be neither inverted nor guessed; a keyed MAC would add nothing but would stop
 * matching across a key rotation.
 */
export function refreshTokenDigest(refreshToken: string | null): string {
  if (refreshToken === null) return NO_REFRESH_TOKEN;
  return createHash('sha256').update('amocrm-graphql refresh token\0').update(refreshToken).digest('base64url');
}

// A missing key or field reads as false and never matches: an account that is gone is not
// brought back by a refresh in flight.
const COMPARE_AND_SET = `
local current = redis.call('HGET', KEYS[1], '${DIGEST_FIELD}')
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], '${SEALED_FIELD}', ARGV[2], '${DIGEST_FIELD}', ARGV[3])
return 1
`;

/** SCAN MATCH treats these as pattern syntax; a prefix is meant literally. */
function escapePattern(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}

const ACCOUNT_SUFFIX = /^[1-9][0-9]{0,15}$/;

export function createRedisTokenStore(options: RedisTokenStoreOptions): TokenStore {
  const { redis, cipher } = options;
  const prefix = options.prefix ?? DEFAULT_TOKEN_KEY_PREFIX;
  const keyOf = (accountId: number) => `${prefix}${accountId}`;

  return {
    async get(accountId) {
      assertAccountId(accountId);
      const value = await redis.hget(keyOf(accountId), SEALED_FIELD);
      return value === null ? null : cipher.open(accountId, value);
    },

    async put(account) {
      assertStoredAccount(account);
      const value = await cipher.seal(account);
      // One HSET sets both fields, so the digest always describes the sealed value beside it.
      await redis.hset(keyOf(account.accountId), SEALED_FIELD, value, DIGEST_FIELD, refreshTokenDigest(account.token.refreshToken));
    },

    async compareAndSet(accountId, expectedRefreshToken, next) {
      assertNextAccount(accountId, next);
      const value = await cipher.seal(next);
      const written = await redis.eval(
        COMPARE_AND_SET,
        1,
        keyOf(accountId),
        refreshTokenDigest(expectedRefreshToken),
        value,
        refreshTokenDigest(next.token.refreshToken),
      );
      return written === 1;
    },

    async delete(accountId) {
      assertAccountId(accountId);
      await redis.del(keyOf(accountId));
    },

    async list() {
      // SCAN, not KEYS: it never blocks Redis for other clients. It may return a key twice.
      const ids = new Set<number>();
      const pattern = `${escapePattern(prefix)}*`;
      let cursor = '0';
      do {
        const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = nextCursor;
        for (const key of keys) {
          const suffix = key.slice(prefix.length);
          if (ACCOUNT_SUFFIX.test(suffix)) ids.add(Number(suffix));
        }
      } while (cursor !== '0');
      return [...ids].sort((a, b) => a - b);
    },

    async close() {
      if (options.ownsClient) await redis.quit();
    },
  };
}
