// Unsorted entries, notes and tasks end to end, each checked against the sandbox's state: create
// form and call entries, list them, count them, accept, decline and link them; add notes and read
// them on their entities; create tasks and complete one with its result.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_IDS, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const writes = () => stack.upstreamCalls().filter((call) => call.method !== 'GET');

describe('unsorted', () => {
  const CREATE = /* GraphQL */ `
    mutation ($input: [CreateUnsortedInput!]!) {
      createUnsorted(input: $input) {
        succeededCount
        results {
          index status uid errors { path message }
          unsorted { uid category sourceName pipeline { amoId } form { formName formPage } call { phone duration } }
          lead { amoId name status { amoId } }
          contact { amoId name }
        }
      }
    }
  `;
  const formEntry = (n: number) => ({
    category: 'FORMS',
    sourceName: 'Лендинг',
    sourceUid: 'landing-1',
    pipelineId: PIPELINE_IDS.sales,
    form: { formId: 'quote', formName: 'Запрос КП', formPage: 'https://example.test/quote', ip: '203.0.113.9' },
    lead: { name: `Form lead ${n}`, price: 1000 + n },
    contact: { firstName: `Посетитель ${n}`, customFields: [{ fieldCode: 'EMAIL', entries: [{ value: `visitor${n}@example.test` }] }] },
  });
  const sipEntry = (n: number) => ({
    category: 'SIP',
    sourceName: 'Телефония',
    sourceUid: 'pbx',
    pipelineId: PIPELINE_IDS.sales,
    call: { from: `+7900000000${n}`, phone: '+74950000000', calledAt: '2026-11-01T10:00:00Z', duration: 42 + n, serviceCode: 'pbx', uniq: `call-${n}` },
    contact: { name: `Звонивший ${n}` },
  });

  let created: any[];

  it('creates form and call entries, batched per category, each with its new lead in the incoming stage', async () => {
    stack.resetLog();
    const input = [formEntry(1), sipEntry(1), formEntry(2), sipEntry(2), formEntry(3)];
    const { createUnsorted } = dataOf(await stack.gql(CREATE, { input }));
    created = createUnsorted.results;
    expect(createUnsorted.succeededCount).toBe(5);
    expect(writes().map((call) => `${call.method} ${call.path}`).sort()).toEqual(['POST /api/v4/leads/unsorted/forms', 'POST /api/v4/leads/unsorted/sip']);
    expect(created.map((r: any) => r.unsorted.category)).toEqual(['FORMS', 'SIP', 'FORMS', 'SIP', 'FORMS']);
    expect(created[0].unsorted.form).toEqual({ formName: 'Запрос КП', formPage: 'https://example.test/quote' });
    expect(created[1].unsorted.call).toEqual({ phone: '+74950000000', duration: 43 });
    expect(created[0].lead.name).toBe('Form lead 1');
    const incoming = store().pipelines.get(PIPELINE_IDS.sales)!.statuses.find((status) => status.type === 1)!.id;
    for (const result of created) {
      const entry = store().unsorted.get(result.uid)!;
      expect(entry.state).toBe('new');
      expect(result.lead.status.amoId).toBe(incoming);
      expect(store().leads.get(result.lead.amoId)!.status_id).toBe(incoming);
      expect(entry.contact_id).toBe(result.contact.amoId);
    }
  });

  it('refuses an entry without its form or call details before any upstream call', async () => {
    stack.resetLog();
    const { createUnsorted } = dataOf(await stack.gql(CREATE, { input: [{ ...formEntry(9), form: undefined }, formEntry(10)] }));
    expect(createUnsorted.results[0]).toMatchObject({ status: 'FAILED', errors: [{ path: ['form'] }] });
    expect(createUnsorted.results[1].status).toBe('SUCCEEDED');
    expect(writes()).toHaveLength(1);
  });

  it('lists the waiting entries and counts them in the summary', async () => {
    const listed = dataOf(
      await stack.gql(`query ($uids: [String!]) { unsorted(first: 50, filter: { uids: $uids }) { edges { node { uid category lead { name } } } } }`, {
        uids: created.map((r: any) => r.uid),
      }),
    ).unsorted.edges.map((edge: any) => edge.node.uid);
    expect(listed.sort()).toEqual(created.map((r: any) => r.uid).sort());

    const waiting = [...store().unsorted.values()].filter((entry) => entry.state === 'new');
    const all = dataOf(await stack.gql(`{ unsorted(first: 250) { edges { node { uid } } } }`)).unsorted.edges;
    expect(all).toHaveLength(waiting.length);

    const { unsortedSummary } = dataOf(await stack.gql(`{ unsortedSummary { total accepted declined categories { category total } } }`));
    const entries = [...store().unsorted.values()];
    expect(unsortedSummary.total).toBe(entries.length);
    expect(unsortedSummary.accepted).toBe(entries.filter((entry) => entry.state === 'accepted').length);
    expect(unsortedSummary.declined).toBe(entries.filter((entry) => entry.state === 'declined').length);
    const forms = unsortedSummary.categories.find((c: any) => c.category === 'FORMS');
    expect(forms.total).toBe(entries.filter((entry) => entry.category === 'forms').length);
  });

  it('accepts an entry into a status, declines one, and links one to an existing lead', async () => {
    const pipeline = store().pipelines.get(PIPELINE_IDS.sales)!;
    const working = pipeline.statuses.filter((status) => status.type === 0 && status.id !== 142 && status.id !== 143)[1]!;
    const existing = store().leads.values().find((lead) => !lead.is_deleted && lead.pipeline_id === PIPELINE_IDS.sales)!;
    const [toAccept, toDecline, toLink] = [created[0], created[1], created[2]];

    const accepted = dataOf(
      await stack.gql(`mutation ($input: [AcceptUnsortedInput!]!) { acceptUnsorted(input: $input) { results { status errors { message } uid lead { amoId status { amoId } responsibleUser { amoId } } } } }`, {
        input: [{ uid: toAccept.uid, statusId: working.id, userId: USER_IDS.manager1 }],
      }),
    ).acceptUnsorted.results[0];
    expect(accepted).toMatchObject({ status: 'SUCCEEDED', uid: toAccept.uid, lead: { amoId: toAccept.lead.amoId, status: { amoId: working.id } } });
    expect(store().unsorted.get(toAccept.uid)!.state).toBe('accepted');
    expect(store().leads.get(toAccept.lead.amoId)!.status_id).toBe(working.id);
    expect(store().leads.get(toAccept.lead.amoId)!.responsible_user_id).toBe(USER_IDS.manager1);

    const declined = dataOf(
      await stack.gql(`mutation ($input: [DeclineUnsortedInput!]!) { declineUnsorted(input: $input) { results { status lead { amoId } } } }`, {
        input: [{ uid: toDecline.uid }],
      }),
    ).declineUnsorted.results[0];
    expect(declined.status).toBe('SUCCEEDED');
    expect(store().unsorted.get(toDecline.uid)!.state).toBe('declined');
    expect(store().leads.get(toDecline.lead.amoId)!.is_deleted).toBe(true);

    const linked = dataOf(
      await stack.gql(`mutation ($input: [LinkUnsortedInput!]!) { linkUnsorted(input: $input) { results { status errors { message } lead { amoId contacts { edges { node { amoId } } } } } } }`, {
        input: [{ uid: toLink.uid, leadAmoId: existing.id }],
      }),
    ).linkUnsorted.results[0];
    expect(linked.status).toBe('SUCCEEDED');
    expect(linked.lead.amoId).toBe(existing.id);
    expect(linked.lead.contacts.edges.map((edge: any) => edge.node.amoId)).toContain(toLink.contact.amoId);
    expect(store().unsorted.get(toLink.uid)!.state).not.toBe('new');

    // Sorted entries leave the list; sorting one again is refused on its own.
    const again = dataOf(
      await stack.gql(`mutation ($input: [AcceptUnsortedInput!]!) { acceptUnsorted(input: $input) { results { status errors { message } } } }`, {
        input: [{ uid: toAccept.uid }, { uid: created[4].uid }],
      }),
    ).acceptUnsorted.results;
    expect(again.map((r: any) => r.status)).toEqual(['FAILED', 'SUCCEEDED']);
    const listed = dataOf(await stack.gql(`{ unsorted(first: 250) { edges { node { uid } } } }`)).unsorted.edges.map((edge: any) => edge.node.uid);
    expect(listed).not.toContain(toAccept.uid);
    expect(listed).not.toContain(toDecline.uid);
  });
});

describe('notes', () => {
  it('adds the common note types to leads, contacts and companies, and reads them on their entities', async () => {
    const lead = store().leads.values().find((row) => !row.is_deleted)!.id;
    const contact = store().contacts.values().find((row) => !row.is_deleted)!.id;
    const company = store().companies.values().find((row) => !row.is_deleted)!.id;
    stack.resetLog();
    const { addNotes } = dataOf(
      await stack.gql(
        `mutation ($input: [AddNoteInput!]!) { addNotes(input: $input) { succeededCount results { status errors { path } note { noteType text phone callDuration entityAmoId } } } }`,
        {
          input: [
            { entityType: 'LEADS', entityAmoId: lead, type: 'COMMON', text: 'Попросили счёт' },
            { entityType: 'LEADS', entityAmoId: lead, type: 'CALL_IN', call: { phone: '+79000000001', uniq: 'u-1', duration: 95, source: 'pbx' } },
            { entityType: 'CONTACTS', entityAmoId: contact, type: 'SMS_OUT', text: 'Ждём вас', phone: '+79000000002' },
            { entityType: 'COMPANIES', entityAmoId: company, type: 'SERVICE_MESSAGE', service: 'Робот', text: 'Оплата получена' },
            { entityType: 'LEADS', entityAmoId: lead, type: 'COMMON' },
          ],
        },
      ),
    );
    expect(addNotes.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'FAILED']);
    expect(addNotes.results[4].errors[0].path).toEqual(['text']);
    expect(addNotes.results[0].note).toEqual({ noteType: 'common', text: 'Попросили счёт', phone: null, callDuration: null, entityAmoId: lead });
    expect(addNotes.results[1].note).toMatchObject({ noteType: 'call_in', phone: '+79000000001', callDuration: 95 });
    // One POST per entity type, one GET per entity type to read them back.
    expect(writes().map((call) => call.path).sort()).toEqual(['/api/v4/companies/notes', '/api/v4/contacts/notes', '/api/v4/leads/notes']);

    const read = dataOf(await stack.gql(`query ($id: Int!) { lead(amoId: $id) { notes { amoId noteType text } } }`, { id: lead })).lead.notes;
    const stored = store().notes.leads.values().filter((note) => note.entity_id === lead);
    expect(read.map((note: any) => note.amoId).sort()).toEqual(stored.map((note) => note.id).sort());
    expect(read.some((note: any) => note.text === 'Попросили счёт')).toBe(true);
  });

  it('loads the notes of many leads in one batched call, not one per lead', async () => {
    const { leads } = dataOf(await stack.gql(`{ leads(first: 100) { edges { node { amoId } } } }`));
    const ids = leads.edges.map((edge: any) => edge.node.amoId);
    stack.resetLog();
    const result = dataOf(await stack.gql(`{ leads(first: 100) { edges { node { amoId notes { amoId } tasks { amoId } } } } }`));
    const notesCalls = stack.upstreamCalls().filter((call) => call.path === '/api/v4/leads/notes');
    const taskCalls = stack.upstreamCalls().filter((call) => call.path === '/api/v4/tasks');
    expect(notesCalls.length).toBeLessThanOrEqual(3);
    expect(taskCalls.length).toBeLessThanOrEqual(3);
    for (const edge of result.leads.edges) {
      const expected = store().notes.leads.values().filter((note) => note.entity_id === edge.node.amoId).map((note) => note.id).sort();
      expect(edge.node.notes.map((note: any) => note.amoId).sort()).toEqual(expected);
      const tasks = store().tasks.values().filter((task) => task.entity_type === 'leads' && task.entity_id === edge.node.amoId).map((task) => task.id).sort();
      expect(edge.node.tasks.map((task: any) => task.amoId).sort()).toEqual(tasks);
    }
    expect(ids).toHaveLength(100);
  });

  it('pages the notes of an entity type with filters', async () => {
    const { notes } = dataOf(await stack.gql(`{ notes(entityType: LEADS, first: 20, filter: { noteTypes: ["common"] }) { edges { node { noteType } } pageInfo { hasNextPage } } }`));
    expect(notes.edges).toHaveLength(20);
    expect(notes.edges.every((edge: any) => edge.node.noteType === 'common')).toBe(true);
  });
});

describe('tasks', () => {
  it('creates tasks, completes one with a result, and lists them with filters', async () => {
    const lead = store().leads.values().find((row) => !row.is_deleted)!.id;
    const { createTasks } = dataOf(
      await stack.gql(
        `mutation ($input: [CreateTaskInput!]!) { createTasks(input: $input) { results { status errors { path } amoId task { text isCompleted taskType { amoId } entity { ... on Lead { amoId } } responsibleUser { amoId } completeTill } } } }`,
        {
          input: [
            { text: 'Перезвонить', completeTill: '2026-12-01T09:00:00Z', entityType: 'LEADS', entityAmoId: lead, responsibleUserId: USER_IDS.manager2 },
            { text: 'Встреча', completeTill: '2026-12-02T12:00:00Z', taskTypeId: 2 },
            { text: 'Bad type', completeTill: '2026-12-02T12:00:00Z', taskTypeId: 424242 },
          ],
        },
      ),
    );
    expect(createTasks.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'FAILED']);
    expect(createTasks.results[2].errors[0].path).toEqual(['taskTypeId']);
    expect(createTasks.results[0].task).toEqual({
      text: 'Перезвонить',
      isCompleted: false,
      taskType: { amoId: 1 },
      entity: { amoId: lead },
      responsibleUser: { amoId: USER_IDS.manager2 },
      completeTill: '2026-12-01T09:00:00.000Z',
    });
    const id = createTasks.results[0].amoId;
    expect(store().tasks.get(id)!.entity_id).toBe(lead);

    const { updateTasks } = dataOf(
      await stack.gql(`mutation ($input: [UpdateTaskInput!]!) { updateTasks(input: $input) { results { status errors { path } task { isCompleted result } } } }`, {
        input: [
          { amoId: id, isCompleted: true, result: 'Договорились о встрече' },
          { amoId: createTasks.results[1].amoId, result: 'no completion' },
        ],
      }),
    );
    expect(updateTasks.results[0]).toEqual({ status: 'SUCCEEDED', errors: [], task: { isCompleted: true, result: 'Договорились о встрече' } });
    expect(updateTasks.results[1].errors[0].path).toEqual(['result']);
    expect(store().tasks.get(id)!.result).toEqual({ text: 'Договорились о встрече' });

    const { tasks } = dataOf(
      await stack.gql(`query ($lead: [Int!]) { tasks(first: 50, filter: { entityType: LEADS, entityAmoIds: $lead, isCompleted: true }) { edges { node { amoId } } } }`, { lead: [lead] }),
    );
    const expected = store().tasks.values().filter((task) => task.entity_type === 'leads' && task.entity_id === lead && task.is_completed).map((task) => task.id);
    expect(tasks.edges.map((edge: any) => edge.node.amoId).sort()).toEqual(expected.sort());
    expect(expected).toContain(id);
  });
});
