// Picks a token store from configuration and refuses the unsafe ones: a store that outlives the
// process (file, Redis) never starts without an encryption key, so tokens are never at rest in clear.

import { Redis } from 'ioredis';
import { createTokenCipher, type EncryptionKeyInput } from '../token-crypto.js';
import { TokenStoreConfigError } from '../token-store-errors.js';
import type { TokenStore } from '../types.js';
import { createFileTokenStore } from './file-store.js';
import { createMemoryTokenStore } from './memory-store.js';
import { createRedisTokenStore } from './redis-store.js';

export type TokenStoreKind = 'memory' | 'file' | 'redis';

export interface TokenStoreConfig {
  kind: TokenStoreKind;
  /** file: the token file (created with mode 0600, its directory with 0700, when missing). */
  path?: string | null;
  /** redis: a client the caller owns and closes, or a URL for a client the store opens and closes. */
  redis?: Redis | string | null;
  /** redis: key prefix, default `amocrm-graphql:token:`. */
  prefix?: string;
  /**
   * file, redis: the encryption keys, 32 bytes each in base64 or base64url; the first seals, all
   * open. A single string may list several separated by commas (TOKEN_ENCRYPTION_KEY's form).
   */
  keys?: EncryptionKeyInput | readonly EncryptionKeyInput[] | null;
}

const KEY_HINT = 'set TOKEN_ENCRYPTION_KEY to 32 random bytes in base64 (`openssl rand -base64 32`)';

function hasKeys(keys: TokenStoreConfig['keys']): keys is NonNullable<TokenStoreConfig['keys']> {
  if (keys === undefined || keys === null) return false;
  if (typeof keys === 'string') return keys.trim() !== '';
  if (keys instanceof Uint8Array) return true;
  return keys.length > 0;
}

export function createTokenStore(config: TokenStoreConfig): TokenStore {
  switch (config.kind) {
    case 'memory':
      // Nothing reaches disk; keys, if given, are still checked so a bad one is found now.
      if (hasKeys(config.keys)) createTokenCipher({ keys: config.keys });
      return createMemoryTokenStore();

    case 'file': {
      if (!config.path) throw new TokenStoreConfigError('the file token store needs a path');
      if (!hasKeys(config.keys)) throw new TokenStoreConfigError(`the file token store keeps tokens on disk and refuses to store them unencrypted: ${KEY_HINT}`);
      return createFileTokenStore({ path: config.path, cipher: createTokenCipher({ keys: config.keys }) });
    }

    case 'redis': {
      if (!config.redis) throw new TokenStoreConfigError('the Redis token store needs a Redis client or REDIS_URL');
      if (!hasKeys(config.keys)) throw new TokenStoreConfigError(`the Redis token store keeps tokens in Redis and refuses to store them unencrypted: ${KEY_HINT}`);
      // The cipher first: a bad key must not leave a connection open behind the error.
      const cipher = createTokenCipher({ keys: config.keys });
      const owns = typeof config.redis === 'string';
      const redis = typeof config.redis === 'string' ? new Redis(config.redis) : config.redis;
      return createRedisTokenStore({ redis, cipher, prefix: config.prefix, ownsClient: owns });
    }

    default:
      throw new TokenStoreConfigError(`unknown token store kind ${JSON.stringify((config as { kind: unknown }).kind)}; use memory, file or redis`);
  }
}
