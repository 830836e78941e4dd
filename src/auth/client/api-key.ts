// Static API keys for server-to-server clients (`X-Api-Key`). The gateway keeps only SHA-256
// hashes: keys are random 256-bit strings, so a fast hash is enough (nothing to brute-force), and
// a leaked configuration leaks no key. Every configured hash is compared in constant time, all of
// them on every request, so timing says nothing about which (if any) matched.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { accepted, MAX_CREDENTIAL_LENGTH, refused, type ClientAuthResult, type ClientAuthStrategy } from './types.js';

export const API_KEY_HEADER = 'x-api-key';

export interface ApiKeyEntry {
  /** `sha256:<64 hex>` of the key, as `hashApiKey` prints it. */
  hash: string;
  /** The amoCRM account requests with this key act on. */
  accountId: number;
  /** Who holds the key (`ci`, `billing-sync`), named in configuration errors; never the key. */
  label?: string;
}

export interface ApiKeyAuthOptions {
  keys: readonly ApiKeyEntry[];
}

/** What `ApiKeyEntry.hash` holds for `key`: `sha256:` and the hex digest of its UTF-8 bytes. */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/** A new random key (256 bits, base64url) for an operator to hand out; store only its hash. */
export function generateApiKey(): string {
  return randomBytes(32).toString('base64url');
}

interface CompiledKey {
  digest: Buffer;
  accountId: number;
  label: string | undefined;
}

export function createApiKeyAuth(options: ApiKeyAuthOptions): ClientAuthStrategy {
  const keys = compile(options.keys);

  const find = (key: string): CompiledKey | undefined => {
    const digest = createHash('sha256').update(key, 'utf8').digest();
    let found: CompiledKey | undefined;
    // No early exit: every entry costs the same whether or not an earlier one matched.
    for (const entry of keys) {
      if (timingSafeEqual(digest, entry.digest) && found === undefined) found = entry;
    }
    return found;
  };

  return {
    method: 'api-key',
    scheme: 'ApiKey',
    hint: 'an API key in X-Api-Key',
    present: (headers) => headers.has(API_KEY_HEADER),
    async authenticate(headers): Promise<ClientAuthResult | null> {
      const key = headers.get(API_KEY_HEADER)?.trim();
      if (key === undefined) return null;
      if (!key || key.length > MAX_CREDENTIAL_LENGTH) return refused(401, 'INVALID_API_KEY', 'The API key is not valid.');
      const entry = find(key);
      if (!entry) return refused(401, 'INVALID_API_KEY', 'The API key is not valid.');
      return accepted({ accountId: entry.accountId, userId: null, method: 'api-key' });
    },
  };
}

function compile(entries: readonly ApiKeyEntry[]): CompiledKey[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    // The position, never the value: a raw key pasted here by mistake must not reach a log.
    const where = `createApiKeyAuth: key #${index + 1}${entry.label ? ` (${entry.label})` : ''}`;
    const match = /^sha256:([0-9a-f]{64})$/i.exec(entry.hash?.trim() ?? '');
    if (!match) throw new TypeError(`${where}: hash must be "sha256:" and 64 hex digits (see hashApiKey)`);
    const hex = match[1]!.toLowerCase();
    if (seen.has(hex)) throw new TypeError(`${where}: the same hash is configured twice`);
    seen.add(hex);
    if (!Number.isSafeInteger(entry.accountId) || entry.accountId <= 0) throw new TypeError(`${where}: accountId must be a positive integer`);
    return { digest: Buffer.from(hex, 'hex'), accountId: entry.accountId, label: entry.label };
  });
}

/**
 * Reads API keys from one setting: entries separated by commas or newlines, each
 * `sha256:<hex>:<accountId>` or `sha256:<hex>:<accountId>:<label>`. Errors name the entry's
 * position, never its text.
 */
export function parseApiKeys(text: string): ApiKeyEntry[] {
  return text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => {
      const match = /^(sha256:[0-9a-f]{64}):([1-9][0-9]{0,15})(?::([\w.@-]{1,64}))?$/i.exec(part);
      if (!match) throw new TypeError(`API key entry #${index + 1} is not sha256:<64 hex>:<accountId>[:<label>]`);
      const entry: ApiKeyEntry = { hash: match[1]!, accountId: Number(match[2]) };
      if (match[3]) entry.label = match[3];
      return entry;
    });
}
