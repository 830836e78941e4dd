import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../src/sandbox/seed/custom-fields.js';
import { PIPELINE_IDS } from '../../src/sandbox/seed/ids.js';
import { useFreshSandbox } from './helpers.js';

const running = useFreshSandbox();

const store = () => running().sandbox.store;

/** A contact of its own with this phone, and `leads` active leads linked to it. */
function contactWithPhone(phone: string, leads: number): { contactId: number; leadIds: number[] } {
  const s = store();
  const template = s.contacts.values()[0]!;
  const contactId = s.contacts.nextId();
  s.contacts.put({ ...template, id: contactId, custom_fields_values: [{ field_id: FIELD_IDS.contacts.phone, values: [{ value: phone, enum_code: 'WORK' }] }] });
  const leadTemplate = s.leads.values().find((lead) => !lead.is_deleted)!;
  const status = s.pipelines.get(PIPELINE_IDS.sales)!.statuses.find((row) => row.id !== 142 && row.id !== 143)!.id;
  const leadIds = Array.from({ length: leads }, () => {
    const id = s.leads.nextId();
    s.leads.put({ ...leadTemplate, id, pipeline_id: PIPELINE_IDS.sales, status_id: status, is_deleted: false });
    s.links.link({ type: 'leads', id }, { type: 'contacts', id: contactId });
    return id;
  });
  return { contactId, leadIds };
}

const call = (phone: string, extra: Record<string, unknown> = {}) => ({ direction: 'inbound', duration: 42, source: 'pbx', phone, ...extra });

describe('POST /api/v4/calls', () => {
  it('writes a call note on the one active lead, else on the contact, matching the last 10 digits', async () => {
    const single = contactWithPhone('+7 (912) 000-11-22', 1);
    const many = contactWithPhone('89120003344', 2);
    const response = await running().api('/api/v4/calls', {
      method: 'POST',
      body: [
        call('79120001122', { request_id: 'a', call_status: 4, call_result: 'Договорились', uniq: 'u1' }),
        call('+7 912 000 33 44', { direction: 'outbound' }),
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([]);
    const [first, second] = response.body._embedded.calls;
    expect(first).toMatchObject({ entity_type: 'lead', entity_id: single.leadIds[0], request_id: 'a' });
    expect(second).toMatchObject({ entity_type: 'contact', entity_id: many.contactId, request_id: '1' });
    expect(store().notes.leads.get(first.id)).toMatchObject({ note_type: 'call_in', entity_id: single.leadIds[0], params: { call_status: 4, call_result: 'Договорились', uniq: 'u1', duration: 42 } });
    expect(store().notes.contacts.get(second.id)).toMatchObject({ note_type: 'call_out', entity_id: many.contactId, created_by: 0 });
  });

  it('answers a phone no one has under errors and writes the rest', async () => {
    const single = contactWithPhone('9120005566', 0);
    const before = store().notes.contacts.size;
    const response = await running().api('/api/v4/calls', { method: 'POST', body: [call('0000000001'), call('9120005566')] });
    expect(response.status).toBe(200);
    expect(response.body.errors).toMatchObject([{ request_id: '0', status: 404 }]);
    expect(response.body._embedded.calls).toMatchObject([{ entity_type: 'contact', entity_id: single.contactId, request_id: '1' }]);
    expect(store().notes.contacts.size).toBe(before + 1);
  });

  it('refuses a malformed batch with validation-errors and writes nothing', async () => {
    contactWithPhone('9120007788', 0);
    const before = store().notes.contacts.size + store().notes.leads.size;
    const response = await running().api('/api/v4/calls', {
      method: 'POST',
      body: [call('9120007788'), call('9120007788', { direction: 'sideways' }), { phone: '9120007788', source: 'pbx', direction: 'inbound' }, call('9120007788', { call_status: 9 })],
    });
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((e: any) => `${e.code} ${e.path}`)])).toEqual([
      ['1', ['NotSupportedChoice direction']],
      ['2', ['NotBlank duration']],
      ['3', ['NotSupportedChoice call_status']],
    ]);
    expect(store().notes.contacts.size + store().notes.leads.size).toBe(before);
  });
});
