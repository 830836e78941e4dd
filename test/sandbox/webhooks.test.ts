import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, PIPELINE_IDS, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { startSandbox, type RunningSandbox } from './helpers.js';

const NOW_MS = 1_770_000_000_000;
const NOW = NOW_MS / 1000;

/** A real HTTP receiver on port 0 that keeps every body it gets. */
interface Receiver {
  url: string;
  bodies: { contentType: string | undefined; body: string }[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const bodies: Receiver['bodies'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push({ contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The form body as ordered [key, value] pairs. */
const pairs = (body: string) => [...new URLSearchParams(body)];
/** Only the pairs under `prefix` (`leads[status][0]`), keys without it. */
const under = (body: string, prefix: string) => Object.fromEntries(pairs(body).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));

let running: RunningSandbox;
let receiver: Receiver;
let other: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  other = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await other.close();
});
beforeEach(async () => {
  running = await startSandbox({ now: () => NOW_MS });
  receiver.bodies.length = 0;
  other.bodies.length = 0;
});
afterEach(async () => {
  await running.close();
});

const subscribe = (destination: string, settings: unknown, sort?: number) =>
  running.api('/api/v4/webhooks', { method: 'POST', body: { destination, settings, ...(sort === undefined ? {} : { sort }) } });

const sandbox = () => running.sandbox;
const settle = () => sandbox().webhooks.settled();

describe('/api/v4/webhooks', () => {
  it('answers 204 when nothing is subscribed', async () => {
    expect((await running.api('/api/v4/webhooks')).status).toBe(204);
  });

  it('subscribes, lists (also by destination), updates by destination and unsubscribes', async () => {
    const created = await subscribe('https://hooks.example.test/a', ['add_lead', 'status_lead'], 5);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(Number),
      destination: 'https://hooks.example.test/a',
      created_at: NOW,
      updated_at: NOW,
      account_id: ACCOUNT_ID,
      created_by: USER_IDS.admin,
      sort: 5,
      disabled: false,
      settings: ['add_lead', 'status_lead'],
    });
    await subscribe('https://hooks.example.test/b', ['note_contact']);

    const all = await running.api('/api/v4/webhooks');
    expect(all.body._total_items).toBe(2);
    expect(all.body._embedded.webhooks.map((hook: any) => hook.destination)).toEqual(['https://hooks.example.test/b', 'https://hooks.example.test/a']);
    const one = await running.api(`/api/v4/webhooks?filter[destination]=${encodeURIComponent('https://hooks.example.test/a')}`);
    expect(one.body._embedded.webhooks).toEqual([created.body]);
    expect((await running.api('/api/v4/webhooks?filter[destination]=https://nowhere.test/')).status).toBe(204);

    // The same destination again replaces its settings rather than adding a second webhook.
    const updated = await subscribe('https://hooks.example.test/a', ['update_lead']);
    expect(updated.body).toMatchObject({ id: created.body.id, settings: ['update_lead'], sort: 5 });
    expect(sandbox().store.webhooks.size).toBe(2);

    const removed = await running.api('/api/v4/webhooks', { method: 'DELETE', body: { destination: 'https://hooks.example.test/a' } });
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expect(sandbox().store.webhooks.values().map((hook) => hook.destination)).toEqual(['https://hooks.example.test/b']);
    // Unsubscribing what is not subscribed is still 204.
    expect((await running.api('/api/v4/webhooks', { method: 'DELETE', body: { destination: 'https://hooks.example.test/a' } })).status).toBe(204);
  });

  it('refuses a bad destination, empty or unknown settings with validation-errors and changes nothing', async () => {
    const bad = await subscribe('not a url', ['add_lead', 'eat_lead']);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body['validation-errors']).toEqual([
      {
        request_id: '0',
        errors: [
          { code: 'InvalidType', path: 'destination', detail: expect.any(String) },
          { code: 'NotSupportedChoice', path: 'settings.1', detail: expect.any(String) },
        ],
      },
    ]);
    const empty = await subscribe('https://hooks.example.test/a', []);
    expect(empty.status).toBe(400);
    expect(empty.body['validation-errors'][0].errors.map((error: any) => error.path)).toEqual(['settings']);
    expect((await running.api('/api/v4/webhooks', { method: 'DELETE', body: {} })).status).toBe(400);
    expect(sandbox().store.webhooks.size).toBe(0);
  });

  it('allows at most 100 webhooks per account, but still updates an existing one', async () => {
    for (let i = 0; i < 100; i += 1) expect((await subscribe(`https://hooks.example.test/${i}`, ['add_lead'])).status).toBe(200);
    const over = await subscribe('https://hooks.example.test/100', ['add_lead']);
    expect(over.status).toBe(400);
    expect(over.body['validation-errors'][0].errors[0].code).toBe('TooMany');
    expect((await subscribe('https://hooks.example.test/7', ['update_lead'])).status).toBe(200);
    expect(sandbox().store.webhooks.size).toBe(100);
  });

  it('is for administrators only', async () => {
    const store = sandbox().store;
    store.account.current_user_id = USER_IDS.manager1;
    const answer = await running.api('/api/v4/webhooks');
    expect(answer.status).toBe(403);
    expect((await subscribe('https://hooks.example.test/a', ['add_lead'])).status).toBe(403);
    expect(store.webhooks.size).toBe(0);
  });
});

describe('webhook delivery', () => {
  it('posts a created lead form-encoded with v2 names, after the API has answered', async () => {
    await subscribe(receiver.url, ['add_lead']);
    const created = await running.api('/api/v4/leads', {
      method: 'POST',
      body: [{ name: 'Hook lead', price: 1500, pipeline_id: PIPELINE_IDS.sales, responsible_user_id: USER_IDS.manager1 }],
    });
    expect(created.status).toBe(200);
    await settle();
    const id = created.body._embedded.leads[0].id;
    const lead = sandbox().store.leads.get(id)!;
    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.bodies[0]!.contentType).toBe('application/x-www-form-urlencoded');
    expect(pairs(receiver.bodies[0]!.body)).toEqual([
      ['leads[add][0][id]', String(id)],
      ['leads[add][0][name]', 'Hook lead'],
      ['leads[add][0][status_id]', String(lead.status_id)],
      ['leads[add][0][pipeline_id]', String(PIPELINE_IDS.sales)],
      ['leads[add][0][price]', '1500'],
      ['leads[add][0][responsible_user_id]', String(USER_IDS.manager1)],
      ['leads[add][0][date_create]', String(NOW)],
      ['leads[add][0][last_modified]', String(NOW)],
      ['leads[add][0][created_user_id]', String(lead.created_by)],
      ['leads[add][0][modified_user_id]', String(lead.updated_by)],
      ['leads[add][0][created_at]', String(NOW)],
      ['leads[add][0][updated_at]', String(NOW)],
      ['leads[add][0][account_id]', String(ACCOUNT_ID)],
      ['account[subdomain]', 'demo'],
      ['account[id]', String(ACCOUNT_ID)],
    ]);
    expect(sandbox().webhooks.deliveries()).toEqual([
      { destination: receiver.url, events: ['add_lead'], body: receiver.bodies[0]!.body, status: 200, at: NOW_MS },
    ]);
  });

  it('sends update, status (with the old status) and responsible for one PATCH in one POST', async () => {
    await subscribe(receiver.url, ['update_lead', 'status_lead', 'responsible_lead']);
    const lead = sandbox().store.leads.values().find((row) => !row.is_deleted && row.pipeline_id === PIPELINE_IDS.sales && row.status_id !== 142 && row.status_id !== 143)!;
    const pipeline = sandbox().store.pipelines.get(PIPELINE_IDS.sales)!;
    const target = pipeline.statuses.find((status) => status.id !== lead.status_id && status.id !== 142 && status.id !== 143 && status.type === 0)!;
    const user = lead.responsible_user_id === USER_IDS.manager2 ? USER_IDS.manager3 : USER_IDS.manager2;
    const oldStatus = lead.status_id;
    const oldUser = lead.responsible_user_id;
    const patched = await running.api('/api/v4/leads', { method: 'PATCH', body: [{ id: lead.id, status_id: target.id, responsible_user_id: user }] });
    expect(patched.status).toBe(200);
    await settle();
    expect(receiver.bodies).toHaveLength(1);
    const body = receiver.bodies[0]!.body;
    expect(under(body, 'leads[update][0]')).toMatchObject({ '[id]': String(lead.id), '[status_id]': String(target.id), '[responsible_user_id]': String(user) });
    expect(under(body, 'leads[status][0]')).toMatchObject({
      '[id]': String(lead.id),
      '[status_id]': String(target.id),
      '[old_status_id]': String(oldStatus),
      '[pipeline_id]': String(PIPELINE_IDS.sales),
      '[old_pipeline_id]': String(PIPELINE_IDS.sales),
    });
    expect(under(body, 'leads[responsible][0]')).toMatchObject({ '[responsible_user_id]': String(user), '[old_responsible_user_id]': String(oldUser) });
    expect(sandbox().webhooks.deliveries()[0]!.events).toEqual(['update_lead', 'status_lead', 'responsible_lead']);
  });

  it('sends custom fields and tags in v2 shape', async () => {
    await subscribe(receiver.url, ['update_contact']);
    const contact = sandbox().store.contacts.values().find((row) => !row.is_deleted && row.custom_fields_values.length > 0 && row.tag_ids.length > 0)!;
    await running.api('/api/v4/contacts', { method: 'PATCH', body: [{ id: contact.id, name: 'Renamed by hook test' }] });
    await settle();
    const fields = under(receiver.bodies[0]!.body, 'contacts[update][0]');
    expect(fields['[type]']).toBe('contact');
    const first = contact.custom_fields_values[0]!;
    const definition = sandbox().store.customFields.contacts.get(first.field_id)!;
    expect(fields['[custom_fields][0][id]']).toBe(String(first.field_id));
    expect(fields['[custom_fields][0][name]']).toBe(definition.name);
    expect(fields['[custom_fields][0][values][0][value]']).toBe(String(first.values[0]!.value));
    expect(fields['[tags][0][id]']).toBe(String(contact.tag_ids[0]));
    expect(fields['[tags][0][name]']).toBe(sandbox().store.tags.contacts.get(contact.tag_ids[0]!)!.name);
  });

  it('keys companies as contacts with type=company', async () => {
    await subscribe(receiver.url, ['add_company']);
    const created = await running.api('/api/v4/companies', { method: 'POST', body: [{ name: 'Hook Co' }] });
    await settle();
    const fields = under(receiver.bodies[0]!.body, 'contacts[add][0]');
    expect(fields).toMatchObject({ '[id]': String(created.body._embedded.companies[0].id), '[name]': 'Hook Co', '[type]': 'company' });
  });

  it('sends a note added to a lead under leads[note]', async () => {
    await subscribe(receiver.url, ['note_lead']);
    const lead = sandbox().store.leads.values().find((row) => !row.is_deleted)!;
    const added = await running.api(`/api/v4/leads/${lead.id}/notes`, { method: 'POST', body: [{ note_type: 'common', params: { text: 'Called back' } }] });
    expect(added.status).toBe(200);
    await settle();
    expect(under(receiver.bodies[0]!.body, 'leads[note][0][note]')).toMatchObject({
      '[id]': String(added.body._embedded.notes[0].id),
      '[element_id]': String(lead.id),
      '[element_type]': '2',
      '[note_type]': 'common',
      '[text]': 'Called back',
    });
  });

  it('sends delete and restore from the UI-style actions', async () => {
    await subscribe(receiver.url, ['delete_lead', 'restore_lead', 'update_lead']);
    const lead = sandbox().store.leads.values().find((row) => !row.is_deleted)!;
    expect(sandbox().actions.deleteEntity('leads', lead.id)).toBe(true);
    expect(sandbox().store.leads.get(lead.id)!.is_deleted).toBe(true);
    await settle();
    expect(pairs(receiver.bodies[0]!.body)).toEqual([
      ['leads[delete][0][id]', String(lead.id)],
      ['leads[delete][0][status_id]', String(lead.status_id)],
      ['leads[delete][0][pipeline_id]', String(lead.pipeline_id)],
      ['account[subdomain]', 'demo'],
      ['account[id]', String(ACCOUNT_ID)],
    ]);
    expect(sandbox().actions.deleteEntity('leads', lead.id)).toBe(false);
    expect(sandbox().actions.restoreEntity('leads', lead.id)).toBe(true);
    await settle();
    expect(receiver.bodies).toHaveLength(2);
    expect(under(receiver.bodies[1]!.body, 'leads[restore][0]')).toMatchObject({ '[id]': String(lead.id), '[name]': lead.name });
    expect(sandbox().webhooks.deliveries().map((delivery) => delivery.events)).toEqual([['delete_lead'], ['restore_lead']]);
  });

  it('batches a 50-lead create into one POST per destination', async () => {
    await subscribe(receiver.url, ['add_lead']);
    await subscribe(other.url, ['add_lead', 'add_contact']);
    const created = await running.api('/api/v4/leads', { method: 'POST', body: Array.from({ length: 50 }, (_, i) => ({ name: `Batch ${i}` })) });
    expect(created.status).toBe(200);
    await settle();
    for (const target of [receiver, other]) {
      expect(target.bodies).toHaveLength(1);
      const ids = pairs(target.bodies[0]!.body).filter(([key]) => /^leads\[add\]\[\d+\]\[id\]$/.test(key)).map(([, value]) => Number(value));
      expect(ids).toEqual(created.body._embedded.leads.map((lead: any) => lead.id));
    }
  });

  it('delivers only subscribed events, and nothing after unsubscribe or on a refused write', async () => {
    await subscribe(receiver.url, ['add_contact']);
    await running.api('/api/v4/leads', { method: 'POST', body: [{ name: 'Nobody listens' }] });
    await running.api('/api/v4/leads', { method: 'POST', body: [{ name: 'Bad', pipeline_id: 1 }] });
    await settle();
    expect(receiver.bodies).toHaveLength(0);
    await running.api('/api/v4/contacts', { method: 'POST', body: [{ name: 'Listened to' }] });
    await settle();
    expect(receiver.bodies).toHaveLength(1);
    await running.api('/api/v4/webhooks', { method: 'DELETE', body: { destination: receiver.url } });
    await running.api('/api/v4/contacts', { method: 'POST', body: [{ name: 'After unsubscribe' }] });
    await settle();
    expect(receiver.bodies).toHaveLength(1);
  });

  it('logs a destination that does not answer, with its error', async () => {
    const sink = await startReceiver();
    const dead = sink.url;
    await sink.close();
    await subscribe(dead, ['add_lead']);
    await running.api('/api/v4/leads', { method: 'POST', body: [{ name: 'Into the void' }] });
    await settle();
    expect(sandbox().webhooks.deliveries()).toEqual([expect.objectContaining({ destination: dead, status: null, error: expect.any(String) })]);
  });
});
