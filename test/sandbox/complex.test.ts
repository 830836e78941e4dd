import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIELD_IDS, PIPELINE_IDS, WON_STATUS_ID } from '../../src/sandbox/index.js';
import { startSandbox, type RunningSandbox } from './helpers.js';

const NOW = 1_780_000_000;

let own: RunningSandbox;
beforeEach(async () => {
  own = await startSandbox({ now: () => NOW * 1000 });
});
afterEach(() => own.close());

const store = () => own.sandbox.store;
const complex = (body: unknown) => own.api('/api/v4/leads/complex', { method: 'POST', body });
const phone = (value: string) => ({ field_code: 'PHONE', values: [{ value, enum_code: 'MOB' }] });

/** A stored contact's first phone, and that contact. */
function storedPhone() {
  const contact = store().contacts.values().find((row) => !row.is_deleted && row.custom_fields_values.some((field) => field.field_id === FIELD_IDS.contacts.phone))!;
  return { contact, value: contact.custom_fields_values.find((field) => field.field_id === FIELD_IDS.contacts.phone)!.values[0]!.value as string };
}

describe('POST /api/v4/leads/complex', () => {
  it('answers a bare JSON array with request_id as a list, and links the new contact and company to the lead and to each other', async () => {
    const response = await complex([
      { name: 'Complex one', price: 900, _embedded: { contacts: [{ first_name: 'Иван', last_name: 'Петров', custom_fields_values: [phone('+7 999 000-11-22')] }], companies: [{ name: 'Петров и партнёры' }], tags: [{ name: 'web' }] } },
      { name: 'Complex two', request_id: 'two' },
    ]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const [one, two] = response.body;
    expect(one).toEqual({ id: expect.any(Number), contact_id: expect.any(Number), company_id: expect.any(Number), request_id: ['0'], merged: false });
    expect(two).toEqual({ id: expect.any(Number), contact_id: null, company_id: null, request_id: ['two'], merged: false });

    const lead = (await own.api(`/api/v4/leads/${one.id}?with=contacts`)).body;
    expect(lead).toMatchObject({ name: 'Complex one', price: 900, status_id: store().pipelines.get(PIPELINE_IDS.sales)!.statuses[1]!.id });
    expect(lead._embedded.contacts).toEqual([expect.objectContaining({ id: one.contact_id, is_main: true })]);
    expect(lead._embedded.companies.map((item: any) => item.id)).toEqual([one.company_id]);
    expect(lead._embedded.tags.map((tag: any) => tag.name)).toEqual(['web']);
    const contact = (await own.api(`/api/v4/contacts/${one.contact_id}`)).body;
    expect(contact).toMatchObject({ name: 'Иван Петров', is_unsorted: false });
    expect(contact._embedded.companies.map((item: any) => item.id)).toEqual([one.company_id]);
    expect(store().companies.get(one.company_id)!.name).toBe('Петров и партнёры');
  });

  it('merges a new contact into a stored one with the same phone or e-mail, and answers merged: true', async () => {
    const { contact, value } = storedPhone();
    const withEmail = store().contacts.values().find((row) => !row.is_deleted && row.custom_fields_values.some((field) => field.field_id === FIELD_IDS.contacts.email))!;
    const email = withEmail.custom_fields_values.find((field) => field.field_id === FIELD_IDS.contacts.email)!.values[0]!.value as string;
    const contactsBefore = store().contacts.size;
    const response = await complex([
      // Formatting differs; the digits are the same.
      { name: 'By phone', _embedded: { contacts: [{ first_name: 'Дубль', custom_fields_values: [phone(value.replace(/\D/g, ''))] }], companies: [{ name: 'New Co' }] } },
      { name: 'By e-mail', _embedded: { contacts: [{ first_name: 'Дубль', custom_fields_values: [{ field_code: 'EMAIL', values: [{ value: email.toUpperCase() }] }] }] } },
    ]);
    expect(response.body.map((item: any) => [item.contact_id, item.merged])).toEqual([
      [contact.id, true],
      [withEmail.id, true],
    ]);
    expect(store().contacts.size).toBe(contactsBefore);
    // The stored contact is linked, not changed.
    expect(store().contacts.get(contact.id)!.first_name).not.toBe('Дубль');
    expect(store().links.linked({ type: 'leads', id: response.body[0].id }, 'contacts')).toEqual([{ id: contact.id, isMain: true }]);
    expect(store().links.isLinked({ type: 'contacts', id: contact.id }, { type: 'companies', id: response.body[0].company_id })).toBe(false);
  });

  it('does not merge two identical new contacts of one request with each other', async () => {
    const twin = { name: 'Twin', _embedded: { contacts: [{ first_name: 'Близнец', custom_fields_values: [phone('+7 000 123-45-67')] }] } };
    const response = await complex([twin, twin]);
    expect(response.body.map((item: any) => item.merged)).toEqual([false, false]);
    expect(response.body[0].contact_id).not.toBe(response.body[1].contact_id);
    // Stored now: a later request merges.
    expect((await complex([twin])).body[0]).toMatchObject({ merged: true, contact_id: response.body[0].contact_id });
  });

  it('puts a lead with form metadata into the incoming stage, whatever status it names, and opens an unsorted entry for it', async () => {
    const metadata = { category: 'forms', form_id: 'callback', form_name: 'Обратный звонок', form_page: 'https://example.test/', form_sent_at: NOW - 60, ip: '203.0.113.7' };
    const response = await complex([
      {
        name: 'From the site',
        pipeline_id: PIPELINE_IDS.corporate,
        status_id: WON_STATUS_ID,
        _embedded: { contacts: [{ first_name: 'Посетитель', custom_fields_values: [phone('+7 111 222-33-44')] }], metadata },
      },
    ]);
    expect(response.status).toBe(200);
    const [result] = response.body;
    const corporate = store().pipelines.get(PIPELINE_IDS.corporate)!;
    expect(store().leads.get(result.id)).toMatchObject({ pipeline_id: corporate.id, status_id: corporate.statuses[0]!.id, closed_at: null });
    const entry = [...store().unsorted.values()].find((item) => item.lead_id === result.id)!;
    expect(entry).toMatchObject({
      category: 'forms',
      pipeline_id: corporate.id,
      state: 'new',
      contact_id: result.contact_id,
      created_at: NOW,
      metadata: { form_id: 'callback', form_name: 'Обратный звонок', form_page: 'https://example.test/', form_sent_at: NOW - 60, ip: '203.0.113.7' },
    });
    expect(store().contacts.get(result.contact_id)!.is_unsorted).toBe(true);
    expect((await own.api(`/api/v4/leads/unsorted/${entry.uid}`)).body._embedded.leads[0].id).toBe(result.id);
  });

  it('validates the whole batch first, naming paths inside the embedded entities, and writes nothing', async () => {
    const before = { leads: store().leads.size, contacts: store().contacts.size, unsorted: store().unsorted.size };
    const response = await complex([
      { name: 'fine', _embedded: { contacts: [{ first_name: 'Ok' }] } },
      { _embedded: { contacts: [{ custom_fields_values: [{ field_id: 1, values: [{ value: 'x' }] }] }], companies: [{ name: 7 }] } },
      { _embedded: { contacts: [{}, {}], metadata: { category: 'forms', form_name: 'no id' } } },
      { _embedded: { metadata: { category: 'mail' } } },
    ]);
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)])).toEqual([
      ['1', ['NotSupportedChoice _embedded.contacts.0.custom_fields_values.0.field_id', 'InvalidType _embedded.companies.0.name']],
      ['2', ['NotBlank _embedded.metadata.form_id', 'NotBlank _embedded.metadata.form_page', 'NotBlank _embedded.metadata.form_sent_at', 'TooMany _embedded.contacts']],
      ['3', ['NotSupportedChoice _embedded.metadata.category']],
    ]);
    expect({ leads: store().leads.size, contacts: store().contacts.size, unsorted: store().unsorted.size }).toEqual(before);
  });

  it('takes at most 50 leads and at most 40 custom field values per entity', async () => {
    const tooMany = await complex(Array.from({ length: 51 }, () => ({})));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).not.toHaveProperty('validation-errors');
    const values = Array.from({ length: 41 }, () => ({ field_id: FIELD_IDS.leads.comment, values: [{ value: 'x' }] }));
    const response = await complex([{ custom_fields_values: values }]);
    expect(response.body['validation-errors'][0].errors[0]).toMatchObject({ code: 'TooMany', path: 'custom_fields_values' });
    expect((await complex(Array.from({ length: 50 }, (_, i) => ({ name: `Fifty ${i}` })))).body).toHaveLength(50);
  });
});
