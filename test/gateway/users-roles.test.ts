// Users with their roles, groups and extras, and roles with their users, end to end; roles are
// admin-only in amoCRM, and a refusal says so.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_IDS, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('users and roles', () => {
  it('reads users with uuid, amojo id, rank, phone, role and group from one cached users call', async () => {
    stack.resetLog();
    const { users } = dataOf<any>(
      await stack.gql(`query { users(first: 250) { nodes { amoId name uuid amojoId userRank phoneNumber roleAmoId groupAmoId roles { amoId name } groups { amoId name } } } }`),
    );
    const stored = stack.sandbox.store.users.get(USER_IDS.manager1)!;
    const manager = users.nodes.find((user: any) => user.amoId === USER_IDS.manager1);
    expect(manager).toMatchObject({
      uuid: stored.uuid,
      amojoId: stored.amojo_id,
      userRank: stored.user_rank,
      phoneNumber: stored.phone_number,
      roleAmoId: stored.rights.role_id,
      groupAmoId: stored.rights.group_id,
    });
    expect(manager.roles).toEqual([{ amoId: ROLE_IDS.manager, name: 'Менеджер' }]);
    const calls = stack.upstreamCalls();
    expect(calls.map((call) => call.path)).toEqual(['/api/v4/users']);
    expect(Object.fromEntries(calls[0]!.query).with).toBe('role,group,uuid,amojo_id,user_rank,phone_number');
  });

  it('lists roles with their users in one call, and finds one by id', async () => {
    stack.resetLog();
    const { roles, role, none } = dataOf<any>(
      await stack.gql(`query {
        roles { nodes { amoId name rights users { amoId name } } }
        role(amoId: ${ROLE_IDS.head}) { amoId name }
        none: role(amoId: 1) { amoId }
      }`),
    );
    expect(roles.nodes.map((node: any) => node.amoId).sort()).toEqual([ROLE_IDS.manager, ROLE_IDS.head].sort());
    const managers = roles.nodes.find((node: any) => node.amoId === ROLE_IDS.manager);
    const holders = stack.sandbox.store.users.values().filter((user) => user.rights.role_id === ROLE_IDS.manager);
    expect(managers.users.map((user: any) => user.amoId).sort()).toEqual(holders.map((user) => user.id).sort());
    expect(managers.users.every((user: any) => typeof user.name === 'string')).toBe(true);
    expect(role).toEqual({ amoId: ROLE_IDS.head, name: 'Руководитель отдела' });
    expect(none).toBeNull();
    expect(stack.upstreamCalls().filter((call) => call.path === '/api/v4/roles')).toHaveLength(1);
  });

  it('says roles are admin-only when amoCRM refuses them', async () => {
    const own = await startStack();
    try {
      own.sandbox.intercept((request) =>
        request.path === '/api/v4/roles'
          ? { status: 403, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Forbidden', status: 403, detail: 'Access denied' } }
          : undefined,
      );
      const response = await own.gql(`query { roles { nodes { amoId } } }`);
      expect(response.data?.roles).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('AMOCRM_FORBIDDEN');
      expect(response.errors?.[0]?.message).toContain('administrators');
      expect(response.errors?.[0]?.extensions?.limitation).toContain('administrators');
    } finally {
      await own.close();
    }
  });
});
