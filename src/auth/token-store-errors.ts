// The errors token stores and their encryption raise, in one place. None of them ever carries a
// key, a token or a sealed value: messages name the account, the file or the setting, and why.

export type TokenStoreErrorCode = 'TOKEN_STORE_MISCONFIGURED' | 'TOKEN_KEY_INVALID' | 'TOKEN_UNREADABLE' | 'TOKEN_STORE_CORRUPT';

export class TokenStoreError extends Error {
  readonly code: TokenStoreErrorCode = 'TOKEN_STORE_MISCONFIGURED';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A store asked for without what it needs (a path, a Redis client, an encryption key). */
export class TokenStoreConfigError extends TokenStoreError {
  override readonly code: TokenStoreErrorCode = 'TOKEN_STORE_MISCONFIGURED';
}

/** An encryption key of the wrong length or encoding. The message never repeats the key. */
export class TokenKeyError extends TokenStoreConfigError {
  override readonly code: TokenStoreErrorCode = 'TOKEN_KEY_INVALID';
}

/**
 * Why a sealed value was refused:
 * - `malformed`: not a token JWE of ours at all;
 * - `unknown-key`: sealed under a key that is not configured (rotated out, or another deployment's);
 * - `tampered`: the ciphertext or its protected header was changed (authentication failed);
 * - `wrong-account`: an authentic value, sealed for another account, found in this account's slot.
 */
export type TokenUnreadableReason = 'malformed' | 'unknown-key' | 'tampered' | 'wrong-account';

export class TokenUnreadableError extends TokenStoreError {
  override readonly code: TokenStoreErrorCode = 'TOKEN_UNREADABLE';
  readonly accountId: number;
  readonly reason: TokenUnreadableReason;

  constructor(accountId: number, reason: TokenUnreadableReason, detail: string, options?: { cause?: unknown }) {
    super(`the stored token of account ${accountId} was refused (${reason}): ${detail}`, options);
    this.accountId = accountId;
    this.reason = reason;
  }
}

/** A token file that is not one we wrote. The store refuses to read it or to write over it. */
export class TokenStoreCorruptError extends TokenStoreError {
  override readonly code: TokenStoreErrorCode = 'TOKEN_STORE_CORRUPT';
  readonly path: string;

  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super(`token file ${path} is corrupt (${detail}); it was left untouched`, options);
    this.path = path;
  }
}
