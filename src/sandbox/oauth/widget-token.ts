// Widget disposable tokens (reference §4.5): what amoCRM's `$authorizedAjax()` sends in
// `X-Auth-Token`, a JWT signed HS256 with the integration's client secret and valid 30 minutes.
// amoCRM mints them in the browser session; the sandbox mints them for tests.

import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export const WIDGET_TOKEN_TTL_SEC = 30 * 60;

export interface WidgetTokenOptions {
  /** The user the widget runs for (default: the account's admin). */
  userId?: number;
  /** `aud` (default: the origin of the integration's redirect URI). */
  audience?: string;
  /** Lifetime from now (default 1800); negative for a token that has already expired. */
  expiresInSec?: number;
  /** `is_admin` (default: the user's admin right). */
  isAdmin?: boolean;
  /** `account_id` (default: the sandbox account's). */
  accountId?: number;
  /** `nbf`, unix seconds (default: now). */
  notBefore?: number;
  /** The HS256 key (default: the client secret); another one makes a token that fails verification. */
  secret?: string;
}

export interface WidgetTokenClaims {
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  account_id: number;
  subdomain: string;
  user_id: number;
  client_uuid: string;
  is_admin: boolean;
}

export async function mintWidgetToken(
  claims: Omit<WidgetTokenClaims, 'jti' | 'nbf' | 'exp'> & { nbf?: number; expiresInSec: number },
  secret: string,
): Promise<string> {
  const { expiresInSec, nbf, ...rest } = claims;
  const payload: WidgetTokenClaims = { ...rest, jti: randomUUID(), nbf: nbf ?? rest.iat, exp: rest.iat + expiresInSec };
  return new SignJWT({ ...payload }).setProtectedHeader({ typ: 'JWT', alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}
