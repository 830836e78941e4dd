// Client authentication strategies: each reads request headers and returns a Principal, a
// refusal, or null for "no credential of my kind". src/server/client-auth.ts runs them.

export { createAnonymousAuth, ANONYMOUS, type AnonymousAuthOptions } from './anonymous.js';
export { API_KEY_HEADER, createApiKeyAuth, generateApiKey, hashApiKey, parseApiKeys, type ApiKeyAuthOptions, type ApiKeyEntry } from './api-key.js';
export { createBearerJwtAuth, DEFAULT_ACCOUNT_CLAIM, type BearerJwtAuthOptions } from './bearer-jwt.js';
export { createWidgetTokenAuth, DEFAULT_ACCOUNT_HOSTS, WIDGET_TOKEN_HEADER, type WidgetTokenAuthOptions } from './widget-token.js';
export {
  accepted,
  ClientAuthUnavailableError,
  refused,
  type ClientAuthRefusal,
  type ClientAuthResult,
  type ClientAuthStrategy,
} from './types.js';
