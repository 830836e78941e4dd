// Bearer JWTs from the company's identity provider (`Authorization: Bearer <jwt>`), verified
// against the provider's JWKS (cached by jose, refetched for an unknown `kid` at most once per
// cooldown) or a shared HMAC secret. A claim names the amoCRM account the caller may use; a token
// without one authenticates someone who is entitled to no account, hence 403.

import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { amoId, refusalForJoseError } from './jwt-refusal.js';
import {
  accepted,
  ClientAuthUnavailableError,
  MAX_CREDENTIAL_LENGTH,
  refused,
  type ClientAuthResult,
  type ClientAuthStrategy,
} from './types.js';

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;
const HMAC = ['HS256', 'HS384', 'HS512'] as const;

export const DEFAULT_ACCOUNT_CLAIM = 'amocrm_account_id';

export interface BearerJwtAuthOptions {
  /** The provider's key set, e.g. `https://idp.example.com/.well-known/jwks.json`. Exclusive with `secret`. */
  jwksUrl?: string | URL;
  /** A shared HMAC secret (at least 32 bytes). Exclusive with `jwksUrl`. */
  secret?: string;
  /** Accepted `iss` values. */
  issuer: string | readonly string[];
  /** Accepted `aud` values: this gateway's identifier at the provider. */
  audience: string | readonly string[];
  /**
   * Accepted `alg`s. Default: the asymmetric ones for a JWKS, `HS256` for a secret. A JWKS never
   * accepts an HMAC algorithm and a secret never accepts anything else (no key confusion).
   */
  algorithms?: readonly string[];
  /** The claim holding the amoCRM account id (number or decimal string). Default `amocrm_account_id`. */
  accountClaim?: string;
  /** The claim holding the amoCRM user id, if the provider sends one. */
  userClaim?: string;
  /** Clock skew tolerated on `exp`/`nbf`/`iat`, seconds. Default 30. */
  clockToleranceSec?: number;
  /** jose's JWKS cache: how long a fetched key set is used (default 10 min) ... */
  jwksCacheMaxAgeMs?: number;
  /** ... the least time between two refetches for unknown `kid`s (default 30 s) ... */
  jwksCooldownMs?: number;
  /** ... and the JWKS request timeout (default 5 s). */
  jwksTimeoutMs?: number;
  now?: () => Date;
}

export function createBearerJwtAuth(options: BearerJwtAuthOptions): ClientAuthStrategy {
  const { verify, algorithms } = verifier(options);
  const issuer = list(options.issuer, 'issuer');
  const audience = list(options.audience, 'audience');
  const accountClaim = options.accountClaim ?? DEFAULT_ACCOUNT_CLAIM;
  const userClaim = options.userClaim;
  const clockTolerance = options.clockToleranceSec ?? 30;
  const now = options.now;

  return {
    method: 'jwt',
    scheme: 'Bearer',
    hint: 'a JWT from the identity provider as Authorization: Bearer <token>',
    present: (headers) => /^bearer(\s|$)/i.test(headers.get('authorization') ?? ''),
    async authenticate(headers): Promise<ClientAuthResult | null> {
      const match = /^bearer(?:\s+(.*))?$/is.exec(headers.get('authorization') ?? '');
      if (!match) return null;
      const token = match[1]?.trim() ?? '';
      if (!token || token.length > MAX_CREDENTIAL_LENGTH || /\s/.test(token)) {
        return refused(401, 'MALFORMED_TOKEN', 'The Authorization header does not hold one bearer token.');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await verify(token, {
          algorithms,
          issuer,
          audience,
          clockTolerance,
          requiredClaims: ['exp'],
          ...(now ? { currentDate: now() } : {}),
        }));
      } catch (error) {
        const refusal = refusalForJoseError(error);
        if (refusal) return refusal;
        throw error;
      }

      const rawAccount = payload[accountClaim];
      if (rawAccount === undefined || rawAccount === null) {
        return refused(403, 'NO_ACCOUNT', `The token grants no amoCRM account (it has no "${accountClaim}" claim).`);
      }
      const accountId = amoId(rawAccount);
      if (accountId === null) return refused(403, 'INVALID_ACCOUNT', `The token's "${accountClaim}" claim is not an amoCRM account id.`);
      let userId: number | null = null;
      if (userClaim !== undefined && payload[userClaim] !== undefined && payload[userClaim] !== null) {
        userId = amoId(payload[userClaim]);
        if (userId === null) return refused(403, 'INVALID_USER', `The token's "${userClaim}" claim is not an amoCRM user id.`);
      }
      return accepted({ accountId, userId, method: 'jwt' });
    },
  };
}

type Verify = (token: string, options: JWTVerifyOptions) => Promise<{ payload: JWTPayload }>;

function verifier(options: BearerJwtAuthOptions): { verify: Verify; algorithms: string[] } {
  if ((options.jwksUrl === undefined) === (options.secret === undefined)) {
    throw new TypeError('createBearerJwtAuth: give exactly one of jwksUrl and secret');
  }
  if (options.secret !== undefined) {
    const secret = new TextEncoder().encode(options.secret);
    // RFC 7518 3.2 wants a key at least as long as the hash (32 bytes for HS256); shorter ones
    // fall to offline guessing from any one token.
    if (secret.length < 32) throw new TypeError('createBearerJwtAuth: the secret must be at least 32 bytes');
    const algorithms = checkAlgorithms(options.algorithms ?? ['HS256'], HMAC, 'a shared secret');
    return { verify: (token, verifyOptions) => jwtVerify(token, secret, verifyOptions), algorithms };
  }
  const algorithms = checkAlgorithms(options.algorithms ?? ASYMMETRIC, ASYMMETRIC, 'a JWKS');
  const url = new URL(options.jwksUrl!);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('createBearerJwtAuth: jwksUrl must be http(s)');
  const jwks = createRemoteJWKSet(url, {
    cacheMaxAge: options.jwksCacheMaxAgeMs,
    cooldownDuration: options.jwksCooldownMs,
    timeoutDuration: options.jwksTimeoutMs,
  });
  // A key set that cannot be fetched or read is our problem, not the client's: say so apart
  // from refusals, so the client gets a 503 and not "your token is invalid".
  const key: JWTVerifyGetKey = async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new ClientAuthUnavailableError('The identity provider\'s key set could not be loaded', { cause: error });
    }
  };
  return { verify: (token, verifyOptions) => jwtVerify(token, key, verifyOptions), algorithms };
}

function checkAlgorithms(given: readonly string[], allowed: readonly string[], what: string): string[] {
  if (given.length === 0) throw new TypeError('createBearerJwtAuth: algorithms is empty');
  for (const alg of given) {
    if (!allowed.includes(alg)) {
      throw new TypeError(`createBearerJwtAuth: ${alg} cannot be verified with ${what} (allowed: ${allowed.join(', ')})`);
    }
  }
  return [...given];
}

function list(value: string | readonly string[], name: string): string[] {
  const values = (typeof value === 'string' ? [value] : [...value]).map((item) => item.trim()).filter(Boolean);
  if (values.length === 0) throw new TypeError(`createBearerJwtAuth: ${name} is required`);
  return values;
}
