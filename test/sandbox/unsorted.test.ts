import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PIPELINE_IDS, USER_IDS, WON_STATUS_ID, type UnsortedRecord } from '../../src/sandbox/index.js';
import { seedDemoAccount } from '../../src/sandbox/seed/index.js';
import { startSandbox, type RunningSandbox } from './helpers.js';

/** The sandbox clock, unix seconds: after every seeded entry. */
const NOW = 1_780_000_000;

let own: RunningSandbox;
beforeEach(async () => {
  own = await startSandbox({ now: () => NOW * 1000 });
});
afterEach(() => own.close());

const store = () => own.sandbox.store;
const entries = () => [...store().unsorted.values()];
const waiting = () => entries().filter((entry) => entry.state === 'new');
const incomingOf = (pipelineId: number) => store().pipelines.get(pipelineId)!.statuses.find((status) => status.type === 1)!;

const formItem = (n: number, extra: object = {}) => ({
  source_name: 'Лендинг',
  source_uid: 'landing-1',
  pipeline_id: PIPELINE_IDS.sales,
  request_id: `form-${n}`,
  metadata: { form_id: 'quote', form_name: 'Запрос КП', form_page: 'https://example.test/quote', form_sent_at: NOW - 30, ip: '203.0.113.9', stray: 'dropped' },
  _embedded: {
    leads: [{ name: `Form lead ${n}`, price: 1000 + n }],
    contacts: [{ first_name: `Посетитель ${n}`, custom_fields_values: [{ field_code: 'EMAIL', values: [{ value: `visitor${n}@example.test` }] }] }],
  },
  ...extra,
});
const sipItem = (n: number) => ({
  source_name: 'Телефония',
  source_uid: 'pbx',
  metadata: { from: `+7900000000${n}`, phone: 74950000000, called_at: NOW - 120, duration: 42, service_code: 'pbx', uniq: `call-${n}` },
  _embedded: { contacts: [{ name: `Звонивший ${n}` }], companies: [{ name: `Компания ${n}` }] },
});

describe('the seeded entries', () => {
  it('are six forms and four calls in the incoming stages of both unsorted pipelines, each with a new lead and contact', () => {
    const seeded = entries();
    expect(seeded.filter((entry) => entry.category === 'forms')).toHaveLength(6);
    expect(seeded.filter((entry) => entry.category === 'sip')).toHaveLength(4);
    expect(new Set(seeded.map((entry) => entry.pipeline_id))).toEqual(new Set([PIPELINE_IDS.sales, PIPELINE_IDS.corporate]));
    for (const entry of seeded) {
      expect(entry.uid).toMatch(/^[0-9a-f]{40}$/);
      expect(entry.state).toBe('new');
      const lead = store().leads.get(entry.lead_id!)!;
      expect(lead).toMatchObject({ pipeline_id: entry.pipeline_id, status_id: incomingOf(entry.pipeline_id).id, is_deleted: false, created_at: entry.created_at });
      expect(store().contacts.get(entry.contact_id!)!.is_unsorted).toBe(true);
      expect(store().links.linked({ type: 'leads', id: lead.id }, 'contacts')).toEqual([{ id: entry.contact_id, isMain: true }]);
    }
    expect(JSON.stringify(seedDemoAccount({ seed: 1 }).unsorted.get(seeded[0]!.uid))).toBe(JSON.stringify(seeded[0]));
  });
});

describe('GET /api/v4/leads/unsorted', () => {
  it('pages the waiting entries in amoCRM shape, with filters and order[created_at]', async () => {
    const first = await own.api('/api/v4/leads/unsorted?limit=4');
    expect(first.status).toBe(200);
    expect(first.body._links.next.href).toBe(`${own.url}/api/v4/leads/unsorted?page=2&limit=4`);
    const [entry] = first.body._embedded.unsorted;
    const stored = waiting()[0]!;
    expect(entry).toEqual({
      uid: stored.uid,
      source_uid: stored.source_uid,
      source_name: stored.source_name,
      category: stored.category,
      pipeline_id: stored.pipeline_id,
      created_at: stored.created_at,
      metadata: stored.metadata,
      account_id: store().account.id,
      _links: { self: { href: `${own.url}/api/v4/leads/unsorted/${stored.uid}` } },
      _embedded: {
        leads: [{ id: stored.lead_id, _links: { self: { href: `${own.url}/api/v4/leads/${stored.lead_id}` } } }],
        contacts: [{ id: stored.contact_id, _links: { self: { href: `${own.url}/api/v4/contacts/${stored.contact_id}` } } }],
        companies: stored.company_id === null ? [] : [{ id: stored.company_id, _links: expect.any(Object) }],
      },
    });
    expect((await own.api('/api/v4/leads/unsorted?limit=4&page=3')).body._embedded.unsorted).toHaveLength(2);
    expect((await own.api('/api/v4/leads/unsorted?limit=4&page=4')).status).toBe(204);

    const uids = (response: { body: any }) => response.body._embedded.unsorted.map((item: any) => item.uid);
    const sip = await own.api('/api/v4/leads/unsorted?filter[category][]=sip');
    expect(uids(sip)).toEqual(waiting().filter((item) => item.category === 'sip').map((item) => item.uid));
    const corporate = await own.api(`/api/v4/leads/unsorted?filter[pipeline_id]=${PIPELINE_IDS.corporate}&filter[category][0]=forms`);
    expect(uids(corporate)).toEqual(waiting().filter((item) => item.category === 'forms' && item.pipeline_id === PIPELINE_IDS.corporate).map((item) => item.uid));
    const picked = waiting().slice(2, 4).map((item) => item.uid);
    expect(uids(await own.api(`/api/v4/leads/unsorted?filter[uid][]=${picked[0]}&filter[uid][]=${picked[1]}`))).toEqual(picked);
    const newest = await own.api('/api/v4/leads/unsorted?order[created_at]=desc');
    expect(uids(newest)).toEqual([...waiting()].sort((a, b) => b.created_at - a.created_at).map((item) => item.uid));
    expect((await own.api('/api/v4/leads/unsorted?filter[category][]=chats')).status).toBe(204);
    expect((await own.api('/api/v4/leads/unsorted?filter[category][]=fax')).status).toBe(400);
  });

  it('answers one entry by uid, sorted or not, and 204 for an unknown uid', async () => {
    const entry = waiting()[3]!;
    const response = await own.api(`/api/v4/leads/unsorted/${entry.uid}`);
    expect(response.body).toMatchObject({ uid: entry.uid, category: entry.category, metadata: entry.metadata });
    expect((await own.api('/api/v4/leads/unsorted/0000')).status).toBe(204);
  });

  it('counts every entry in the summary, sorted ones too, with the average time to sort', async () => {
    const [accepted, declined] = waiting();
    await own.api(`/api/v4/leads/unsorted/${accepted!.uid}/accept`, { method: 'POST', body: {} });
    await own.api(`/api/v4/leads/unsorted/${declined!.uid}/decline`, { method: 'DELETE', body: {} });
    const response = await own.api('/api/v4/leads/unsorted/summary');
    const all = entries();
    const count = (list: UnsortedRecord[]) => {
      const sorted = list.filter((entry) => entry.sorted_at !== null);
      return {
        total: list.length,
        accepted: list.filter((entry) => entry.state === 'accepted').length,
        declined: list.filter((entry) => entry.state === 'declined').length,
        average_sort_time: sorted.length === 0 ? 0 : Math.round(sorted.reduce((sum, entry) => sum + NOW - entry.created_at, 0) / sorted.length),
      };
    };
    expect(response.body).toEqual({
      ...count(all),
      categories: {
        sip: count(all.filter((entry) => entry.category === 'sip')),
        mail: { total: 0, accepted: 0, declined: 0, average_sort_time: 0 },
        forms: count(all.filter((entry) => entry.category === 'forms')),
        chats: { total: 0, accepted: 0, declined: 0, average_sort_time: 0 },
      },
    });
    expect(response.body).toMatchObject({ total: 10, accepted: 1, declined: 1 });
    expect(response.body.average_sort_time).toBeGreaterThan(0);

    const corporate = await own.api(`/api/v4/leads/unsorted/summary?filter[pipeline_id]=${PIPELINE_IDS.corporate}`);
    expect(corporate.body.total).toBe(all.filter((entry) => entry.pipeline_id === PIPELINE_IDS.corporate).length);
    const late = all.map((entry) => entry.created_at).sort((a, b) => a - b)[7]!;
    const recent = await own.api(`/api/v4/leads/unsorted/summary?filter[created_at][from]=${late}`);
    expect(recent.body.total).toBe(3);
  });
});

describe('POST /api/v4/leads/unsorted/{forms|sip}', () => {
  it('creates entries with a new lead in the incoming stage and a new contact, answering uid, account_id, request_id and ids', async () => {
    const forms = await own.api('/api/v4/leads/unsorted/forms', { method: 'POST', body: [formItem(1), formItem(2)] });
    expect(forms.status).toBe(200);
    expect(forms.body._total_items).toBe(2);
    const [created] = forms.body._embedded.unsorted;
    expect(created).toEqual({
      uid: expect.stringMatching(/^[0-9a-f]{40}$/),
      account_id: store().account.id,
      request_id: 'form-1',
      _embedded: { leads: [{ id: expect.any(Number) }], contacts: [{ id: expect.any(Number) }], companies: [] },
    });
    const entry = store().unsorted.get(created.uid)!;
    expect(entry).toMatchObject({
      category: 'forms',
      source_name: 'Лендинг',
      source_uid: 'landing-1',
      pipeline_id: PIPELINE_IDS.sales,
      created_at: NOW,
      state: 'new',
      lead_id: created._embedded.leads[0].id,
      contact_id: created._embedded.contacts[0].id,
    });
    expect(entry.metadata).toEqual({ form_id: 'quote', form_name: 'Запрос КП', form_page: 'https://example.test/quote', form_sent_at: NOW - 30, ip: '203.0.113.9' });
    expect(store().leads.get(entry.lead_id!)).toMatchObject({ name: 'Form lead 1', price: 1001, status_id: incomingOf(PIPELINE_IDS.sales).id });
    expect(store().contacts.get(entry.contact_id!)).toMatchObject({ name: 'Посетитель 1', is_unsorted: true });

    const sip = await own.api('/api/v4/leads/unsorted/sip', { method: 'POST', body: [{ ...sipItem(1), pipeline_id: PIPELINE_IDS.corporate, created_at: NOW - 600 }] });
    const call = store().unsorted.get(sip.body._embedded.unsorted[0].uid)!;
    expect(call).toMatchObject({ category: 'sip', pipeline_id: PIPELINE_IDS.corporate, created_at: NOW - 600, company_id: sip.body._embedded.unsorted[0]._embedded.companies[0].id });
    const lead = store().leads.get(call.lead_id!)!;
    expect(lead).toMatchObject({ name: `Сделка #${lead.id}`, status_id: incomingOf(PIPELINE_IDS.corporate).id, created_at: NOW - 600 });
    expect(store().links.isLinked({ type: 'contacts', id: call.contact_id! }, { type: 'companies', id: call.company_id! })).toBe(true);
    const listed = (await own.api(`/api/v4/leads/unsorted?filter[uid][]=${call.uid}`)).body._embedded.unsorted;
    expect(listed.map((item: any) => item.uid)).toEqual([call.uid]);
  });

  it('validates metadata per category and the embedded entities like their own POST, and writes nothing', async () => {
    const before = { leads: store().leads.size, unsorted: store().unsorted.size };
    const noFormId = formItem(3);
    delete (noFormId.metadata as Record<string, unknown>).form_id;
    const response = await own.api('/api/v4/leads/unsorted/forms', {
      method: 'POST',
      body: [
        formItem(1),
        noFormId,
        formItem(4, { _embedded: { leads: [{ price: 'free' }], contacts: [{}, {}] } }),
        formItem(5, { pipeline_id: PIPELINE_IDS.partners, source_name: '' }),
        { metadata: { form_sent_at: 'today' } },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)])).toEqual([
      ['form-3', ['NotBlank metadata.form_id']],
      ['form-4', ['InvalidType _embedded.leads.0.price', 'TooMany _embedded.contacts']],
      ['form-5', ['NotBlank source_name', 'NotSupportedChoice pipeline_id']],
      [
        '4',
        [
          'NotBlank source_name',
          'NotBlank source_uid',
          'NotBlank metadata.form_id',
          'NotBlank metadata.form_name',
          'NotBlank metadata.form_page',
          'InvalidType metadata.form_sent_at',
        ],
      ],
    ]);
    const sip = await own.api('/api/v4/leads/unsorted/sip', { method: 'POST', body: [{ ...sipItem(1), metadata: { ...sipItem(1).metadata, duration: '42s', uniq: undefined } }] });
    expect(sip.body['validation-errors'][0].errors.map((error: any) => `${error.code} ${error.path}`)).toEqual(['InvalidType metadata.duration', 'NotBlank metadata.uniq']);
    expect({ leads: store().leads.size, unsorted: store().unsorted.size }).toEqual(before);
  });
});

describe('sorting an entry', () => {
  it('accepts into a given stage with a new responsible user, then refuses to sort it again', async () => {
    const entry = waiting().find((item) => item.pipeline_id === PIPELINE_IDS.sales)!;
    const stage = store().pipelines.get(PIPELINE_IDS.sales)!.statuses[3]!;
    const response = await own.api(`/api/v4/leads/unsorted/${entry.uid}/accept`, { method: 'POST', body: { status_id: stage.id, user_id: USER_IDS.manager2 } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      uid: entry.uid,
      category: entry.category,
      pipeline_id: entry.pipeline_id,
      created_at: entry.created_at,
      _embedded: {
        leads: [{ id: entry.lead_id, _links: { self: { href: `${own.url}/api/v4/leads/${entry.lead_id}` } } }],
        contacts: [{ id: entry.contact_id, _links: { self: { href: `${own.url}/api/v4/contacts/${entry.contact_id}` } } }],
        companies: [],
      },
      _links: { self: { href: `${own.url}/api/v4/leads/unsorted/${entry.uid}` } },
    });
    expect(store().leads.get(entry.lead_id!)).toMatchObject({ status_id: stage.id, responsible_user_id: USER_IDS.manager2, updated_at: NOW, updated_by: USER_IDS.manager2 });
    expect(store().contacts.get(entry.contact_id!)!.is_unsorted).toBe(false);
    expect(entry).toMatchObject({ state: 'accepted', sorted_at: NOW });
    expect((await own.api('/api/v4/leads/unsorted')).body._embedded.unsorted.map((item: any) => item.uid)).not.toContain(entry.uid);

    const again = await own.api(`/api/v4/leads/unsorted/${entry.uid}/accept`, { method: 'POST', body: {} });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ status: 400, detail: expect.stringContaining('already accepted') });
    expect((await own.api('/api/v4/leads/unsorted/ffff/accept', { method: 'POST' })).status).toBe(404);
  });

  it('accepts into the first working stage by default, closes on 142, and refuses the incoming stage or another pipeline', async () => {
    const [plain, won, bad] = waiting().filter((item) => item.pipeline_id === PIPELINE_IDS.corporate);
    const corporate = store().pipelines.get(PIPELINE_IDS.corporate)!;
    const owner = store().leads.get(plain!.lead_id!)!.responsible_user_id;
    await own.api(`/api/v4/leads/unsorted/${plain!.uid}/accept`, { method: 'POST' });
    expect(store().leads.get(plain!.lead_id!)).toMatchObject({ status_id: corporate.statuses[1]!.id, responsible_user_id: owner, closed_at: null });
    await own.api(`/api/v4/leads/unsorted/${won!.uid}/accept`, { method: 'POST', body: { status_id: WON_STATUS_ID } });
    expect(store().leads.get(won!.lead_id!)).toMatchObject({ status_id: WON_STATUS_ID, closed_at: NOW });
    for (const statusId of [corporate.statuses[0]!.id, store().pipelines.get(PIPELINE_IDS.sales)!.statuses[2]!.id]) {
      const refused = await own.api(`/api/v4/leads/unsorted/${bad!.uid}/accept`, { method: 'POST', body: { status_id: statusId, user_id: 5 } });
      expect(refused.status).toBe(400);
      expect(refused.body['validation-errors'][0].errors.map((error: any) => `${error.code} ${error.path}`)).toEqual(['NotSupportedChoice user_id', 'NotSupportedChoice status_id']);
    }
    expect(bad!.state).toBe('new');
  });

  it('declines: deletes the lead and the contact and company that came with the entry', async () => {
    const entry = waiting().find((item) => item.company_id !== null)!;
    const response = await own.api(`/api/v4/leads/unsorted/${entry.uid}/decline`, { method: 'DELETE', body: { user_id: USER_IDS.admin } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ uid: entry.uid, category: entry.category, _embedded: { leads: [{ id: entry.lead_id }] } });
    expect(entry).toMatchObject({ state: 'declined', sorted_at: NOW });
    expect(store().leads.get(entry.lead_id!)!.is_deleted).toBe(true);
    expect(store().contacts.get(entry.contact_id!)!.is_deleted).toBe(true);
    expect(store().companies.get(entry.company_id!)!.is_deleted).toBe(true);
    expect((await own.api(`/api/v4/leads/${entry.lead_id}`)).status).toBe(204);
    expect((await own.api(`/api/v4/leads/unsorted/${entry.uid}/decline`, { method: 'DELETE' })).status).toBe(400);
  });

  it('links an entry to an existing lead: its contact joins that lead, its own lead is deleted, and the log notes the deviation', async () => {
    const entry = waiting().find((item) => item.category === 'forms')!;
    const target = store().leads.values().find((lead) => !lead.is_deleted && store().links.linked({ type: 'leads', id: lead.id }, 'contacts').length > 0)!;
    const ownLead = entry.lead_id!;
    const response = await own.api(`/api/v4/leads/unsorted/${entry.uid}/link`, { method: 'POST', body: { link: { entity_id: target.id, entity_type: 'leads' }, user_id: 0 } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ uid: entry.uid, _embedded: { leads: [{ id: target.id }], contacts: [{ id: entry.contact_id }], companies: [] } });
    expect(own.sandbox.log.last()!.notes).toEqual([expect.stringContaining('only chats')]);
    const contacts = store().links.linked({ type: 'leads', id: target.id }, 'contacts');
    expect(contacts.map((item) => item.id)).toContain(entry.contact_id);
    expect(contacts.filter((item) => item.isMain)).toHaveLength(1);
    expect(store().leads.get(ownLead)!.is_deleted).toBe(true);
    expect(store().contacts.get(entry.contact_id!)!.is_unsorted).toBe(false);
    expect(entry).toMatchObject({ state: 'accepted', lead_id: target.id });

    const other = waiting()[0]!;
    const refused = await own.api(`/api/v4/leads/unsorted/${other.uid}/link`, { method: 'POST', body: { link: { entity_id: 99_999_999, entity_type: 'contacts' } } });
    expect(refused.body['validation-errors'][0].errors.map((error: any) => `${error.code} ${error.path}`)).toEqual([
      'NotSupportedChoice link.entity_type',
      'NotSupportedChoice link.entity_id',
    ]);
    expect((await own.api(`/api/v4/leads/unsorted/${other.uid}/link`, { method: 'POST', body: {} })).body['validation-errors'][0].errors[0]).toMatchObject({ code: 'NotBlank', path: 'link' });
    expect(other.state).toBe('new');
  });

  it('still sorts when errorAfterCommit answers with a gateway error', async () => {
    const entry = waiting()[0]!;
    own.sandbox.faults.set({ errorAfterCommit: { rate: 1 } });
    const response = await own.api(`/api/v4/leads/unsorted/${entry.uid}/accept`, { method: 'POST', body: {} });
    expect([502, 504]).toContain(response.status);
    expect(entry.state).toBe('accepted');
    const created = await own.api('/api/v4/leads/unsorted/sip', { method: 'POST', body: [sipItem(7)] });
    expect([502, 504]).toContain(created.status);
    expect(entries().at(-1)!.metadata).toMatchObject({ uniq: 'call-7' });
  });
});
