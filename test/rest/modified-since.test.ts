// The REST core's `modifiedSince` option: sends If-Modified-Since, and a poll for changes gets
// only the changed rows (or an empty page on amoCRM's 204), from the real sandbox.

import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenAuth } from '../../src/auth/token-auth.js';
import { createAmoClient, type AmoClient } from '../../src/rest/client.js';
import { modifiedSinceHeaders } from '../../src/rest/modified-since.js';
import { startSandbox, type RunningSandbox } from '../sandbox/helpers.js';

let sandbox: RunningSandbox;
let agent: Agent;
let amo: AmoClient;
beforeAll(async () => {
  sandbox = await startSandbox();
  agent = new Agent();
  amo = createAmoClient({ baseUrl: sandbox.url, auth: createTokenAuth(sandbox.sandbox.token), dispatcher: agent });
});
afterAll(async () => {
  await agent.close();
  await sandbox.close();
});

describe('modifiedSince', () => {
  it('polls leads and tasks for changes only', async () => {
    const store = sandbox.sandbox.store;
    const leads = store.leads.values().filter((row) => !row.is_deleted);
    const tasks = store.tasks.values();
    const since = Math.max(...leads.map((row) => row.updated_at), ...tasks.map((row) => row.updated_at)) + 60;
    leads[1]!.updated_at = since;
    tasks[2]!.updated_at = since + 5;

    const changedLeads = await amo.leads.list({ modifiedSince: new Date(since * 1000) });
    expect(changedLeads.items.map((lead) => lead.id)).toEqual([leads[1]!.id]);
    const changedTasks = await amo.tasks.list({ modifiedSince: new Date(since * 1000) });
    expect(changedTasks.items.map((task) => task.id)).toEqual([tasks[2]!.id]);
    const nothing = await amo.contacts.list({ modifiedSince: new Date((since + 1) * 1000) });
    expect(nothing.items).toEqual([]);
    expect(nothing.hasMore).toBe(false);

    const logged = sandbox.sandbox.log.entries().filter((entry) => entry.notes.some((note) => note.startsWith('If-Modified-Since')));
    expect(logged).toHaveLength(3);
  });

  it('sends no header without the option, and refuses an invalid date before any call', () => {
    expect(modifiedSinceHeaders(undefined)).toBeUndefined();
    expect(modifiedSinceHeaders(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toEqual({ 'if-modified-since': 'Fri, 02 Jan 2026 03:04:05 GMT' });
    expect(() => modifiedSinceHeaders(new Date('nope'))).toThrow(RangeError);
  });
});
