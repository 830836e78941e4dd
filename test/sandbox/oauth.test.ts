import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, createSandbox, OAUTH_PROBLEM_TYPE, USER_IDS, type ListeningServer, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { maskSecret } from '../../src/sandbox/oauth/options.js';

const CLIENT = {
  clientId: '6c2c1f4e-0000-4000-8000-00000000c1d0',
  clientSecret: 'sandbox-client-secret-0123456789',
  redirectUri: 'https://app.example.test/oauth/callback',
};

interface Running {
  sandbox: Sandbox;
  url: string;
  host: string;
  servers: ListeningServer[];
}

let running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.flatMap((item) => item.servers.map((server) => server.close())));
  running = [];
});

/** A sandbox with the test integration (unless `options.oauth` says otherwise) on one loopback port. */
async function start(options: SandboxOptions = {}): Promise<Running> {
  const sandbox = createSandbox({ oauth: CLIENT, ...options });
  const server = await sandbox.listen({ port: 0 });
  const item = { sandbox, url: server.url, host: new URL(server.url).host, servers: [server] };
  running.push(item);
  return item;
}

interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text };
}

function tokenRequest(url: string, params: Record<string, unknown>, contentType = 'application/json'): Promise<Answer> {
  const body = contentType === 'application/json' ? JSON.stringify(params) : new URLSearchParams(params as Record<string, string>).toString();
  return fetch(`${url}/oauth2/access_token`, { method: 'POST', headers: { 'content-type': contentType }, body }).then(answer);
}

const exchange = (url: string, code: string, extra: Record<string, unknown> = {}) =>
  tokenRequest(url, { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUri, ...extra });

const refresh = (url: string, refreshToken: string, extra: Record<string, unknown> = {}) =>
  tokenRequest(url, { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken, redirect_uri: CLIENT.redirectUri, ...extra });

const api = (url: string, token: string | null, path = '/api/v4/account') =>
  fetch(`${url}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } }).then(answer);

/** A token pair through `issueCode()` and the token endpoint. */
async function pair(item: Running, url = item.url): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const exchanged = await exchange(url, item.sandbox.oauth.issueCode());
  expect(exchanged.status).toBe(200);
  return exchanged.body;
}

function oauthProblem(status: number, hint: string) {
  return {
    hint,
    title: 'Некорректный запрос',
    type: OAUTH_PROBLEM_TYPE,
    status,
    detail: 'В запросе отсутствует ряд параметров или параметры невалидны',
  };
}

describe('the authorization code flow', () => {
  it('approves at /oauth with a 302 to the redirect URI carrying code, state, referer and client_id, and ignores client-library extras', async () => {
    const item = await start();
    const consent = await fetch(
      `${item.url}/oauth/?client_id=${CLIENT.clientId}&state=st-42&mode=popup&response_type=code&redirect_uri=https%3A%2F%2Fevil.test&approval_prompt=auto`,
      { redirect: 'manual' },
    );
    expect(consent.status).toBe(302);
    const location = new URL(consent.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CLIENT.redirectUri);
    expect([...location.searchParams.keys()]).toEqual(['code', 'state', 'referer', 'client_id']);
    expect(location.searchParams.get('code')).toMatch(/^def50200[0-9a-f]{64,}$/);
    expect(location.searchParams.get('state')).toBe('st-42');
    expect(location.searchParams.get('referer')).toBe(item.host);
    expect(location.searchParams.get('client_id')).toBe(CLIENT.clientId);
  });

  it('exchanges the code at the referer host for a Bearer pair that opens /api/v4', async () => {
    const item = await start({ now: () => 1_800_000_000_000 });
    const consent = await fetch(`${item.url}/oauth?client_id=${CLIENT.clientId}&state=s&mode=post_message`, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location')!);
    const referer = callback.searchParams.get('referer')!;

    const exchanged = await exchange(`http://${referer}`, callback.searchParams.get('code')!);
    expect(exchanged.status).toBe(200);
    expect(exchanged.headers.get('content-type')).toMatch(/^application\/json/);
    expect(exchanged.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(exchanged.body)).toEqual(['token_type', 'expires_in', 'server_time', 'access_token', 'refresh_token']);
    expect(exchanged.body).toMatchObject({ token_type: 'Bearer', expires_in: 86_400, server_time: 1_800_000_000 });
    expect(exchanged.body.refresh_token).toMatch(/^def50200[0-9a-f]+$/);

    const account = await api(item.url, exchanged.body.access_token);
    expect(account.status).toBe(200);
    expect(account.body.id).toBe(ACCOUNT_ID);
    expect(item.sandbox.log.last()).toMatchObject({ path: '/api/v4/account', authorized: true });
    expect(item.sandbox.oauth.grants()).toEqual([
      expect.objectContaining({ id: 1, status: 'active', userId: USER_IDS.admin, refreshCount: 0, accessTokensIssued: 1, revokedAt: null }),
    ]);
  });

  it('signs access tokens RS256 with the claims amoCRM puts in them', async () => {
    const item = await start({ now: () => 1_800_000_000_000 });
    const { access_token: token } = await pair(item);
    expect(decodeProtectedHeader(token)).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    const { payload } = await jwtVerify(token, await item.sandbox.oauth.publicKey(), { algorithms: ['RS256'], currentDate: new Date(1_800_000_000_000) });
    expect(payload).toEqual({
      aud: CLIENT.clientId,
      jti: expect.stringMatching(/^[0-9a-f]{80}$/),
      iat: 1_800_000_000,
      nbf: 1_800_000_000,
      exp: 1_800_086_400,
      sub: String(USER_IDS.admin),
      grant_type: 'authorization_code',
      account_id: ACCOUNT_ID,
      base_domain: 'amocrm.ru',
      api_domain: item.host,
      version: 2,
      scopes: ['crm', 'files', 'files_delete', 'notifications', 'push_notifications'],
      hash_uuid: expect.any(String),
    });
    // A key of its own: another sandbox's tokens do not verify with it.
    const other = await start();
    await expect(jwtVerify((await pair(other)).access_token, await item.sandbox.oauth.publicKey())).rejects.toBeInstanceOf(joseErrors.JWSSignatureVerificationFailed);
  });

  it('answers an unknown or missing client_id on the consent page with a 400 page', async () => {
    const item = await start();
    const unknown = await fetch(`${item.url}/oauth?client_id=nope&state=s`, { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
    expect(unknown.headers.get('location')).toBeNull();
    expect((await fetch(`${item.url}/oauth`, { redirect: 'manual' })).status).toBe(400);
    expect(item.sandbox.log.find({ path: '/oauth' }).map((entry) => [entry.status, entry.notes])).toEqual([
      [400, ['consent: unknown client']],
      [400, ['consent: unknown client']],
    ]);
  });

  it('accepts a form-encoded token request too', async () => {
    const item = await start();
    const exchanged = await tokenRequest(
      item.url,
      { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, grant_type: 'authorization_code', code: item.sandbox.oauth.issueCode(), redirect_uri: CLIENT.redirectUri },
      'application/x-www-form-urlencoded',
    );
    expect(exchanged.status).toBe(200);
    expect((await api(item.url, exchanged.body.access_token)).status).toBe(200);
  });
});

describe('token endpoint errors', () => {
  it('refuses a wrong secret, client id or redirect URI with 400 problem+json, and the code stays usable', async () => {
    const item = await start();
    const code = item.sandbox.oauth.issueCode();
    const wrongSecret = await exchange(item.url, code, { client_secret: 'guess' });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.headers.get('content-type')).toBe('application/problem+json');
    expect(wrongSecret.body).toEqual(oauthProblem(400, 'Check the `client_secret` parameter'));
    expect((await exchange(item.url, code, { client_secret: undefined })).body).toEqual(oauthProblem(400, 'Check the `client_secret` parameter'));
    expect((await exchange(item.url, code, { client_id: 'other' })).body).toEqual(oauthProblem(400, 'Check the `client_id` parameter'));
    expect((await exchange(item.url, code, { redirect_uri: `${CLIENT.redirectUri}/` })).body).toEqual(oauthProblem(400, 'Redirect URI is not associated with client'));
    expect((await exchange(item.url, code, { redirect_uri: undefined })).body).toEqual(oauthProblem(400, 'Check the `redirect_uri` parameter'));
    expect((await exchange(item.url, code)).status).toBe(200);
    expect(item.sandbox.oauth.grants()).toHaveLength(1);
  });

  it('refuses an unknown, a used and an expired code with 400 and the hint League gives', async () => {
    let clock = 1_800_000_000_000;
    const item = await start({ now: () => clock });
    expect((await exchange(item.url, 'def50200deadbeef')).body).toEqual(oauthProblem(400, 'Cannot decrypt the authorization code'));
    expect((await exchange(item.url, '')).body).toEqual(oauthProblem(400, 'Check the `code` parameter'));

    const code = item.sandbox.oauth.issueCode();
    expect((await exchange(item.url, code)).status).toBe(200);
    const reused = await exchange(item.url, code);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual(oauthProblem(400, 'Authorization code has been revoked'));

    const late = item.sandbox.oauth.issueCode();
    clock += 20 * 60 * 1000 - 1;
    const justInTime = item.sandbox.oauth.issueCode();
    clock += 1;
    expect((await exchange(item.url, late)).body).toEqual(oauthProblem(400, 'Authorization code has expired'));
    expect((await exchange(item.url, justInTime)).status).toBe(200);
    expect(item.sandbox.log.find({ path: '/oauth2/access_token' }).map((entry) => entry.notes.at(-1))).toEqual([
      'unknown code',
      'grant: authorization_code',
      'grant 1 created',
      'code reused',
      'code expired',
      'grant 2 created',
    ]);
  });

  it('answers an unsupported grant type with 400 and a GET with 405', async () => {
    const item = await start();
    const password = await tokenRequest(item.url, { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, grant_type: 'password' });
    expect(password.status).toBe(400);
    expect(password.body).toMatchObject({ type: OAUTH_PROBLEM_TYPE, status: 400 });
    expect((await tokenRequest(item.url, {})).status).toBe(400);
    const get = await fetch(`${item.url}/oauth2/access_token`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('refresh tokens', () => {
  it('rotates on every refresh; the new pair works and the previous access token lives until its own exp', async () => {
    const item = await start();
    const first = await pair(item);
    const second = await refresh(item.url, first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toMatch(/^def50200/);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(decodeJwt(second.body.access_token).grant_type).toBe('refresh_token');
    expect((await api(item.url, second.body.access_token)).status).toBe(200);
    expect((await api(item.url, first.access_token)).status).toBe(200);

    const third = await refresh(item.url, second.body.refresh_token);
    expect(third.status).toBe(200);
    expect(item.sandbox.oauth.grants()).toEqual([expect.objectContaining({ status: 'active', refreshCount: 2, accessTokensIssued: 3 })]);
  });

  it('answers a reused refresh token with 401 "Token has been revoked" and kills the whole grant', async () => {
    const item = await start();
    const first = await pair(item);
    const second = (await refresh(item.url, first.refresh_token)).body;

    const reused = await refresh(item.url, first.refresh_token);
    expect(reused.status).toBe(401);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(reused.body).toEqual(oauthProblem(401, 'Token has been revoked'));
    expect(Object.keys(reused.body)).toEqual(['hint', 'title', 'type', 'status', 'detail']);

    // The current pair died with the grant, and so did the earlier access token.
    expect((await api(item.url, second.access_token)).status).toBe(401);
    expect((await api(item.url, first.access_token)).status).toBe(401);
    expect(item.sandbox.log.last()!.notes).toEqual(['access token revoked']);
    expect((await refresh(item.url, second.refresh_token)).body).toEqual(oauthProblem(401, 'Token has been revoked'));
    expect(item.sandbox.oauth.grants()).toEqual([expect.objectContaining({ status: 'revoked', revokedReason: 'refresh token reused', refreshCount: 1 })]);
    expect(item.sandbox.log.find({ path: '/oauth2/access_token', status: 401 }).map((entry) => entry.notes)).toEqual([
      ['grant: refresh_token', 'refresh token reused', 'grant revoked'],
      ['grant: refresh_token'],
    ]);
  });

  it('with revokeGrantOnReuse false, refuses the reuse but leaves the current pair alive', async () => {
    const item = await start({ oauth: { ...CLIENT, revokeGrantOnReuse: false } });
    const first = await pair(item);
    const second = (await refresh(item.url, first.refresh_token)).body;
    expect((await refresh(item.url, first.refresh_token)).body).toEqual(oauthProblem(401, 'Token has been revoked'));
    expect(item.sandbox.log.last()!.notes).toEqual(['grant: refresh_token', 'refresh token reused']);
    expect((await api(item.url, second.access_token)).status).toBe(200);
    expect((await refresh(item.url, second.refresh_token)).status).toBe(200);
    expect(item.sandbox.oauth.grants()[0]).toMatchObject({ status: 'active', refreshCount: 2 });
  });

  it('lets exactly one of two concurrent refreshes with the same token win, and the loser revokes the grant', async () => {
    const item = await start();
    const first = await pair(item);
    const results = await Promise.all([refresh(item.url, first.refresh_token), refresh(item.url, first.refresh_token)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
    const winner = results.find((result) => result.status === 200)!.body;
    const loser = results.find((result) => result.status === 401)!.body;
    expect(loser).toEqual(oauthProblem(401, 'Token has been revoked'));
    // The double refresh killed the integration: even the winner's fresh pair is dead.
    expect((await api(item.url, winner.access_token)).status).toBe(401);
    expect((await refresh(item.url, winner.refresh_token)).status).toBe(401);
    expect(item.sandbox.oauth.grants()[0]).toMatchObject({ status: 'revoked', refreshCount: 1 });
    expect(item.sandbox.log.count((entry) => entry.path === '/oauth2/access_token' && entry.notes.includes('grant: refresh_token'))).toBe(3);
  });

  it('refuses an unknown, a missing and an expired refresh token with 401 or 400', async () => {
    let clock = 1_800_000_000_000;
    const item = await start({ now: () => clock, oauth: { ...CLIENT, refreshTokenTtlSec: 3600 } });
    const first = await pair(item);
    expect((await refresh(item.url, 'def50200feed')).body).toEqual(oauthProblem(401, 'Cannot decrypt the refresh token'));
    expect((await refresh(item.url, '')).body).toEqual(oauthProblem(400, 'Check the `refresh_token` parameter'));
    expect((await refresh(item.url, first.refresh_token, { client_secret: 'guess' })).status).toBe(400);
    clock += 3600 * 1000;
    const expired = await refresh(item.url, first.refresh_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(oauthProblem(401, 'Token has expired'));
    // An expired token is not a reuse: the grant stays as it was.
    expect(item.sandbox.oauth.grants()[0]).toMatchObject({ status: 'active', refreshCount: 0 });
  });

  it('revoke() kills every grant: its access tokens get 401 and its refresh token "Token has been revoked"', async () => {
    const item = await start();
    const one = await pair(item);
    const two = await pair(item);
    expect(item.sandbox.oauth.revoke(1)).toBe(1);
    expect((await api(item.url, one.access_token)).status).toBe(401);
    expect((await api(item.url, two.access_token)).status).toBe(200);
    expect(item.sandbox.oauth.revoke()).toBe(1);
    expect((await api(item.url, two.access_token)).status).toBe(401);
    expect((await refresh(item.url, two.refresh_token)).body).toEqual(oauthProblem(401, 'Token has been revoked'));
    expect(item.sandbox.oauth.grants().map((grant) => [grant.status, grant.revokedReason])).toEqual([
      ['revoked', 'revoked'],
      ['revoked', 'revoked'],
    ]);
  });
});

describe('access token expiry', () => {
  it('honours the access TTL on the sandbox clock, and a refresh after expiry works', async () => {
    let clock = 1_800_000_000_000;
    const item = await start({ now: () => clock, oauth: { ...CLIENT, accessTokenTtlSec: 60 } });
    const first = await pair(item);
    expect(first.expires_in).toBe(60);
    expect(decodeJwt(first.access_token).exp).toBe(1_800_000_060);
    clock += 59_999;
    expect((await api(item.url, first.access_token)).status).toBe(200);
    clock += 1;
    const expired = await api(item.url, first.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ title: 'Unauthorized', type: 'https://httpstatus.es/401', status: 401, detail: expect.any(String) });
    expect(item.sandbox.log.last()).toMatchObject({ authorized: false, notes: ['access token expired'] });

    item.sandbox.oauth.setAccessTokenTtl(300);
    const second = await refresh(item.url, first.refresh_token);
    expect(second.body.expires_in).toBe(300);
    expect((await api(item.url, second.body.access_token)).status).toBe(200);
  });

  it('expireAccessTokens() expires every issued token at once; the static token and new tokens are unaffected', async () => {
    const item = await start();
    const one = await pair(item);
    const two = await pair(item);
    expect(item.sandbox.oauth.expireAccessTokens()).toBe(2);
    expect((await api(item.url, one.access_token)).status).toBe(401);
    expect((await api(item.url, two.access_token)).status).toBe(401);
    expect((await api(item.url, item.sandbox.token)).status).toBe(200);
    // What a client sees: the JWT still claims a future exp; the 401 makes it refresh.
    expect(decodeJwt(one.access_token).exp! * 1000).toBeGreaterThan(Date.now());
    const renewed = await refresh(item.url, one.refresh_token);
    expect((await api(item.url, renewed.body.access_token)).status).toBe(200);
    expect(item.sandbox.oauth.expireAccessTokens()).toBe(1);
  });
});

describe('the static token beside OAuth', () => {
  it('keeps working with an integration configured, and a made-up JWT does not', async () => {
    const item = await start({ token: 'static-123' });
    const { access_token: token } = await pair(item);
    expect((await api(item.url, 'static-123', '/api/v4/leads?limit=1')).status).toBe(200);
    expect((await api(item.url, token, '/api/v4/leads?limit=1')).status).toBe(200);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...decodeJwt(token), exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    expect((await api(item.url, forged)).status).toBe(401);
    expect((await api(item.url, null)).status).toBe(401);
  });

  it('without `oauth`, serves no integration: the consent page and token endpoint refuse, the static token works', async () => {
    const sandbox = createSandbox();
    const server = await sandbox.listen({ port: 0 });
    running.push({ sandbox, url: server.url, host: new URL(server.url).host, servers: [server] });
    expect((await fetch(`${server.url}/oauth?client_id=${CLIENT.clientId}`, { redirect: 'manual' })).status).toBe(400);
    expect((await exchange(server.url, 'def50200aa')).body).toEqual(oauthProblem(400, 'Check the `client_id` parameter'));
    expect(() => sandbox.oauth.issueCode()).toThrow(/oauth/);
    await expect(sandbox.oauth.mintWidgetToken()).rejects.toThrow(/oauth/);
    expect((await api(server.url, 'sandbox-token')).status).toBe(200);
  });
});

describe('account domain look-ups', () => {
  it('answers /oauth2/account/subdomain for a live access token (or the static token) and 401 otherwise', async () => {
    const item = await start();
    const { access_token: token } = await pair(item);
    const expected = { id: ACCOUNT_ID, subdomain: 'demo', domain: item.host, top_level_domain: 'ru' };
    expect((await api(item.url, token, '/oauth2/account/subdomain')).body).toEqual(expected);
    expect((await api(item.url, item.sandbox.token, '/oauth2/account/subdomain')).body).toEqual(expected);
    expect((await api(item.url, null, '/oauth2/account/subdomain')).status).toBe(401);
    item.sandbox.oauth.expireAccessTokens();
    expect((await api(item.url, token, '/oauth2/account/subdomain')).status).toBe(401);
  });

  it('answers /oauth2/account/current/subdomain for an active refresh token without spending it', async () => {
    const item = await start();
    const first = await pair(item);
    const lookup = (refreshToken?: string) =>
      fetch(`${item.url}/oauth2/account/current/subdomain`, { headers: refreshToken === undefined ? {} : { 'x-refresh-token': refreshToken } }).then(answer);
    expect(await lookup(first.refresh_token)).toMatchObject({ status: 200, body: { id: ACCOUNT_ID, subdomain: 'demo', domain: item.host, top_level_domain: 'ru' } });
    const second = await refresh(item.url, first.refresh_token);
    expect(second.status).toBe(200);
    expect((await lookup(first.refresh_token)).body).toEqual(oauthProblem(401, 'Token has been revoked'));
    expect((await lookup('def50200nope')).status).toBe(401);
    expect((await lookup()).status).toBe(400);
    // Looking up with a spent token is not a refresh: the grant survives.
    expect((await lookup(second.body.refresh_token)).status).toBe(200);
    expect(item.sandbox.oauth.grants()[0]!.status).toBe('active');
  });
});

describe('subdomain rename across two listening origins', () => {
  it('serves the account on every origin until renameTo(), then only on the new one', async () => {
    const item = await start({ token: 'static-123' });
    const second = await item.sandbox.listen({ port: 0 });
    item.servers.push(second);
    const oldUrl = item.url;
    const newHost = new URL(second.url).host;

    const issued = await pair(item, oldUrl);
    expect(decodeJwt(issued.access_token).api_domain).toBe(item.host);
    expect((await api(second.url, issued.access_token)).status).toBe(200);
    expect((await api(oldUrl, issued.access_token)).status).toBe(200);

    expect(item.sandbox.oauth.renameTo(second.url, { subdomain: 'renamed' })).toBe(newHost);
    expect(item.sandbox.oauth.currentHost()).toBe(newHost);

    // The old subdomain: the token endpoint is gone, the API knows no token, not even the static one.
    const oldRefresh = await refresh(oldUrl, issued.refresh_token);
    expect(oldRefresh.status).toBe(404);
    expect(item.sandbox.log.last()!.notes).toEqual([`account moved to ${newHost}`]);
    expect((await api(oldUrl, issued.access_token)).status).toBe(401);
    expect((await api(oldUrl, 'static-123')).status).toBe(401);
    expect(item.sandbox.log.last()).toMatchObject({ authorized: false, notes: [`account moved to ${newHost}`] });

    // The look-ups, on either origin, name the new host; the 404 spent nothing.
    const lookedUp = await fetch(`${oldUrl}/oauth2/account/current/subdomain`, { headers: { 'x-refresh-token': issued.refresh_token } }).then(answer);
    expect(lookedUp.body).toEqual({ id: ACCOUNT_ID, subdomain: 'renamed', domain: newHost, top_level_domain: 'ru' });
    expect((await api(second.url, issued.access_token, '/oauth2/account/subdomain')).body.domain).toBe(newHost);

    const renewed = await refresh(`http://${lookedUp.body.domain}`, issued.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await api(second.url, renewed.body.access_token)).status).toBe(200);
    expect((await api(second.url, 'static-123')).body.subdomain).toBe('renamed');

    // A new consent, wherever it is served, sends the new host as referer.
    const consent = await fetch(`${oldUrl}/oauth?client_id=${CLIENT.clientId}&state=s`, { redirect: 'manual' });
    expect(new URL(consent.headers.get('location')!).searchParams.get('referer')).toBe(newHost);
  });
});

describe('widget disposable tokens', () => {
  it('mints an HS256 token signed with the client secret, with amoCRM\'s claims and a 30-minute life', async () => {
    const item = await start({ now: () => 1_800_000_000_000 });
    const token = await item.sandbox.oauth.mintWidgetToken();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(CLIENT.clientSecret), {
      algorithms: ['HS256'],
      audience: 'https://app.example.test',
      currentDate: new Date(1_800_000_000_000),
    });
    expect(payload).toEqual({
      iss: item.url,
      aud: 'https://app.example.test',
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iat: 1_800_000_000,
      nbf: 1_800_000_000,
      exp: 1_800_001_800,
      account_id: ACCOUNT_ID,
      subdomain: 'demo',
      user_id: USER_IDS.admin,
      client_uuid: CLIENT.clientId,
      is_admin: true,
    });
  });

  it('takes overrides for the cases a verifier must refuse', async () => {
    const item = await start({ now: () => 1_800_000_000_000 });
    const key = new TextEncoder().encode(CLIENT.clientSecret);
    const at = { currentDate: new Date(1_800_000_000_000) };

    const manager = decodeJwt(await item.sandbox.oauth.mintWidgetToken({ userId: USER_IDS.manager1, accountId: 42, audience: 'https://other.test' }));
    expect(manager).toMatchObject({ user_id: USER_IDS.manager1, is_admin: false, account_id: 42, aud: 'https://other.test' });
    expect(decodeJwt(await item.sandbox.oauth.mintWidgetToken({ userId: USER_IDS.manager1, isAdmin: true })).is_admin).toBe(true);

    const expired = await item.sandbox.oauth.mintWidgetToken({ expiresInSec: -1 });
    await expect(jwtVerify(expired, key, at)).rejects.toBeInstanceOf(joseErrors.JWTExpired);
    const early = await item.sandbox.oauth.mintWidgetToken({ notBefore: 1_800_000_600 });
    expect(decodeJwt(early).nbf).toBe(1_800_000_600);
    await expect(jwtVerify(early, key, at)).rejects.toBeInstanceOf(joseErrors.JWTClaimValidationFailed);
    const foreign = await item.sandbox.oauth.mintWidgetToken({ secret: 'not-the-client-secret' });
    await expect(jwtVerify(foreign, key, at)).rejects.toBeInstanceOf(joseErrors.JWSSignatureVerificationFailed);
  });

  it('names the renamed account in iss', async () => {
    const item = await start();
    const second = await item.sandbox.listen({ port: 0 });
    item.servers.push(second);
    expect(decodeJwt(await item.sandbox.oauth.mintWidgetToken()).iss).toBe(item.url);
    item.sandbox.oauth.renameTo(second.url);
    expect(decodeJwt(await item.sandbox.oauth.mintWidgetToken()).iss).toBe(second.url);
  });
});

describe('the request log of OAuth traffic', () => {
  it('logs every OAuth request with notes, so tests count exchanges and refreshes', async () => {
    const item = await start();
    await fetch(`${item.url}/oauth?client_id=${CLIENT.clientId}&state=s`, { redirect: 'manual' });
    const first = await pair(item);
    const second = (await refresh(item.url, first.refresh_token)).body;
    await refresh(item.url, second.refresh_token);
    await refresh(item.url, first.refresh_token);

    expect(item.sandbox.log.count({ path: '/oauth2/access_token' })).toBe(4);
    expect(item.sandbox.log.count((entry) => entry.notes.includes('grant: refresh_token') && entry.status === 200)).toBe(2);
    expect(item.sandbox.log.find({ path: '/oauth2/access_token' }).map((entry) => [entry.status, entry.notes])).toEqual([
      [200, ['grant: authorization_code', 'grant 1 created']],
      [200, ['grant: refresh_token', 'grant 1 rotated']],
      [200, ['grant: refresh_token', 'grant 1 rotated']],
      [401, ['grant: refresh_token', 'refresh token reused', 'grant revoked']],
    ]);
    expect(item.sandbox.log.find({ path: '/oauth' })).toEqual([expect.objectContaining({ method: 'GET', status: 302, notes: ['consent: approved (mode post_message)'] })]);
  });

  it('lets an interceptor fault the token endpoint like any API path', async () => {
    const item = await start();
    const first = await pair(item);
    const stop = item.sandbox.intercept((request) => (request.path === '/oauth2/access_token' ? { status: 503, body: '<html>503</html>', headers: { 'content-type': 'text/html' } } : undefined));
    expect((await refresh(item.url, first.refresh_token)).status).toBe(503);
    stop();
    // The faulted request never reached the token endpoint: the refresh token is unspent.
    expect((await refresh(item.url, first.refresh_token)).status).toBe(200);
  });
});

describe('maskSecret', () => {
  it('never shows a secret whole, nor its length', () => {
    expect(maskSecret(CLIENT.clientSecret)).toBe('sand********');
    expect(maskSecret('short')).toBe('********');
    expect(maskSecret('x'.repeat(64))).toBe('xxxx********');
  });
});
