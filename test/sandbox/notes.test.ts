import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityType, NoteRecord, SandboxStore } from '../../src/sandbox/index.js';
import { createRandom } from '../../src/sandbox/random.js';
import { seedCompanies } from '../../src/sandbox/seed/companies.js';
import { seedContacts } from '../../src/sandbox/seed/contacts.js';
import { seedCustomFields } from '../../src/sandbox/seed/custom-fields.js';
import { SEED_EPOCH, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { seedDemoAccount } from '../../src/sandbox/seed/index.js';
import { seedLeads } from '../../src/sandbox/seed/leads.js';
import { seedUnsorted } from '../../src/sandbox/seed/unsorted.js';
import { demoAccount, seedMetadata } from '../../src/sandbox/seed/metadata.js';
import { FIRST_NOTE_ID, NOTE_COUNTS } from '../../src/sandbox/seed/notes.js';
import { seedTags } from '../../src/sandbox/seed/tags.js';
import { createStore } from '../../src/sandbox/store.js';
import { collectAll, startSandbox, useSandbox, type RunningSandbox } from './helpers.js';

const ENTITIES: EntityType[] = ['leads', 'contacts', 'companies'];
const NOW_MS = 1_770_000_000_000;
const NOW = NOW_MS / 1000;

const PARAM_KEYS: Record<string, string[]> = {
  common: ['text'],
  call_in: ['duration', 'link', 'phone', 'source', 'uniq'],
  call_out: ['duration', 'link', 'phone', 'source', 'uniq'],
  service_message: ['service', 'text'],
  sms_in: ['phone', 'text'],
  sms_out: ['phone', 'text'],
  geolocation: ['address', 'latitude', 'longitude', 'text'],
};

const NOTE_KEYS = [
  '_links',
  'account_id',
  'created_at',
  'created_by',
  'entity_id',
  'group_id',
  'id',
  'note_type',
  'params',
  'responsible_user_id',
  'updated_at',
  'updated_by',
];

const running = useSandbox();
const store = () => running().sandbox.store;
const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
const leadNotes = () => store().notes.leads.values();

async function noteIds(path: string, sandbox: RunningSandbox = running()): Promise<number[]> {
  return ids((await collectAll(sandbox, path, 'notes')).rows);
}

/** The entities as the seed drew them before notes and tasks existed. */
function entitiesOnly(seed: number): SandboxStore {
  const only = createStore(demoAccount('demo'));
  seedMetadata(only);
  seedCustomFields(only);
  seedTags(only);
  const random = createRandom(seed);
  const companies = seedCompanies(only, random);
  const contacts = seedContacts(only, random, companies);
  seedLeads(only, random, companies, contacts);
  // Unsorted entries bring their own leads and contacts; notes and tasks must add none.
  seedUnsorted(only, seed);
  return only;
}

describe('seeded notes', () => {
  const seeded = seedDemoAccount({ seed: 1 });

  it('has about 400 lead, 150 contact and 50 company notes, in id ranges of their own', () => {
    expect(NOTE_COUNTS).toEqual({ leads: 400, contacts: 150, companies: 50 });
    for (const entity of ENTITIES) {
      const notes = seeded.notes[entity].values();
      expect(notes).toHaveLength(NOTE_COUNTS[entity]);
      expect(notes[0]!.id).toBe(FIRST_NOTE_ID[entity]);
      expect(notes.at(-1)!.id).toBe(FIRST_NOTE_ID[entity] + NOTE_COUNTS[entity] - 1);
      // Spread over many entities, not piled on a few.
      expect(new Set(notes.map((note) => note.entity_id)).size).toBeGreaterThan(NOTE_COUNTS[entity] / 4);
    }
  });

  it('puts every note on a live entity, written between its creation and the seed epoch, ids in time order', () => {
    for (const entity of ENTITIES) {
      const notes = seeded.notes[entity].values();
      for (const note of notes) {
        const row = seeded.entities(entity).get(note.entity_id);
        expect(row, `${entity} note ${note.id}`).toBeDefined();
        expect(row!.is_deleted).toBe(false);
        expect(note.created_at).toBeGreaterThanOrEqual(row!.created_at);
        expect(note.updated_at).toBeGreaterThanOrEqual(note.created_at);
        expect(note.updated_at).toBeLessThanOrEqual(SEED_EPOCH);
      }
      const created = notes.map((note) => note.created_at);
      expect(created).toEqual([...created].sort((a, b) => a - b));
    }
  });

  it('uses the common note types with exactly their params', () => {
    const all = ENTITIES.flatMap((entity) => seeded.notes[entity].values());
    expect(new Set(all.map((note) => note.note_type))).toEqual(new Set(Object.keys(PARAM_KEYS)));
    for (const note of all) {
      expect(Object.keys(note.params).sort(), `${note.note_type} ${note.id}`).toEqual(PARAM_KEYS[note.note_type]);
      if (note.note_type.startsWith('call_')) {
        expect(Number.isInteger(note.params.duration)).toBe(true);
        expect(note.params.uniq).toMatch(/^[0-9a-f-]{36}$/);
      }
      if (note.note_type === 'geolocation') {
        expect(Number.isFinite(Number(note.params.latitude))).toBe(true);
        expect(Number.isFinite(Number(note.params.longitude))).toBe(true);
      }
      if ('text' in note.params) expect(String(note.params.text).length).toBeGreaterThan(0);
    }
    // Russian texts, like the rest of the account.
    expect(all.some((note) => /[а-яё]/i.test(String(note.params.text ?? '')))).toBe(true);
    // Service messages come from robots (created_by 0) but still belong to a user.
    for (const note of all.filter((row) => row.note_type === 'service_message')) {
      expect(note.created_by).toBe(0);
      expect(seeded.users.has(note.responsible_user_id)).toBe(true);
    }
    expect(all.some((note) => note.is_pinned)).toBe(true);
  });

  it('is identical for the same seed and leaves the seeded entities exactly as they were without notes and tasks', () => {
    expect(JSON.stringify(seedDemoAccount({ seed: 1 }).notes.leads.values())).toBe(JSON.stringify(seeded.notes.leads.values()));
    for (const seed of [1, 7]) {
      const full = seed === 1 ? seeded : seedDemoAccount({ seed });
      const only = entitiesOnly(seed);
      expect(JSON.stringify(full.leads.values())).toBe(JSON.stringify(only.leads.values()));
      expect(JSON.stringify(full.contacts.values())).toBe(JSON.stringify(only.contacts.values()));
      expect(JSON.stringify(full.companies.values())).toBe(JSON.stringify(only.companies.values()));
      expect(JSON.stringify(full.links.all())).toBe(JSON.stringify(only.links.all()));
    }
  });
});

describe('GET /api/v4/{entity}/notes', () => {
  it('answers a HAL page of notes in amoCRM shape, with next always linked', async () => {
    const response = await running().api('/api/v4/leads/notes');
    expect(response.status).toBe(200);
    expect(response.body._page).toBe(1);
    expect(response.body._links.self.href).toBe(`${running().url}/api/v4/leads/notes?page=1&limit=50`);
    expect(response.body._links.next.href).toBe(`${running().url}/api/v4/leads/notes?page=2&limit=50`);
    const notes = response.body._embedded.notes;
    expect(notes).toHaveLength(50);
    expect(ids(notes)).toEqual(ids(leadNotes().slice(0, 50)));
    const [first] = notes;
    const stored = store().notes.leads.get(first.id)!;
    expect(Object.keys(first).sort()).toEqual(NOTE_KEYS);
    expect(first).toMatchObject({
      entity_id: stored.entity_id,
      note_type: stored.note_type,
      params: stored.params,
      created_at: stored.created_at,
      account_id: store().account.id,
    });
    expect(first._links.self.href).toBe(`${running().url}/api/v4/leads/${stored.entity_id}/notes/${stored.id}`);
  });

  it('pages through every note of each type and answers 204 past the end', async () => {
    for (const entity of ENTITIES) {
      const { rows, pages, statuses } = await collectAll(running(), `/api/v4/${entity}/notes`, 'notes');
      expect(ids(rows)).toEqual(ids(store().notes[entity].values()));
      expect(pages).toBe(Math.ceil(NOTE_COUNTS[entity] / 250));
      expect(statuses.at(-1)).toBe(204);
    }
    const past = await running().api('/api/v4/companies/notes?page=2&limit=50');
    expect(past.status).toBe(204);
    expect(past.text).toBe('');
  });

  it('serves at most 250 per page whatever limit is asked', async () => {
    const response = await running().api('/api/v4/leads/notes?limit=400');
    expect(response.body._embedded.notes).toHaveLength(250);
  });

  it('filters by id in the [] and [0] forms alike', async () => {
    const [a, , c] = leadNotes();
    const brackets = await noteIds(`/api/v4/leads/notes?filter[id][]=${a!.id}&filter[id][]=${c!.id}`);
    expect(brackets).toEqual([a!.id, c!.id]);
    expect(await noteIds(`/api/v4/leads/notes?filter[id][0]=${a!.id}&filter[id][1]=${c!.id}`)).toEqual(brackets);
    expect(await noteIds(`/api/v4/leads/notes?filter[id]=${a!.id}`)).toEqual([a!.id]);
  });

  it('filters by note_type and by entity_id', async () => {
    const calls = await noteIds('/api/v4/contacts/notes?filter[note_type][]=call_in&filter[note_type][]=call_out');
    const expectedCalls = store().notes.contacts.values().filter((note) => note.note_type.startsWith('call_'));
    expect(calls).toEqual(ids(expectedCalls));
    expect(calls.length).toBeGreaterThan(0);

    const entityIds = [...new Set(leadNotes().map((note) => note.entity_id))].slice(0, 3);
    const query = entityIds.map((id, index) => `filter[entity_id][${index}]=${id}`).join('&');
    expect(await noteIds(`/api/v4/leads/notes?${query}`)).toEqual(ids(leadNotes().filter((note) => entityIds.includes(note.entity_id))));
  });

  it('filters by updated_at as one instant or a [from]/[to] range', async () => {
    const sample = leadNotes()[10]!;
    expect(await noteIds(`/api/v4/leads/notes?filter[updated_at]=${sample.updated_at}`)).toContain(sample.id);
    const from = leadNotes()[100]!.updated_at;
    const to = leadNotes()[200]!.updated_at;
    const within = (note: NoteRecord) => note.updated_at >= from && note.updated_at <= to;
    expect(await noteIds(`/api/v4/leads/notes?filter[updated_at][from]=${from}&filter[updated_at][to]=${to}`)).toEqual(ids(leadNotes().filter(within)));
    expect(await noteIds(`/api/v4/leads/notes?filter[updated_at][from]=${from}`)).toEqual(ids(leadNotes().filter((note) => note.updated_at >= from)));
  });

  it('orders by updated_at or id, either way', async () => {
    const byUpdated = [...leadNotes()].sort((a, b) => b.updated_at - a.updated_at || b.id - a.id);
    expect(await noteIds('/api/v4/leads/notes?order[updated_at]=desc')).toEqual(ids(byUpdated));
    const ascending = [...leadNotes()].sort((a, b) => a.updated_at - b.updated_at || a.id - b.id);
    expect(await noteIds('/api/v4/leads/notes?order[updated_at]=asc')).toEqual(ids(ascending));
    expect(await noteIds('/api/v4/leads/notes?order[id]=desc')).toEqual(ids(leadNotes()).reverse());
    expect((await running().api('/api/v4/leads/notes?order[created_at]=asc')).status).toBe(400);
  });

  it('adds is_pinned only with with=is_pinned', async () => {
    const pinned = leadNotes().find((note) => note.is_pinned)!;
    const plain = await running().api(`/api/v4/leads/notes?filter[id]=${pinned.id}`);
    expect(plain.body._embedded.notes[0]).not.toHaveProperty('is_pinned');
    const withPinned = await running().api(`/api/v4/leads/notes?filter[id]=${pinned.id}&with=is_pinned`);
    expect(withPinned.body._embedded.notes[0].is_pinned).toBe(true);
  });

  it('answers 204 when nothing matches, 400 for a malformed filter, and ignores unknown filters', async () => {
    expect((await running().api('/api/v4/leads/notes?filter[note_type]=amomail_message')).status).toBe(204);
    const bad = await running().api('/api/v4/leads/notes?filter[id][]=abc');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ title: 'Bad Request', status: 400 });
    const unknown = await running().api('/api/v4/leads/notes?filter[colour]=red&limit=5');
    expect(unknown.status).toBe(200);
    expect(unknown.body._embedded.notes).toHaveLength(5);
  });
});

describe('one entity\'s notes and notes by id', () => {
  const busiest = (entity: EntityType) => {
    const counts = new Map<number, number>();
    for (const note of store().notes[entity].values()) counts.set(note.entity_id, (counts.get(note.entity_id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  };

  it('lists only that entity\'s notes at /{entity}/{id}/notes, with the same filters', async () => {
    for (const entity of ENTITIES) {
      const entityId = busiest(entity);
      const expected = store().notes[entity].values().filter((note) => note.entity_id === entityId);
      expect(await noteIds(`/api/v4/${entity}/${entityId}/notes`)).toEqual(ids(expected));
      const type = expected[0]!.note_type;
      expect(await noteIds(`/api/v4/${entity}/${entityId}/notes?filter[note_type]=${type}`)).toEqual(ids(expected.filter((note) => note.note_type === type)));
    }
    const page = await running().api(`/api/v4/leads/${busiest('leads')}/notes?limit=1`);
    expect(page.body._links.self.href).toBe(`${running().url}/api/v4/leads/${busiest('leads')}/notes?page=1&limit=1`);
  });

  it('answers 204 for an entity without notes', async () => {
    const noted = new Set(leadNotes().map((note) => note.entity_id));
    const bare = store().leads.values().find((lead) => !noted.has(lead.id))!;
    expect((await running().api(`/api/v4/leads/${bare.id}/notes`)).status).toBe(204);
  });

  it('gets a note by id on either path, and 204 when absent or on another entity', async () => {
    const note = store().notes.contacts.values()[5]!;
    const flat = await running().api(`/api/v4/contacts/notes/${note.id}`);
    expect(flat.status).toBe(200);
    expect(flat.body).toMatchObject({ id: note.id, entity_id: note.entity_id, note_type: note.note_type, params: note.params });
    const nested = await running().api(`/api/v4/contacts/${note.entity_id}/notes/${note.id}`);
    expect(nested.body).toEqual(flat.body);
    expect((await running().api(`/api/v4/contacts/${note.entity_id + 1}/notes/${note.id}`)).status).toBe(204);
    expect((await running().api(`/api/v4/contacts/notes/${FIRST_NOTE_ID.leads}`)).status).toBe(204);
    expect((await running().api('/api/v4/contacts/notes/abc')).status).toBe(400);
  });
});

describe('writing notes', () => {
  let writer: RunningSandbox;
  beforeAll(async () => {
    writer = await startSandbox({ now: () => NOW_MS });
  });
  afterAll(() => writer.close());

  const wstore = () => writer.sandbox.store;
  const liveLead = (index = 0) => wstore().leads.values().filter((lead) => !lead.is_deleted)[index]!;

  it('creates notes of the writable types, echoing request_id or the index as a string', async () => {
    const lead = liveLead();
    const before = wstore().notes.leads.size;
    const response = await writer.api('/api/v4/leads/notes', {
      method: 'POST',
      body: [
        { entity_id: lead.id, note_type: 'common', params: { text: 'Попросили счёт' }, request_id: 'first' },
        {
          entity_id: lead.id,
          note_type: 'call_in',
          params: { uniq: 'c-1', duration: 95, source: 'pbx', link: 'https://pbx.example.test/1.mp3', phone: '+79000000001' },
        },
        { entity_id: lead.id, note_type: 'geolocation', params: { text: 'Визит', address: 'Москва, ул. Тверская, д. 1', longitude: 37.61, latitude: '55.75' } },
      ],
    });
    expect(response.status).toBe(200);
    const created = response.body._embedded.notes;
    expect(created.map((note: any) => note.request_id)).toEqual(['first', '1', '2']);
    expect(created.every((note: any) => note.entity_id === lead.id)).toBe(true);
    expect(response.body._links.self.href).toBe(`${writer.url}/api/v4/leads/notes`);
    expect(created[0]._links.self.href).toBe(`${writer.url}/api/v4/leads/${lead.id}/notes/${created[0].id}`);
    expect(wstore().notes.leads.size).toBe(before + 3);

    const read = await writer.api(`/api/v4/leads/notes/${created[0].id}?with=is_pinned`);
    expect(read.body).toMatchObject({
      entity_id: lead.id,
      note_type: 'common',
      params: { text: 'Попросили счёт' },
      created_by: USER_IDS.admin,
      updated_by: USER_IDS.admin,
      responsible_user_id: USER_IDS.admin,
      created_at: NOW,
      updated_at: NOW,
      is_pinned: false,
    });
    const call = await writer.api(`/api/v4/leads/notes/${created[1].id}`);
    expect(call.body.params).toEqual({ uniq: 'c-1', duration: 95, source: 'pbx', link: 'https://pbx.example.test/1.mp3', phone: '+79000000001' });
    const pin = await writer.api(`/api/v4/leads/notes/${created[2].id}`);
    expect(pin.body.params).toEqual({ text: 'Визит', address: 'Москва, ул. Тверская, д. 1', longitude: '37.61', latitude: '55.75' });
  });

  it('creates on one entity through /{entity}/{id}/notes, with creator and responsible when given', async () => {
    const contact = wstore().contacts.values().find((row) => !row.is_deleted)!;
    const response = await writer.api(`/api/v4/contacts/${contact.id}/notes`, {
      method: 'POST',
      body: [{ note_type: 'sms_out', params: { text: 'Ждём вас', phone: '+79000000002' }, created_by: USER_IDS.manager1, responsible_user_id: USER_IDS.manager2 }],
    });
    expect(response.status).toBe(200);
    const [created] = response.body._embedded.notes;
    expect(created).toMatchObject({ entity_id: contact.id, request_id: '0' });
    expect(wstore().notes.contacts.get(created.id)).toMatchObject({
      entity_id: contact.id,
      created_by: USER_IDS.manager1,
      responsible_user_id: USER_IDS.manager2,
      group_id: wstore().users.get(USER_IDS.manager2)!.rights.group_id,
    });
  });

  it('refuses the whole batch when one item is invalid, naming just that item and path, and writes nothing', async () => {
    const lead = liveLead();
    const before = wstore().notes.leads.values();
    const response = await writer.api('/api/v4/leads/notes', {
      method: 'POST',
      body: [
        { entity_id: lead.id, note_type: 'common', params: { text: 'fine' }, request_id: 'ok-1' },
        { entity_id: lead.id, note_type: 'common', params: {}, request_id: 'bad' },
        { entity_id: lead.id, note_type: 'common', params: { text: 'fine too' } },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.body).toEqual({
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request validation failed',
      'validation-errors': [{ request_id: 'bad', errors: [{ code: 'NotBlank', path: 'params.text', detail: expect.any(String) }] }],
    });
    expect(wstore().notes.leads.values()).toEqual(before);
  });

  it('names each kind of mistake by code and dotted path, by index when there is no request_id', async () => {
    const lead = liveLead();
    const deleted = wstore().leads.values().find((row) => row.is_deleted)!;
    const before = wstore().notes.leads.size;
    const response = await writer.api('/api/v4/leads/notes', {
      method: 'POST',
      body: [
        { entity_id: lead.id, note_type: 'chat', params: { text: 'x' } },
        { entity_id: 1, note_type: 'common', params: { text: 'x' } },
        { entity_id: String(lead.id), note_type: 'common', params: { text: 'x' } },
        { entity_id: lead.id, note_type: 'call_out', params: { link: 'https://x.test' } },
        { entity_id: lead.id, note_type: 'common', params: { text: 'x' }, responsible_user_id: 42 },
        { entity_id: deleted.id, note_type: 'common', params: { text: 'x' } },
        { entity_id: lead.id, note_type: 'sms_in', params: { text: 5, phone: '+7' } },
        { entity_id: lead.id, note_type: 'common', params: 'text' },
        { entity_id: lead.id, note_type: 'message_cashier', params: { status: 'paid', text: 'x' } },
        { entity_id: lead.id, params: { text: 'x' } },
        'not an object',
        { entity_id: lead.id, note_type: 'attachment', params: { file_uuid: 'f', version_uuid: 'v', file_name: 'kp.pdf' } },
        { entity_id: lead.id, note_type: 'constructor', params: { text: 'x' } },
      ],
    });
    expect(response.status).toBe(400);
    const byItem = Object.fromEntries(
      response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)]),
    );
    expect(byItem).toEqual({
      '0': ['NotSupportedChoice note_type'],
      '1': ['NotSupportedChoice entity_id'],
      '2': ['InvalidType entity_id'],
      '3': ['NotBlank params.uniq', 'NotBlank params.duration', 'NotBlank params.source', 'NotBlank params.phone'],
      '4': ['NotSupportedChoice responsible_user_id'],
      '5': ['NotSupportedChoice entity_id'],
      '6': ['InvalidType params.text'],
      '7': ['InvalidType params'],
      '8': ['NotSupportedChoice params.status'],
      '9': ['NotBlank note_type'],
      '10': ['InvalidType '],
      '12': ['NotSupportedChoice note_type'],
    });
    expect(wstore().notes.leads.size).toBe(before);
  });

  it('refuses a body that is not a batch with a plain 400', async () => {
    const lead = liveLead();
    const one = { entity_id: lead.id, note_type: 'common', params: { text: 'x' } };
    for (const body of [one, [], Array.from({ length: 251 }, () => one)]) {
      const response = await writer.api('/api/v4/leads/notes', { method: 'POST', body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ title: 'Bad Request', type: 'https://httpstatus.es/400', status: 400 });
      expect(response.body).not.toHaveProperty('validation-errors');
    }
    const none = await writer.api('/api/v4/leads/notes', { method: 'POST' });
    expect(none.status).toBe(400);
  });

  it('updates params by batch and by id, merging into the stored ones', async () => {
    const [common, call] = [
      wstore().notes.leads.values().find((note) => note.note_type === 'common')!,
      wstore().notes.leads.values().find((note) => note.note_type === 'call_in')!,
    ];
    const batch = await writer.api('/api/v4/leads/notes', {
      method: 'PATCH',
      body: [
        { id: common.id, params: { text: 'Исправленный текст' }, request_id: 'edit' },
        { id: call.id, params: { duration: 12 } },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body._embedded.notes).toEqual([
      { id: common.id, entity_id: common.entity_id, updated_at: NOW, request_id: 'edit', _links: { self: { href: `${writer.url}/api/v4/leads/${common.entity_id}/notes/${common.id}` } } },
      { id: call.id, entity_id: call.entity_id, updated_at: NOW, request_id: '1', _links: expect.any(Object) },
    ]);
    expect(wstore().notes.leads.get(common.id)).toMatchObject({ params: { text: 'Исправленный текст' }, updated_at: NOW, updated_by: USER_IDS.admin, created_at: common.created_at });
    expect(wstore().notes.leads.get(call.id)!.params).toEqual({ ...call.params, duration: 12 });

    const single = await writer.api(`/api/v4/leads/notes/${common.id}`, { method: 'PATCH', body: { params: { text: 'Ещё раз' } } });
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({ id: common.id, updated_at: NOW });
    expect((await writer.api(`/api/v4/leads/notes/${common.id}`)).body.params).toEqual({ text: 'Ещё раз' });
  });

  it('refuses a PATCH batch with an unknown id, a changed type or a blanked param, and changes nothing', async () => {
    const [a, b] = wstore().notes.companies.values().filter((note) => note.note_type === 'common');
    const before = wstore().notes.companies.values();
    const response = await writer.api('/api/v4/companies/notes', {
      method: 'PATCH',
      body: [
        { id: a!.id, params: { text: 'fine' } },
        { id: 999, params: { text: 'x' } },
        { id: b!.id, note_type: 'call_in' },
        { id: b!.id, params: { text: '  ' } },
        { params: { text: 'x' } },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)])).toEqual([
      ['1', ['NotFound id']],
      ['2', ['NotSupportedChoice note_type']],
      ['3', ['NotBlank params.text']],
      ['4', ['NotBlank id']],
    ]);
    expect(wstore().notes.companies.values()).toEqual(before);
  });

  it('pins and unpins with 204, seen through with=is_pinned', async () => {
    const note = wstore().notes.leads.values().find((row) => !row.is_pinned)!;
    const pinned = await writer.api(`/api/v4/leads/notes/${note.id}/pin`, { method: 'POST' });
    expect(pinned.status).toBe(204);
    expect(pinned.text).toBe('');
    expect((await writer.api(`/api/v4/leads/notes/${note.id}?with=is_pinned`)).body.is_pinned).toBe(true);
    expect((await writer.api(`/api/v4/leads/notes/${note.id}/unpin`, { method: 'POST' })).status).toBe(204);
    expect((await writer.api(`/api/v4/leads/notes/${note.id}?with=is_pinned`)).body.is_pinned).toBe(false);
    expect((await writer.api('/api/v4/leads/notes/999/pin', { method: 'POST' })).status).toBe(404);
  });
});
