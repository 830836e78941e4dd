// Roles: named sets of rights that users hold. amoCRM lets only account administrators read them.

import { builder } from './builder.js';
import { resolveListConnection } from './connection.js';
import { explainLimit } from './limits.js';
import { UserRef } from './refs.js';
import type { Role } from '../rest/types.js';

export const ROLES_LIMITATION = 'amoCRM lets only account administrators read roles';

export const RoleRef = builder.objectRef<Role>('Role').implement({
  description: `A role: a named set of rights its users hold. Admin only: ${ROLES_LIMITATION}.`,
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    rights: t.field({ type: 'JSON', description: "The role's rights as amoCRM reports them.", resolve: (role) => role.rights ?? {} }),
    users: t.field({ type: [UserRef], description: 'The users who hold it.', resolve: (role) => role._embedded?.users ?? [] }),
  }),
});

builder.queryFields((t) => ({
  roles: t.connection(
    {
      type: RoleRef,
      nullable: true,
      description: `The account's roles. Admin only (${ROLES_LIMITATION}); otherwise null with an AMOCRM_FORBIDDEN error that says so.`,
      resolve: async (_root, args, ctx) => resolveListConnection(args, await explainLimit(ctx.account.roles(), ROLES_LIMITATION)),
    },
    { name: 'RoleConnection' },
    { name: 'RoleEdge' },
  ),
  role: t.field({
    type: RoleRef,
    nullable: true,
    description: `A role by its amoCRM id; null if there is none. Admin only (${ROLES_LIMITATION}).`,
    args: { amoId: t.arg.int({ required: true }) },
    resolve: async (_root, args, ctx) => (await explainLimit(ctx.account.roles(), ROLES_LIMITATION)).find((role) => role.id === args.amoId) ?? null,
  }),
}));
