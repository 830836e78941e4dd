import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIELD_IDS, LOST_STATUS_ID, PIPELINE_IDS, USER_IDS, WON_STATUS_ID } from '../../src/sandbox/index.js';
import { startSandbox, type RunningSandbox } from './helpers.js';

/** The sandbox clock for these tests, in unix seconds. */
const NOW = 1_780_000_000;

let own: RunningSandbox;
beforeEach(async () => {
  own = await startSandbox({ now: () => NOW * 1000 });
});
afterEach(() => own.close());

const store = () => own.sandbox.store;
const post = (type: string, body: unknown) => own.api(`/api/v4/${type}`, { method: 'POST', body });
const patch = (path: string, body: unknown) => own.api(path, { method: 'PATCH', body });
const liveLead = (skip = 0) => store().leads.values().filter((lead) => !lead.is_deleted && lead.status_id !== 142 && lead.status_id !== 143)[skip]!;
const liveContact = (skip = 0) => store().contacts.values().filter((contact) => !contact.is_deleted)[skip]!;
const liveCompany = (skip = 0) => store().companies.values().filter((company) => !company.is_deleted)[skip]!;
const enumId = (type: 'leads' | 'contacts' | 'companies', fieldId: number, value: string) =>
  store().customFields[type].get(fieldId)!.enums!.find((option) => option.value === value)!.id;
const sizes = () => ({
  leads: store().leads.size,
  contacts: store().contacts.size,
  companies: store().companies.size,
  leadTags: store().tags.leads.size,
  links: store().links.size,
});

/** Creates one entity and answers it as GET renders it. */
async function createAndRead(type: 'leads' | 'contacts' | 'companies', item: object, query = '') {
  const created = await post(type, [item]);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const id = created.body._embedded[type][0].id;
  return (await own.api(`/api/v4/${type}/${id}${query}`)).body;
}

const fieldOf = (entity: { custom_fields_values: any[] | null }, fieldId: number) => entity.custom_fields_values?.find((field) => field.field_id === fieldId);

describe('POST /api/v4/{type}', () => {
  it('answers each created item with its id, links and request_id, echoed as given or defaulting to the index', async () => {
    const response = await post('leads', [{ name: 'First' }, { name: 'Second', request_id: 'order-2' }, { name: 'Third' }]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/hal+json');
    const items = response.body._embedded.leads;
    expect(items.map((item: any) => item.request_id)).toEqual(['0', 'order-2', '2']);
    expect(response.body._links.self.href).toBe(`${own.url}/api/v4/leads`);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['_links', 'id', 'request_id']);
      expect(item._links.self.href).toBe(`${own.url}/api/v4/leads/${item.id}`);
    }
    expect(items.map((item: any) => store().leads.get(item.id)!.name)).toEqual(['First', 'Second', 'Third']);
  });

  it('accepts a batch of 120 in one request and writes them in input order', async () => {
    const before = store().contacts.size;
    const response = await post('contacts', Array.from({ length: 120 }, (_, i) => ({ first_name: `Bulk`, last_name: `${i}` })));
    expect(response.status).toBe(200);
    const ids = response.body._embedded.contacts.map((item: any) => item.id);
    expect(ids).toHaveLength(120);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(store().contacts.size).toBe(before + 120);
    expect(ids.map((id: number) => store().contacts.get(id)!.name)).toEqual(Array.from({ length: 120 }, (_, i) => `Bulk ${i}`));
  });

  it('fills amoCRM defaults for a bare lead: main pipeline, first working stage, the token user, the request time', async () => {
    const lead = await createAndRead('leads', {});
    const main = store().pipelines.get(PIPELINE_IDS.sales)!;
    expect(lead).toMatchObject({
      name: `Сделка #${lead.id}`,
      price: 0,
      pipeline_id: main.id,
      status_id: main.statuses[1]!.id,
      responsible_user_id: store().account.current_user_id,
      created_by: store().account.current_user_id,
      created_at: NOW,
      updated_at: NOW,
      closed_at: null,
      custom_fields_values: null,
      is_deleted: false,
    });
    expect(main.statuses[1]!.type).toBe(0);
    expect(lead._embedded).toEqual({ tags: [], companies: [] });
  });

  it('takes the writable lead fields as given and stamps closed_at for won leads', async () => {
    const lead = await createAndRead('leads', {
      name: 'Весь набор',
      price: 125_000,
      pipeline_id: PIPELINE_IDS.corporate,
      status_id: WON_STATUS_ID,
      responsible_user_id: USER_IDS.corporate1,
      created_by: 0,
      created_at: NOW - 86_400,
    });
    expect(lead).toMatchObject({
      name: 'Весь набор',
      price: 125_000,
      pipeline_id: PIPELINE_IDS.corporate,
      status_id: WON_STATUS_ID,
      responsible_user_id: USER_IDS.corporate1,
      group_id: store().users.get(USER_IDS.corporate1)!.rights.group_id,
      created_by: 0,
      created_at: NOW - 86_400,
      closed_at: NOW,
    });
  });

  it('names a contact from first and last name when no name is given', async () => {
    const contact = await createAndRead('contacts', { first_name: 'Ада', last_name: 'Лавлейс' });
    expect(contact).toMatchObject({ name: 'Ада Лавлейс', first_name: 'Ада', last_name: 'Лавлейс' });
    const named = await createAndRead('contacts', { name: 'Просто имя', first_name: 'Ада' });
    expect(named).toMatchObject({ name: 'Просто имя', first_name: 'Ада', last_name: '' });
  });

  it('links existing contacts and a company given in _embedded, the first listed contact main unless one says is_main', async () => {
    const [first, second] = [liveContact(3), liveContact(4)];
    const company = liveCompany(2);
    const lead = await createAndRead('leads', { _embedded: { contacts: [{ id: first.id }, { id: second.id }], companies: [{ id: company.id }] } }, '?with=contacts');
    expect(lead._embedded.contacts.map((item: any) => [item.id, item.is_main])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect(lead._embedded.companies.map((item: any) => item.id)).toEqual([company.id]);

    const chosen = await createAndRead('leads', { _embedded: { contacts: [{ id: first.id }, { id: second.id, is_main: true }] } }, '?with=contacts');
    expect(chosen._embedded.contacts.find((item: any) => item.is_main).id).toBe(second.id);

    const contact = await createAndRead('contacts', { name: 'Сотрудник', _embedded: { companies: [{ id: company.id }] } });
    expect(contact._embedded.companies.map((item: any) => item.id)).toEqual([company.id]);
  });
});

describe('validation', () => {
  it('refuses a batch with one bad item: 400 naming exactly that item and path, and writes nothing', async () => {
    const before = sizes();
    const items = Array.from({ length: 50 }, (_, i) => ({ name: `Batch ${i}`, request_id: `r${i}`, tags_to_add: [{ name: `fresh-tag-${i}` }] }));
    items[31] = { ...items[31]!, custom_fields_values: [{ field_id: FIELD_IDS.leads.requestSource, values: [{ value: 'Телепатия' }] }] } as any;
    const response = await post('leads', items);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toEqual({
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request validation failed',
      'validation-errors': [
        { request_id: 'r31', errors: [{ code: 'NotSupportedChoice', path: 'custom_fields_values.0.values.0.value', detail: expect.any(String) }] },
      ],
    });
    expect(sizes()).toEqual(before);
  });

  it('lists every bad item by index when there is no request_id, with dotted paths and codes', async () => {
    const contact = liveContact();
    const response = await post('leads', [
      { name: 'ok' },
      { price: '100', status_id: 1, responsible_user_id: 12345 },
      { name: 'ok too' },
      {
        custom_fields_values: [
          { field_id: FIELD_IDS.leads.comment, values: [{ value: 'fine' }] },
          { field_id: 999_999, values: [{ value: 'x' }] },
          { field_code: 'NO_SUCH_CODE', values: [{ value: 'x' }] },
          { field_id: FIELD_IDS.leads.licenses, values: [{ value: 'many' }] },
          { field_id: FIELD_IDS.leads.paid, values: [{ value: 'yes' }] },
          { field_id: FIELD_IDS.leads.contractDate, values: [{ value: 'tomorrow' }] },
          { field_id: FIELD_IDS.leads.products, values: [{ enum_id: 1 }] },
        ],
        tags_to_add: [{ id: 1 }],
        _embedded: { contacts: [{ id: contact.id }, { id: 99_999_999 }], companies: [{ id: 1 }] },
      },
    ]);
    expect(response.status).toBe(400);
    const errors = response.body['validation-errors'];
    expect(errors.map((item: any) => item.request_id)).toEqual(['1', '3']);
    const paths = (index: number) => errors[index].errors.map((error: any) => [error.code, error.path]);
    expect(paths(0)).toEqual([
      ['NotSupportedChoice', 'responsible_user_id'],
      ['InvalidType', 'price'],
      ['NotSupportedChoice', 'status_id'],
    ]);
    expect(paths(1)).toEqual([
      ['NotSupportedChoice', 'custom_fields_values.1.field_id'],
      ['NotSupportedChoice', 'custom_fields_values.2.field_code'],
      ['InvalidType', 'custom_fields_values.3.values.0.value'],
      ['InvalidType', 'custom_fields_values.4.values.0.value'],
      ['InvalidType', 'custom_fields_values.5.values.0.value'],
      ['NotSupportedChoice', 'custom_fields_values.6.values.0.enum_id'],
      ['NotSupportedChoice', 'tags_to_add.0.id'],
      ['NotSupportedChoice', '_embedded.contacts.1.id'],
      ['NotSupportedChoice', '_embedded.companies.0.id'],
    ]);
    for (const error of errors.flatMap((item: any) => item.errors)) expect(error.detail).toEqual(expect.any(String));
  });

  it('refuses a stage outside the pipeline, the incoming stage, and an unknown pipeline or loss reason', async () => {
    const corporate = store().pipelines.get(PIPELINE_IDS.corporate)!;
    const response = await post('leads', [
      { pipeline_id: PIPELINE_IDS.sales, status_id: corporate.statuses[2]!.id },
      { pipeline_id: PIPELINE_IDS.corporate, status_id: corporate.statuses[0]!.id },
      { pipeline_id: 42 },
      { status_id: LOST_STATUS_ID, loss_reason_id: 42 },
    ]);
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors[0].code, item.errors[0].path])).toEqual([
      ['0', 'NotSupportedChoice', 'status_id'],
      ['1', 'NotSupportedChoice', 'status_id'],
      ['2', 'NotSupportedChoice', 'pipeline_id'],
      ['3', 'NotSupportedChoice', 'loss_reason_id'],
    ]);
  });

  it('answers a plain 400 (no validation-errors) for a body that is not a non-empty array of at most 250', async () => {
    for (const body of [{ name: 'not an array' }, [], Array.from({ length: 251 }, () => ({}))]) {
      const response = await post('companies', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ title: 'Bad Request', status: 400 });
      expect(response.body).not.toHaveProperty('validation-errors');
    }
    expect((await own.api('/api/v4/companies', { method: 'POST' })).status).toBe(400);
  });

  it('ignores keys amoCRM does not know', async () => {
    const response = await post('companies', [{ name: 'Extra keys', favourite_colour: 'teal', is_deleted: true, id: 1 }]);
    expect(response.status).toBe(200);
    const row = store().companies.get(response.body._embedded.companies[0].id)!;
    expect(row).toMatchObject({ name: 'Extra keys', is_deleted: false });
  });

  it('makes a field required in the stages its required_statuses list, on create and on a move there', async () => {
    const signing = store().pipelines.get(PIPELINE_IDS.corporate)!.statuses.find((status) => status.name === 'Подписание договора')!;
    store().customFields.leads.get(FIELD_IDS.leads.contractNumber)!.required_statuses = [{ pipeline_id: PIPELINE_IDS.corporate, status_id: signing.id }];
    const refused = await post('leads', [{ pipeline_id: PIPELINE_IDS.corporate, status_id: signing.id }]);
    expect(refused.status).toBe(400);
    expect(refused.body['validation-errors'][0].errors).toEqual([{ code: 'NotBlank', path: 'custom_fields_values', detail: expect.stringContaining(String(FIELD_IDS.leads.contractNumber)) }]);
    const contract = { field_id: FIELD_IDS.leads.contractNumber, values: [{ value: 'Д-1' }] };
    expect((await post('leads', [{ pipeline_id: PIPELINE_IDS.corporate, status_id: signing.id, custom_fields_values: [contract] }])).status).toBe(200);

    const lead = store().leads.values().find((row) => !row.is_deleted && row.pipeline_id === PIPELINE_IDS.corporate && row.status_id !== signing.id && !fieldOf({ custom_fields_values: row.custom_fields_values }, FIELD_IDS.leads.contractNumber))!;
    expect((await patch(`/api/v4/leads/${lead.id}`, { status_id: signing.id })).status).toBe(400);
    expect((await patch(`/api/v4/leads/${lead.id}`, { status_id: signing.id, custom_fields_values: [contract] })).status).toBe(200);
    expect(store().leads.get(lead.id)!.status_id).toBe(signing.id);
  });
});

describe('custom field values by type', () => {
  it('stores lead fields exactly as GET renders them', async () => {
    const f = FIELD_IDS.leads;
    const lead = await createAndRead('leads', {
      custom_fields_values: [
        { field_id: f.contractNumber, values: [{ value: 'Д-2026/0001' }] },
        { field_id: f.licenses, values: [{ value: 25 }] },
        { field_id: f.paid, values: [{ value: true }] },
        { field_id: f.requestSource, values: [{ value: 'Выставка' }] },
        { field_id: f.products, values: [{ enum_id: enumId('leads', f.products, 'Аналитика') }, { value: 'CRM' }, { value: 'crm' }] },
        { field_id: f.contractDate, values: [{ value: '2026-03-15T00:00:00+00:00' }] },
        { field_id: f.demoAt, values: [{ value: 1_773_930_600 }] },
        { field_id: f.proposalUrl, values: [{ value: 'https://example.test/kp.pdf' }] },
        { field_id: f.comment, values: [{ value: 'Две строки\nкомментария' }] },
        { field_id: f.paymentType, values: [{ enum_id: enumId('leads', f.paymentType, 'Рассрочка') }] },
        { field_id: f.deliveryAddress, values: [{ value: 'Москва, Тверская 1' }] },
        { field_id: f.clientBudget, values: [{ value: '1999.5' }] },
        { field_code: 'utm_source', values: [{ value: 'newsletter' }] },
      ],
    });
    const values = (fieldId: number) => fieldOf(lead, fieldId)?.values;
    expect(values(f.contractNumber)).toEqual([{ value: 'Д-2026/0001' }]);
    expect(values(f.licenses)).toEqual([{ value: '25' }]);
    expect(values(f.paid)).toEqual([{ value: true }]);
    expect(values(f.requestSource)).toEqual([{ value: 'Выставка', enum_id: enumId('leads', f.requestSource, 'Выставка'), enum_code: null }]);
    expect(values(f.products)).toEqual([
      { value: 'Аналитика', enum_id: enumId('leads', f.products, 'Аналитика'), enum_code: null },
      { value: 'CRM', enum_id: enumId('leads', f.products, 'CRM'), enum_code: null },
    ]);
    expect(values(f.contractDate)).toEqual([{ value: 1_773_532_800 }]);
    expect(values(f.demoAt)).toEqual([{ value: 1_773_930_600 }]);
    expect(values(f.proposalUrl)).toEqual([{ value: 'https://example.test/kp.pdf' }]);
    expect(values(f.comment)).toEqual([{ value: 'Две строки\nкомментария' }]);
    expect(values(f.paymentType)).toEqual([{ value: 'Рассрочка', enum_id: enumId('leads', f.paymentType, 'Рассрочка'), enum_code: null }]);
    expect(values(f.deliveryAddress)).toEqual([{ value: 'Москва, Тверская 1' }]);
    expect(values(f.clientBudget)).toEqual([{ value: 1999.5 }]);
    expect(values(f.utmSource)).toEqual([{ value: 'newsletter' }]);
    expect(fieldOf(lead, f.utmSource)).toMatchObject({ field_code: 'UTM_SOURCE', field_type: 'tracking_data' });
    // Ordered by field id, as seeded rows are.
    expect(lead.custom_fields_values.map((field: any) => field.field_id)).toEqual([...lead.custom_fields_values.map((field: any) => field.field_id)].sort((a, b) => a - b));
  });

  it('stores contact phones and e-mails with their type (WORK by default), birthdays, addresses and choices', async () => {
    const f = FIELD_IDS.contacts;
    const phoneEnum = (code: string) => enumId('contacts', f.phone, code);
    const contact = await createAndRead('contacts', {
      name: 'Типы полей',
      custom_fields_values: [
        { field_code: 'PHONE', values: [{ value: '+7 900 000-00-01', enum_code: 'MOB' }, { value: '+7 495 000-00-02' }, { value: '+7 495 000-00-03', enum_id: phoneEnum('FAX') }] },
        { field_code: 'EMAIL', values: [{ value: 'ada@example.test', enum_code: 'priv' }] },
        { field_id: f.birthday, values: [{ value: '1990-07-04' }] },
        { field_id: f.address, values: [{ value: 'Казань', enum_code: 'city' }, { value: 'ул. Ленина 5', enum_code: 'address_line_1' }] },
        { field_id: f.clientType, values: [{ enum_id: enumId('contacts', f.clientType, 'VIP') }] },
        { field_id: f.newsletter, values: [{ value: false }] },
      ],
    });
    expect(fieldOf(contact, f.phone).values).toEqual([
      { value: '+7 900 000-00-01', enum_id: phoneEnum('MOB'), enum_code: 'MOB' },
      { value: '+7 495 000-00-02', enum_id: phoneEnum('WORK'), enum_code: 'WORK' },
      { value: '+7 495 000-00-03', enum_id: phoneEnum('FAX'), enum_code: 'FAX' },
    ]);
    expect(fieldOf(contact, f.email).values).toEqual([{ value: 'ada@example.test', enum_id: enumId('contacts', f.email, 'PRIV'), enum_code: 'PRIV' }]);
    expect(fieldOf(contact, f.birthday).values).toEqual([{ value: Date.UTC(1990, 6, 4) / 1000 }]);
    expect(fieldOf(contact, f.address).values).toEqual([
      { value: 'ул. Ленина 5', enum_id: enumId('contacts', f.address, 'address_line_1'), enum_code: 'address_line_1' },
      { value: 'Казань', enum_id: enumId('contacts', f.address, 'city'), enum_code: 'city' },
    ]);
    expect(fieldOf(contact, f.clientType).values).toEqual([{ value: 'VIP', enum_id: enumId('contacts', f.clientType, 'VIP'), enum_code: null }]);
    expect(fieldOf(contact, f.newsletter).values).toEqual([{ value: false }]);

    const bad = await post('contacts', [{ custom_fields_values: [{ field_code: 'PHONE', values: [{ value: '+1', enum_code: 'PAGER' }] }, { field_id: f.address, values: [{ value: 'x' }] }] }]);
    expect(bad.body['validation-errors'][0].errors.map((error: any) => [error.code, error.path])).toEqual([
      ['NotSupportedChoice', 'custom_fields_values.0.values.0.enum_code'],
      ['NotBlank', 'custom_fields_values.1.values.0.enum_code'],
    ]);
  });

  it('stores company requisites as one object, legal names and multiselects', async () => {
    const f = FIELD_IDS.companies;
    const company = await createAndRead('companies', {
      name: 'Ромашка',
      custom_fields_values: [
        { field_id: f.requisites, values: [{ value: { name: 'ООО Ромашка', entity_type: 2, vat_id: '7701234567', kpp: '770101001', unknown_key: 'dropped' } }] },
        { field_id: f.legalName, values: [{ value: 'Общество с ограниченной ответственностью «Ромашка»' }] },
        { field_id: f.interests, values: [{ value: 'Телефония' }] },
        { field_id: f.employees, values: [{ value: '120' }] },
        { field_code: 'WEB', values: [{ value: 'https://romashka.example.test' }] },
      ],
    });
    expect(fieldOf(company, f.requisites).values).toEqual([{ value: { name: 'ООО Ромашка', entity_type: 2, vat_id: '7701234567', kpp: '770101001' } }]);
    expect(fieldOf(company, f.legalName).values).toEqual([{ value: 'Общество с ограниченной ответственностью «Ромашка»' }]);
    expect(fieldOf(company, f.interests).values).toEqual([{ value: 'Телефония', enum_id: enumId('companies', f.interests, 'Телефония'), enum_code: null }]);
    expect(fieldOf(company, f.employees).values).toEqual([{ value: '120' }]);
    expect(fieldOf(company, f.web).values).toEqual([{ value: 'https://romashka.example.test' }]);
  });

  it('replaces a listed field with its new values, clears it with values: null, and leaves unlisted fields alone', async () => {
    const f = FIELD_IDS.leads;
    const created = await createAndRead('leads', {
      custom_fields_values: [
        { field_id: f.products, values: [{ value: 'CRM' }, { value: 'Телефония' }] },
        { field_id: f.comment, values: [{ value: 'keep me' }] },
        { field_id: f.contractNumber, values: [{ value: 'Д-9' }] },
      ],
    });
    const response = await patch(`/api/v4/leads/${created.id}`, {
      custom_fields_values: [
        { field_id: f.products, values: [{ value: 'Обучение' }] },
        { field_id: f.contractNumber, values: null },
      ],
    });
    expect(response.status).toBe(200);
    const lead = (await own.api(`/api/v4/leads/${created.id}`)).body;
    expect(fieldOf(lead, f.products).values.map((item: any) => item.value)).toEqual(['Обучение']);
    expect(fieldOf(lead, f.comment).values).toEqual([{ value: 'keep me' }]);
    expect(fieldOf(lead, f.contractNumber)).toBeUndefined();

    await patch(`/api/v4/leads/${created.id}`, { custom_fields_values: [{ field_id: f.products, values: null }, { field_id: f.comment, values: null }] });
    expect((await own.api(`/api/v4/leads/${created.id}`)).body.custom_fields_values).toBeNull();
  });
});

describe('PATCH', () => {
  it('changes only the given fields, bumps updated_at and answers id, updated_at and request_id', async () => {
    const [first, second] = [liveLead(0), liveLead(1)];
    const before = { ...first, custom_fields_values: [...first.custom_fields_values], tag_ids: [...first.tag_ids] };
    const response = await patch('/api/v4/leads', [{ id: first.id, price: 4242 }, { id: second.id, name: 'Renamed', request_id: 'second' }]);
    expect(response.status).toBe(200);
    expect(response.body._embedded.leads).toEqual([
      { id: first.id, updated_at: NOW, request_id: '0', _links: { self: { href: `${own.url}/api/v4/leads/${first.id}` } } },
      { id: second.id, updated_at: NOW, request_id: 'second', _links: { self: { href: `${own.url}/api/v4/leads/${second.id}` } } },
    ]);
    const after = store().leads.get(first.id)!;
    expect(after).toEqual({ ...before, price: 4242, updated_at: NOW, updated_by: store().account.current_user_id });
    expect(store().leads.get(second.id)!.name).toBe('Renamed');
  });

  it('updates one entity through PATCH /{type}/{id}, answering the single object', async () => {
    const contact = liveContact(5);
    const response = await patch(`/api/v4/contacts/${contact.id}`, { last_name: 'Новая' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: contact.id, name: `${contact.first_name} Новая`, updated_at: NOW, _links: { self: { href: `${own.url}/api/v4/contacts/${contact.id}` } } });
    expect(store().contacts.get(contact.id)).toMatchObject({ last_name: 'Новая', name: `${contact.first_name} Новая` });
  });

  it('moves a lead: a pipeline alone goes to its first working stage, won stamps closed_at, reopening clears it and the loss reason', async () => {
    const lead = store().leads.values().find((row) => !row.is_deleted && row.pipeline_id === PIPELINE_IDS.sales)!;
    const corporate = store().pipelines.get(PIPELINE_IDS.corporate)!;
    await patch(`/api/v4/leads/${lead.id}`, { pipeline_id: corporate.id });
    expect(store().leads.get(lead.id)).toMatchObject({ pipeline_id: corporate.id, status_id: corporate.statuses[1]!.id, closed_at: null });
    await patch(`/api/v4/leads/${lead.id}`, { status_id: LOST_STATUS_ID, loss_reason_id: store().lossReasons.values()[0]!.id });
    expect(store().leads.get(lead.id)).toMatchObject({ status_id: LOST_STATUS_ID, closed_at: NOW, loss_reason_id: store().lossReasons.values()[0]!.id });
    await patch(`/api/v4/leads/${lead.id}`, { status_id: corporate.statuses[2]!.id });
    expect(store().leads.get(lead.id)).toMatchObject({ status_id: corporate.statuses[2]!.id, closed_at: null, loss_reason_id: null });
  });

  it('names items without id (NotBlank) and ids that do not exist or are deleted (NotFound), and writes nothing', async () => {
    const deleted = store().leads.values().find((lead) => lead.is_deleted)!;
    const lead = liveLead();
    const response = await patch('/api/v4/leads', [{ id: lead.id, name: 'not written' }, { name: 'no id' }, { id: 99_999_999 }, { id: deleted.id }]);
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors[0].code, item.errors[0].path])).toEqual([
      ['1', 'NotBlank', 'id'],
      ['2', 'NotFound', 'id'],
      ['3', 'NotFound', 'id'],
    ]);
    expect(store().leads.get(lead.id)!.name).not.toBe('not written');
    expect((await patch('/api/v4/leads/99999999', { name: 'x' })).body['validation-errors'][0].errors[0]).toMatchObject({ code: 'NotFound', path: 'id' });
  });
});

describe('tags', () => {
  it('adds by id and name, creating unknown names in the dictionary, removes by id or name, and replaces with _embedded.tags', async () => {
    const vip = store().tags.leads.values().find((tag) => tag.name === 'VIP')!;
    const lead = await createAndRead('leads', { tags_to_add: [{ id: vip.id }, { name: 'Новый тег', color: 'ffce5a' }, { name: 'vip' }] });
    const fresh = store().tags.leads.values().find((tag) => tag.name === 'Новый тег')!;
    expect(fresh).toMatchObject({ color: 'FFCE5A' });
    expect(lead._embedded.tags).toEqual([
      { id: vip.id, name: 'VIP', color: vip.color },
      { id: fresh.id, name: 'Новый тег', color: 'FFCE5A' },
    ]);

    await patch(`/api/v4/leads/${lead.id}`, { tags_to_add: [{ name: 'Ещё один' }], tags_to_delete: [{ name: 'новый тег' }, { id: 12345 }] });
    const names = async () => (await own.api(`/api/v4/leads/${lead.id}`)).body._embedded.tags.map((tag: any) => tag.name);
    expect(await names()).toEqual(['VIP', 'Ещё один']);

    await patch(`/api/v4/leads/${lead.id}`, { _embedded: { tags: [{ name: 'Срочно' }] } });
    expect(await names()).toEqual(['Срочно']);
    await patch(`/api/v4/leads/${lead.id}`, { _embedded: { tags: null } });
    expect(await names()).toEqual([]);
    // The same new name twice in a batch makes one tag.
    const before = store().tags.contacts.size;
    await post('contacts', [{ tags_to_add: [{ name: 'Дубль', color: 'FFCE5A' }] }, { tags_to_add: [{ name: 'дубль' }] }]);
    expect(store().tags.contacts.size).toBe(before + 1);
    expect(store().tags.contacts.values().at(-1)).toMatchObject({ name: 'Дубль', color: null });
  });
});

describe('faults', () => {
  it('commits a write that errorAfterCommit answers with a gateway error', async () => {
    own.sandbox.faults.set({ errorAfterCommit: { rate: 1 } });
    const before = store().leads.size;
    const response = await post('leads', [{ name: 'Committed anyway' }]);
    expect([502, 504]).toContain(response.status);
    expect(store().leads.size).toBe(before + 1);
    expect(store().leads.values().at(-1)!.name).toBe('Committed anyway');
    expect(own.sandbox.log.last()!.notes).toContain('real status: 200');
  });
});
