import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS, ROLE_IDS, USER_IDS, WON_STATUS_ID } from '../../src/sandbox/seed/ids.js';
import { useFreshSandbox } from './helpers.js';
import { asManager as actAsManager } from '../helpers/sandbox-state.js';

const running = useFreshSandbox();

const store = () => running().sandbox.store;
const snapshot = () => JSON.stringify([store().users.values(), store().roles.values()]);
const post = (path: string, body: unknown, method = 'POST') => running().api(path, { method, body });

const asManager = <T>(work: () => Promise<T>) => actAsManager(store(), work);

describe('POST /api/v4/users', () => {
  it('adds users with rights, echoes request_id, never the password, and takes a role its rights', async () => {
    const response = await post('/api/v4/users', [
      { name: 'Анна', email: 'anna@example.com', password: 'secret-1', lang: 'en', rights: { leads: { view: 'A', edit: 'M' }, is_free: true }, request_id: 'a' },
      { name: 'Борис', email: 'boris@example.com', rights: { role_id: ROLE_IDS.manager, group_id: 0 } },
    ]);
    expect(response.status).toBe(200);
    expect(response.body._total_items).toBe(2);
    const [anna, boris] = response.body._embedded.users;
    expect(anna).toMatchObject({ name: 'Анна', email: 'anna@example.com', lang: 'en', request_id: 'a', rights: { leads: { view: 'A', edit: 'M' }, is_free: true, is_admin: false, is_active: true, role_id: null } });
    expect(response.text).not.toContain('secret-1');
    expect(boris.request_id).toBe('1');
    expect(boris.rights).toMatchObject({ role_id: ROLE_IDS.manager, leads: store().users.get(USER_IDS.manager1)!.rights.leads });
    expect(store().users.get(anna.id)?.email).toBe('anna@example.com');
    expect((await running().api(`/api/v4/users/${boris.id}?with=role`)).body._embedded.roles[0].id).toBe(ROLE_IDS.manager);
  });

  it('refuses an e-mail already in the account, bad fields and unknown roles with validation-errors, writing nothing', async () => {
    const taken = store().users.get(USER_IDS.manager2)!.email.toUpperCase();
    const before = snapshot();
    const response = await post('/api/v4/users', [
      { name: 'Ok', email: 'ok@example.com' },
      { name: 'Dup', email: taken },
      { email: 'x@example.com', lang: 'de', password: '123', rights: { role_id: 999, leads: { view: 'Z' }, contacts: { view: 'M', edit: 'A' } } },
      { name: 'Twin', email: 'ok@example.com' },
    ]);
    expect(response.status).toBe(400);
    const errors = response.body['validation-errors'];
    expect(errors.map((item: any) => item.request_id)).toEqual(['1', '2', '3']);
    expect(errors[0].errors).toEqual([expect.objectContaining({ code: 'NotSupportedChoice', path: 'email' })]);
    expect(errors[1].errors.map((error: any) => error.path).sort()).toEqual(['lang', 'name', 'password', 'rights.contacts.edit', 'rights.leads.view', 'rights.role_id']);
    expect(errors[2].errors[0].path).toBe('email');
    expect(snapshot()).toBe(before);
  });

  it('takes at most 10 users per request, is for admins only (403), and stops at 100 users', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `U${i}`, email: `u${i}@example.com` }));
    expect((await post('/api/v4/users', eleven)).status).toBe(400);
    const refused = await asManager(() => post('/api/v4/users', [{ name: 'X', email: 'x@example.com' }]));
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/administrators/);
    const template = store().users.get(USER_IDS.manager3)!;
    while (store().users.size < 100) {
      const id = store().users.nextId();
      store().users.put({ ...template, id, email: `filler${id}@example.com` });
    }
    const full = await post('/api/v4/users', [{ name: 'Y', email: 'y@example.com' }]);
    expect(full.status).toBe(400);
    expect(full.body.detail).toMatch(/100 users/);
  });
});

describe('/api/v4/roles writes', () => {
  it('creates roles in a batch with rights, and PATCH changes a role and its holders', async () => {
    const created = await post('/api/v4/roles', [
      { name: 'Стажёр', rights: { leads: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'D' }, mail_access: false, request_id: 'ignored' }, request_id: 'r1' },
      { name: 'Аналитик', rights: { leads: { view: 'A' }, status_rights: [{ entity_type: 'leads', pipeline_id: PIPELINE_IDS.sales, status_id: WON_STATUS_ID, rights: { view: 'A' } }] } },
    ]);
    expect(created.status).toBe(400);
    expect(created.body['validation-errors'][0].errors[0].path).toBe('rights.request_id');

    const ok = await post('/api/v4/roles', [
      { name: 'Стажёр', rights: { leads: { view: 'M', edit: 'M' }, mail_access: false }, request_id: 'r1' },
      { name: 'Аналитик', rights: { leads: { view: 'A' }, status_rights: [{ entity_type: 'leads', pipeline_id: PIPELINE_IDS.sales, status_id: WON_STATUS_ID, rights: { view: 'A' } }] } },
    ]);
    expect(ok.status).toBe(200);
    const [intern, analyst] = ok.body._embedded.roles;
    expect(intern).toMatchObject({ name: 'Стажёр', request_id: 'r1', rights: { leads: { view: 'M', edit: 'M' }, mail_access: false } });
    expect(analyst.rights.status_rights).toHaveLength(1);
    expect(store().roles.get(intern.id)?.name).toBe('Стажёр');

    const patched = await post(`/api/v4/roles/${ROLE_IDS.manager}`, { name: 'Менеджер продаж', rights: { contacts: { view: 'G' } } }, 'PATCH');
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: ROLE_IDS.manager, name: 'Менеджер продаж', rights: { contacts: { view: 'G' } } });
    expect(store().users.get(USER_IDS.manager1)!.rights.contacts).toEqual({ view: 'G' });
    expect(store().users.get(USER_IDS.manager1)!.rights.is_admin).toBe(false);

    const batch = await post('/api/v4/roles', [{ id: intern.id, name: 'Младший' }, { id: analyst.id, rights: { status_rights: null } }], 'PATCH');
    expect(batch.body._embedded.roles.map((role: any) => role.name)).toEqual(['Младший', 'Аналитик']);
    expect(store().roles.get(analyst.id)!.rights!.status_rights).toEqual([]);
  });

  it('refuses duplicate names, user flags in role rights, unknown ids and non-admins, writing nothing', async () => {
    const before = snapshot();
    const bad = await post('/api/v4/roles', [{ name: 'менеджер' }, { name: 'Новая', rights: { is_admin: true } }]);
    expect(bad.status).toBe(400);
    const [first, second] = bad.body['validation-errors'];
    expect(first.errors.map((error: any) => error.path).sort()).toEqual(['name', 'rights']);
    expect(second.errors[0].path).toBe('rights.is_admin');
    const unknown = await post('/api/v4/roles', [{ id: 999, name: 'x' }], 'PATCH');
    expect(unknown.body['validation-errors'][0].errors[0].code).toBe('NotFound');
    expect((await asManager(() => post('/api/v4/roles', [{ name: 'x', rights: {} }]))).status).toBe(403);
    expect((await asManager(() => running().api(`/api/v4/roles/${ROLE_IDS.head}`, { method: 'DELETE' }))).status).toBe(403);
    // Reading roles is for administrators as well.
    expect((await asManager(() => running().api('/api/v4/roles'))).status).toBe(403);
    expect((await asManager(() => running().api(`/api/v4/roles/${ROLE_IDS.head}`))).status).toBe(403);
    expect(snapshot()).toBe(before);
  });

  it('DELETE answers 204 for a role nobody holds, 404 for an unknown one, and refuses a role users hold', async () => {
    const created = await post('/api/v4/roles', [{ name: 'Временная', rights: {} }]);
    const id = created.body._embedded.roles[0].id;
    expect((await running().api(`/api/v4/roles/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(store().roles.has(id)).toBe(false);
    expect((await running().api(`/api/v4/roles/${id}`, { method: 'DELETE' })).status).toBe(404);
    const held = await running().api(`/api/v4/roles/${ROLE_IDS.head}`, { method: 'DELETE' });
    expect(held.status).toBe(400);
    expect(held.body.detail).toMatch(/held by/);
    expect(store().roles.has(ROLE_IDS.head)).toBe(true);
  });
});
