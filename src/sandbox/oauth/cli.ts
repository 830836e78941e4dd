// The OAuth flags of `npm run sandbox`, for node:util parseArgs, their translation into the
// `oauth` option, and the lines the CLI prints about them (the client secret masked).

import { maskSecret, type OAuthOptions } from './options.js';
import { OAUTH_PATHS } from './oauth.js';

export const OAUTH_FLAGS = {
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'redirect-uri': { type: 'string' },
  'access-ttl': { type: 'string' },
} as const;

export type OAuthFlagValues = { [K in keyof typeof OAUTH_FLAGS]?: string };

export const OAUTH_FLAGS_HELP = '--client-id ID --client-secret SECRET --redirect-uri URL [--access-ttl SECONDS]';

export class InvalidOAuthFlagsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidOAuthFlagsError';
  }
}

/** `undefined` when no OAuth flag was given; the integration otherwise (all three of id, secret, URI). */
export function oauthFromFlags(values: OAuthFlagValues): OAuthOptions | undefined {
  const given = (Object.keys(OAUTH_FLAGS) as (keyof typeof OAUTH_FLAGS)[]).filter((flag) => values[flag] !== undefined);
  if (given.length === 0) return undefined;
  const missing = (['client-id', 'client-secret', 'redirect-uri'] as const).filter((flag) => !values[flag]);
  if (missing.length > 0) throw new InvalidOAuthFlagsError(`OAuth needs ${missing.map((flag) => `--${flag}`).join(', ')} too`);
  if (!URL.canParse(values['redirect-uri']!)) {
    throw new InvalidOAuthFlagsError(`--redirect-uri must be an absolute URL, got "${values['redirect-uri']}"`);
  }
  // Kept as typed: the token endpoint compares it with what clients send, character for character.
  const oauth: OAuthOptions = { clientId: values['client-id']!, clientSecret: values['client-secret']!, redirectUri: values['redirect-uri']! };
  if (values['access-ttl'] !== undefined) {
    const ttl = Number(values['access-ttl']);
    if (!/^\s*\d+\s*$/.test(values['access-ttl']) || ttl < 1) {
      throw new InvalidOAuthFlagsError(`--access-ttl must be a positive integer of seconds, got "${values['access-ttl']}"`);
    }
    oauth.accessTokenTtlSec = ttl;
  }
  return oauth;
}

/** What `npm run sandbox` prints about OAuth, one line each. */
export function describeOAuth(oauth: OAuthOptions | undefined, url: string): string[] {
  if (!oauth) return [`oauth: off  (enable with ${OAUTH_FLAGS_HELP})`];
  const consent = new URL(OAUTH_PATHS.consent, url);
  consent.searchParams.set('client_id', oauth.clientId);
  consent.searchParams.set('state', 'STATE');
  consent.searchParams.set('mode', 'post_message');
  return [
    `oauth: client_id ${oauth.clientId}  client_secret ${maskSecret(oauth.clientSecret)}`,
    `  redirect_uri: ${oauth.redirectUri}`,
    `  access tokens: ${oauth.accessTokenTtlSec ?? 86_400} s, RS256; refresh tokens single-use`,
    `  consent: ${consent}  (approves at once, redirects with ?code=)`,
    `  token:   POST ${new URL(OAUTH_PATHS.token, url)}`,
  ];
}
