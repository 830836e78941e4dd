// jose's verification failures as refusals with stable codes and our own messages (jose's name
// claims and algorithms only, but a message of ours is one a client can rely on). Whatever is not
// a verdict on the token (a JWKS endpoint that is down, a bug) is returned as null for the caller.

import { errors } from 'jose';
import { refused, type ClientAuthRefusal } from './types.js';

const CLAIM_CODES: Record<string, { code: string; message: string }> = {
  nbf: { code: 'TOKEN_NOT_YET_VALID', message: 'The token is not valid yet (its "nbf" is in the future).' },
  iat: { code: 'TOKEN_NOT_YET_VALID', message: 'The token was issued in the future (its "iat").' },
  aud: { code: 'WRONG_AUDIENCE', message: 'The token was issued for another audience.' },
  iss: { code: 'WRONG_ISSUER', message: 'The token was issued by an issuer this gateway does not trust.' },
};

export function refusalForJoseError(error: unknown): ClientAuthRefusal | null {
  if (error instanceof errors.JWTExpired) return refused(401, 'TOKEN_EXPIRED', 'The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    // `claim` is one of the names we asked jose to check, never a value from the token.
    if (error.reason === 'missing') return refused(401, 'MISSING_CLAIM', `The token has no "${error.claim}" claim.`);
    const known = CLAIM_CODES[error.claim];
    if (known) return refused(401, known.code, known.message);
    return refused(401, 'INVALID_CLAIM', `The token's "${error.claim}" claim is not valid.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return refused(401, 'BAD_SIGNATURE', 'The token signature does not verify.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return refused(401, 'ALGORITHM_NOT_ALLOWED', 'The token is signed with an algorithm this gateway does not accept.');
  }
  if (error instanceof errors.JOSENotSupported) {
    return refused(401, 'UNSUPPORTED_TOKEN', 'The token uses an algorithm or header this gateway does not support.');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return refused(401, 'UNKNOWN_KEY', 'No key of the issuer matches the token (check its "kid" and "alg").');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return refused(401, 'MALFORMED_TOKEN', 'The token is not a well-formed signed JWT.');
  }
  return null;
}

/** Positive integer ids as amoCRM issues them; JSON numbers or decimal strings. */
export function amoId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value)) {
    const id = Number(value);
    return Number.isSafeInteger(id) ? id : null;
  }
  return null;
}
