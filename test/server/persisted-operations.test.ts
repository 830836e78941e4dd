// Persisted operations: a manifest of sha256 -> document lets frontends run operations by hash;
// in allow-list mode nothing else runs, with errors that say what to do; a bad manifest stops
// the start; and a refused request costs amoCRM nothing.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadPersistedManifest } from '../../src/server/persisted-operations.js';
import { startStack, type Stack } from '../helpers/stack.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ACCOUNT = readFileSync(new URL('../../examples/account.graphql', import.meta.url), 'utf8');
const LEADS = 'query FirstLeads { leads(first: 2) { nodes { amoId name } } }';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'persisted-'));
  file = join(dir, 'persisted-documents.json');
  writeFileSync(file, JSON.stringify({ [sha256(ACCOUNT)]: ACCOUNT, [sha256(LEADS)]: LEADS }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function post(stack: Stack, body: Record<string, unknown>) {
  const response = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}
const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

describe.each([
  { mode: 'allow-list', only: true },
  { mode: 'development', only: false },
])('persisted operations ($mode)', ({ only }) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { persistedOperations: { file, only } } });
  });
  afterAll(() => stack.close());
  afterEach(() => stack.resetLog());

  it('runs a manifest operation by its hash (Apollo extension or documentId)', async () => {
    const first = await post(stack, byHash(sha256(LEADS)));
    expect(first.status).toBe(200);
    expect(first.body.data.leads.nodes).toHaveLength(2);
    const second = await post(stack, { documentId: `sha256:${sha256(LEADS)}` });
    expect(second.body.data.leads.nodes).toEqual(first.body.data.leads.nodes);
  });

  it('refuses an unknown hash with a clear error and no upstream call', async () => {
    const answer = await post(stack, byHash(sha256('{ leads { nodes { name } } }')));
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(answer.body.errors[0].message).toMatch(/no persisted operation with that hash/);
    expect(stack.upstreamCalls()).toHaveLength(0);
  });

  it(only ? 'refuses an arbitrary query, even one that is in the manifest' : 'still runs arbitrary queries', async () => {
    const answer = await post(stack, { query: LEADS });
    if (only) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
      expect(answer.body.errors[0].message).toMatch(/persisted operations only/);
      expect(stack.upstreamCalls()).toHaveLength(0);
    } else {
      expect(answer.status).toBe(200);
      expect(answer.body.data.leads.nodes).toHaveLength(2);
    }
  });
});

describe('the manifest and its configuration', () => {
  it('refuses a manifest whose key is not the hash of its document, or that does not parse', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ [sha256(LEADS)]: 'query Other { account { name } }' }));
    expect(() => loadPersistedManifest(bad)).toThrow(/not the sha256 of its document/);
    writeFileSync(bad, JSON.stringify({ [sha256('query {')]: 'query {' }));
    expect(() => loadPersistedManifest(bad)).toThrow(/does not parse/);
    expect(() => loadPersistedManifest(join(dir, 'missing.json'))).toThrow(/cannot be read/);
  });

  it('turns the allow-list on by default in production when a file is given, off in development', () => {
    expect(loadConfig({ PERSISTED_OPERATIONS_FILE: file, NODE_ENV: 'production', GATEWAY_ALLOW_ANONYMOUS: 'true' }).persistedOperations).toEqual({ file, only: true });
    expect(loadConfig({ PERSISTED_OPERATIONS_FILE: file }).persistedOperations).toEqual({ file, only: false });
    expect(loadConfig({ PERSISTED_OPERATIONS_FILE: file, PERSISTED_OPERATIONS_ONLY: 'true' }).persistedOperations).toEqual({ file, only: true });
    expect(loadConfig({}).persistedOperations).toBeNull();
    expect(() => loadConfig({ PERSISTED_OPERATIONS_ONLY: 'true' })).toThrow(/needs PERSISTED_OPERATIONS_FILE/);
  });
});
