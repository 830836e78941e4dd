// amoCRM widget disposable tokens (X-Auth-Token): HS256 with the integration's secret key, `aud`
// the origin of its redirect URI, `iss` the account URL. Only a token amoCRM could have issued
// for this integration, right now, names an account and a user.

import { exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { createWidgetTokenAuth, type WidgetTokenAuthOptions } from '../../../src/auth/client/widget-token.js';

const SECRET = 'integration-secret-key-0123456789abcdefghijklmnopqrstuvwxyz';
const CLIENT_ID = '6c2c1f4e-0000-4000-8000-00000000c1d0';
const NOW = new Date('2024-06-10T06:13:20Z'); // 1718000000
const T = Math.floor(NOW.getTime() / 1000);

const options: WidgetTokenAuthOptions = {
  clientSecret: SECRET,
  redirectUri: 'https://app.example.test/oauth/callback?x=1',
  clientId: CLIENT_ID,
  now: () => NOW,
};

/** The example payload of the reference (§4.5), issued at T for 30 minutes. */
function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  const base: Record<string, unknown> = {
    iss: 'https://demo.amocrm.ru',
    aud: 'https://app.example.test',
    jti: '3f0c3b7e-0000-4000-8000-000000000abc',
    iat: T,
    nbf: T,
    exp: T + 1800,
    account_id: 31000001,
    subdomain: 'demo',
    user_id: 900001,
    client_uuid: CLIENT_ID,
    is_admin: true,
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base as JWTPayload;
}

function sign(payload: JWTPayload = claims(), secret = SECRET, alg = 'HS256'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function verify(token: string | null, overrides: Partial<WidgetTokenAuthOptions> = {}) {
  const headers = new Headers(token === null ? {} : { 'X-Auth-Token': token });
  return createWidgetTokenAuth({ ...options, ...overrides }).authenticate(headers);
}

async function expectRefused(token: string, code: string, overrides: Partial<WidgetTokenAuthOptions> = {}) {
  const result = await verify(token, overrides);
  expect(result).toMatchObject({ ok: false, status: 401, code });
  if (result && !result.ok) {
    expect(result.message).not.toContain(token);
    for (const part of token.split('.').filter((p) => p.length > 8)) expect(result.message).not.toContain(part);
  }
}

describe('widget token strategy', () => {
  it('resolves the account and the user of a valid token', async () => {
    expect(await verify(await sign())).toEqual({ ok: true, principal: { accountId: 31000001, userId: 900001, method: 'widget' } });
  });

  it('says nothing (null) when the request has no X-Auth-Token', async () => {
    expect(await verify(null)).toBeNull();
    expect(createWidgetTokenAuth(options).present(new Headers())).toBe(false);
    expect(createWidgetTokenAuth(options).present(new Headers({ 'x-auth-token': 'x' }))).toBe(true);
  });

  it('accepts ids sent as decimal strings and an audience written with a trailing slash', async () => {
    const token = await sign(claims({ account_id: '31000001', user_id: '900001', aud: 'https://app.example.test/' }));
    expect(await verify(token)).toMatchObject({ ok: true, principal: { accountId: 31000001, userId: 900001 } });
  });

  it('takes the audience from the redirect URI origin, port included', async () => {
    const token = await sign(claims({ aud: 'http://localhost:8080' }));
    expect(await verify(token, { redirectUri: 'http://localhost:8080/oauth' })).toMatchObject({ ok: true });
    await expectRefused(token, 'WRONG_AUDIENCE', { redirectUri: 'http://localhost:8081/oauth' });
  });

  it('refuses an expired token, beyond the clock tolerance only', async () => {
    await expectRefused(await sign(claims({ exp: T - 31 })), 'TOKEN_EXPIRED');
    expect(await verify(await sign(claims({ exp: T - 20 })))).toMatchObject({ ok: true });
    await expectRefused(await sign(claims({ exp: T - 20 })), 'TOKEN_EXPIRED', { clockToleranceSec: 0 });
  });

  it('refuses a token that is not valid yet', async () => {
    await expectRefused(await sign(claims({ nbf: T + 120, iat: T + 120 })), 'TOKEN_NOT_YET_VALID');
  });

  it('refuses a token signed with another secret', async () => {
    await expectRefused(await sign(claims(), 'another-integration-secret-0123456789abcdefghij'), 'BAD_SIGNATURE');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await sign()).split('.');
    const tampered = `${header}.${b64(claims({ account_id: 31000002 }))}.${signature}`;
    await expectRefused(tampered, 'BAD_SIGNATURE');
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(await sign(claims({ aud: 'https://evil.example.test' })), 'WRONG_AUDIENCE');
    await expectRefused(await sign(claims({ aud: 'https://app.example.test.evil.test' })), 'WRONG_AUDIENCE');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    await expectRefused(unsigned, 'ALGORITHM_NOT_ALLOWED');
  });

  it('refuses other algorithms, even with the right secret: HS512, and RS256 (key confusion)', async () => {
    await expectRefused(await sign(claims(), SECRET, 'HS512'), 'ALGORITHM_NOT_ALLOWED');
    const { privateKey } = await generateKeyPair('RS256');
    const rs = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    await expectRefused(rs, 'ALGORITHM_NOT_ALLOWED');
  });

  it('refuses a token whose secret is an RSA public key (HS/RS confusion)', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    await expectRefused(await sign(claims(), pem), 'BAD_SIGNATURE');
  });

  it.each(['exp', 'iss', 'account_id', 'user_id', 'subdomain', 'client_uuid', 'aud'])('refuses a token without "%s"', async (claim) => {
    await expectRefused(await sign(claims({ [claim]: undefined })), 'MISSING_CLAIM');
  });

  it('does not need client_uuid when no client id is configured', async () => {
    expect(await verify(await sign(claims({ client_uuid: undefined })), { clientId: undefined })).toMatchObject({ ok: true });
  });

  it('refuses a token issued for another integration', async () => {
    await expectRefused(await sign(claims({ client_uuid: '00000000-0000-4000-8000-000000000000' })), 'WRONG_CLIENT');
  });

  it.each([
    ['a zero account id', { account_id: 0 }],
    ['a fractional user id', { user_id: 1.5 }],
    ['a non-numeric account id', { account_id: 'demo' }],
    ['an object subdomain', { subdomain: { name: 'demo' } }],
  ])('refuses %s', async (_name, overrides) => {
    await expectRefused(await sign(claims(overrides)), 'INVALID_CLAIM');
  });

  it.each([
    ['plain http', 'http://demo.amocrm.ru'],
    ['another subdomain than the claim', 'https://other.amocrm.ru'],
    ['a host outside amoCRM', 'https://demo.evil.test'],
    ['a look-alike host', 'https://demo.amocrm.ru.evil.test'],
    ['a path', 'https://demo.amocrm.ru/api/v4'],
    ['credentials in the URL', 'https://user@demo.amocrm.ru'],
    ['a port', 'https://demo.amocrm.ru:8443'],
    ['not a URL', 'demo'],
  ])('refuses an issuer with %s', async (_name, iss) => {
    await expectRefused(await sign(claims({ iss })), 'WRONG_ISSUER');
  });

  it('accepts Kommo account URLs and, when configured, an exact origin such as a sandbox', async () => {
    expect(await verify(await sign(claims({ iss: 'https://demo.kommo.com/' })))).toMatchObject({ ok: true });
    const sandbox = await sign(claims({ iss: 'http://127.0.0.1:4010' }));
    await expectRefused(sandbox, 'WRONG_ISSUER');
    expect(await verify(sandbox, { accountHosts: ['http://127.0.0.1:4010'] })).toMatchObject({ ok: true });
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not-a-jwt'],
    ['two parts', 'abc.def'],
    ['oversized', `${'a'.repeat(9000)}.b.c`],
  ])('refuses a %s X-Auth-Token as malformed', async (_name, token) => {
    const result = await verify(token);
    expect(result).toMatchObject({ ok: false, status: 401, code: 'MALFORMED_TOKEN' });
  });

  it('refuses to start without a secret or with a redirect URI that has no origin', () => {
    expect(() => createWidgetTokenAuth({ ...options, clientSecret: '' })).toThrow(/clientSecret/);
    expect(() => createWidgetTokenAuth({ ...options, redirectUri: 'mailto:x@example.test' })).toThrow(/origin/);
  });
});
