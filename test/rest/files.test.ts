// The files resource's origin rules: the token goes to the API origin and the account's drive
// origin only, the drive must be https (http on loopback only, for the sandbox), and URLs the
// drive answers are followed only on its own origin.

import { describe, expect, it } from 'vitest';
import { AmoBadResponseError } from '../../src/rest/errors.js';
import { createRequestPipeline } from '../../src/rest/request.js';
import { assertUuid, driveOrigin, onDrive } from '../../src/rest/resources/files.js';

describe('driveOrigin', () => {
  it('takes an https drive_url, or http on loopback', () => {
    expect(driveOrigin('https://drive-b.amocrm.ru')).toBe('https://drive-b.amocrm.ru');
    expect(driveOrigin('https://drive-c.kommo.com/')).toBe('https://drive-c.kommo.com');
    expect(driveOrigin('http://127.0.0.1:4011')).toBe('http://127.0.0.1:4011');
  });

  it.each(['http://drive-b.amocrm.ru', 'ftp://drive-b.amocrm.ru', 'not a url', 'javascript:alert(1)'])('refuses %s', (url) => {
    expect(() => driveOrigin(url)).toThrow(AmoBadResponseError);
  });
});

describe('onDrive', () => {
  const origin = 'https://drive-b.amocrm.ru';
  it('answers the path and query of a URL on the drive origin', () => {
    expect(onDrive(`${origin}/v1.0/sessions/upload/abc?x=1`, origin, 'upload_url')).toBe('/v1.0/sessions/upload/abc?x=1');
  });

  it.each([
    'https://evil.example/v1.0/sessions/upload/abc',
    'https://drive-b.amocrm.ru.evil.example/upload',
    'http://drive-b.amocrm.ru/upload',
    'https://user:pass@drive-b.amocrm.ru/upload',
    '/v1.0/sessions/upload/abc',
    42,
    undefined,
  ])('refuses %s', (url) => {
    expect(() => onDrive(url, origin, 'next_url')).toThrow(/outside the account's drive origin/);
  });
});

describe('the request pipeline', () => {
  it('refuses an origin that is not a bare http(s) origin before sending', async () => {
    let sent = 0;
    const send = createRequestPipeline({
      baseUrl: 'https://demo.amocrm.ru',
      dispatcher: { request: () => ((sent += 1), Promise.reject(new Error('unreachable'))) } as never,
      userAgent: 'test',
      timeoutMs: 1000,
    });
    await expect(send({ method: 'GET', origin: 'https://drive.amocrm.ru/path', path: '/v1.0/files' })).rejects.toThrow(/bare http\(s\) origin/);
    await expect(send({ method: 'GET', origin: 'file:///etc', path: '/x' })).rejects.toThrow(/bare http\(s\) origin/);
    expect(sent).toBe(0);
  });
});

describe('assertUuid', () => {
  it('passes a uuid lower-cased and refuses anything else', () => {
    expect(assertUuid('5EF222CD-BCE4-4DF8-8466-3DEE7D16E70D')).toBe('5ef222cd-bce4-4df8-8466-3dee7d16e70d');
    expect(() => assertUuid('../v1.0/files')).toThrow(RangeError);
  });
});
