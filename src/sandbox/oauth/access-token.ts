// Access tokens as amoCRM issues them: JWTs signed RS256 with a key pair only the server holds
// (integrations decode them, never verify). The pair is generated when the sandbox is created.

import { generateKeyPair, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/** The claims seen on amoCRM access tokens (reference §4.4). */
export interface AccessTokenClaims {
  /** The integration's client_id. */
  aud: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  /** The user id, as a string. */
  sub: string;
  grant_type: string;
  account_id: number;
  base_domain: string;
  /** The host the token was issued on; where the subdomain look-up by refresh token goes. */
  api_domain: string;
  version: 2;
  scopes: string[];
  hash_uuid: string;
}

/** The scopes on observed tokens. */
export const SCOPES = ['crm', 'files', 'files_delete', 'notifications', 'push_notifications'];
/** amoCRM's product domain; the sandbox account is an amocrm.ru one. */
export const BASE_DOMAIN = 'amocrm.ru';

export interface AccessTokenSigner {
  sign(claims: Omit<AccessTokenClaims, 'jti' | 'nbf' | 'version' | 'scopes' | 'hash_uuid' | 'base_domain'>): Promise<{ token: string; claims: AccessTokenClaims }>;
  /** The public half, so a test can check the signature amoCRM's clients never check. */
  publicKey(): Promise<KeyObject>;
}

export function createAccessTokenSigner(): AccessTokenSigner {
  // Generated off the main thread; the first token waits for it.
  const keys = new Promise<{ publicKey: KeyObject; privateKey: KeyObject }>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) => (error ? reject(error) : resolve({ publicKey, privateKey }))),
  );
  keys.catch(() => undefined);
  return {
    async sign(base) {
      const claims: AccessTokenClaims = {
        aud: base.aud,
        // League's identifiers: 40 random bytes in hex.
        jti: randomBytes(40).toString('hex'),
        iat: base.iat,
        nbf: base.iat,
        exp: base.exp,
        sub: base.sub,
        grant_type: base.grant_type,
        account_id: base.account_id,
        base_domain: BASE_DOMAIN,
        api_domain: base.api_domain,
        version: 2,
        scopes: [...SCOPES],
        hash_uuid: randomUUID(),
      };
      const { privateKey } = await keys;
      // lcobucci/jwt 3 (under League 7/8) repeats the jti in the header.
      const token = await new SignJWT({ ...claims }).setProtectedHeader({ typ: 'JWT', alg: 'RS256', jti: claims.jti }).sign(privateKey);
      return { token, claims };
    },
    publicKey: async () => (await keys).publicKey,
  };
}
