import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../src/sandbox/index.js';
import { SEED_EPOCH, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { seedDemoAccount } from '../../src/sandbox/seed/index.js';
import { ACTIVE_SELLERS } from '../../src/sandbox/seed/metadata.js';
import { FIRST_TASK_ID, TASK_COUNTS } from '../../src/sandbox/seed/tasks.js';
import { collectAll, startSandbox, useSandbox, type RunningSandbox } from './helpers.js';

const NOW_MS = 1_770_000_000_000;
const NOW = NOW_MS / 1000;
const CUSTOM_TYPE = 2_971_434;

const TASK_KEYS = [
  '_links',
  'account_id',
  'complete_till',
  'created_at',
  'created_by',
  'duration',
  'entity_id',
  'entity_type',
  'group_id',
  'id',
  'is_completed',
  'responsible_user_id',
  'result',
  'task_type_id',
  'text',
  'updated_at',
  'updated_by',
];

const running = useSandbox();
const tasks = () => running().sandbox.store.tasks.values();
const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

async function taskIds(query: string, sandbox: RunningSandbox = running()): Promise<number[]> {
  return ids((await collectAll(sandbox, `/api/v4/tasks${query ? `?${query}` : ''}`, 'tasks')).rows);
}

const expected = (predicate: (task: TaskRecord) => boolean) => ids(tasks().filter(predicate));

/** Each failed item as `[request_id, ['Code path', …]]`. */
const failures = (body: any) => body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)]);

describe('seeded tasks', () => {
  const store = seedDemoAccount({ seed: 1 });
  const all = store.tasks.values();

  it('has about 250 tasks on leads, contacts and companies and a few on nothing', () => {
    expect(all).toHaveLength(250);
    expect(all[0]!.id).toBe(FIRST_TASK_ID);
    const on = (type: TaskRecord['entity_type']) => all.filter((task) => task.entity_type === type).length;
    expect({ leads: on('leads'), contacts: on('contacts'), companies: on('companies'), none: on(null) }).toEqual(TASK_COUNTS);
    for (const task of all) {
      if (task.entity_type === null) {
        expect(task.entity_id).toBeNull();
        continue;
      }
      const row = store.entities(task.entity_type).get(task.entity_id!);
      expect(row && !row.is_deleted, `task ${task.id}`).toBe(true);
      expect(task.created_at).toBeGreaterThanOrEqual(row!.created_at);
    }
  });

  it('uses calls, meetings and the account\'s own types, owned by active users', () => {
    const types = new Set(all.map((task) => task.task_type_id));
    expect(types).toEqual(new Set([1, 2, CUSTOM_TYPE]));
    for (const task of all) {
      expect(ACTIVE_SELLERS as readonly number[]).toContain(task.responsible_user_id);
      expect(task.group_id).toBe(store.users.get(task.responsible_user_id)!.rights.group_id);
      expect(task.text.length).toBeGreaterThan(0);
      expect(task.duration).toBe(task.task_type_id === 2 ? task.duration : 0);
    }
  });

  it('has open tasks due around the seed epoch, overdue and upcoming, and completed ones with results', () => {
    const open = all.filter((task) => !task.is_completed);
    const done = all.filter((task) => task.is_completed);
    expect(open.some((task) => task.complete_till < SEED_EPOCH)).toBe(true);
    expect(open.some((task) => task.complete_till > SEED_EPOCH)).toBe(true);
    expect(done.length).toBeGreaterThan(50);
    expect(done.filter((task) => task.result !== null).length).toBeGreaterThan(done.length / 2);
    expect(open.every((task) => task.result === null)).toBe(true);
    for (const task of all) {
      expect(task.created_at).toBeLessThanOrEqual(SEED_EPOCH);
      expect(task.updated_at).toBeGreaterThanOrEqual(task.created_at);
      expect(task.updated_at).toBeLessThanOrEqual(SEED_EPOCH);
      expect(task.complete_till).toBeGreaterThan(task.created_at);
    }
    // Closed leads only have finished business.
    for (const task of all.filter((row) => row.entity_type === 'leads')) {
      if (store.leads.get(task.entity_id!)!.closed_at !== null) expect(task.is_completed).toBe(true);
    }
  });

  it('is identical for the same seed', () => {
    expect(JSON.stringify(seedDemoAccount({ seed: 1 }).tasks.values())).toBe(JSON.stringify(all));
    expect(JSON.stringify(seedDemoAccount({ seed: 2 }).tasks.values())).not.toBe(JSON.stringify(all));
  });
});

describe('GET /api/v4/tasks', () => {
  it('answers a HAL page of tasks in amoCRM shape', async () => {
    const response = await running().api('/api/v4/tasks');
    expect(response.status).toBe(200);
    expect(response.body._page).toBe(1);
    expect(response.body._links.next.href).toBe(`${running().url}/api/v4/tasks?page=2&limit=50`);
    const rows = response.body._embedded.tasks;
    expect(ids(rows)).toEqual(ids(tasks().slice(0, 50)));
    expect(Object.keys(rows[0]).sort()).toEqual(TASK_KEYS);
    const stored = tasks()[0]!;
    expect(rows[0]).toMatchObject({ ...stored, account_id: running().sandbox.store.account.id });
    expect(rows[0]._links.self.href).toBe(`${running().url}/api/v4/tasks/${stored.id}`);
    const free = tasks().find((task) => task.entity_type === null)!;
    const freeRow = (await running().api(`/api/v4/tasks/${free.id}`)).body;
    expect(freeRow).toMatchObject({ entity_id: null, entity_type: null });
  });

  it('pages through every task and answers 204 past the end', async () => {
    const { rows, pages, statuses } = await collectAll(running(), '/api/v4/tasks', 'tasks');
    expect(ids(rows)).toEqual(ids(tasks()));
    expect(pages).toBe(1);
    expect(statuses).toEqual([200, 204]);
    const small = await collectAll(running(), '/api/v4/tasks', 'tasks', 100);
    expect(small.pages).toBe(3);
    expect((await running().api('/api/v4/tasks?limit=1000')).body._embedded.tasks).toHaveLength(250);
  });

  it('filters by id, responsible user, completion and type', async () => {
    const [a, b] = tasks();
    expect(await taskIds(`filter[id][]=${a!.id}&filter[id][]=${b!.id}`)).toEqual([a!.id, b!.id]);
    expect(await taskIds(`filter[id][0]=${a!.id}&filter[id][1]=${b!.id}`)).toEqual([a!.id, b!.id]);
    expect(await taskIds(`filter[responsible_user_id][]=${USER_IDS.manager1}`)).toEqual(expected((task) => task.responsible_user_id === USER_IDS.manager1));
    expect(await taskIds('filter[is_completed]=1')).toEqual(expected((task) => task.is_completed));
    expect(await taskIds('filter[is_completed]=0')).toEqual(expected((task) => !task.is_completed));
    const types = expected((task) => task.task_type_id === 2 || task.task_type_id === CUSTOM_TYPE);
    expect(await taskIds(`filter[task_type][]=2&filter[task_type][]=${CUSTOM_TYPE}`)).toEqual(types);
    expect(await taskIds(`filter[task_type_id][0]=2&filter[task_type_id][1]=${CUSTOM_TYPE}`)).toEqual(types);
  });

  it('filters by entity type, and by entity ids within a type', async () => {
    expect(await taskIds('filter[entity_type]=contacts')).toEqual(expected((task) => task.entity_type === 'contacts'));
    const leadIds = [...new Set(tasks().filter((task) => task.entity_type === 'leads').map((task) => task.entity_id!))].slice(0, 4);
    const query = `filter[entity_type]=leads&${leadIds.map((id) => `filter[entity_id][]=${id}`).join('&')}`;
    expect(await taskIds(query)).toEqual(expected((task) => task.entity_type === 'leads' && leadIds.includes(task.entity_id!)));
    const orphanIds = await running().api(`/api/v4/tasks?filter[entity_id][]=${leadIds[0]}`);
    expect(orphanIds.status).toBe(400);
    expect((await running().api('/api/v4/tasks?filter[entity_type]=deals')).status).toBe(400);
  });

  it('filters by updated_at range and combines filters', async () => {
    const from = SEED_EPOCH - 60 * 86_400;
    const to = SEED_EPOCH - 10 * 86_400;
    expect(await taskIds(`filter[updated_at][from]=${from}&filter[updated_at][to]=${to}`)).toEqual(
      expected((task) => task.updated_at >= from && task.updated_at <= to),
    );
    expect(await taskIds(`filter[is_completed]=0&filter[entity_type]=companies&filter[responsible_user_id]=${USER_IDS.corporate1}`)).toEqual(
      expected((task) => !task.is_completed && task.entity_type === 'companies' && task.responsible_user_id === USER_IDS.corporate1),
    );
    expect((await running().api('/api/v4/tasks?filter[is_completed]=maybe')).status).toBe(400);
    expect((await running().api('/api/v4/tasks?filter[id]=1')).status).toBe(204);
  });

  it('orders by created_at, complete_till or id, either way', async () => {
    const by = (field: 'created_at' | 'complete_till', direction: 1 | -1) =>
      ids([...tasks()].sort((a, b) => (a[field] - b[field] || a.id - b.id) * direction));
    expect(await taskIds('order[complete_till]=asc')).toEqual(by('complete_till', 1));
    expect(await taskIds('order[complete_till]=desc')).toEqual(by('complete_till', -1));
    expect(await taskIds('order[created_at]=desc')).toEqual(by('created_at', -1));
    expect(await taskIds('order[id]=desc')).toEqual(ids(tasks()).reverse());
    expect((await running().api('/api/v4/tasks?order[updated_at]=asc')).status).toBe(400);
  });

  it('gets a task by id, 204 when absent', async () => {
    const task = tasks()[7]!;
    const response = await running().api(`/api/v4/tasks/${task.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ...task });
    expect((await running().api('/api/v4/tasks/1')).status).toBe(204);
  });
});

describe('writing tasks', () => {
  let writer: RunningSandbox;
  beforeAll(async () => {
    writer = await startSandbox({ now: () => NOW_MS });
  });
  afterAll(() => writer.close());

  const store = () => writer.sandbox.store;
  const liveLead = () => store().leads.values().find((lead) => !lead.is_deleted)!;

  it('creates tasks with amoCRM\'s defaults, echoing request_id or the index', async () => {
    const lead = liveLead();
    const response = await writer.api('/api/v4/tasks', {
      method: 'POST',
      body: [
        { text: 'Перезвонить', complete_till: NOW + 86_400, entity_type: 'leads', entity_id: lead.id, responsible_user_id: USER_IDS.manager2, request_id: 't-1' },
        { text: 'Встреча', complete_till: NOW + 2 * 86_400, task_type_id: 2, duration: 3600 },
        { text: 'КП', complete_till: NOW + 3 * 86_400, task_type_id: CUSTOM_TYPE, entity_type: 'companies', entity_id: store().companies.values()[0]!.id },
      ],
    });
    expect(response.status).toBe(200);
    const created = response.body._embedded.tasks;
    expect(created.map((task: any) => task.request_id)).toEqual(['t-1', '1', '2']);
    expect(Object.keys(created[0]).sort()).toEqual(['_links', 'id', 'request_id']);
    expect(created[0]._links.self.href).toBe(`${writer.url}/api/v4/tasks/${created[0].id}`);

    const first = (await writer.api(`/api/v4/tasks/${created[0].id}`)).body;
    expect(first).toMatchObject({
      text: 'Перезвонить',
      task_type_id: 1,
      entity_type: 'leads',
      entity_id: lead.id,
      responsible_user_id: USER_IDS.manager2,
      group_id: store().users.get(USER_IDS.manager2)!.rights.group_id,
      created_by: USER_IDS.admin,
      updated_by: USER_IDS.admin,
      created_at: NOW,
      updated_at: NOW,
      duration: 0,
      is_completed: false,
      result: null,
    });
    const free = (await writer.api(`/api/v4/tasks/${created[1].id}`)).body;
    expect(free).toMatchObject({ entity_id: null, entity_type: null, task_type_id: 2, duration: 3600, responsible_user_id: USER_IDS.admin });
    const listed = await taskIds(`filter[entity_type]=leads&filter[entity_id][]=${lead.id}`, writer);
    expect(listed).toContain(created[0].id);
  });

  it('refuses the whole batch when one item is invalid, naming each bad item, and writes nothing', async () => {
    const lead = liveLead();
    const deleted = store().leads.values().find((row) => row.is_deleted)!;
    const before = store().tasks.size;
    const response = await writer.api('/api/v4/tasks', {
      method: 'POST',
      body: [
        { text: 'fine', complete_till: NOW },
        { request_id: 'empty' },
        { text: '   ', complete_till: 'tomorrow' },
        { text: 'x', complete_till: NOW, task_type_id: 424_242 },
        { text: 'x', complete_till: NOW, entity_type: 'leads', entity_id: 1 },
        { text: 'x', complete_till: NOW, entity_type: 'leads', entity_id: deleted.id },
        { text: 'x', complete_till: NOW, entity_type: 'customers', entity_id: lead.id },
        { text: 'x', complete_till: NOW, entity_id: lead.id },
        { text: 'x', complete_till: NOW, responsible_user_id: 42 },
        { text: 'x', complete_till: NOW, duration: -5, is_completed: 'yes' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ title: 'Bad Request', type: 'https://httpstatus.es/400', status: 400, detail: 'Request validation failed' });
    expect(failures(response.body)).toEqual([
      ['empty', ['NotBlank text', 'NotBlank complete_till']],
      ['2', ['NotBlank text', 'InvalidType complete_till']],
      ['3', ['NotSupportedChoice task_type_id']],
      ['4', ['NotSupportedChoice entity_id']],
      ['5', ['NotSupportedChoice entity_id']],
      ['6', ['NotSupportedChoice entity_type']],
      ['7', ['NotBlank entity_type']],
      ['8', ['NotSupportedChoice responsible_user_id']],
      ['9', ['InvalidType duration', 'InvalidType is_completed']],
    ]);
    expect(store().tasks.size).toBe(before);

    for (const body of [{ text: 'x', complete_till: NOW }, [], Array.from({ length: 251 }, () => ({ text: 'x', complete_till: NOW }))]) {
      const plain = await writer.api('/api/v4/tasks', { method: 'POST', body });
      expect(plain.status).toBe(400);
      expect(plain.body).not.toHaveProperty('validation-errors');
    }
    expect(store().tasks.size).toBe(before);
  });

  it('completes a task with a result and reads it back', async () => {
    const open = store().tasks.values().find((task) => !task.is_completed && task.entity_type === 'leads')!;
    const response = await writer.api('/api/v4/tasks', {
      method: 'PATCH',
      body: [{ id: open.id, is_completed: true, result: { text: 'Договорились о встрече' }, request_id: 'done' }],
    });
    expect(response.status).toBe(200);
    expect(response.body._embedded.tasks).toEqual([
      { id: open.id, updated_at: NOW, request_id: 'done', _links: { self: { href: `${writer.url}/api/v4/tasks/${open.id}` } } },
    ]);
    const read = (await writer.api(`/api/v4/tasks/${open.id}`)).body;
    expect(read).toMatchObject({
      is_completed: true,
      result: { text: 'Договорились о встрече' },
      updated_at: NOW,
      updated_by: USER_IDS.admin,
      created_at: open.created_at,
      text: open.text,
      complete_till: open.complete_till,
    });
    expect(await taskIds(`filter[is_completed]=1&filter[id]=${open.id}`, writer)).toEqual([open.id]);
  });

  it('updates only the fields given, by batch and by id', async () => {
    const [a, b] = store().tasks.values().filter((task) => !task.is_completed);
    const batch = await writer.api('/api/v4/tasks', {
      method: 'PATCH',
      body: [
        { id: a!.id, text: 'Новый текст', complete_till: NOW + 3600 },
        { id: b!.id, responsible_user_id: USER_IDS.corporate1, task_type_id: CUSTOM_TYPE, duration: 900 },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body._embedded.tasks.map((task: any) => task.request_id)).toEqual(['0', '1']);
    expect(store().tasks.get(a!.id)).toEqual({ ...a, text: 'Новый текст', complete_till: NOW + 3600, updated_at: NOW, updated_by: USER_IDS.admin });
    expect(store().tasks.get(b!.id)).toEqual({
      ...b,
      responsible_user_id: USER_IDS.corporate1,
      group_id: store().users.get(USER_IDS.corporate1)!.rights.group_id,
      task_type_id: CUSTOM_TYPE,
      duration: 900,
      updated_at: NOW,
      updated_by: USER_IDS.admin,
    });

    const single = await writer.api(`/api/v4/tasks/${a!.id}`, { method: 'PATCH', body: { is_completed: true, result: { text: 'Готово' } } });
    expect(single.status).toBe(200);
    expect(single.body).toEqual({ id: a!.id, updated_at: NOW, request_id: '0', _links: { self: { href: `${writer.url}/api/v4/tasks/${a!.id}` } } });
    expect(store().tasks.get(a!.id)).toMatchObject({ is_completed: true, result: { text: 'Готово' }, text: 'Новый текст' });
    expect((await writer.api(`/api/v4/tasks/${a!.id}`, { method: 'PATCH', body: [{ text: 'x' }] })).status).toBe(400);
  });

  it('refuses a PATCH batch with an unknown id or bad values, and changes nothing', async () => {
    const [a, b] = store().tasks.values();
    const before = store().tasks.values();
    const response = await writer.api('/api/v4/tasks', {
      method: 'PATCH',
      body: [
        { id: a!.id, text: 'fine' },
        { id: 999, text: 'x', request_id: 'ghost' },
        { id: b!.id, text: '' },
        { id: b!.id, is_completed: true, result: {} },
        { id: b!.id, task_type_id: 7 },
        { text: 'no id' },
        { id: '5' },
      ],
    });
    expect(response.status).toBe(400);
    expect(failures(response.body)).toEqual([
      ['ghost', ['NotFound id']],
      ['2', ['NotBlank text']],
      ['3', ['NotBlank result.text']],
      ['4', ['NotSupportedChoice task_type_id']],
      ['5', ['NotBlank id']],
      ['6', ['InvalidType id']],
    ]);
    expect(store().tasks.values()).toEqual(before);

    const single = await writer.api('/api/v4/tasks/999', { method: 'PATCH', body: { text: 'x' } });
    expect(single.status).toBe(400);
    expect(failures(single.body)).toEqual([['0', ['NotFound id']]]);
  });
});
