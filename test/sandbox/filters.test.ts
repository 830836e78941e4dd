import { describe, expect, it } from 'vitest';
import { FIELD_IDS, PIPELINE_IDS, USER_IDS, type LeadRecord } from '../../src/sandbox/index.js';
import { collectAll, startSandbox, useSandbox, type RunningSandbox } from './helpers.js';

const running = useSandbox();

const visibleLeads = () => running().sandbox.store.leads.values().filter((lead) => !lead.is_deleted);
const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id);

async function leadIds(query: string, sandbox: RunningSandbox = running()): Promise<number[]> {
  const { rows } = await collectAll(sandbox, `/api/v4/leads?${query}`, 'leads');
  return idsOf(rows);
}

const expected = (predicate: (lead: LeadRecord) => boolean) => idsOf(visibleLeads().filter(predicate));

describe('filter[] syntax', () => {
  it('accepts filter[id][]=, filter[id][0]= and a single filter[id]= alike', async () => {
    const [a, b] = visibleLeads();
    const brackets = await leadIds(`filter[id][]=${a!.id}&filter[id][]=${b!.id}`);
    const indexed = await leadIds(`filter[id][0]=${a!.id}&filter[id][1]=${b!.id}`);
    expect(brackets).toEqual([a!.id, b!.id]);
    expect(indexed).toEqual(brackets);
    expect(await leadIds(`filter[id]=${a!.id}`)).toEqual([a!.id]);
  });

  it('accepts percent-encoded and literal brackets alike', async () => {
    const [a, b] = visibleLeads();
    const encoded = await leadIds(`filter%5Bid%5D%5B%5D=${a!.id}&filter%5Bid%5D%5B%5D=${b!.id}`);
    const encodedIndexed = await leadIds(`filter%5Bid%5D%5B0%5D=${a!.id}&filter%5Bid%5D%5B1%5D=${b!.id}`);
    expect(encoded).toEqual([a!.id, b!.id]);
    expect(encodedIndexed).toEqual(encoded);
  });

  it('answers 204 when nothing matches', async () => {
    const response = await running().api('/api/v4/leads?filter[id]=1');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });

  it('rejects malformed filters with a 400 problem naming the parameter', async () => {
    const cases = [
      'filter=5',
      'filter[id][]=abc',
      'filter[created_at][from]=yesterday',
      'filter[created_at][since]=1',
      'filter[price][from]=',
      'filter[statuses][0][pipeline_id]=3000001',
      'filter[custom_fields_values][999]=1',
      `filter[custom_fields_values][${FIELD_IDS.leads.paid}]=maybe`,
    ];
    for (const query of cases) {
      const response = await running().api(`/api/v4/leads?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ title: 'Bad Request', type: 'https://httpstatus.es/400', status: 400 });
      expect(typeof response.body.detail).toBe('string');
    }
  });

  it('ignores filters a list does not know, noting them in the request log', async () => {
    running().sandbox.log.clear();
    const response = await running().api('/api/v4/contacts?filter[pipeline_id]=3000001&limit=1');
    expect(response.status).toBe(200);
    expect(running().sandbox.log.last()!.notes).toEqual(['filter[pipeline_id] is not a contacts filter; ignored']);
  });
});

describe('lead filters', () => {
  it('filter[name] matches whole names, case-insensitively', async () => {
    const name = visibleLeads()[5]!.name;
    expect(await leadIds(`filter[name]=${encodeURIComponent(name.toUpperCase())}`)).toEqual(expected((lead) => lead.name.toLowerCase() === name.toLowerCase()));
  });

  it('filter[price] takes an exact value or a [from]/[to] range', async () => {
    const price = visibleLeads().find((lead) => lead.price > 0)!.price;
    expect(await leadIds(`filter[price]=${price}`)).toEqual(expected((lead) => lead.price === price));
    expect(await leadIds('filter[price][from]=100000&filter[price][to]=500000')).toEqual(expected((lead) => lead.price >= 100_000 && lead.price <= 500_000));
    expect(await leadIds('filter[price][from]=1000000')).toEqual(expected((lead) => lead.price >= 1_000_000));
  });

  it('filter[statuses] matches pipeline+status pairs, so 142 in one pipeline is not 142 in another', async () => {
    const ids = await leadIds(
      `filter[statuses][0][pipeline_id]=${PIPELINE_IDS.sales}&filter[statuses][0][status_id]=142&filter[statuses][1][pipeline_id]=${PIPELINE_IDS.corporate}&filter[statuses][1][status_id]=4000202`,
    );
    const want = expected(
      (lead) => (lead.pipeline_id === PIPELINE_IDS.sales && lead.status_id === 142) || (lead.pipeline_id === PIPELINE_IDS.corporate && lead.status_id === 4_000_202),
    );
    expect(ids).toEqual(want);
    expect(want.length).toBeGreaterThan(10);
  });

  it('filter[pipeline_id] takes one id or several', async () => {
    expect(await leadIds(`filter[pipeline_id]=${PIPELINE_IDS.partners}`)).toEqual(expected((lead) => lead.pipeline_id === PIPELINE_IDS.partners));
    expect(await leadIds(`filter[pipeline_id][]=${PIPELINE_IDS.partners}&filter[pipeline_id][]=${PIPELINE_IDS.corporate}`)).toEqual(
      expected((lead) => lead.pipeline_id !== PIPELINE_IDS.sales),
    );
  });

  it('filter[responsible_user_id], [created_by] and [updated_by] take one id or several', async () => {
    expect(await leadIds(`filter[responsible_user_id]=${USER_IDS.manager1}`)).toEqual(expected((lead) => lead.responsible_user_id === USER_IDS.manager1));
    expect(await leadIds(`filter[created_by][]=0&filter[created_by][]=${USER_IDS.manager2}`)).toEqual(
      expected((lead) => lead.created_by === 0 || lead.created_by === USER_IDS.manager2),
    );
    expect(await leadIds(`filter[updated_by]=${USER_IDS.corporate1}`)).toEqual(expected((lead) => lead.updated_by === USER_IDS.corporate1));
  });

  it('date ranges: created_at, updated_at, closed_at and closest_task_at, inclusive', async () => {
    const pivot = visibleLeads()[100]!;
    expect(await leadIds(`filter[created_at][from]=${pivot.created_at}`)).toEqual(expected((lead) => lead.created_at >= pivot.created_at));
    expect(await leadIds(`filter[updated_at][to]=${pivot.updated_at}`)).toEqual(expected((lead) => lead.updated_at <= pivot.updated_at));
    const from = 1_750_000_000;
    const to = 1_760_000_000;
    expect(await leadIds(`filter[closed_at][from]=${from}&filter[closed_at][to]=${to}`)).toEqual(
      expected((lead) => lead.closed_at !== null && lead.closed_at >= from && lead.closed_at <= to),
    );
    expect(await leadIds('filter[closest_task_at][from]=1767225600')).toEqual(expected((lead) => lead.closest_task_at !== null && lead.closest_task_at >= 1_767_225_600));
  });

  it('combines several filters with AND', async () => {
    expect(await leadIds(`filter[pipeline_id]=${PIPELINE_IDS.sales}&filter[responsible_user_id]=${USER_IDS.manager2}`)).toEqual(
      expected((lead) => lead.pipeline_id === PIPELINE_IDS.sales && lead.responsible_user_id === USER_IDS.manager2),
    );
  });
});

describe('custom field filters', () => {
  const valuesOf = (lead: LeadRecord, fieldId: number) => lead.custom_fields_values.find((item) => item.field_id === fieldId)?.values ?? [];

  it('match select values by enum id or by text', async () => {
    const field = running().sandbox.store.customFields.leads.get(FIELD_IDS.leads.requestSource)!;
    const site = field.enums!.find((item) => item.value === 'Сайт')!;
    const want = expected((lead) => valuesOf(lead, field.id).some((item) => item.enum_id === site.id));
    expect(want.length).toBeGreaterThan(5);
    expect(await leadIds(`filter[custom_fields_values][${field.id}][]=${site.id}`)).toEqual(want);
    expect(await leadIds(`filter[custom_fields_values][${field.id}][0]=${encodeURIComponent('Сайт')}`)).toEqual(want);
  });

  it('match numeric fields by [from]/[to]', async () => {
    const id = FIELD_IDS.leads.licenses;
    const want = expected((lead) => valuesOf(lead, id).some((item) => Number(item.value) >= 10 && Number(item.value) <= 50));
    expect(want.length).toBeGreaterThan(3);
    expect(await leadIds(`filter[custom_fields_values][${id}][from]=10&filter[custom_fields_values][${id}][to]=50`)).toEqual(want);
  });

  it('match checkboxes by 1 and 0 (unfilled counts as unticked)', async () => {
    const id = FIELD_IDS.leads.paid;
    const ticked = expected((lead) => valuesOf(lead, id).some((item) => item.value === true));
    expect(await leadIds(`filter[custom_fields_values][${id}]=1`)).toEqual(ticked);
    expect(await leadIds(`filter[custom_fields_values][${id}]=0`)).toEqual(expected((lead) => !ticked.includes(lead.id)));
  });

  it('match contact phones by digits', async () => {
    const store = running().sandbox.store;
    const contact = store.contacts.values().find((row) => !row.is_deleted && row.custom_fields_values.some((item) => item.field_id === FIELD_IDS.contacts.phone))!;
    const phone = String(contact.custom_fields_values.find((item) => item.field_id === FIELD_IDS.contacts.phone)!.values[0]!.value);
    const { rows } = await collectAll(running(), `/api/v4/contacts?filter[custom_fields_values][${FIELD_IDS.contacts.phone}][]=${phone.replace(/\D/g, '')}`, 'contacts');
    expect(idsOf(rows)).toContain(contact.id);
  });

  it('are ignored while the account has API filtering disabled', async () => {
    const own = await startSandbox();
    try {
      own.sandbox.store.account.is_api_filter_enabled = false;
      const all = await leadIds('', own);
      expect(await leadIds(`filter[custom_fields_values][${FIELD_IDS.leads.paid}]=1`, own)).toEqual(all);
      expect(own.sandbox.log.last()!.notes[0]).toContain('API filtering is disabled');
    } finally {
      await own.close();
    }
  });
});

describe('contact and company filters', () => {
  it('share id, name, responsible user and date filters', async () => {
    const contacts = running().sandbox.store.contacts.values().filter((contact) => !contact.is_deleted);
    const pivot = contacts[40]!;
    const { rows } = await collectAll(running(), `/api/v4/contacts?filter[responsible_user_id]=${pivot.responsible_user_id}&filter[created_at][from]=${pivot.created_at}`, 'contacts');
    expect(idsOf(rows)).toEqual(idsOf(contacts.filter((row) => row.responsible_user_id === pivot.responsible_user_id && row.created_at >= pivot.created_at)));
    const company = running().sandbox.store.companies.values()[3]!;
    const byName = await running().api(`/api/v4/companies?filter[name]=${encodeURIComponent(company.name)}`);
    expect(idsOf(byName.body._embedded.companies)).toContain(company.id);
  });
});
