// Logging calls end to end: call notes land where amoCRM puts them and can be read back on the
// entity; an unknown phone fails on its own; bad input is refused before any call.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../src/sandbox/seed/custom-fields.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;

function contactWithPhone(phone: string): number {
  const s = store();
  const id = s.contacts.nextId();
  s.contacts.put({ ...s.contacts.values()[0]!, id, custom_fields_values: [{ field_id: FIELD_IDS.contacts.phone, values: [{ value: phone, enum_code: 'WORK' }] }] });
  return id;
}

const MUTATION = /* GraphQL */ `
  mutation ($input: [LogCallInput!]!) {
    logCalls(input: $input) { succeededCount results { status noteAmoId entityType errors { code path } contact { amoId notes { noteType } } } }
  }
`;

describe('logCalls', () => {
  it('writes call notes on the contact, readable on it, and fails an unknown phone on its own', async () => {
    const contactId = contactWithPhone('+7 (913) 555-00-11');
    stack.resetLog();
    const result = dataOf(
      await stack.gql(MUTATION, {
        input: [
          { direction: 'OUTBOUND', phone: '89135550011', duration: 65, source: 'pbx', status: 'TALKED', result: 'Перезвонить в пятницу', createdBy: USER_IDS.salesHead },
          { direction: 'INBOUND', phone: '0000000009', duration: 3, source: 'pbx' },
        ],
      }),
    ).logCalls;
    expect(result.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(result.results[0]).toMatchObject({ entityType: 'contact', contact: { amoId: contactId } });
    expect(result.results[0].contact.notes.map((n: any) => n.noteType)).toContain('call_out');
    expect(result.results[1].errors).toEqual([{ code: 'NOT_FOUND', path: ['phone'] }]);
    expect(store().notes.contacts.get(result.results[0].noteAmoId)).toMatchObject({
      note_type: 'call_out',
      params: { call_status: 4, call_result: 'Перезвонить в пятницу', duration: 65 },
      created_by: USER_IDS.salesHead,
    });
    expect(stack.upstreamCalls().filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('refuses a phone without digits, a negative duration and an unknown user before any call', async () => {
    stack.resetLog();
    const result = dataOf(
      await stack.gql(MUTATION, {
        input: [
          { direction: 'INBOUND', phone: 'n/a', duration: 1, source: 'pbx' },
          { direction: 'INBOUND', phone: '9135550011', duration: -1, source: 'pbx', responsibleUserId: 1 },
        ],
      }),
    ).logCalls;
    expect(result.results.map((r: any) => r.errors.map((e: any) => e.path.join('.')))).toEqual([['phone'], ['duration', 'responsibleUserId']]);
    expect(stack.upstreamCalls().filter((call) => call.method === 'POST')).toHaveLength(0);
  });
});
