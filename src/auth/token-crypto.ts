// Seals a StoredAccount as a compact JWE (`dir` + A256GCM) and opens it again. The protected
// header names the key (`kid`, a fingerprint, never the key) so keys can rotate, and the account
// (`acc`) so a value copied into another account's slot is refused; GCM authenticates both.

import { createHash } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader, errors } from 'jose';
import { assertStoredAccount, copyStoredAccount, storedAccountProblem } from './stored-account.js';
import { TokenKeyError, TokenUnreadableError } from './token-store-errors.js';
import type { StoredAccount } from './types.js';

/** A key as configured (base64 or base64url text of 32 bytes) or as raw bytes. */
export type EncryptionKeyInput = string | Uint8Array;

/** Marks our values apart from any other JWE that might be made under the same key. */
const TOKEN_TYP = 'amocrm-graphql.token+jwe';
const KEY_BYTES = 32;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface TokenCipher {
  /** Fingerprints of the configured keys; the first is the one new values are sealed with. */
  readonly keyIds: readonly string[];
  seal(account: StoredAccount): Promise<string>;
  /** Opens a value read from `accountId`'s slot; throws TokenUnreadableError when it must not be trusted. */
  open(accountId: number, sealed: string): Promise<StoredAccount>;
  /** The `kid` a value was sealed with (unauthenticated), e.g. to re-seal after a rotation; null if unreadable. */
  keyIdOf(sealed: string): string | null;
}

/**
 * A short public name for a key: 64 bits of a domain-separated SHA-256. It tells keys apart in a
 * header without helping anyone recover a 256-bit key.
 */
export function keyFingerprint(key: Uint8Array): string {
  return createHash('sha256').update('amocrm-graphql token key id\0').update(key).digest().subarray(0, 8).toString('base64url');
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Decodes one key; `label` says which setting (and which entry of a list) is wrong. */
export function parseEncryptionKey(input: EncryptionKeyInput, label = 'TOKEN_ENCRYPTION_KEY'): Uint8Array {
  if (input instanceof Uint8Array) {
    if (input.length !== KEY_BYTES) throw new TokenKeyError(`${label} is ${input.length} bytes; it must be exactly ${KEY_BYTES}`);
    return Uint8Array.from(input);
  }
  const text = input.trim();
  if (!text) throw new TokenKeyError(`${label} is empty; it must be ${KEY_BYTES} random bytes in base64 or base64url (e.g. \`openssl rand -base64 32\`)`);
  // Node's base64 decoder skips characters it does not know, so check the alphabet first;
  // otherwise a pasted typo would quietly become a different key.
  if (!BASE64.test(text) && !BASE64URL.test(text)) {
    throw new TokenKeyError(`${label} is not base64 or base64url text (${text.length} characters); it must encode exactly ${KEY_BYTES} bytes`);
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== KEY_BYTES) {
    throw new TokenKeyError(`${label} decodes to ${bytes.length} bytes; it must be exactly ${KEY_BYTES} (\`openssl rand -base64 32\` makes one)`);
  }
  return new Uint8Array(bytes);
}

/**
 * Decodes a key list: an array, or one string with keys separated by commas or whitespace (how
 * TOKEN_ENCRYPTION_KEY carries a rotation: the new key first, the old ones after it).
 */
export function parseEncryptionKeys(input: EncryptionKeyInput | readonly EncryptionKeyInput[], label = 'TOKEN_ENCRYPTION_KEY'): Uint8Array[] {
  const list = typeof input === 'string' ? input.split(/[\s,]+/).filter(Boolean) : input instanceof Uint8Array ? [input] : [...input];
  if (list.length === 0) throw new TokenKeyError(`${label} is empty; it must hold at least one key of ${KEY_BYTES} random bytes in base64 or base64url`);
  return list.map((key, index) => parseEncryptionKey(key, list.length > 1 ? `${label} (key ${index + 1} of ${list.length})` : label));
}

export interface TokenCipherOptions {
  /** The first key seals; every key opens. */
  keys: EncryptionKeyInput | readonly EncryptionKeyInput[];
}

export function createTokenCipher(options: TokenCipherOptions): TokenCipher {
  const keys = new Map<string, Uint8Array>();
  for (const key of parseEncryptionKeys(options.keys)) {
    const kid = keyFingerprint(key);
    const known = keys.get(kid);
    if (known && Buffer.compare(known, key) !== 0) throw new TokenKeyError(`TOKEN_ENCRYPTION_KEY holds two different keys with the same fingerprint ${kid}`);
    keys.set(kid, key);
  }
  const keyIds = [...keys.keys()];
  const sealingKid = keyIds[0]!;
  const sealingKey = keys.get(sealingKid)!;

  return {
    keyIds,

    async seal(account) {
      assertStoredAccount(account);
      return new CompactEncrypt(encoder.encode(JSON.stringify(copyStoredAccount(account))))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: sealingKid, typ: TOKEN_TYP, acc: account.accountId })
        .encrypt(sealingKey);
    },

    async open(accountId, sealed) {
      if (typeof sealed !== 'string') throw new TokenUnreadableError(accountId, 'malformed', 'the stored value is not a string');
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(sealed);
      } catch (error) {
        throw new TokenUnreadableError(accountId, 'malformed', 'not a compact JWE', { cause: error });
      }
      if (header.typ !== TOKEN_TYP || header.alg !== 'dir' || header.enc !== 'A256GCM') {
        throw new TokenUnreadableError(accountId, 'malformed', 'not a token sealed by amocrm-graphql');
      }
      const key = typeof header.kid === 'string' ? keys.get(header.kid) : undefined;
      if (!key) {
        throw new TokenUnreadableError(accountId, 'unknown-key', `sealed with key ${String(header.kid)}, which is not among the configured keys (${keyIds.join(', ')})`);
      }
      let plaintext: Uint8Array;
      let authenticated: typeof header;
      try {
        // The algorithm lists pin what is accepted, whatever the header claims.
        const result = await compactDecrypt(sealed, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
        plaintext = result.plaintext;
        authenticated = result.protectedHeader;
      } catch (error) {
        if (error instanceof errors.JWEDecryptionFailed) throw new TokenUnreadableError(accountId, 'tampered', 'authentication failed', { cause: error });
        throw new TokenUnreadableError(accountId, 'malformed', 'not a valid JWE', { cause: error });
      }
      // Checked only now, on the authenticated header: an edited `acc` already failed as tampered.
      if (authenticated.acc !== accountId) {
        throw new TokenUnreadableError(accountId, 'wrong-account', `it was sealed for account ${String(authenticated.acc)}`);
      }
      let account: unknown;
      try {
        account = JSON.parse(decoder.decode(plaintext));
      } catch (error) {
        throw new TokenUnreadableError(accountId, 'malformed', 'the payload is not JSON', { cause: error });
      }
      const problem = storedAccountProblem(account);
      if (problem) throw new TokenUnreadableError(accountId, 'malformed', problem);
      const opened = account as StoredAccount;
      if (opened.accountId !== accountId) throw new TokenUnreadableError(accountId, 'wrong-account', `it holds account ${opened.accountId}`);
      return copyStoredAccount(opened);
    },

    keyIdOf(sealed) {
      try {
        const { kid } = decodeProtectedHeader(sealed);
        return typeof kid === 'string' ? kid : null;
      } catch {
        return null;
      }
    },
  };
}
