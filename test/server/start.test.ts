// `npm start` with nothing configured serves the embedded sandbox's demo data, with GraphiQL and
// a health check; `npm run sandbox` serves the sandbox alone.

import { describe, expect, it } from 'vitest';
import { runEntry } from '../helpers/spawn.js';

const NO_ACCOUNT = { AMOCRM_BASE_URL: undefined, AMOCRM_TOKEN: undefined, PORT: '0', HOST: '127.0.0.1' };

describe('the gateway entry point', () => {
  it('starts on the embedded sandbox when no AMOCRM_* is set, serves demo data, GraphiQL and /healthz, and stops on SIGTERM', async () => {
    const gateway = await runEntry('src/main.ts', { env: NO_ACCOUNT, waitFor: /GraphiQL: (http:\/\/\S+)\/graphql/ });
    try {
      expect(gateway.output()).toContain('embedded sandbox');
      const base = gateway.match[1]!;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);

      const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('amocrm-graphql');
      expect(html).not.toMatch(/https?:\/\/(?!localhost|127\.0\.0\.1)[a-z]/i);

      const answer = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ account { name } leads(first: 3) { nodes { name status { name } } } }' }),
      }).then((r) => r.json() as Promise<any>);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.leads.nodes).toHaveLength(3);
    } finally {
      expect(await gateway.stop()).toBe(0);
    }
  });

  it('refuses to start with half an account configured, naming the variables and not the secret', async () => {
    const failed = runEntry('src/main.ts', {
      env: { ...NO_ACCOUNT, AMOCRM_TOKEN: 'a-very-secret-token' },
      waitFor: /never printed/,
      timeoutMs: 10_000,
    });
    const error = await failed.then(
      () => new Error('started'),
      (e: Error) => e,
    );
    expect(error.message).toContain('AMOCRM_BASE_URL and AMOCRM_TOKEN go together');
    expect(error.message).toMatch(/exited with 1/);
    expect(error.message).not.toContain('a-very-secret-token');
  });
});

describe('the sandbox entry point', () => {
  it('serves the sandbox alone on its own port with the given token', async () => {
    const sandbox = await runEntry('src/sandbox/main.ts', {
      args: ['--port', '0', '--token', 'cli-token'],
      waitFor: /listening on (http:\/\/\S+)/,
    });
    try {
      const base = sandbox.match[1]!;
      const denied = await fetch(`${base}/api/v4/account`);
      expect(denied.status).toBe(401);
      const account = await fetch(`${base}/api/v4/account`, { headers: { authorization: 'Bearer cli-token' } });
      expect(account.status).toBe(200);
      expect(((await account.json()) as { subdomain: string }).subdomain).toBe('demo');
    } finally {
      await sandbox.stop();
    }
  });
});
