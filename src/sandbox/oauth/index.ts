// The OAuth side of the sandbox: consent page, token endpoint, domain look-ups, RS256 access
// tokens, widget tokens, and subdomain renames across the origins the sandbox listens on.

export { createOAuth, OAUTH_PATHS, type OAuthSide, type SandboxOAuth } from './oauth.js';
export { createAccountHost, type AccountHost } from './account-host.js';
export { maskSecret, type OAuthOptions } from './options.js';
export { OAUTH_PROBLEM_TYPE } from './problem.js';
export type { GrantState, GrantStatus, RevokeReason } from './grants.js';
export type { AccessTokenClaims } from './access-token.js';
export type { WidgetTokenClaims, WidgetTokenOptions } from './widget-token.js';
