// Note edits, pins and the tag dictionary's POST as the gateway's new mutations use them: the
// shapes amoCRM answers, the refusals, and that a refused write changes nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { startSandbox, type RunningSandbox } from './helpers.js';

const NOW_MS = 1_770_000_000_000;
const NOW = NOW_MS / 1000;

let running: RunningSandbox;
beforeAll(async () => {
  running = await startSandbox({ now: () => NOW_MS });
});
afterAll(() => running.close());

const store = () => running.sandbox.store;

describe('PATCH /api/v4/{entity}/notes', () => {
  it('edits an SMS note of contacts by batch with id and entity_id, keeping what was not sent, and changes its responsible user', async () => {
    const sms = store().notes.contacts.values().find((note) => note.note_type === 'sms_out')!;
    const response = await running.api('/api/v4/contacts/notes', {
      method: 'PATCH',
      body: [{ id: sms.id, entity_id: sms.entity_id, params: { ...sms.params, text: 'Новый текст' }, responsible_user_id: USER_IDS.manager1, request_id: 'r1' }],
    });
    expect(response.status).toBe(200);
    expect(response.body._embedded.notes).toEqual([
      { id: sms.id, entity_id: sms.entity_id, updated_at: NOW, request_id: 'r1', _links: { self: { href: `${running.url}/api/v4/contacts/${sms.entity_id}/notes/${sms.id}` } } },
    ]);
    expect(store().notes.contacts.get(sms.id)).toMatchObject({ params: { text: 'Новый текст', phone: sms.params.phone }, responsible_user_id: USER_IDS.manager1, updated_at: NOW });
  });

  it("refuses params on a note type only amoCRM's own services write, and a note moved to another entity; nothing changes", async () => {
    const table = store().notes.leads;
    const [mail, common] = [table.values()[0]!, table.values().find((note) => note.note_type === 'common')!];
    table.put({ ...mail, note_type: 'amomail_message', params: { subject: 'Счёт', text: 'см. вложение' } });
    const before = JSON.stringify(table.values());
    const response = await running.api('/api/v4/leads/notes', {
      method: 'PATCH',
      body: [
        { id: mail.id, params: { text: 'edited' } },
        { id: common.id, entity_id: common.entity_id + 1, params: { text: 'moved' } },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)])).toEqual([
      ['0', ['NotSupportedChoice params']],
      ['1', ['NotSupportedChoice entity_id']],
    ]);
    expect(JSON.stringify(table.values())).toBe(before);
    table.put(mail);
  });

  it('refuses a single PATCH of an unknown note without writing', async () => {
    const before = JSON.stringify(store().notes.companies.values());
    const response = await running.api('/api/v4/companies/notes/987654', { method: 'PATCH', body: { params: { text: 'x' } } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(store().notes.companies.values())).toBe(before);
  });

  it('pins with 204 and no body, unpins likewise, and answers 404 for a note of another entity type', async () => {
    const note = store().notes.companies.values().find((row) => !row.is_pinned)!;
    const pin = await running.api(`/api/v4/companies/notes/${note.id}/pin`, { method: 'POST' });
    expect([pin.status, pin.text]).toEqual([204, '']);
    expect(store().notes.companies.get(note.id)!.is_pinned).toBe(true);
    expect((await running.api(`/api/v4/companies/notes/${note.id}/unpin`, { method: 'POST' })).status).toBe(204);
    expect(store().notes.companies.get(note.id)!.is_pinned).toBe(false);
    const leadId = store().notes.leads.values()[0]!.id;
    expect(store().notes.companies.has(leadId)).toBe(false);
    expect((await running.api(`/api/v4/companies/notes/${leadId}/pin`, { method: 'POST' })).status).toBe(404);
  });
});

describe('POST /api/v4/{entity}/tags', () => {
  it('adds tags in amoCRM shape with request_id, colour on leads tags only, and answers a known name with its tag', async () => {
    const known = store().tags.leads.values()[0]!;
    const size = store().tags.leads.size;
    const leads = await running.api('/api/v4/leads/tags', {
      method: 'POST',
      body: [{ name: 'Горячий', color: 'ffce5a', request_id: 'hot' }, { name: known.name.toUpperCase() }],
    });
    expect(leads.status).toBe(200);
    expect(leads.body._total_items).toBe(2);
    const [hot, again] = leads.body._embedded.tags;
    expect(hot).toEqual({ id: expect.any(Number), name: 'Горячий', color: 'FFCE5A', request_id: 'hot' });
    expect(again).toEqual({ id: known.id, name: known.name, color: known.color, request_id: '1' });
    expect(store().tags.leads.size).toBe(size + 1);
    expect(store().tags.leads.get(hot.id)).toMatchObject({ name: 'Горячий', color: 'FFCE5A' });

    const contacts = await running.api('/api/v4/contacts/tags', { method: 'POST', body: [{ name: 'Только контакты', color: 'FFCE5A' }] });
    expect(contacts.body._embedded.tags[0]).toMatchObject({ name: 'Только контакты', color: null });
    // Tag ids are per entity type: the same name is a tag of its own in another dictionary.
    expect(store().tags.leads.values().some((tag) => tag.name === 'Только контакты')).toBe(false);
  });

  it('refuses a batch with a blank name, a malformed colour or an id, naming each item, and writes nothing', async () => {
    const before = JSON.stringify(store().tags.leads.values());
    const response = await running.api('/api/v4/leads/tags', {
      method: 'POST',
      body: [{ name: 'ok' }, { name: '  ' }, { name: 'c', color: '#FFCE5A' }, { id: 5, name: 'd' }],
    });
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => error.path)])).toEqual([
      ['1', ['name']],
      ['2', ['color']],
      ['3', ['id']],
    ]);
    expect(JSON.stringify(store().tags.leads.values())).toBe(before);
  });

  it('serves no DELETE on the dictionary: amoCRM documents none', async () => {
    const before = store().tags.leads.size;
    const response = await running.api('/api/v4/leads/tags', { method: 'DELETE', body: [{ id: store().tags.leads.values()[0]!.id }] });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(store().tags.leads.size).toBe(before);
  });
});
