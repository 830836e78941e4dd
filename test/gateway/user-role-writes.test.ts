// addUsers and the role mutations end to end: per-item results, admin-only refusals, and the
// cached users and roles dropped after a write so the next read is fresh.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_IDS, ROLE_IDS, USER_IDS, WON_STATUS_ID } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';
import { asManager as actAsManager } from '../helpers/sandbox-state.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const paths = (method: string, prefix: string) => stack.upstreamCalls().filter((call) => call.method === method && call.path.startsWith(prefix)).map((call) => call.path);

const asManager = <T>(work: () => Promise<T>) => actAsManager(store(), work);

const ADD_USERS = `mutation ($input: [AddUserInput!]!) {
  addUsers(input: $input) { succeededCount failedCount results { index status errors { code path message } user { amoId name email isFree roleAmoId rights } } }
}`;

describe('addUsers', () => {
  it('adds users with per-item results, refuses a taken e-mail and bad input, and the next users read is fresh', async () => {
    const before = dataOf(await stack.gql(`{ users(first: 250) { nodes { amoId } } }`)).users.nodes.length;
    const taken = store().users.get(USER_IDS.manager2)!.email;
    stack.resetLog();
    const { addUsers } = dataOf(
      await stack.gql(ADD_USERS, {
        input: [
          { name: 'Анна', email: 'anna@example.com', password: 'secret-1', lang: 'EN', rights: { isFree: true, leads: { view: 'ALL', edit: 'OWN' } } },
          { name: 'Дубль', email: taken },
          { name: 'Плохой', email: 'not-an-email' },
          { name: 'Борис', email: 'boris@example.com', rights: { roleAmoId: ROLE_IDS.manager } },
        ],
      }),
    );
    expect(addUsers.succeededCount).toBe(2);
    const [anna, dup, bad, boris] = addUsers.results;
    expect(anna).toMatchObject({ status: 'SUCCEEDED', user: { name: 'Анна', email: 'anna@example.com', isFree: true, roleAmoId: null } });
    expect(anna.user.rights.leads).toEqual({ view: 'A', edit: 'M' });
    expect(dup).toMatchObject({ status: 'FAILED', user: null, errors: [{ code: 'NotSupportedChoice', path: ['email'] }] });
    expect(bad).toMatchObject({ status: 'FAILED', errors: [{ code: 'BAD_USER_INPUT', path: ['email'] }] });
    expect(boris.user.roleAmoId).toBe(ROLE_IDS.manager);
    expect(JSON.stringify(stack.upstreamCalls())).not.toContain('secret-1');
    // The batch with the taken e-mail is refused whole, then sent again without it.
    expect(paths('POST', '/api/v4/users')).toHaveLength(2);
    expect(store().users.values().filter((user) => ['anna@example.com', 'boris@example.com'].includes(user.email))).toHaveLength(2);

    stack.resetLog();
    const after = dataOf(await stack.gql(`{ users(first: 250) { nodes { amoId email } } }`)).users.nodes;
    expect(after).toHaveLength(before + 2);
    expect(after.map((user: any) => user.email)).toContain('boris@example.com');
    expect(paths('GET', '/api/v4/users')).toEqual(['/api/v4/users']);
  });

  it('reports the admin-only refusal per item and writes nothing', async () => {
    const size = store().users.size;
    const { addUsers } = dataOf(await asManager(() => stack.gql(ADD_USERS, { input: [{ name: 'X', email: 'x@example.com' }] })));
    expect(addUsers.results[0]).toMatchObject({ status: 'FAILED', errors: [{ code: 'AMOCRM_FORBIDDEN' }] });
    expect(store().users.size).toBe(size);
  });
});

describe('createRoles, updateRoles, deleteRoles', () => {
  it('says reading roles is admin-only when the sandbox refuses a manager', async () => {
    // First in this group: nothing has cached the roles since addUsers dropped them.
    const response = await asManager(() => stack.gql(`{ roles(first: 5) { nodes { amoId } } }`));
    expect(response.errors?.[0]?.extensions?.code).toBe('AMOCRM_FORBIDDEN');
    expect(response.errors?.[0]?.message).toMatch(/administrators/);
  });

  it('creates and updates roles, the holders take new rights, and the next roles and users reads are fresh', async () => {
    dataOf(await stack.gql(`{ roles(first: 50) { nodes { amoId } } users(first: 250) { nodes { amoId } } }`));
    stack.resetLog();
    const created = dataOf(
      await stack.gql(`mutation {
        createRoles(input: [
          { name: "Стажёр", rights: { leads: { view: OWN, edit: OWN }, mailAccess: false } },
          { name: "Аналитик", rights: { stageRights: [{ pipelineAmoId: ${PIPELINE_IDS.sales}, statusAmoId: 1, view: ALL }] } }
        ]) { succeededCount results { status errors { code path } role { amoId name rights } } }
      }`),
    ).createRoles;
    const [intern, analyst] = created.results;
    expect(intern).toMatchObject({ status: 'SUCCEEDED', role: { name: 'Стажёр', rights: { leads: { view: 'M', edit: 'M' }, mail_access: false } } });
    expect(analyst).toMatchObject({ status: 'FAILED', errors: [{ code: 'NotSupportedChoice', path: ['rights', 'stageRights', '0', 'statusAmoId'] }] });
    expect(paths('POST', '/api/v4/roles')).toHaveLength(2);
    const internId = intern.role.amoId;
    expect(store().roles.get(internId)?.name).toBe('Стажёр');

    const updated = dataOf(
      await stack.gql(`mutation {
        updateRoles(input: [{ amoId: ${ROLE_IDS.manager}, rights: { contacts: { view: GROUP }, stageRights: [{ pipelineAmoId: ${PIPELINE_IDS.sales}, statusAmoId: ${WON_STATUS_ID}, view: ALL }] } }]) {
          results { status role { amoId rights } }
        }
      }`),
    ).updateRoles;
    expect(updated.results[0].status).toBe('SUCCEEDED');
    expect(store().users.get(USER_IDS.manager1)!.rights.contacts).toEqual({ view: 'G' });

    stack.resetLog();
    const fresh = dataOf(await stack.gql(`{ roles(first: 50) { nodes { amoId name } } user(amoId: ${USER_IDS.manager1}) { rights } }`));
    expect(fresh.roles.nodes.map((role: any) => role.name)).toContain('Стажёр');
    expect(fresh.user.rights.contacts).toEqual({ view: 'G' });
    expect(paths('GET', '/api/v4/roles')).toEqual(['/api/v4/roles']);
    expect(paths('GET', '/api/v4/users')).toEqual(['/api/v4/users']);

    stack.resetLog();
    const deleted = dataOf(
      await stack.gql(`mutation { deleteRoles(amoIds: [${internId}, ${ROLE_IDS.head}, ${internId}]) { succeededCount results { status amoId errors { code message } } } }`),
    ).deleteRoles;
    expect(deleted.results[0]).toMatchObject({ status: 'SUCCEEDED', amoId: internId });
    expect(deleted.results[1]).toMatchObject({ status: 'FAILED', errors: [{ code: 'AMOCRM_BAD_REQUEST' }] });
    expect(deleted.results[1].errors[0].message).toMatch(/held by/);
    expect(deleted.results[2]).toMatchObject({ status: 'FAILED', errors: [{ code: 'BAD_USER_INPUT' }] });
    expect(paths('DELETE', '/api/v4/roles').sort()).toEqual([`/api/v4/roles/${internId}`, `/api/v4/roles/${ROLE_IDS.head}`].sort());
    expect(store().roles.has(internId)).toBe(false);
    expect(store().roles.has(ROLE_IDS.head)).toBe(true);
  });

  it('reports the admin-only refusal per item and changes nothing', async () => {
    const before = JSON.stringify(store().roles.values());
    const response = await asManager(() =>
      stack.gql(`mutation { createRoles(input: [{ name: "X", rights: {} }]) { results { status errors { code } } } updateRoles(input: [{ amoId: ${ROLE_IDS.head}, name: "Y" }]) { results { status errors { code } } } }`),
    );
    const data = dataOf(response);
    expect(data.createRoles.results[0]).toMatchObject({ status: 'FAILED', errors: [{ code: 'AMOCRM_FORBIDDEN' }] });
    expect(data.updateRoles.results[0]).toMatchObject({ status: 'FAILED', errors: [{ code: 'AMOCRM_FORBIDDEN' }] });
    expect(JSON.stringify(store().roles.values())).toBe(before);
  });
});
