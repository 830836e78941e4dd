// `POST /api/v4/users` (admin only): adds up to 10 users per request, and none once the account
// has 100 users (Kommo's "add users" reference). A user needs a name and an e-mail not yet in the
// account; `lang` is one of ru, en, es, pt; `rights` takes the entity levels of ../users/rights.ts
// plus the user flags is_admin, is_free, group_id and role_id. A user given a role and no entity
// rights takes the role's rights. The password is accepted and never echoed.

import type { UserRights } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { requireAdmin } from '../http/admin.js';
import { selfHref } from '../http/hal.js';
import { badRequest } from '../http/problem.js';
import { hal, type Reply } from '../http/reply.js';
import { readFields } from '../notes/fields.js';
import type { UserRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { readBatch } from '../writes/body.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { readItem } from '../writes/scalars.js';
import { readRoleRights, roleRightsOf } from './rights.js';

export const MAX_USERS_PER_REQUEST = 10;
export const MAX_USERS_FOR_ADDING = 100;
const LANGS = new Set(['ru', 'en', 'es', 'pt']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSWORD_MIN = 6;

export type RenderUser = (ctx: RequestContext, user: UserRecord) => Record<string, unknown>;

function checkEmail(store: SandboxStore, item: Record<string, unknown>, issues: Issues, taken: Set<string>): string | undefined {
  const read = readFields(item, issues);
  const email = read.text('email', { required: true })?.trim();
  if (email === undefined) return undefined;
  if (!EMAIL.test(email)) {
    read.fail('InvalidType', 'email', 'This value is not a valid email address.');
    return undefined;
  }
  const key = email.toLowerCase();
  if (taken.has(key) || store.users.values().some((user) => user.email.toLowerCase() === key)) {
    read.fail('NotSupportedChoice', 'email', 'A user with this e-mail is already in the account.');
    return undefined;
  }
  taken.add(key);
  return email;
}

function checkRights(store: SandboxStore, item: Record<string, unknown>, issues: Issues): UserRights {
  const raw = readFields(item, issues).object('rights') ?? {};
  const at = issues.under('rights');
  const read = readFields(raw, at);
  const roleId = read.int('role_id', { min: 1 });
  const role = roleId === undefined ? undefined : store.roles.get(roleId);
  if (roleId !== undefined && !role) read.fail('NotSupportedChoice', 'role_id', 'No role with this id.');
  const groupId = read.int('group_id', { min: 0 });
  if (groupId !== undefined && !store.userGroups.has(groupId)) read.fail('NotSupportedChoice', 'group_id', 'No user group with this id.');
  const isAdmin = read.bool('is_admin') ?? false;
  const isFree = read.bool('is_free') ?? false;
  if (isAdmin && isFree) read.fail('NotSupportedChoice', 'is_free', 'An administrator cannot be a free user.');
  const own = readRoleRights(raw, store, at);
  const base = role ? roleRightsOf(store, role) : {};
  return {
    ...base,
    ...own,
    is_admin: isAdmin,
    is_free: isFree,
    is_active: true,
    group_id: groupId ?? 0,
    role_id: role ? role.id : null,
  };
}

/** `POST /api/v4/users`. */
export function addUsers(ctx: RequestContext, render: RenderUser): Reply {
  requireAdmin(ctx, 'adding users');
  const { store } = ctx;
  if (store.users.size >= MAX_USERS_FOR_ADDING) {
    throw badRequest(`Adding users through the API stops at ${MAX_USERS_FOR_ADDING} users; this account has ${store.users.size}`);
  }
  const items = readBatch(ctx.body, MAX_USERS_PER_REQUEST);
  const taken = new Set<string>();
  const drafts = validateAll(items, (raw, _index, issues): Omit<UserRecord, 'id' | 'uuid' | 'amojo_id'> | undefined => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const read = readFields(item, issues);
    const name = read.text('name', { required: true });
    const email = checkEmail(store, item, issues, taken);
    const password = read.text('password');
    if (password !== undefined && password.length < PASSWORD_MIN) read.fail('InvalidType', 'password', `The password is at least ${PASSWORD_MIN} characters.`);
    const lang = read.text('lang') ?? 'ru';
    if (!LANGS.has(lang)) read.fail('NotSupportedChoice', 'lang', 'The language is one of ru, en, es, pt.');
    const rights = checkRights(store, item, issues);
    return { name: name ?? '', email: email ?? '', lang, rights, user_rank: 'newbie', phone_number: null };
  });
  const users = drafts.map((draft, index) => {
    const id = store.users.nextId();
    const hex = String(id).padStart(12, '0');
    const row = store.users.put({ id, ...draft!, uuid: `00000000-0000-4000-8000-${hex}`, amojo_id: `00000000-0000-4000-9000-${hex}` });
    return { ...render(ctx, row), request_id: requestIdOf(items[index], index) };
  });
  return hal({ _total_items: users.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { users } });
}
