// A 402/403 from an endpoint amoCRM documents as limited names that limit in the error; a ban
// (HTML 403) and refusals elsewhere do not.

import { describe, expect, it } from 'vitest';
import { AmoForbiddenError, AmoPaymentRequiredError, errorFromResponse, type RequestInfo } from '../../src/rest/errors.js';

const info = (method: string, path: string, status: number): RequestInfo => ({ method, path, status, requestId: null, durationMs: 0 });
const json = { contentType: 'application/problem+json', retryAfter: null };
const body = (status: number) => JSON.stringify({ title: status === 403 ? 'Forbidden' : 'Payment Required', status, detail: 'Access denied' });

describe('documented limits in upstream errors', () => {
  it('says an admin-only write is for administrators, in the message and on the error', () => {
    const error = errorFromResponse(info('POST', '/api/v4/leads/pipelines/3001/statuses', 403), json, body(403));
    expect(error).toBeInstanceOf(AmoForbiddenError);
    expect(error.limitation).toMatch(/administrators/);
    expect(error.message).toContain(`(${error.limitation})`);
    expect(errorFromResponse(info('PATCH', '/api/v4/catalogs/products/settings', 403), json, body(403)).limitation).toMatch(/turn products on or off/);
    const field = errorFromResponse(info('PATCH', '/api/v4/catalogs/1003/custom_fields/7', 403), json, body(403));
    expect(field.limitation).toMatch(/custom fields/);
  });

  it('names the mode or plan a 402 needs', () => {
    const customers = errorFromResponse(info('GET', '/api/v4/customers?limit=50', 402), json, body(402));
    expect(customers).toBeInstanceOf(AmoPaymentRequiredError);
    expect(customers.limitation).toMatch(/customers mode/);
    expect(errorFromResponse(info('GET', '/api/v4/catalogs', 402), json, body(402)).limitation).toMatch(/Extended plan/);
  });

  it('adds nothing to a ban, to reads that are open to everyone, or to other statuses', () => {
    const ban = errorFromResponse(info('GET', '/api/v4/roles', 403), { contentType: 'text/html', retryAfter: null }, '<html><body>403</body></html>');
    expect(ban.limitation).toBeNull();
    expect(errorFromResponse(info('GET', '/api/v4/leads/pipelines', 403), json, body(403)).limitation).toBeNull();
    expect(errorFromResponse(info('GET', '/api/v4/leads', 403), json, body(403)).limitation).toBeNull();
    expect(errorFromResponse(info('POST', '/api/v4/roles', 400), json, JSON.stringify({ title: 'Bad Request', status: 400 })).limitation).toBeNull();
  });
});
