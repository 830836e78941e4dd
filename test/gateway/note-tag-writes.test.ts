// Note edits, pins and new tags end to end against the sandbox: what the sandbox then holds, how
// many upstream calls each took, and that bad input is refused per item with nothing written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const notes = () => stack.sandbox.store.notes;
const calls = () => stack.upstreamCalls().map((call) => `${call.method} ${call.path}`);

const UPDATE = `mutation ($input: [UpdateNoteInput!]!) {
  updateNotes(input: $input) { succeededCount failedCount results { index status amoId errors { path code message } note { amoId text phone responsibleUser { amoId } } } }
}`;

describe('updateNotes', () => {
  it('edits a comment and an SMS on two entity types: one read and one PATCH per type, params kept whole', async () => {
    const comment = notes().leads.values().find((note) => note.note_type === 'common')!;
    const sms = notes().contacts.values().find((note) => note.note_type === 'sms_in')!;
    stack.resetLog();
    const result = dataOf(
      await stack.gql(
        `mutation ($input: [UpdateNoteInput!]!) { updateNotes(input: $input) { succeededCount results { status amoId errors { message } } } }`,
        {
          input: [
            { entityType: 'LEADS', amoId: comment.id, text: 'Договорились на среду' },
            { entityType: 'CONTACTS', amoId: sms.id, phone: '+79990001122', responsibleUserId: USER_IDS.manager1 },
          ],
        },
      ),
    ).updateNotes;
    expect(result).toEqual({
      succeededCount: 2,
      results: [
        { status: 'SUCCEEDED', amoId: comment.id, errors: [] },
        { status: 'SUCCEEDED', amoId: sms.id, errors: [] },
      ],
    });
    expect(notes().leads.get(comment.id)!.params).toEqual({ text: 'Договорились на среду' });
    expect(notes().contacts.get(sms.id)).toMatchObject({ params: { text: sms.params.text, phone: '+79990001122' }, responsible_user_id: USER_IDS.manager1 });
    // The account's users are cached metadata and may be read once; the rest is one read and one write per type.
    const noteCalls = calls().filter((call) => call.includes('/notes'));
    expect(noteCalls.sort()).toEqual(['GET /api/v4/contacts/notes', 'GET /api/v4/leads/notes', 'PATCH /api/v4/contacts/notes', 'PATCH /api/v4/leads/notes']);
    expect(calls().filter((call) => !call.includes('/notes')).every((call) => call === 'GET /api/v4/users')).toBe(true);
  });

  it('reads the note back when asked, fresh after the write', async () => {
    const comment = notes().companies.values().find((note) => note.note_type === 'common')!;
    const result = dataOf(await stack.gql(UPDATE, { input: [{ entityType: 'COMPANIES', amoId: comment.id, text: 'Новый адрес офиса' }] })).updateNotes;
    expect(result.results[0].note).toMatchObject({ amoId: comment.id, text: 'Новый адрес офиса' });
  });

  it('refuses per item, before any write: an unknown note, a field its type lacks, a blank text, an unknown user, nothing to change', async () => {
    const [a, b] = notes().leads.values().filter((note) => note.note_type === 'common');
    const call = notes().leads.values().find((note) => note.note_type === 'call_in')!;
    const before = JSON.stringify(notes().leads.values());
    stack.resetLog();
    const result = dataOf(
      await stack.gql(UPDATE, {
        input: [
          { entityType: 'LEADS', amoId: 69_999_999, text: 'x' },
          { entityType: 'LEADS', amoId: a!.id, phone: '+7000' },
          { entityType: 'LEADS', amoId: b!.id, text: '   ' },
          { entityType: 'LEADS', amoId: call.id, call: { duration: 30 }, responsibleUserId: 12345 },
          { entityType: 'LEADS', amoId: a!.id },
        ],
      }),
    ).updateNotes;
    expect(result.failedCount).toBe(5);
    expect(result.results.map((r: any) => r.errors.map((e: any) => `${e.code} ${e.path.join('.')}`))).toEqual([
      ['NOT_FOUND amoId'],
      ['BAD_USER_INPUT phone'],
      ['BAD_USER_INPUT text'],
      ['BAD_USER_INPUT responsibleUserId'],
      ['BAD_USER_INPUT '],
    ]);
    expect(JSON.stringify(notes().leads.values())).toBe(before);
    expect(stack.upstreamCalls().filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('refuses a note type only amoCRM writes, leaving it as it was', async () => {
    const table = notes().contacts;
    const note = table.values()[3]!;
    table.put({ ...note, note_type: 'amomail_message', params: { subject: 'Счёт' } });
    const before = JSON.stringify(table.get(note.id));
    const result = dataOf(await stack.gql(UPDATE, { input: [{ entityType: 'CONTACTS', amoId: note.id, text: 'x' }] })).updateNotes;
    expect(result.results[0]).toMatchObject({ status: 'FAILED', errors: [{ path: ['amoId'], code: 'BAD_USER_INPUT' }] });
    expect(JSON.stringify(table.get(note.id))).toBe(before);
    table.put(note);
  });
});

describe('pinNote and unpinNote', () => {
  it('pins and unpins, answering isPinned as amoCRM has it: one POST and one read each', async () => {
    const note = notes().leads.values().find((row) => !row.is_pinned)!;
    stack.resetLog();
    const pinned = dataOf(await stack.gql(`mutation { pinNote(input: { entityType: LEADS, amoId: ${note.id} }) { amoId isPinned } }`)).pinNote;
    expect(pinned).toEqual({ amoId: note.id, isPinned: true });
    expect(notes().leads.get(note.id)!.is_pinned).toBe(true);
    expect(calls()).toEqual([`POST /api/v4/leads/notes/${note.id}/pin`, 'GET /api/v4/leads/notes']);

    const read = dataOf(await stack.gql(`{ notes(entityType: LEADS, filter: { amoIds: [${note.id}] }, first: 1) { nodes { isPinned } } }`)).notes;
    expect(read.nodes).toEqual([{ isPinned: true }]);

    const unpinned = dataOf(await stack.gql(`mutation { unpinNote(input: { entityType: LEADS, amoId: ${note.id} }) { isPinned } }`)).unpinNote;
    expect(unpinned).toEqual({ isPinned: false });
    expect(notes().leads.get(note.id)!.is_pinned).toBe(false);
  });

  it('answers an error for an unknown note and a bad id', async () => {
    const unknown = await stack.gql(`mutation { pinNote(input: { entityType: CONTACTS, amoId: 5 }) { amoId } }`);
    expect(unknown.errors?.map((error) => error.extensions?.code)).toEqual(['AMOCRM_NOT_FOUND']);
    const bad = await stack.gql(`mutation { pinNote(input: { entityType: CONTACTS, amoId: 0 }) { amoId } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('createTags', () => {
  const CREATE = `mutation ($entity: EntityType!, $input: [CreateTagInput!]!) {
    createTags(entity: $entity, input: $input) { succeededCount failedCount results { status amoId errors { path code } tag { amoId name color } } }
  }`;

  it('adds leads tags with palette colours in one POST; a known name answers its tag', async () => {
    const tags = stack.sandbox.store.tags.leads;
    const known = tags.values()[0]!;
    const size = tags.size;
    stack.resetLog();
    const result = dataOf(await stack.gql(CREATE, { entity: 'LEADS', input: [{ name: 'Выставка 2026', color: '0c7c59' }, { name: known.name }] })).createTags;
    expect(result.succeededCount).toBe(2);
    expect(result.results[0].tag).toEqual({ amoId: expect.any(Number), name: 'Выставка 2026', color: '0C7C59' });
    expect(result.results[1].tag.amoId).toBe(known.id);
    expect(tags.size).toBe(size + 1);
    expect(tags.get(result.results[0].amoId)).toMatchObject({ name: 'Выставка 2026', color: '0C7C59' });
    expect(calls()).toEqual(['POST /api/v4/leads/tags']);

    const listed = dataOf(await stack.gql(`{ tags(entity: LEADS, query: "Выставка 2026") { nodes { amoId color } } }`)).tags;
    expect(listed.nodes).toEqual([{ amoId: result.results[0].amoId, color: '0C7C59' }]);
  });

  it('refuses a colour off the palette, a colour on contact tags and a blank name, on their own; the good rest is written', async () => {
    const before = JSON.stringify(stack.sandbox.store.tags.leads.values());
    stack.resetLog();
    const leads = dataOf(await stack.gql(CREATE, { entity: 'LEADS', input: [{ name: 'a', color: '123456' }, { name: '  ' }] })).createTags;
    expect(leads.results.map((r: any) => [r.status, r.errors.map((e: any) => e.path.join('.'))])).toEqual([
      ['FAILED', ['color']],
      ['FAILED', ['name']],
    ]);
    expect(JSON.stringify(stack.sandbox.store.tags.leads.values())).toBe(before);
    expect(stack.upstreamCalls()).toHaveLength(0);

    const contactTags = stack.sandbox.store.tags.contacts;
    const size = contactTags.size;
    const contacts = dataOf(await stack.gql(CREATE, { entity: 'CONTACTS', input: [{ name: 'VIP-клиент', color: 'FFCE5A' }, { name: 'Опт-2026' }] })).createTags;
    expect(contacts.results.map((r: any) => r.status)).toEqual(['FAILED', 'SUCCEEDED']);
    expect(contacts.results[1].tag).toMatchObject({ name: 'Опт-2026', color: null });
    expect(contactTags.size).toBe(size + 1);
    expect(contactTags.values().some((tag) => tag.name === 'VIP-клиент')).toBe(false);
  });
});
