// Failures of the auth layer, each with a stable code the GraphQL layer exposes. No message ever
// carries a token, a secret or an Authorization header.

export type AuthErrorCode =
  /** The grant is dead (revoked, reused refresh token, uninstalled): a user must re-authorize. */
  | 'AMOCRM_REAUTHORIZATION_REQUIRED'
  /** The token endpoint failed for another reason (network, 5xx, bad answer). */
  | 'AMOCRM_TOKEN_REFRESH_FAILED'
  /** The client id, secret or redirect URI does not match the integration. */
  | 'AMOCRM_OAUTH_MISCONFIGURED'
  /** No installed account matches. */
  | 'AMOCRM_ACCOUNT_NOT_INSTALLED';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthError';
  }
}

/** An answer of amoCRM's OAuth endpoints (problem+json with a `hint`), without the request body. */
export class OAuthEndpointError extends Error {
  constructor(
    readonly status: number | null,
    readonly kind: 'revoked' | 'invalid_client' | 'not_found' | 'rejected' | 'unavailable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OAuthEndpointError';
  }
}
