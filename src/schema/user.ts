// Users of the account, answered from the per-account metadata cache.

import { builder, connectionComplexity } from './builder.js';
import { MAX_PAGE_SIZE, resolveListConnection } from './connection.js';
import { UserRef } from './refs.js';

const UserRoleRef = builder.objectRef<{ id: number; name: string }>('UserRole').implement({
  fields: (t) => ({ amoId: t.exposeInt('id'), name: t.exposeString('name') }),
});

export const UserGroupRef = builder.objectRef<{ id: number; name: string }>('UserGroup').implement({
  fields: (t) => ({ amoId: t.exposeInt('id'), name: t.exposeString('name') }),
});

UserRef.implement({
  description: 'A user of the amoCRM account.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    email: t.string({ nullable: true, resolve: (user) => user.email || null }),
    lang: t.string({ nullable: true, resolve: (user) => user.lang || null }),
    isAdmin: t.boolean({ resolve: (user) => user.rights?.is_admin ?? false }),
    isActive: t.boolean({ resolve: (user) => user.rights?.is_active ?? true }),
    isFree: t.boolean({ description: 'Free users do not count towards the plan.', resolve: (user) => user.rights?.is_free ?? false }),
    uuid: t.string({ nullable: true, resolve: (user) => user.uuid ?? null }),
    amojoId: t.string({ nullable: true, description: "The user's id in amoCRM's chat service (amojo).", resolve: (user) => user.amojo_id ?? null }),
    userRank: t.string({ nullable: true, description: "amoCRM's rank for the user (e.g. newbie, candidate, master).", resolve: (user) => user.user_rank ?? null }),
    phoneNumber: t.string({ nullable: true, resolve: (user) => user.phone_number || null }),
    roleAmoId: t.int({ nullable: true, description: 'The role the user holds (see `roles`, admin only).', resolve: (user) => user.rights?.role_id ?? null }),
    groupAmoId: t.int({ nullable: true, description: 'The user group (0 is the main one).', resolve: (user) => user.rights?.group_id ?? null }),
    roles: t.field({ type: [UserRoleRef], resolve: (user) => user._embedded?.roles ?? [] }),
    groups: t.field({ type: [UserGroupRef], resolve: (user) => user._embedded?.groups ?? [] }),
    rights: t.field({ type: 'JSON', description: "The user's rights as amoCRM reports them.", resolve: (user) => user.rights ?? {} }),
  }),
});

builder.queryFields((t) => ({
  user: t.field({
    type: UserRef,
    nullable: true,
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.amoId > 0 ? args.amoId : null),
  }),
  users: t.connection({
    type: UserRef,
    nullable: true,
    // Answered from the cached list, a whole page (250) at a time when no size is given.
    complexity: connectionComplexity(MAX_PAGE_SIZE),
    description: 'Users of the account. Null, with an error, when amoCRM could not answer.',
    args: {
      includeInactive: t.arg.boolean({ defaultValue: false, description: 'Also list deactivated users.' }),
    },
    resolve: async (_root, args, ctx) => {
      const users = (await ctx.account.users()).filter((user) => args.includeInactive || user.rights?.is_active !== false);
      return resolveListConnection(args, users);
    },
  }, { name: 'UserConnection' }, { name: 'UserEdge' }),
}));
