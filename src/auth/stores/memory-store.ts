// Tokens in this process's memory: the default for one instance, lost on restart. Nothing here
// awaits between reading and writing, so compareAndSet is atomic by JavaScript's run-to-completion.

import { assertAccountId, assertNextAccount, assertStoredAccount, copyStoredAccount } from '../stored-account.js';
import type { StoredAccount, TokenStore } from '../types.js';

export function createMemoryTokenStore(): TokenStore {
  // Copies in and out, so a caller mutating an account it holds never changes what is stored.
  const accounts = new Map<number, StoredAccount>();

  return {
    async get(accountId) {
      assertAccountId(accountId);
      const account = accounts.get(accountId);
      return account ? copyStoredAccount(account) : null;
    },

    async put(account) {
      assertStoredAccount(account);
      accounts.set(account.accountId, copyStoredAccount(account));
    },

    async compareAndSet(accountId, expectedRefreshToken, next) {
      assertNextAccount(accountId, next);
      const current = accounts.get(accountId);
      // An account that is gone (deleted, uninstalled) is not brought back by a refresh in flight.
      if (!current || current.token.refreshToken !== expectedRefreshToken) return false;
      accounts.set(accountId, copyStoredAccount(next));
      return true;
    },

    async delete(accountId) {
      assertAccountId(accountId);
      accounts.delete(accountId);
    },

    async list() {
      return [...accounts.keys()].sort((a, b) => a - b);
    },
  };
}
