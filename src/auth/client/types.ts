// What every client-authentication strategy shares: the verdict it returns, and the error it
// throws when it cannot decide (its key server is down), which is the gateway's fault, not the
// client's. Nothing here knows HTTP frameworks or GraphQL; a strategy reads request headers only.

import type { Principal } from '../types.js';

/** Why a request's credentials were not accepted. `message` never contains the credential. */
export interface ClientAuthRefusal {
  ok: false;
  /** 401: the credential is missing, malformed or invalid. 403: valid, but grants no account. */
  status: 401 | 403;
  /** Stable, e.g. `TOKEN_EXPIRED`; clients and logs may match on it. */
  code: string;
  message: string;
}

export type ClientAuthResult = { ok: true; principal: Principal } | ClientAuthRefusal;

export interface ClientAuthStrategy {
  readonly method: Principal['method'];
  /** The auth-scheme its 401 challenges name in `WWW-Authenticate` (`Bearer`, ...); none for anonymous. */
  readonly scheme?: string;
  /** How a client sends this credential, for the message of a 401 that names what is accepted. */
  readonly hint?: string;
  /** Whether the request carries a credential of this kind at all, valid or not (cheap, no I/O). */
  present(headers: Headers): boolean;
  /** The verdict, or `null` when the request carries no credential of this kind. */
  authenticate(headers: Headers): Promise<ClientAuthResult | null>;
}

/**
 * The strategy could not reach a verdict for reasons on the gateway's side (its JWKS endpoint is
 * down or answers garbage). Not a refusal: the client's credential may be fine.
 */
export class ClientAuthUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClientAuthUnavailableError';
  }
}

export function accepted(principal: Principal): ClientAuthResult {
  return { ok: true, principal };
}

export function refused(status: 401 | 403, code: string, message: string): ClientAuthRefusal {
  return { ok: false, status, code, message };
}

/** Longer than any real token; refused unread rather than handed to a parser. */
export const MAX_CREDENTIAL_LENGTH = 8_192;
