// amoCRM widget disposable tokens: `this.$authorizedAjax()` in a widget sends `X-Auth-Token`, a
// JWT that amoCRM signs HS256 with the integration's secret key, valid ~30 minutes, naming the
// account and the user looking at the widget. Only amoCRM and this gateway know the key, so a
// token that verifies speaks for that account and user.

import { jwtVerify, type JWTPayload } from 'jose';
import { amoId, refusalForJoseError } from './jwt-refusal.js';
import { accepted, MAX_CREDENTIAL_LENGTH, refused, type ClientAuthResult, type ClientAuthStrategy } from './types.js';

export const WIDGET_TOKEN_HEADER = 'x-auth-token';

/** amoCRM account URLs: `https://<subdomain>.amocrm.ru` and its siblings. */
export const DEFAULT_ACCOUNT_HOSTS: readonly string[] = ['*.amocrm.ru', '*.amocrm.com', '*.kommo.com'];

export interface WidgetTokenAuthOptions {
  /** The integration's secret key (`client_secret`): the HS256 key of its widget tokens. */
  clientSecret: string;
  /** The integration's redirect URI: tokens carry its origin (`scheme://host[:port]`) as `aud`. */
  redirectUri: string;
  /** The integration id; when set, a token's `client_uuid` must equal it. */
  clientId?: string;
  /** Clock skew tolerated on `exp`/`nbf`/`iat`, seconds. Default 30. */
  clockToleranceSec?: number;
  /**
   * What a token's `iss` (the account URL) may be: `*.domain` means `https://<subdomain>.domain`
   * whose first label is the token's `subdomain` claim; anything else is an exact origin (for a
   * sandbox or proxy). Default amocrm.ru, amocrm.com, kommo.com.
   */
  accountHosts?: readonly string[];
  now?: () => Date;
}

export function createWidgetTokenAuth(options: WidgetTokenAuthOptions): ClientAuthStrategy {
  if (!options.clientSecret) throw new TypeError('createWidgetTokenAuth: clientSecret is empty');
  const key = new TextEncoder().encode(options.clientSecret);
  const audience = new URL(options.redirectUri).origin;
  if (audience === 'null') throw new TypeError('createWidgetTokenAuth: redirectUri has no origin');
  const clientId = options.clientId?.trim().toLowerCase() || undefined;
  const clockTolerance = options.clockToleranceSec ?? 30;
  const issuerAllowed = accountIssuerMatcher(options.accountHosts ?? DEFAULT_ACCOUNT_HOSTS);
  const now = options.now;

  return {
    method: 'widget',
    scheme: 'AmoCRM-Widget',
    hint: 'an amoCRM widget token in X-Auth-Token',
    present: (headers) => headers.has(WIDGET_TOKEN_HEADER),
    async authenticate(headers): Promise<ClientAuthResult | null> {
      const token = headers.get(WIDGET_TOKEN_HEADER)?.trim();
      if (token === undefined) return null;
      if (!token || token.length > MAX_CREDENTIAL_LENGTH) {
        return refused(401, 'MALFORMED_TOKEN', 'X-Auth-Token is empty or too long to be a widget token.');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key, {
          // Pinned: `none`, other HMACs and public-key algorithms (key confusion) never verify.
          algorithms: ['HS256'],
          // The origin exactly; a trailing slash is the same origin written as a URL.
          audience: [audience, `${audience}/`],
          clockTolerance,
          requiredClaims: ['exp', 'iss', 'account_id', 'user_id', 'subdomain', ...(clientId ? ['client_uuid'] : [])],
          ...(now ? { currentDate: now() } : {}),
        }));
      } catch (error) {
        const refusal = refusalForJoseError(error);
        if (refusal) return refusal;
        throw error;
      }

      const accountId = amoId(payload.account_id);
      const userId = amoId(payload.user_id);
      if (accountId === null) return refused(401, 'INVALID_CLAIM', 'The token\'s "account_id" claim is not an account id.');
      if (userId === null) return refused(401, 'INVALID_CLAIM', 'The token\'s "user_id" claim is not a user id.');
      const subdomain = payload.subdomain;
      if (typeof subdomain !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(subdomain)) {
        return refused(401, 'INVALID_CLAIM', 'The token\'s "subdomain" claim is not an amoCRM subdomain.');
      }
      if (typeof payload.iss !== 'string' || !issuerAllowed(payload.iss, subdomain)) {
        return refused(401, 'WRONG_ISSUER', 'The token\'s "iss" is not the URL of the amoCRM account it names.');
      }
      if (clientId && (typeof payload.client_uuid !== 'string' || payload.client_uuid.toLowerCase() !== clientId)) {
        return refused(401, 'WRONG_CLIENT', 'The token was issued for another integration.');
      }
      return accepted({ accountId, userId, method: 'widget' });
    },
  };
}

function accountIssuerMatcher(patterns: readonly string[]): (iss: string, subdomain: string) => boolean {
  const exact = new Set<string>();
  const domains: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('*.')) domains.push(pattern.slice(2).toLowerCase());
    else exact.add(new URL(pattern).origin);
  }
  return (iss, subdomain) => {
    let url: URL;
    try {
      url = new URL(iss);
    } catch {
      return false;
    }
    // An account URL is an origin: no credentials, path, query or fragment.
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return false;
    if (exact.has(url.origin)) return true;
    if (url.protocol !== 'https:' || url.port !== '') return false;
    const host = url.hostname; // lower-cased by URL
    return domains.some((domain) => host === `${subdomain.toLowerCase()}.${domain}`);
  };
}
