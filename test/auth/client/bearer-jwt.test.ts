// Bearer JWTs from the company's identity provider: verified against its JWKS (served here over
// HTTP on port 0) or a shared secret, with the issuer, audience and algorithms configured; a
// claim names the amoCRM account, and a valid token without one is forbidden, not unauthenticated.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBearerJwtAuth, type BearerJwtAuthOptions } from '../../../src/auth/client/bearer-jwt.js';
import { ClientAuthUnavailableError } from '../../../src/auth/client/types.js';

const ISSUER = 'https://idp.example.test/';
const AUDIENCE = 'amocrm-graphql';
const SECRET = 'shared-secret-of-at-least-32-bytes-0123456789';

let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
let publicJwk: JWK;
let jwksServer: Server;
let jwksUrl: string;
let jwksRequests = 0;
let served: JWK[] = [];

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  publicJwk = { ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((_req, res) => {
    jwksRequests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: served }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));
beforeEach(() => {
  served = [publicJwk];
  jwksRequests = 0;
});

function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  const base: Record<string, unknown> = { iss: ISSUER, aud: AUDIENCE, sub: 'alice', amocrm_account_id: 31000001, amocrm_user_id: 900001 };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base as JWTPayload;
}

async function rs256(payload: JWTPayload = claims(), kid = 'k1', key: CryptoKey = rsa.privateKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).setIssuedAt().setExpirationTime('5m').sign(key);
}

async function hs(payload: JWTPayload = claims(), alg = 'HS256', secret: string | Uint8Array = SECRET): Promise<string> {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return new SignJWT(payload).setProtectedHeader({ alg }).setIssuedAt().setExpirationTime('5m').sign(key);
}

const jwksOptions = (): BearerJwtAuthOptions => ({ jwksUrl, issuer: ISSUER, audience: AUDIENCE, userClaim: 'amocrm_user_id' });
const secretOptions = (): BearerJwtAuthOptions => ({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE });
const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

async function expectRefused(promise: Promise<unknown>, status: number, code: string, token?: string) {
  const result = await promise;
  expect(result).toMatchObject({ ok: false, status, code });
  if (token) expect(JSON.stringify(result)).not.toContain(token.split('.')[2]);
}

describe('bearer JWT strategy with a JWKS', () => {
  it('resolves the account and user claims of a valid token', async () => {
    const auth = createBearerJwtAuth(jwksOptions());
    expect(await auth.authenticate(bearer(await rs256()))).toEqual({
      ok: true,
      principal: { accountId: 31000001, userId: 900001, method: 'jwt' },
    });
  });

  it('reads the account from the configured claim, as a number or a decimal string', async () => {
    const auth = createBearerJwtAuth({ ...jwksOptions(), accountClaim: 'https://example.test/amocrm', userClaim: undefined });
    const token = await rs256(claims({ 'https://example.test/amocrm': '31000002' }));
    expect(await auth.authenticate(bearer(token))).toEqual({ ok: true, principal: { accountId: 31000002, userId: null, method: 'jwt' } });
  });

  it('says nothing (null) without a Bearer Authorization header', async () => {
    const auth = createBearerJwtAuth(jwksOptions());
    expect(await auth.authenticate(new Headers())).toBeNull();
    expect(await auth.authenticate(new Headers({ authorization: 'Basic YWxpY2U6cHc=' }))).toBeNull();
    expect(auth.present(new Headers({ authorization: 'Basic YWxpY2U6cHc=' }))).toBe(false);
    expect(auth.present(new Headers({ authorization: 'bearer x' }))).toBe(true);
  });

  it('fetches the key set once and serves later tokens from jose\'s cache', async () => {
    const auth = createBearerJwtAuth(jwksOptions());
    for (let i = 0; i < 3; i++) expect(await auth.authenticate(bearer(await rs256()))).toMatchObject({ ok: true });
    expect(jwksRequests).toBe(1);
  });

  it('refetches for an unknown kid only after the cooldown, so random kids cannot hammer the provider', async () => {
    const auth = createBearerJwtAuth({ ...jwksOptions(), jwksCooldownMs: 60_000 });
    await auth.authenticate(bearer(await rs256()));
    const rotated = await generateKeyPair('RS256', { extractable: true });
    served = [publicJwk, { ...(await exportJWK(rotated.publicKey)), kid: 'k2', alg: 'RS256' }];
    const token = await rs256(claims(), 'k2', rotated.privateKey);
    await expectRefused(auth.authenticate(bearer(token)), 401, 'UNKNOWN_KEY', token);
    expect(jwksRequests).toBe(1);

    const eager = createBearerJwtAuth({ ...jwksOptions(), jwksCooldownMs: 0 });
    served = [publicJwk];
    await eager.authenticate(bearer(await rs256()));
    served = [publicJwk, { ...(await exportJWK(rotated.publicKey)), kid: 'k2', alg: 'RS256' }];
    expect(await eager.authenticate(bearer(token))).toMatchObject({ ok: true });
    expect(jwksRequests).toBe(3);
  });

  it('refuses a token from another issuer or for another audience', async () => {
    const auth = createBearerJwtAuth(jwksOptions());
    await expectRefused(auth.authenticate(bearer(await rs256(claims({ iss: 'https://evil.example.test/' })))), 401, 'WRONG_ISSUER');
    await expectRefused(auth.authenticate(bearer(await rs256(claims({ aud: 'another-api' })))), 401, 'WRONG_AUDIENCE');
    await expectRefused(auth.authenticate(bearer(await rs256(claims({ iss: undefined })))), 401, 'MISSING_CLAIM');
  });

  it('refuses a valid token without the account claim with 403', async () => {
    const auth = createBearerJwtAuth(jwksOptions());
    await expectRefused(auth.authenticate(bearer(await rs256(claims({ amocrm_account_id: undefined })))), 403, 'NO_ACCOUNT');
    await expectRefused(auth.authenticate(bearer(await rs256(claims({ amocrm_account_id: 'acme' })))), 403, 'INVALID_ACCOUNT');
    await expectRefused(auth.authenticate(bearer(await rs256(claims({ amocrm_user_id: [1] })))), 403, 'INVALID_USER');
  });

  it('refuses an expired token and one without exp', async () => {
    const auth = createBearerJwtAuth({ ...jwksOptions(), now: () => new Date(Date.now() + 10 * 60_000) });
    await expectRefused(auth.authenticate(bearer(await rs256())), 401, 'TOKEN_EXPIRED');
    const noExp = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(rsa.privateKey);
    await expectRefused(createBearerJwtAuth(jwksOptions()).authenticate(bearer(noExp)), 401, 'MISSING_CLAIM');
  });

  it('refuses HS256 signed with the RSA public key as the secret (HS/RS confusion)', async () => {
    const auth = createBearerJwtAuth(jwksOptions());
    const pem = await exportSPKI(rsa.publicKey);
    for (const secret of [pem, JSON.stringify(publicJwk), new TextEncoder().encode(publicJwk.n!)]) {
      const forged = await hs(claims(), 'HS256', secret);
      await expectRefused(auth.authenticate(bearer(forged)), 401, 'ALGORITHM_NOT_ALLOWED', forged);
    }
    const withKid = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setExpirationTime('5m').sign(new TextEncoder().encode(pem));
    await expectRefused(auth.authenticate(bearer(withKid)), 401, 'ALGORITHM_NOT_ALLOWED');
  });

  it('refuses an unsigned token (alg: none) and a tampered one', async () => {
    const auth = createBearerJwtAuth(jwksOptions());
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 300;
    await expectRefused(auth.authenticate(bearer(`${b64({ alg: 'none' })}.${b64({ ...claims(), exp })}.`)), 401, 'ALGORITHM_NOT_ALLOWED');
    const [header, , signature] = (await rs256()).split('.');
    const tampered = `${header}.${b64({ ...claims({ amocrm_account_id: 31000009 }), exp })}.${signature}`;
    await expectRefused(auth.authenticate(bearer(tampered)), 401, 'BAD_SIGNATURE');
  });

  it('refuses a token signed by a key the provider never published', async () => {
    const stranger = await generateKeyPair('RS256');
    await expectRefused(createBearerJwtAuth(jwksOptions()).authenticate(bearer(await rs256(claims(), 'k1', stranger.privateKey))), 401, 'BAD_SIGNATURE');
  });

  it.each([
    ['no token', 'Bearer'],
    ['two tokens', 'Bearer a.b.c d.e.f'],
    ['garbage', 'Bearer not-a-jwt'],
  ])('refuses a header with %s as malformed', async (_name, value) => {
    await expectRefused(createBearerJwtAuth(jwksOptions()).authenticate(new Headers({ authorization: value })), 401, 'MALFORMED_TOKEN');
  });

  it('reports an unreachable key set as unavailable, not as a bad token', async () => {
    const auth = createBearerJwtAuth({ ...jwksOptions(), jwksUrl: 'http://127.0.0.1:9/jwks.json', jwksTimeoutMs: 1_000 });
    await expect(auth.authenticate(bearer(await rs256()))).rejects.toBeInstanceOf(ClientAuthUnavailableError);
  });
});

describe('bearer JWT strategy with a shared secret', () => {
  it('accepts HS256 signed with the secret', async () => {
    expect(await createBearerJwtAuth(secretOptions()).authenticate(bearer(await hs()))).toMatchObject({
      ok: true,
      principal: { accountId: 31000001, userId: null, method: 'jwt' },
    });
  });

  it('accepts only the configured HMAC algorithms', async () => {
    const token = await hs(claims(), 'HS512');
    await expectRefused(createBearerJwtAuth(secretOptions()).authenticate(bearer(token)), 401, 'ALGORITHM_NOT_ALLOWED');
    expect(await createBearerJwtAuth({ ...secretOptions(), algorithms: ['HS256', 'HS512'] }).authenticate(bearer(token))).toMatchObject({ ok: true });
  });

  it('refuses another secret, an RS256 token, and wrong issuer or audience', async () => {
    const auth = createBearerJwtAuth(secretOptions());
    await expectRefused(auth.authenticate(bearer(await hs(claims(), 'HS256', 'another-shared-secret-0123456789abcdef'))), 401, 'BAD_SIGNATURE');
    await expectRefused(auth.authenticate(bearer(await rs256())), 401, 'ALGORITHM_NOT_ALLOWED');
    await expectRefused(auth.authenticate(bearer(await hs(claims({ iss: 'https://other.example.test/' })))), 401, 'WRONG_ISSUER');
    await expectRefused(auth.authenticate(bearer(await hs(claims({ aud: ['x', 'y'] })))), 401, 'WRONG_AUDIENCE');
    await expectRefused(auth.authenticate(bearer(await hs(claims({ amocrm_account_id: undefined })))), 403, 'NO_ACCOUNT');
  });
});

describe('bearer JWT configuration', () => {
  it('needs exactly one key source', () => {
    expect(() => createBearerJwtAuth({ issuer: ISSUER, audience: AUDIENCE })).toThrow(/exactly one/);
    expect(() => createBearerJwtAuth({ ...secretOptions(), jwksUrl })).toThrow(/exactly one/);
  });

  it('never mixes HMAC and public-key algorithms', () => {
    expect(() => createBearerJwtAuth({ ...jwksOptions(), algorithms: ['RS256', 'HS256'] })).toThrow(/HS256 cannot be verified with a JWKS/);
    expect(() => createBearerJwtAuth({ ...secretOptions(), algorithms: ['RS256'] })).toThrow(/RS256 cannot be verified with a shared secret/);
    expect(() => createBearerJwtAuth({ ...secretOptions(), algorithms: ['none'] })).toThrow(/none/);
  });

  it('refuses a short secret and a missing issuer or audience', () => {
    expect(() => createBearerJwtAuth({ ...secretOptions(), secret: 'short' })).toThrow(/32 bytes/);
    expect(() => createBearerJwtAuth({ ...secretOptions(), issuer: [] })).toThrow(/issuer/);
    expect(() => createBearerJwtAuth({ ...secretOptions(), audience: ' ' })).toThrow(/audience/);
  });
});
