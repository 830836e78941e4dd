// Lead, contact and company writes end to end: batching by 50 in input order, per-item errors with
// the client's input path, no duplicates when amoCRM fails after committing, custom fields that
// round-trip for every writable type, and links that show in the read graph at once.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../src/sandbox/seed/custom-fields.js';
import { PIPELINE_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
afterEach(() => stack.sandbox.faults.set({ errorAfterCommit: null }));

const store = () => stack.sandbox.store;
const posts = (path: string) => stack.upstreamCalls().filter((call) => call.method === 'POST' && call.path === path);
const patches = (path: string) => stack.upstreamCalls().filter((call) => call.method === 'PATCH' && call.path === path);
const leadsNamed = (prefix: string) => store().leads.values().filter((lead) => lead.name.startsWith(prefix));

const CREATE_LEADS = /* GraphQL */ `
  mutation ($input: [CreateLeadInput!]!) {
    createLeads(input: $input) {
      succeededCount
      failedCount
      unknownCount
      results { index status amoId errors { code message path } }
    }
  }
`;

function enumId(entity: 'leads' | 'contacts' | 'companies', fieldId: number, value: string): number {
  const field = store().customFields[entity].get(fieldId)!;
  return field.enums!.find((item) => item.value === value)!.id;
}

describe('createLeads', () => {
  it('writes 120 leads in exactly 3 upstream POSTs and answers them in input order', async () => {
    stack.resetLog();
    const input = Array.from({ length: 120 }, (_, i) => ({ name: `Batch-A ${String(i).padStart(3, '0')}`, price: i * 10 }));
    const { createLeads } = dataOf(await stack.gql(CREATE_LEADS, { input }));
    expect(posts('/api/v4/leads')).toHaveLength(3);
    expect(createLeads.succeededCount).toBe(120);
    expect(createLeads.results.map((r: any) => r.index)).toEqual(input.map((_, i) => i));
    // Each result names the lead made from its own item.
    for (const [i, result] of createLeads.results.entries()) {
      const row = store().leads.get(result.amoId)!;
      expect(row.name).toBe(input[i]!.name);
      expect(row.price).toBe(input[i]!.price);
    }
    expect(leadsNamed('Batch-A ')).toHaveLength(120);
  });

  it('returns the written leads themselves, read after the write, in the same response', async () => {
    const response = dataOf(
      await stack.gql(`mutation { createLeads(input: [{ name: "Fresh one", price: 777 }, { name: "Fresh two" }]) { results { lead { name price status { name } } } } }`),
    );
    expect(response.createLeads.results.map((r: any) => r.lead.name)).toEqual(['Fresh one', 'Fresh two']);
    expect(response.createLeads.results[0].lead.price).toBe(777);
    expect(response.createLeads.results[0].lead.status.name).toBeTruthy();
  });

  it('catches what it can before any upstream call: one bad item fails alone, 119 are written in 3 POSTs', async () => {
    stack.resetLog();
    const input = Array.from({ length: 120 }, (_, i) => ({ name: `Batch-B ${i}` })) as any[];
    input[77] = { name: 'Batch-B 77', customFields: [{ fieldId: FIELD_IDS.leads.requestSource, option: { value: 'No such option' } }] };
    const { createLeads } = dataOf(await stack.gql(CREATE_LEADS, { input }));
    expect(createLeads.failedCount).toBe(1);
    expect(createLeads.succeededCount).toBe(119);
    const failed = createLeads.results.filter((r: any) => r.status === 'FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0].index).toBe(77);
    expect(failed[0].errors[0].path).toEqual(['customFields', '0', 'option']);
    expect(posts('/api/v4/leads')).toHaveLength(3);
    expect(leadsNamed('Batch-B ')).toHaveLength(119);
    expect(leadsNamed('Batch-B 77')).toHaveLength(0);
  });

  it("maps amoCRM's validation errors back to the input item and field, and writes the rest of its batch", async () => {
    stack.resetLog();
    const input = Array.from({ length: 120 }, (_, i) => ({ name: `Batch-C ${i}` })) as any[];
    // Only amoCRM knows this contact does not exist.
    input[64] = { name: 'Batch-C 64', contacts: [{ contactId: 99_999_999 }] };
    const { createLeads } = dataOf(await stack.gql(CREATE_LEADS, { input }));
    const failed = createLeads.results.filter((r: any) => r.status === 'FAILED');
    expect(failed.map((r: any) => r.index)).toEqual([64]);
    expect(failed[0].errors[0].path).toEqual(['contacts', '0']);
    expect(failed[0].errors[0].code).toBeTruthy();
    expect(createLeads.succeededCount).toBe(119);
    expect(leadsNamed('Batch-C ')).toHaveLength(119);
    // The batch holding item 64 was refused whole by amoCRM and sent again without it.
    expect(posts('/api/v4/leads')).toHaveLength(4);
  });

  it('never repeats a write that may have happened: a 502 after commit is UNKNOWN, and nothing is created twice', async () => {
    stack.resetLog();
    stack.sandbox.faults.set({ errorAfterCommit: { rate: 1, statuses: [502] } });
    const input = Array.from({ length: 60 }, (_, i) => ({ name: `Batch-D ${i}` }));
    const { createLeads } = dataOf(await stack.gql(CREATE_LEADS, { input }));
    expect(createLeads.unknownCount).toBe(60);
    expect(createLeads.results.every((r: any) => r.status === 'UNKNOWN' && r.amoId === null)).toBe(true);
    expect(createLeads.results[0].errors[0].message).toMatch(/may or may not/);
    // Two batches, each sent once; amoCRM committed both.
    expect(posts('/api/v4/leads')).toHaveLength(2);
    const names = leadsNamed('Batch-D ').map((lead) => lead.name);
    expect(names).toHaveLength(60);
    expect(new Set(names).size).toBe(60);
  });
});

describe('no duplicates with retries switched on', () => {
  let retrying: Stack;
  beforeAll(async () => {
    retrying = await startStack({ traffic: { retryAttempts: 5 } });
  });
  afterAll(() => retrying.close());

  it('sends a write that failed after commit exactly once, though reads would be retried', async () => {
    retrying.sandbox.faults.set({ errorAfterCommit: { rate: 1, statuses: [502, 504] } });
    retrying.resetLog();
    const { createLeads } = dataOf(await retrying.gql(CREATE_LEADS, { input: [{ name: 'Retry-E once' }] }));
    expect(createLeads.results[0].status).toBe('UNKNOWN');
    expect(retrying.upstreamCalls().filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(retrying.sandbox.store.leads.values().filter((lead) => lead.name === 'Retry-E once')).toHaveLength(1);
  });
});

describe('updates', () => {
  it('changes only the fields given, 50 per PATCH, and the payload shows the new state', async () => {
    const targets = store().leads.values().filter((lead) => !lead.is_deleted).slice(0, 70);
    const before = new Map(targets.map((lead) => [lead.id, { ...lead }]));
    stack.resetLog();
    const input = targets.map((lead, i) => ({ amoId: lead.id, name: `Renamed ${i}` }));
    const { updateLeads } = dataOf(
      await stack.gql(`mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { succeededCount results { lead { amoId name price } } } }`, { input }),
    );
    expect(updateLeads.succeededCount).toBe(70);
    expect(patches('/api/v4/leads')).toHaveLength(2);
    for (const [i, result] of updateLeads.results.entries()) {
      const was = before.get(targets[i]!.id)!;
      expect(result.lead).toEqual({ amoId: was.id, name: `Renamed ${i}`, price: was.price });
      expect(store().leads.get(was.id)!.status_id).toBe(was.status_id);
    }
  });

  it('refuses a status outside the pipeline before any upstream call', async () => {
    const lead = store().leads.values().find((row) => !row.is_deleted)!;
    stack.resetLog();
    const { updateLeads } = dataOf(
      await stack.gql(`mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { failedCount results { status errors { path } } } }`, {
        input: [{ amoId: lead.id, pipelineId: PIPELINE_IDS.sales, statusId: 1 }],
      }),
    );
    expect(updateLeads.failedCount).toBe(1);
    expect(updateLeads.results[0].errors[0].path).toEqual(['statusId']);
    expect(stack.upstreamCalls().filter((call) => call.method !== 'GET')).toHaveLength(0);
  });

  it('adds, removes and replaces tags', async () => {
    const lead = store().leads.values().find((row) => !row.is_deleted)!;
    const tagsOf = async () =>
      dataOf(await stack.gql(`query ($id: Int!) { lead(amoId: $id) { tags { name } } }`, { id: lead.id })).lead.tags.map((tag: any) => tag.name).sort();
    const update = (patch: object) =>
      stack.gql(`mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { succeededCount } }`, { input: [{ amoId: lead.id, ...patch }] });
    dataOf(await update({ tags: [{ name: 'alpha' }, { name: 'beta' }] }));
    expect(await tagsOf()).toEqual(['alpha', 'beta']);
    dataOf(await update({ addTags: [{ name: 'gamma' }], removeTags: [{ name: 'alpha' }] }));
    expect(await tagsOf()).toEqual(['beta', 'gamma']);
    dataOf(await update({ tags: [] }));
    expect(await tagsOf()).toEqual([]);
  });
});

describe('custom fields round-trip for every writable type', () => {
  const READ = /* GraphQL */ `
    fragment Values on CustomFieldValue {
      fieldId
      displayValues
      ... on TextCustomFieldValue { value }
      ... on TextareaCustomFieldValue { value }
      ... on UrlCustomFieldValue { value }
      ... on StreetaddressCustomFieldValue { value }
      ... on TrackingDataCustomFieldValue { value }
      ... on OrgLegalNameCustomFieldValue { value }
      ... on NumericCustomFieldValue { number: value }
      ... on MonetaryCustomFieldValue { number: value }
      ... on CheckboxCustomFieldValue { flag: value }
      ... on DateCustomFieldValue { date: value }
      ... on DateTimeCustomFieldValue { date: value }
      ... on BirthdayCustomFieldValue { date: value }
      ... on SelectCustomFieldValue { option: value { value enumId } }
      ... on RadiobuttonCustomFieldValue { option: value { value enumId } }
      ... on MultiselectCustomFieldValue { options: values { value enumId } }
      ... on MultitextCustomFieldValue { entries: values { value enumCode } }
      ... on SmartAddressCustomFieldValue { address { addressLine1 city zip country } }
      ... on LegalEntityCustomFieldValue { legal: values { name vatId kpp } }
    }
  `;
  const byField = (fields: any[]) => new Map(fields.map((field) => [field.fieldId, field]));

  it('leads: text, numeric, checkbox, select by value and by id, multiselect, date, date_time, url, textarea, radiobutton, streetaddress, monetary, tracking_data', async () => {
    const f = FIELD_IDS.leads;
    const customFields = [
      { fieldId: f.contractNumber, text: 'Д-2026/77' },
      { fieldId: f.licenses, number: 25 },
      { fieldId: f.paid, flag: true },
      { fieldId: f.requestSource, option: { value: 'Выставка' } },
      { fieldId: f.products, options: [{ value: 'CRM' }, { enumId: enumId('leads', f.products, 'Аналитика') }] },
      { fieldId: f.contractDate, date: '2026-03-15T00:00:00Z' },
      { fieldId: f.demoAt, date: '2026-03-20T14:30:00Z' },
      { fieldId: f.proposalUrl, text: 'https://example.test/kp.pdf' },
      { fieldId: f.comment, text: 'Две строки\nкомментария' },
      { fieldId: f.paymentType, option: { enumId: enumId('leads', f.paymentType, 'Рассрочка') } },
      { fieldId: f.deliveryAddress, text: 'Москва, Тверская 1' },
      { fieldId: f.clientBudget, number: 1999.5 },
      { fieldCode: 'UTM_SOURCE', text: 'newsletter' },
    ];
    const created = dataOf(
      await stack.gql(`mutation ($input: [CreateLeadInput!]!) { createLeads(input: $input) { results { status errors { path message } lead { customFields { ...Values } } } } } ${READ}`, {
        input: [{ name: 'CF round trip', customFields }],
      }),
    );
    const result = created.createLeads.results[0];
    expect(result.errors).toEqual([]);
    const read = byField(result.lead.customFields);
    expect(read.get(f.contractNumber).value).toBe('Д-2026/77');
    expect(read.get(f.licenses).number).toBe(25);
    expect(read.get(f.paid).flag).toBe(true);
    expect(read.get(f.requestSource).option).toEqual({ value: 'Выставка', enumId: enumId('leads', f.requestSource, 'Выставка') });
    expect(read.get(f.products).options.map((o: any) => o.value).sort()).toEqual(['CRM', 'Аналитика']);
    expect(read.get(f.contractDate).date).toBe('2026-03-15T00:00:00.000Z');
    expect(read.get(f.demoAt).date).toBe('2026-03-20T14:30:00.000Z');
    expect(read.get(f.proposalUrl).value).toBe('https://example.test/kp.pdf');
    expect(read.get(f.comment).value).toBe('Две строки\nкомментария');
    expect(read.get(f.paymentType).option.value).toBe('Рассрочка');
    expect(read.get(f.deliveryAddress).value).toBe('Москва, Тверская 1');
    expect(read.get(f.clientBudget).number).toBe(1999.5);
    expect(read.get(f.utmSource).value).toBe('newsletter');
    expect(read.size).toBe(customFields.length);

    // Clearing one field empties it and leaves the others alone.
    const leadId = [...store().leads.values()].reverse().find((lead) => lead.name === 'CF round trip')!.id;
    const cleared = dataOf(
      await stack.gql(`mutation ($input: [UpdateLeadInput!]!) { updateLeads(input: $input) { results { lead { customFields { fieldId } } } } }`, {
        input: [{ amoId: leadId, customFields: [{ fieldId: f.contractNumber, clear: true }, { fieldCode: 'UTM_SOURCE', clear: true }] }],
      }),
    );
    const left = cleared.updateLeads.results[0].lead.customFields.map((field: any) => field.fieldId);
    expect(left).not.toContain(f.contractNumber);
    expect(left).not.toContain(f.utmSource);
    expect(left).toHaveLength(customFields.length - 2);
    expect(store().leads.get(leadId)!.custom_fields_values.some((value) => value.field_id === f.contractNumber && value.values.length > 0)).toBe(false);
  });

  it('contacts: multitext phones and e-mails by code, birthday, smart_address, select, checkbox, date, url', async () => {
    const f = FIELD_IDS.contacts;
    const customFields = [
      { fieldCode: 'PHONE', entries: [{ value: '+7 900 000-00-01', enumCode: 'MOB' }, { value: '+7 495 000-00-02' }] },
      { fieldCode: 'EMAIL', entries: [{ value: 'ada@example.test', enumCode: 'PRIV' }] },
      { fieldCode: 'POSITION', text: 'Директор' },
      { fieldId: f.birthday, date: '1990-07-04T00:00:00Z' },
      { fieldId: f.address, address: { addressLine1: 'ул. Ленина 5', city: 'Казань', zip: '420000', country: 'RU' } },
      { fieldId: f.clientType, option: { value: 'VIP' } },
      { fieldId: f.newsletter, flag: false },
      { fieldId: f.firstContactDate, date: '2025-12-01T00:00:00Z' },
      { fieldId: f.profileUrl, text: 'https://vk.example.test/ada' },
    ];
    const created = dataOf(
      await stack.gql(`mutation ($input: [CreateContactInput!]!) { createContacts(input: $input) { results { errors { path message } contact { customFields { ...Values } } } } } ${READ}`, {
        input: [{ firstName: 'Ада', lastName: 'Лавлейс', customFields }],
      }),
    );
    const result = created.createContacts.results[0];
    expect(result.errors).toEqual([]);
    const read = byField(result.contact.customFields);
    expect(read.get(f.phone).entries).toEqual([
      { value: '+7 900 000-00-01', enumCode: 'MOB' },
      { value: '+7 495 000-00-02', enumCode: 'WORK' },
    ]);
    expect(read.get(f.email).entries).toEqual([{ value: 'ada@example.test', enumCode: 'PRIV' }]);
    expect(read.get(f.position).value).toBe('Директор');
    expect(read.get(f.birthday).date).toBe('1990-07-04T00:00:00.000Z');
    expect(read.get(f.address).address).toEqual({ addressLine1: 'ул. Ленина 5', city: 'Казань', zip: '420000', country: 'RU' });
    expect(read.get(f.clientType).option.value).toBe('VIP');
    expect(read.get(f.newsletter).flag).toBe(false);
    expect(read.get(f.firstContactDate).date).toBe('2025-12-01T00:00:00.000Z');
    expect(read.get(f.profileUrl).value).toBe('https://vk.example.test/ada');
  });

  it('companies: legal_entity, org_legal_name, smart_address, multiselect, numeric, select, url, textarea', async () => {
    const f = FIELD_IDS.companies;
    const customFields = [
      { fieldId: f.requisites, legalEntity: { name: 'ООО Ромашка', entityType: 2, vatId: '7701234567', kpp: '770101001' } },
      { fieldId: f.legalName, text: 'Общество с ограниченной ответственностью «Ромашка»' },
      { fieldId: f.legalAddress, address: { addressLine1: 'пр. Мира 10', city: 'Москва' } },
      { fieldId: f.interests, options: [{ value: 'Телефония' }] },
      { fieldId: f.employees, number: 120 },
      { fieldId: f.segment, option: { value: 'Enterprise' } },
      { fieldCode: 'WEB', text: 'https://romashka.example.test' },
      { fieldCode: 'ADDRESS', text: 'Москва, пр. Мира 10' },
    ];
    const created = dataOf(
      await stack.gql(`mutation ($input: [CreateCompanyInput!]!) { createCompanies(input: $input) { results { errors { path message } company { customFields { ...Values } } } } } ${READ}`, {
        input: [{ name: 'Ромашка', customFields }],
      }),
    );
    const result = created.createCompanies.results[0];
    expect(result.errors).toEqual([]);
    const read = byField(result.company.customFields);
    expect(read.get(f.requisites).legal).toEqual([{ name: 'ООО Ромашка', vatId: '7701234567', kpp: '770101001' }]);
    expect(read.get(f.legalName).value).toBe('Общество с ограниченной ответственностью «Ромашка»');
    expect(read.get(f.legalAddress).address).toMatchObject({ addressLine1: 'пр. Мира 10', city: 'Москва' });
    expect(read.get(f.interests).options.map((o: any) => o.value)).toEqual(['Телефония']);
    expect(read.get(f.employees).number).toBe(120);
    expect(read.get(f.segment).option.value).toBe('Enterprise');
    expect(read.get(f.web).value).toBe('https://romashka.example.test');
    expect(read.get(f.address).value).toBe('Москва, пр. Мира 10');
    expect(read.size).toBe(customFields.length);
  });

  it('refuses a value of the wrong kind for the field, naming the field, before any upstream call', async () => {
    stack.resetLog();
    const { createLeads } = dataOf(
      await stack.gql(CREATE_LEADS, { input: [{ name: 'Wrong kind', customFields: [{ fieldId: FIELD_IDS.leads.licenses, text: 'many' }] }] }),
    );
    expect(createLeads.results[0].status).toBe('FAILED');
    expect(createLeads.results[0].errors[0].path[0]).toBe('customFields');
    expect(posts('/api/v4/leads')).toHaveLength(0);
  });
});

describe('links', () => {
  const LINK = /* GraphQL */ `
    mutation ($input: [EntityLinkInput!]!) {
      linkEntities(input: $input) {
        succeededCount
        results { status errors { path } from { ... on Lead { amoId contacts { edges { isMain node { amoId } } } company { amoId } } } }
      }
    }
  `;
  const UNLINK = LINK.replace('linkEntities', 'unlinkEntities');

  const leadContacts = async (id: number) =>
    dataOf(await stack.gql(`query ($id: Int!) { lead(amoId: $id) { contacts { edges { isMain node { amoId } } } company { amoId } } }`, { id })).lead;

  it('shows a link and an unlink in the relations of the same response and of the next request', async () => {
    const lead = dataOf(await stack.gql(`mutation { createLeads(input: [{ name: "Link target" }]) { results { amoId } } }`)).createLeads.results[0].amoId;
    const contact = store().contacts.values().find((row) => !row.is_deleted)!.id;
    const company = store().companies.values().find((row) => !row.is_deleted)!.id;

    const linked = dataOf(
      await stack.gql(LINK, {
        input: [
          { from: { entity: 'LEADS', amoId: lead }, to: { entity: 'CONTACTS', amoId: contact }, isMain: true },
          // Either way round: the gateway sends it as amoCRM wants it.
          { from: { entity: 'COMPANIES', amoId: company }, to: { entity: 'LEADS', amoId: lead } },
        ],
      }),
    ).linkEntities;
    expect(linked.succeededCount).toBe(2);
    expect(linked.results[0].from.contacts.edges).toEqual([{ isMain: true, node: { amoId: contact } }]);
    expect(linked.results[0].from.company).toEqual({ amoId: company });
    expect(await leadContacts(lead)).toEqual({ contacts: { edges: [{ isMain: true, node: { amoId: contact } }] }, company: { amoId: company } });

    const unlinked = dataOf(await stack.gql(UNLINK, { input: [{ from: { entity: 'LEADS', amoId: lead }, to: { entity: 'CONTACTS', amoId: contact } }] })).unlinkEntities;
    expect(unlinked.results[0].status).toBe('SUCCEEDED');
    expect(unlinked.results[0].from.contacts.edges).toEqual([]);
    expect(await leadContacts(lead)).toEqual({ contacts: { edges: [] }, company: { amoId: company } });
    expect(store().links.linked({ type: 'leads', id: lead }, 'contacts')).toEqual([]);
  });

  it('answers each link on its own: a missing entity fails alone', async () => {
    const contacts = store().contacts.values().filter((row) => !row.is_deleted).slice(0, 2);
    const lead = store().leads.values().find((row) => !row.is_deleted)!.id;
    const { linkEntities } = dataOf(
      await stack.gql(LINK, {
        input: [
          { from: { entity: 'LEADS', amoId: lead }, to: { entity: 'CONTACTS', amoId: contacts[0]!.id } },
          { from: { entity: 'LEADS', amoId: lead }, to: { entity: 'CONTACTS', amoId: 99_999_999 } },
          { from: { entity: 'LEADS', amoId: lead }, to: { entity: 'CONTACTS', amoId: contacts[1]!.id } },
        ],
      }),
    );
    expect(linkEntities.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'SUCCEEDED']);
    expect(linkEntities.results[1].errors[0].path).toEqual(['to', 'amoId']);
    const ids = store().links.linked({ type: 'leads', id: lead }, 'contacts').map((link) => link.id);
    expect(ids).toEqual(expect.arrayContaining([contacts[0]!.id, contacts[1]!.id]));
  });

  it('links new leads to existing contacts and a company on create', async () => {
    const [first, second] = store().contacts.values().filter((row) => !row.is_deleted).slice(10, 12);
    const company = store().companies.values().filter((row) => !row.is_deleted)[5]!.id;
    const { createLeads } = dataOf(
      await stack.gql(`mutation ($input: [CreateLeadInput!]!) { createLeads(input: $input) { results { lead { contacts { edges { isMain node { amoId } } } company { amoId } } } } }`, {
        input: [{ name: 'Embedded links', contacts: [{ contactId: first!.id }, { contactId: second!.id, isMain: true }], companyId: company }],
      }),
    );
    const lead = createLeads.results[0].lead;
    expect(lead.company).toEqual({ amoId: company });
    expect(lead.contacts.edges.find((edge: any) => edge.isMain).node.amoId).toBe(second!.id);
    expect(lead.contacts.edges.map((edge: any) => edge.node.amoId).sort()).toEqual([first!.id, second!.id].sort());
  });
});

describe('createLeadsComplex', () => {
  it('creates a lead with a new contact and company in one call, and reports merges', async () => {
    stack.resetLog();
    const phone = '+7 999 123-45-67';
    const { createLeadsComplex } = dataOf(
      await stack.gql(
        `mutation ($input: [CreateLeadComplexInput!]!) { createLeadsComplex(input: $input) { results { status errors { path message } merged lead { name } contact { name company { name } } company { name } } } }`,
        {
          input: [
            {
              name: 'Complex one',
              contact: { firstName: 'Иван', lastName: 'Петров', customFields: [{ fieldCode: 'PHONE', entries: [{ value: phone }] }] },
              company: { name: 'Петров и партнёры' },
            },
          ],
        },
      ),
    );
    expect(posts('/api/v4/leads/complex')).toHaveLength(1);
    const result = createLeadsComplex.results[0];
    expect(result).toMatchObject({ status: 'SUCCEEDED', merged: false, lead: { name: 'Complex one' }, company: { name: 'Петров и партнёры' } });
    expect(result.contact.company).toEqual({ name: 'Петров и партнёры' });

    // amoCRM's duplicate control matches the phone against stored contacts.
    const again = dataOf(
      await stack.gql(`mutation ($input: [CreateLeadComplexInput!]!) { createLeadsComplex(input: $input) { results { merged contactAmoId } } }`, {
        input: [{ name: 'Complex two', contact: { firstName: 'Иван', customFields: [{ fieldCode: 'PHONE', entries: [{ value: phone }] }] } }],
      }),
    ).createLeadsComplex.results[0];
    expect(again.merged).toBe(true);
    expect(store().contacts.get(again.contactAmoId)!.last_name).toBe('Петров');
  });
});
