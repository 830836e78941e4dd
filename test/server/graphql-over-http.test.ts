// The GraphQL-over-HTTP audit of graphql-http against the running gateway over real HTTP:
// no MUST may fail, and (today) no SHOULD does either. MAY notices are allowed: GET requests
// need a CSRF header here, which the audit's bare GETs do not send.

import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

describe('GraphQL over HTTP', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('passes every MUST and SHOULD audit of graphql-http', async () => {
    const audits = serverAudits({ url: `${stack.gateway.url}/graphql` });
    expect(audits.length).toBeGreaterThan(40);
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const failing = (status: string) => results.filter((result) => result.status === status).map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failing('error')).toEqual([]);
    expect(failing('warn')).toEqual([]);
  });
});
