// Every amoCRM account one process serves, each with its own token, rate limiter, breaker and
// caches: a static one (a long-lived token, or the embedded sandbox) and any number installed
// through OAuth, whose token pairs live in the token store. A request's principal picks one.

import { AuthError } from '../auth/errors.js';
import type { OAuthClient } from '../auth/oauth-client.js';
import { createTokenManager, type TokenManager } from '../auth/token-manager.js';
import { createTokenAuth } from '../auth/token-auth.js';
import type { RefreshLock, StoredAccount, TokenStore } from '../auth/types.js';
import { createAccount, type Account, type AccountOptions } from './account.js';

/** What every account shares (dispatcher, limits, Redis), plus where accounts come from. */
export interface AccountRegistryOptions extends Omit<AccountOptions, 'baseUrl' | 'key' | 'auth'> {
  /** A long-lived token for one account (or the sandbox's token). */
  static: { baseUrl: string; token: string } | null;
  /** Accounts installed through OAuth. */
  oauth: {
    client: OAuthClient;
    store: TokenStore;
    lock: RefreshLock;
    isAllowedOrigin: (origin: string) => boolean;
    /** Refresh this long before expiry. */
    skewMs?: number;
  } | null;
  /** The OAuth account that requests naming none speak for, when there is no static account. */
  defaultAccountId?: number | null;
}

export interface RegisteredAccount extends Account {
  /** amoCRM's account id, once known. */
  readonly accountId: number | null;
  /** The token manager of an OAuth account. */
  readonly tokens: TokenManager | null;
}

export interface AccountRegistry {
  /** The static account, if one is configured. */
  readonly defaultAccount: RegisteredAccount | null;
  /**
   * The account a request speaks for: `null` means the default account. Throws
   * AMOCRM_ACCOUNT_NOT_INSTALLED for an account this gateway does not serve.
   */
  resolve(accountId: number | null): Promise<RegisteredAccount>;
  /** Stores a freshly installed pair and serves the account from now on. */
  install(account: StoredAccount): Promise<RegisteredAccount>;
  /** Every account created so far. */
  all(): RegisteredAccount[];
}

export function createAccountRegistry(options: AccountRegistryOptions): AccountRegistry {
  const { static: _static, oauth: _oauth, defaultAccountId: _default, ...shared } = options;

  let staticAccountId: Promise<number | null> | null = null;
  const defaultAccount: RegisteredAccount | null = options.static
    ? {
        ...createAccount({ ...shared, baseUrl: options.static.baseUrl, auth: createTokenAuth(options.static.token) }),
        accountId: null,
        tokens: null,
      }
    : null;

  /** The static account's amoCRM id: asked once, then remembered (a token's account never changes). */
  const idOfDefault = () => {
    staticAccountId ??= defaultAccount
      ? defaultAccount.context.account().then(
          (account) => account.id,
          (error: unknown) => {
            staticAccountId = null;
            throw error;
          },
        )
      : Promise.resolve(null);
    return staticAccountId;
  };

  const installed = new Map<number, Promise<RegisteredAccount>>();
  const opened: RegisteredAccount[] = [];

  const open = (accountId: number): Promise<RegisteredAccount> => {
    const oauth = options.oauth!;
    let tokens: TokenManager | null = null;
    const account = createAccount({
      ...shared,
      key: `account:${accountId}`,
      baseUrl: () => tokens!.baseUrl,
      auth: (limiter) => {
        tokens = createTokenManager({
          accountId,
          store: oauth.store,
          lock: oauth.lock,
          oauth: oauth.client,
          skewMs: oauth.skewMs,
          beforeRequest: (signal) => limiter.acquire(signal),
          isAllowedOrigin: oauth.isAllowedOrigin,
          log: options.log,
        });
        return tokens;
      },
    });
    return tokens!.load().then(() => {
      const registered: RegisteredAccount = { ...account, accountId, tokens };
      opened.push(registered);
      return registered;
    });
  };

  const notInstalled = (accountId: number) =>
    new AuthError('AMOCRM_ACCOUNT_NOT_INSTALLED', `amoCRM account ${accountId} is not installed on this gateway`);

  return {
    defaultAccount,
    async resolve(accountId) {
      if (accountId === null) {
        if (defaultAccount) return defaultAccount;
        if (options.defaultAccountId) return this.resolve(options.defaultAccountId);
        throw new AuthError('AMOCRM_ACCOUNT_NOT_INSTALLED', 'this request names no amoCRM account, and the gateway has no default one');
      }
      if (options.oauth) {
        let pending = installed.get(accountId);
        if (!pending) {
          pending = open(accountId);
          installed.set(accountId, pending);
          pending.catch(() => installed.delete(accountId));
        }
        try {
          return await pending;
        } catch (error) {
          if (!(error instanceof AuthError && error.code === 'AMOCRM_ACCOUNT_NOT_INSTALLED')) throw error;
        }
      }
      if (defaultAccount && (await idOfDefault()) === accountId) return defaultAccount;
      throw notInstalled(accountId);
    },
    async install(account) {
      if (!options.oauth) throw new AuthError('AMOCRM_OAUTH_MISCONFIGURED', 'OAuth is not configured on this gateway');
      await options.oauth.store.put(account);
      // A re-install replaces the pair: an account already open takes it from the store.
      const existing = await installed.get(account.accountId)?.catch(() => null);
      if (existing) {
        await existing.tokens?.reload();
        return existing;
      }
      return this.resolve(account.accountId);
    },
    all() {
      return defaultAccount ? [defaultAccount, ...opened] : [...opened];
    },
  };
}
