// The shape check for `StoredAccount`, shared by every store: values decrypted from disk or Redis
// are checked before anyone relies on them, and a malformed account is refused before it is stored.

import type { StoredAccount } from './types.js';

export function assertAccountId(accountId: unknown): asserts accountId is number {
  if (typeof accountId !== 'number' || !Number.isSafeInteger(accountId) || accountId <= 0) {
    throw new TypeError(`an account id is a positive integer, got ${typeof accountId === 'number' ? accountId : typeof accountId}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The first thing wrong with `value` as a StoredAccount, or null. Names fields, never their values. */
export function storedAccountProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (typeof value.accountId !== 'number' || !Number.isSafeInteger(value.accountId) || value.accountId <= 0) return 'accountId is not a positive integer';
  if (typeof value.baseUrl !== 'string') return 'baseUrl is not a string';
  if (!isStringOrNull(value.apiDomain)) return 'apiDomain is not a string or null';
  if (!isTime(value.updatedAt)) return 'updatedAt is not a number';
  const token = value.token;
  if (!isObject(token)) return 'token is not an object';
  if (typeof token.accessToken !== 'string') return 'token.accessToken is not a string';
  if (!isStringOrNull(token.refreshToken)) return 'token.refreshToken is not a string or null';
  if (!isTime(token.expiresAt)) return 'token.expiresAt is not a number';
  return null;
}

export function assertStoredAccount(value: unknown): asserts value is StoredAccount {
  const problem = storedAccountProblem(value);
  if (problem) throw new TypeError(`not a stored account: ${problem}`);
}

/** Only the known fields, so nothing a caller hung on the object is persisted by accident. */
export function copyStoredAccount(account: StoredAccount): StoredAccount {
  return {
    accountId: account.accountId,
    baseUrl: account.baseUrl,
    token: { accessToken: account.token.accessToken, refreshToken: account.token.refreshToken, expiresAt: account.token.expiresAt },
    apiDomain: account.apiDomain,
    updatedAt: account.updatedAt,
  };
}

/** compareAndSet's precondition: `next` must be for the account it is written to. */
export function assertNextAccount(accountId: number, next: StoredAccount): void {
  assertAccountId(accountId);
  assertStoredAccount(next);
  if (next.accountId !== accountId) throw new TypeError(`compareAndSet for account ${accountId} was given account ${next.accountId}`);
}
