// Every operation in examples/ runs against the sandbox through the gateway, with variables a
// client would have (taken from the sandbox's data), answers without errors, agrees with the
// sandbox's store, and costs a known number of upstream calls from a cold metadata cache.

import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FIELD_IDS,
  findStatus,
  LOST_STATUS_ID,
  WON_STATUS_ID,
  type CustomFieldRecord,
  type EntityType,
  type LeadRecord,
  type SandboxStore,
  type StatusRecord,
} from '../../src/sandbox/index.js';
import {
  AccountDocument,
  CompanyWithPeopleDocument,
  CustomFieldCatalogDocument,
  ImportLeadsDocument,
  LeadCardDocument,
  LeadsPageDocument,
  NodeRefetchDocument,
  PipelineBoardDocument,
  RecentLeadsDocument,
  SearchContactsDocument,
  type CustomFieldType,
  type LeadFilter,
  type LeadRowFragment,
  type LeadsPageQuery,
  type StatusKind,
} from '../generated/graphql.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let store: SandboxStore;
beforeAll(async () => {
  stack = await startStack();
  store = stack.sandbox.store;
});
afterAll(() => stack.close());

// Each test pays for its own metadata (pipelines, users, custom fields), so the call counts
// below do not depend on which test ran first.
beforeEach(() => {
  stack.gateway.account.metadata.invalidate();
  stack.resetLog();
});

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const digits = (text: string) => text.replace(/\D/g, '');

/** The upstream paths called since the last reset, sorted, so a test states its whole cost. */
const upstreamPaths = () => stack.upstreamCalls().map((call) => call.path).sort();

const live = <T extends { is_deleted: boolean }>(rows: T[]) => rows.filter((row) => !row.is_deleted);
const liveLeads = () => live(store.leads.values());
const userName = (id: number) => store.users.get(id)!.name;

function statusOf(lead: LeadRecord): StatusRecord {
  return findStatus(store, lead.pipeline_id, lead.status_id)!;
}

function kindOf(status: StatusRecord): StatusKind {
  if (status.id === WON_STATUS_ID) return 'WON';
  if (status.id === LOST_STATUS_ID) return 'LOST';
  return status.type === 1 ? 'INCOMING' : 'OPEN';
}

/** What an entity is linked to, leaving out entities amoCRM no longer lists (deleted). */
function linkedIds(type: EntityType, id: number, to: EntityType): { id: number; isMain: boolean }[] {
  return store.links.linked({ type, id }, to).filter((link) => store.entities(to).get(link.id)?.is_deleted === false);
}

function storedFieldValues(entity: { custom_fields_values: { field_id: number; values: { value?: unknown }[] }[] }, fieldId: number) {
  return entity.custom_fields_values.find((field) => field.field_id === fieldId)?.values.map((item) => item.value) ?? [];
}

function byCreatedDesc(a: LeadRecord, b: LeadRecord) {
  return b.created_at - a.created_at || b.id - a.id;
}

describe('RecentLeads', () => {
  it('is the query GraphiQL opens with', async () => {
    const response = await fetch(`${stack.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    const options = /"defaultQuery":("(?:[^"\\]|\\.)*")/.exec(await response.text());
    expect(options, 'the GraphiQL page sets a default query').not.toBeNull();
    const defaultQuery = JSON.parse(options![1]!) as string;
    expect(print(parse(defaultQuery)), 'examples/recent-leads.graphql and the GraphiQL default query agree').toBe(print(RecentLeadsDocument));
  });

  it('answers the five newest leads with stage, owner, main contact and company', async () => {
    const data = dataOf(await stack.gql(RecentLeadsDocument));
    expect(upstreamPaths()).toEqual(['/api/v4/companies', '/api/v4/contacts', '/api/v4/leads', '/api/v4/leads/pipelines', '/api/v4/users']);

    const expected = liveLeads().sort(byCreatedDesc).slice(0, 5);
    const leads = data.leads!.nodes;
    expect(leads.map((lead) => lead.amoId)).toEqual(expected.map((lead) => lead.id));
    expect(data.leads!.pageInfo.hasNextPage).toBe(true);
    for (const [index, lead] of leads.entries()) {
      const row = expected[index]!;
      const status = statusOf(row);
      expect(lead).toMatchObject({ name: row.name, price: row.price });
      expect(lead.status).toEqual({ name: status.name, kind: kindOf(status), pipeline: { name: store.pipelines.get(row.pipeline_id)!.name } });
      expect(lead.responsibleUser?.name).toBe(userName(row.responsible_user_id));
      const main = linkedIds('leads', row.id, 'contacts').find((link) => link.isMain);
      expect(lead.mainContact?.name ?? null).toBe(main ? store.contacts.get(main.id)!.name : null);
      const company = linkedIds('leads', row.id, 'companies')[0];
      expect(lead.company?.name ?? null).toBe(company ? store.companies.get(company.id)!.name : null);
    }
    // The page is not trivially empty of relations.
    expect(leads.some((lead) => lead.mainContact !== null)).toBe(true);
  });
});

describe('LeadCard', () => {
  // The richest lead: several contacts, a company, tags and the most kinds of custom fields.
  function richestLead(): LeadRecord {
    const score = (lead: LeadRecord) =>
      (linkedIds('leads', lead.id, 'contacts').length >= 2 ? 100 : 0) +
      (linkedIds('leads', lead.id, 'companies').length > 0 ? 100 : 0) +
      (lead.tag_ids.length > 0 ? 100 : 0) +
      new Set(lead.custom_fields_values.map((field) => store.customFields.leads.get(field.field_id)!.type)).size;
    return liveLeads().sort((a, b) => score(b) - score(a) || a.id - b.id)[0]!;
  }

  it('shows one lead with its contacts (main marked), company, stage, owner, tags and typed custom fields', async () => {
    const row = richestLead();
    const data = dataOf(await stack.gql(LeadCardDocument, { amoId: row.id }));
    // The lead (with contacts and loss reason embedded), its contacts and company in one batch
    // each, plus the cached pipelines and users; the field definitions only for `field { currency }`
    // of a monetary field.
    const monetary = row.custom_fields_values.some((field) => store.customFields.leads.get(field.field_id)!.type === 'monetary');
    expect(upstreamPaths()).toEqual([
      '/api/v4/companies',
      '/api/v4/contacts',
      '/api/v4/leads',
      ...(monetary ? ['/api/v4/leads/custom_fields'] : []),
      '/api/v4/leads/pipelines',
      '/api/v4/users',
    ]);

    const lead = data.lead!;
    const status = statusOf(row);
    expect(lead).toMatchObject({
      amoId: row.id,
      name: row.name,
      price: row.price,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      closedAt: row.closed_at === null ? null : iso(row.closed_at),
      pipeline: { amoId: row.pipeline_id, name: store.pipelines.get(row.pipeline_id)!.name },
      status: { amoId: status.id, name: status.name, kind: kindOf(status), color: status.color },
      responsibleUser: { amoId: row.responsible_user_id, name: userName(row.responsible_user_id) },
    });
    expect(lead.lossReason?.amoId ?? null).toBe(row.loss_reason_id);
    expect(lead.tags.map((tag) => tag.amoId).sort()).toEqual([...row.tag_ids].sort());
    expect(lead.tags.map((tag) => tag.name).sort()).toEqual(row.tag_ids.map((id) => store.tags.leads.get(id)!.name).sort());

    const links = linkedIds('leads', row.id, 'contacts');
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(lead.contacts.edges.map((edge) => ({ id: edge.node.amoId, isMain: edge.isMain }))).toEqual(links);
    for (const edge of lead.contacts.edges) {
      const contact = store.contacts.get(edge.node.amoId)!;
      expect(edge.node.name).toBe(contact.name);
      expect(edge.node.phones).toEqual(storedFieldValues(contact, FIELD_IDS.contacts.phone));
      expect(edge.node.emails).toEqual(storedFieldValues(contact, FIELD_IDS.contacts.email));
    }
    const company = linkedIds('leads', row.id, 'companies')[0]!;
    expect(lead.company).toMatchObject({ amoId: company.id, name: store.companies.get(company.id)!.name });

    // Every filled field comes back, typed by its definition, with the stored values.
    expect(lead.customFields.map((field) => field.fieldId)).toEqual(row.custom_fields_values.map((field) => field.field_id));
    expect(lead.customFields.length).toBeGreaterThanOrEqual(5);
    for (const field of lead.customFields) {
      const definition = store.customFields.leads.get(field.fieldId)!;
      const stored = storedFieldValues(row, field.fieldId);
      expect(field.fieldName).toBe(definition.name);
      expect(field.fieldType).toBe(definition.type.toUpperCase());
      switch (field.__typename) {
        case 'TextCustomFieldValue':
        case 'TextareaCustomFieldValue':
        case 'UrlCustomFieldValue':
        case 'StreetaddressCustomFieldValue':
        case 'TrackingDataCustomFieldValue':
          expect(field.texts).toEqual(stored);
          break;
        case 'NumericCustomFieldValue':
          expect(field.numbers).toEqual(stored.map(Number));
          break;
        case 'MonetaryCustomFieldValue':
          expect(field.numbers).toEqual(stored.map(Number));
          expect(field.field?.currency).toBe(definition.currency);
          break;
        case 'CheckboxCustomFieldValue':
          expect(field.flags).toEqual(stored);
          break;
        case 'DateCustomFieldValue':
        case 'DateTimeCustomFieldValue':
          expect(field.dates).toEqual(stored.map((value) => iso(Number(value))));
          break;
        case 'SelectCustomFieldValue':
        case 'RadiobuttonCustomFieldValue':
        case 'MultiselectCustomFieldValue':
          expect(field.options.map((option) => option.value)).toEqual(stored);
          for (const option of field.options) expect(definition.enums!.find((item) => item.id === option.enumId)?.value).toBe(option.value);
          break;
        default:
          throw new Error(`unexpected custom field type ${field.__typename} for a lead`);
      }
    }
    // The chosen lead really exercises several typed branches.
    expect(new Set(lead.customFields.map((field) => field.__typename)).size).toBeGreaterThanOrEqual(5);
  });

  it('answers null for a lead amoCRM no longer lists', async () => {
    const deleted = store.leads.values().find((lead) => lead.is_deleted)!;
    const data = dataOf(await stack.gql(LeadCardDocument, { amoId: deleted.id }));
    expect(data.lead).toBeNull();
    expect(upstreamPaths()).toEqual(['/api/v4/leads']);
  });
});

describe('LeadsPage', () => {
  // A dashboard filter built from the data: the two busiest (pipeline, status) pairs, the two
  // busiest owners among them, and the middle of their creation dates.
  function dashboardFilter(): { filter: LeadFilter; expected: LeadRecord[] } {
    const countBy = <T>(items: T[], key: (item: T) => string) => {
      const counts = new Map<string, number>();
      for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
    };
    const leads = liveLeads();
    const pairs = countBy(leads, (lead) => `${lead.pipeline_id}:${lead.status_id}`)
      .slice(0, 2)
      .map((pair) => pair.split(':').map(Number) as [number, number]);
    const inPairs = leads.filter((lead) => pairs.some(([pipelineId, statusId]) => lead.pipeline_id === pipelineId && lead.status_id === statusId));
    const owners = countBy(inPairs, (lead) => String(lead.responsible_user_id)).slice(0, 2).map(Number);
    const owned = inPairs.filter((lead) => owners.includes(lead.responsible_user_id));
    const times = owned.map((lead) => lead.created_at).sort((a, b) => a - b);
    const from = times[Math.floor(times.length * 0.1)]!;
    const to = times[Math.floor(times.length * 0.9)]!;
    return {
      filter: {
        statuses: pairs.map(([pipelineId, statusId]) => ({ pipelineId, statusId })),
        responsibleUserIds: owners,
        createdAt: { from: iso(from), to: iso(to) },
      },
      expected: owned.filter((lead) => lead.created_at >= from && lead.created_at <= to).sort(byCreatedDesc),
    };
  }

  it('pages through a filtered, newest-first lead table with cursors, one upstream call per page', async () => {
    const { filter, expected } = dashboardFilter();
    const first = 5;
    expect(expected.length).toBeGreaterThan(2 * first);

    const rows: LeadRowFragment[] = [];
    let after: string | null = null;
    let requests = 0;
    for (;;) {
      const data: LeadsPageQuery = dataOf(await stack.gql(LeadsPageDocument, { first, after, filter, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }));
      requests += 1;
      const page = data.leads!;
      expect(page.edges.length).toBeLessThanOrEqual(first);
      rows.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      expect(requests).toBeLessThan(50);
    }

    expect(rows.map((row) => row.amoId)).toEqual(expected.map((lead) => lead.id));
    const pairs = new Set(filter.statuses!.map((pair) => `${pair.pipelineId}:${pair.statusId}`));
    for (const row of rows) {
      const lead = store.leads.get(row.amoId)!;
      expect(pairs.has(`${row.status!.pipeline.amoId}:${row.status!.amoId}`)).toBe(true);
      expect(filter.responsibleUserIds).toContain(row.responsibleUser!.amoId);
      expect(row.responsibleUser!.name).toBe(userName(lead.responsible_user_id));
      expect(row.createdAt >= filter.createdAt!.from! && row.createdAt <= filter.createdAt!.to!).toBe(true);
      expect(row).toMatchObject({ name: lead.name, price: lead.price, createdAt: iso(lead.created_at) });
    }
    // One leads call per page; pipelines and users once, then cached.
    const paths = upstreamPaths();
    expect(paths.filter((path) => path === '/api/v4/leads')).toHaveLength(requests);
    expect(paths.filter((path) => path !== '/api/v4/leads')).toEqual(['/api/v4/leads/pipelines', '/api/v4/users']);
  });
});

describe('SearchContacts', () => {
  it('finds the contact whose phone is typed in another format, with e-mails and company', async () => {
    // A Russian mobile stored as "+7 …", searched the way people dial it: "8 9xx xxx-xx-xx".
    const contact = live(store.contacts.values()).find(
      (row) =>
        linkedIds('contacts', row.id, 'companies').length > 0 &&
        storedFieldValues(row, FIELD_IDS.contacts.phone).some((phone) => /^79\d{9}$/.test(digits(String(phone)))),
    )!;
    const phone = digits(String(storedFieldValues(contact, FIELD_IDS.contacts.phone).find((value) => /^79\d{9}$/.test(digits(String(value))))));
    const dialled = `8 ${phone.slice(1, 4)} ${phone.slice(4, 7)}-${phone.slice(7, 9)}-${phone.slice(9)}`;

    const data = dataOf(await stack.gql(SearchContactsDocument, { query: dialled }));
    expect(upstreamPaths()).toEqual(['/api/v4/companies', '/api/v4/contacts', '/api/v4/users']);

    const found = data.contacts!.nodes;
    const hit = found.find((node) => node.amoId === contact.id);
    expect(hit, `searching ${dialled} finds contact ${contact.id}`).toBeDefined();
    // Only contacts with that number come back.
    for (const node of found) expect(node.phones.some((value) => digits(value).endsWith(phone.slice(1)))).toBe(true);

    const company = store.companies.get(linkedIds('contacts', contact.id, 'companies')[0]!.id)!;
    expect(hit).toMatchObject({
      name: contact.name,
      firstName: contact.first_name || null,
      lastName: contact.last_name || null,
      phones: storedFieldValues(contact, FIELD_IDS.contacts.phone),
      emails: storedFieldValues(contact, FIELD_IDS.contacts.email),
      responsibleUser: { amoId: contact.responsible_user_id, name: userName(contact.responsible_user_id) },
      company: { amoId: company.id, name: company.name },
    });
  });

  it('finds contacts by part of an e-mail', async () => {
    const contact = live(store.contacts.values()).find((row) => storedFieldValues(row, FIELD_IDS.contacts.email).length > 0)!;
    const email = String(storedFieldValues(contact, FIELD_IDS.contacts.email)[0]);
    const data = dataOf(await stack.gql(SearchContactsDocument, { query: email.split('@')[0]!, first: 50 }));
    expect(data.contacts!.nodes.map((node) => node.amoId)).toContain(contact.id);
    expect(upstreamPaths().filter((path) => path === '/api/v4/contacts')).toHaveLength(1);
    expect(upstreamPaths().length).toBeLessThanOrEqual(3);
  });
});

describe('CompanyWithPeople', () => {
  it('shows a company, its people with their leads, and its own leads', async () => {
    // The company with the most people who have leads of their own.
    const peopleWithLeads = (id: number) =>
      linkedIds('companies', id, 'contacts').filter((contact) => linkedIds('contacts', contact.id, 'leads').length > 0).length;
    const row = live(store.companies.values()).sort((a, b) => peopleWithLeads(b.id) - peopleWithLeads(a.id) || a.id - b.id)[0]!;
    expect(peopleWithLeads(row.id)).toBeGreaterThanOrEqual(2);

    const data = dataOf(await stack.gql(CompanyWithPeopleDocument, { amoId: row.id }));
    // The company, then all its people in one contacts call, then every lead (theirs and the
    // company's) in one leads call; stages and owners from cached metadata.
    expect(upstreamPaths()).toEqual(['/api/v4/companies', '/api/v4/contacts', '/api/v4/leads', '/api/v4/leads/pipelines', '/api/v4/users']);

    const company = data.company!;
    expect(company).toMatchObject({
      amoId: row.id,
      name: row.name,
      phones: storedFieldValues(row, FIELD_IDS.companies.phone),
      emails: storedFieldValues(row, FIELD_IDS.companies.email),
      responsibleUser: { amoId: row.responsible_user_id, name: userName(row.responsible_user_id) },
    });
    expect(company.tags.map((tag) => tag.name).sort()).toEqual(row.tag_ids.map((id) => store.tags.companies.get(id)!.name).sort());

    const leadSummary = (id: number) => {
      const lead = store.leads.get(id)!;
      const status = statusOf(lead);
      return { amoId: id, name: lead.name, price: lead.price, status: { name: status.name, kind: kindOf(status) } };
    };
    expect(company.contacts.nodes.map((contact) => contact.amoId)).toEqual(linkedIds('companies', row.id, 'contacts').map((link) => link.id));
    for (const contact of company.contacts.nodes) {
      expect(contact.name).toBe(store.contacts.get(contact.amoId)!.name);
      expect(contact.leads.nodes).toEqual(linkedIds('contacts', contact.amoId, 'leads').map((link) => leadSummary(link.id)));
    }
    expect(company.leads.nodes).toEqual(linkedIds('companies', row.id, 'leads').map((link) => leadSummary(link.id)));
    expect(company.leads.nodes.length).toBeGreaterThan(0);
  });
});

describe('PipelineBoard', () => {
  it('lists every pipeline, main first, with its stages in order and their kinds, in one call', async () => {
    const data = dataOf(await stack.gql(PipelineBoardDocument));
    expect(upstreamPaths()).toEqual(['/api/v4/leads/pipelines']);

    const expected = store.pipelines.values().sort((a, b) => Number(b.is_main) - Number(a.is_main) || a.sort - b.sort);
    expect(data.pipelines!.map((pipeline) => pipeline.amoId)).toEqual(expected.map((pipeline) => pipeline.id));
    expect(data.pipelines![0]!.isMain).toBe(true);
    for (const [index, pipeline] of data.pipelines!.entries()) {
      const row = expected[index]!;
      expect(pipeline).toMatchObject({ name: row.name, isMain: row.is_main, isArchive: row.is_archive });
      const statuses = [...row.statuses].sort((a, b) => a.sort - b.sort);
      expect(pipeline.statuses.map(({ amoId, name, color, sort, kind }) => ({ amoId, name, color, sort, kind }))).toEqual(
        statuses.map((status) => ({ amoId: status.id, name: status.name, color: status.color, sort: status.sort, kind: kindOf(status) })),
      );
      // Every board has the incoming column, working stages, and the two closed ones.
      expect(new Set(pipeline.statuses.map((status) => status.kind))).toEqual(new Set(['INCOMING', 'OPEN', 'WON', 'LOST']));
    }
    // Status ids 142/143 repeat across pipelines; their global ids do not.
    const ids = data.pipelines!.flatMap((pipeline) => pipeline.statuses.map((status) => status.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('CustomFieldCatalog', () => {
  const entities = [
    ['LEADS', 'leads'],
    ['CONTACTS', 'contacts'],
    ['COMPANIES', 'companies'],
  ] as const;

  it.each(entities)('lists the %s field definitions in sort order with their options, in one call', async (entity, type) => {
    const data = dataOf(await stack.gql(CustomFieldCatalogDocument, { entity }));
    expect(upstreamPaths()).toEqual([`/api/v4/${type}/custom_fields`]);

    const expected = store.customFields[type].values().sort((a, b) => a.sort - b.sort || a.id - b.id);
    const fields = data.customFieldDefinitions!;
    expect(fields.map((field) => field.amoId)).toEqual(expected.map((field) => field.id));
    for (const [index, field] of fields.entries()) {
      const row: CustomFieldRecord = expected[index]!;
      expect(field).toMatchObject({
        name: row.name,
        type: row.type.toUpperCase() as CustomFieldType,
        code: row.code,
        sort: row.sort,
        isPredefined: row.is_predefined,
        currency: row.currency ?? null,
      });
      expect(field.enums.map(({ amoId, value, sort }) => ({ amoId, value, sort }))).toEqual(
        (row.enums ?? []).map((option) => ({ amoId: option.id, value: option.value, sort: option.sort })),
      );
    }
    expect(fields.some((field) => field.enums.length > 0)).toBe(true);
  });
});

describe('NodeRefetch', () => {
  it('refetches a lead, a contact, a company, a user and a status by the global ids other examples returned', async () => {
    const lead = liveLeads().find((row) => row.status_id === WON_STATUS_ID)!;
    const card = dataOf(await stack.gql(LeadCardDocument, { amoId: lead.id })).lead!;
    const contact = live(store.contacts.values()).find((row) => storedFieldValues(row, FIELD_IDS.contacts.phone).length > 0)!;
    const search = dataOf(await stack.gql(SearchContactsDocument, { query: String(contact.id) })).contacts!.nodes;
    const company = live(store.companies.values())[0]!;
    const people = dataOf(await stack.gql(CompanyWithPeopleDocument, { amoId: company.id })).company!;
    const users = dataOf(await stack.gql(AccountDocument)).users!.nodes;
    const board = dataOf(await stack.gql(PipelineBoardDocument)).pipelines!;

    const refetch = async (id: string) => {
      stack.resetLog();
      const node = dataOf(await stack.gql(NodeRefetchDocument, { id })).node;
      return { node, paths: upstreamPaths() };
    };

    // Metadata is warm now: an entity costs one call, a user or a status none.
    const leadNode = await refetch(card.id);
    expect(leadNode.paths).toEqual(['/api/v4/leads']);
    const status = statusOf(lead);
    expect(leadNode.node).toEqual({
      __typename: 'Lead',
      id: card.id,
      amoId: lead.id,
      name: lead.name,
      price: lead.price,
      status: { name: status.name, kind: 'WON' },
      updatedAt: iso(lead.updated_at),
    });

    const contactNode = await refetch(search.find((node) => node.amoId === contact.id)!.id);
    expect(contactNode.paths).toEqual(['/api/v4/contacts']);
    expect(contactNode.node).toMatchObject({ __typename: 'Contact', amoId: contact.id, name: contact.name, phones: storedFieldValues(contact, FIELD_IDS.contacts.phone) });

    const companyNode = await refetch(people.id);
    expect(companyNode.paths).toEqual(['/api/v4/companies']);
    expect(companyNode.node).toMatchObject({ __typename: 'Company', amoId: company.id, name: company.name, updatedAt: iso(company.updated_at) });

    const former = store.users.values().find((user) => user.rights.is_active === false)!;
    // Owner pickers list active users only; a deactivated owner is still reachable by id.
    expect(users.some((user) => user.amoId === former.id)).toBe(false);
    const userNode = await refetch(encodeGlobalID('User', former.id));
    expect(userNode.paths).toEqual([]);
    expect(userNode.node).toMatchObject({ __typename: 'User', amoId: former.id, name: former.name, isActive: false });

    const won = board[1]!.statuses.find((item) => item.kind === 'WON')!;
    const statusNode = await refetch(won.id);
    expect(statusNode.paths).toEqual([]);
    expect(statusNode.node).toEqual({
      __typename: 'Status',
      id: won.id,
      amoId: WON_STATUS_ID,
      name: won.name,
      kind: 'WON',
      pipeline: { amoId: board[1]!.amoId, name: board[1]!.name },
    });
  });

  it('answers null for the id of a lead deleted since it was cached', async () => {
    const row = liveLeads().at(-1)!;
    const card = dataOf(await stack.gql(LeadCardDocument, { amoId: row.id })).lead!;
    store.leads.put({ ...row, is_deleted: true });
    try {
      stack.resetLog();
      const data = dataOf(await stack.gql(NodeRefetchDocument, { id: card.id }));
      expect(data.node).toBeNull();
      expect(upstreamPaths()).toEqual(['/api/v4/leads']);
    } finally {
      store.leads.put(row);
    }
  });
});

describe('Account', () => {
  it('loads the account settings, task types, users and loss reasons at start-up in three calls', async () => {
    const data = dataOf(await stack.gql(AccountDocument));
    expect(upstreamPaths()).toEqual(['/api/v4/account', '/api/v4/leads/loss_reasons', '/api/v4/users']);

    const account = data.account!;
    const row = store.account;
    expect(account).toMatchObject({
      amoId: row.id,
      name: row.name,
      subdomain: row.subdomain,
      currency: row.currency,
      currencySymbol: row.currency_symbol,
      timezone: row.timezone,
      isLossReasonEnabled: row.is_loss_reason_enabled,
      isApiFilterEnabled: row.is_api_filter_enabled,
      currentUser: { amoId: row.current_user_id, name: userName(row.current_user_id) },
    });
    expect(account.taskTypes).toEqual(store.taskTypes.values().map((type) => ({ amoId: type.id, name: type.name, code: type.code, color: type.color })));
    expect(account.userGroups.map((group) => group.amoId).sort()).toEqual(store.userGroups.values().map((group) => group.id).sort());

    const users = data.users!.nodes;
    expect(users.map((user) => user.amoId)).toEqual(store.users.values().filter((user) => user.rights.is_active).map((user) => user.id));
    for (const user of users) {
      const stored = store.users.get(user.amoId)!;
      expect(user).toMatchObject({ name: stored.name, email: stored.email, isActive: stored.rights.is_active, isAdmin: stored.rights.is_admin });
    }
    expect(users.every((user) => user.isActive)).toBe(true);
    expect(data.lossReasons!.map((reason) => reason.name)).toEqual(store.lossReasons.values().sort((a, b) => a.sort - b.sort).map((reason) => reason.name));
  });
});

describe('ImportLeads', () => {
  it('imports 120 leads in 3 upstream POSTs, answering each in input order, a bad one on its own', async () => {
    const sourceField = store.customFields.leads.get(FIELD_IDS.leads.requestSource)!;
    const leads = Array.from({ length: 120 }, (_, i) => ({
      name: `Import ${i}`,
      price: 100 * i,
      customFields: [{ fieldId: sourceField.id, option: { value: i === 7 ? 'Телепатия' : sourceField.enums![0]!.value } }],
    }));
    const before = store.leads.size;
    const data = dataOf(await stack.gql(ImportLeadsDocument, { leads }));
    const result = data.createLeads;
    expect(result).toMatchObject({ succeededCount: 119, failedCount: 1, unknownCount: 0 });
    expect(result.results.map((item) => item.index)).toEqual(leads.map((_, i) => i));
    expect(result.results[7]!.status).toBe('FAILED');
    expect(result.results[7]!.errors[0]!.path).toEqual(['customFields', '0', 'option']);
    for (const [i, item] of result.results.entries()) {
      if (i === 7) continue;
      expect(item.lead).toMatchObject({ name: `Import ${i}`, price: 100 * i });
      expect(store.leads.get(item.lead!.amoId)!.name).toBe(`Import ${i}`);
    }
    expect(store.leads.size).toBe(before + 119);
    const posts = stack.upstreamCalls().filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.path)).toEqual(['/api/v4/leads', '/api/v4/leads', '/api/v4/leads']);
  });
});
