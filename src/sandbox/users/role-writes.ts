// Writes of `/api/v4/roles` (admin only): create in a batch, update in a batch or one by id, delete
// one by id. A role is a name and rights (../users/rights.ts); names are unique in the account.
// Changing a role's rights changes its holders' rights, as in amoCRM's settings. A role that users
// still hold is not deleted: amoCRM's docs do not say what happens to them, so the sandbox refuses
// rather than leave users with a role that no longer exists.

import type { RequestContext } from '../http/context.js';
import { requireAdmin } from '../http/admin.js';
import { selfHref } from '../http/hal.js';
import { badRequest, HttpProblem } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { readFields } from '../notes/fields.js';
import type { RoleRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { has, readItem } from '../writes/scalars.js';
import { readRoleRights, ROLE_RIGHT_KEYS, roleRightsOf } from './rights.js';

/** The same recommended ceiling as other batch writes. */
export const MAX_ROLES_PER_WRITE = 50;

export type RenderRole = (ctx: RequestContext, role: RoleRecord) => Record<string, unknown>;

function checkName(store: SandboxStore, item: Record<string, unknown>, issues: Issues, taken: Map<string, number>, self: number | null): string | undefined {
  const read = readFields(item, issues);
  const name = read.text('name', { required: self === null });
  if (name === undefined) return undefined;
  const key = name.trim().toLowerCase();
  const owner = taken.get(key) ?? store.roles.values().find((role) => role.name.trim().toLowerCase() === key)?.id;
  if (owner !== undefined && owner !== self) {
    read.fail('NotSupportedChoice', 'name', 'A role with this name already exists.');
    return undefined;
  }
  taken.set(key, self ?? -1);
  return name;
}

function checkRights(store: SandboxStore, item: Record<string, unknown>, issues: Issues, required: boolean): Partial<RoleRecord['rights']> | undefined {
  const read = readFields(item, issues);
  const raw = read.object('rights', { required });
  if (!raw) return undefined;
  for (const key of Object.keys(raw)) {
    if (!ROLE_RIGHT_KEYS.has(key)) issues.add('NotSupportedChoice', `rights.${key}`, 'Not a role right: admin and free are user flags, not role rights.');
  }
  return readRoleRights(raw, store, issues.under('rights'));
}

/** Holders take the role's rights; their own flags (admin, free, active, group) stay. */
function applyToHolders(store: SandboxStore, role: RoleRecord): void {
  for (const user of store.users.values()) {
    if (user.rights.role_id !== role.id) continue;
    store.users.put({ ...user, rights: { ...user.rights, ...role.rights } });
  }
}

function collection(ctx: RequestContext, roles: unknown[]): Reply {
  return hal({ _total_items: roles.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { roles } });
}

/** `POST /api/v4/roles`. */
export function createRoles(ctx: RequestContext, render: RenderRole): Reply {
  requireAdmin(ctx, 'adding roles');
  const { store } = ctx;
  const items = readBatch(ctx.body, MAX_ROLES_PER_WRITE);
  const taken = new Map<string, number>();
  const drafts = validateAll(items, (raw, _index, issues) => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const name = checkName(store, item, issues, taken, null);
    const rights = checkRights(store, item, issues, true);
    return { name: name ?? '', rights: rights ?? {} };
  });
  const roles = drafts.map((draft, index) => {
    const row = store.roles.put({ id: store.roles.nextId(), ...draft! });
    return { ...render(ctx, row), request_id: requestIdOf(items[index], index) };
  });
  return collection(ctx, roles);
}

/** `PATCH /api/v4/roles` (an array with ids) or `PATCH /api/v4/roles/{id}` (one object). */
export function updateRoles(ctx: RequestContext, pathId: number | null, render: RenderRole): Reply {
  requireAdmin(ctx, 'editing roles');
  const { store } = ctx;
  const items = pathId === null ? readBatch(ctx.body, MAX_ROLES_PER_WRITE) : [readObjectBody(ctx.body)];
  const seen = new Set<number>();
  const taken = new Map<string, number>();
  const drafts = validateAll(items, (raw, _index, issues): RoleRecord | undefined => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const id = pathId ?? readFields(item, issues).int('id', { required: true, min: 1 });
    if (id === undefined) return undefined;
    const role = store.roles.get(id);
    if (!role) {
      issues.add('NotFound', 'id', 'No role with this id.');
      return undefined;
    }
    if (seen.has(id)) issues.add('NotSupportedChoice', 'id', 'This role is already updated by an earlier item.');
    seen.add(id);
    if (!has(item, 'name') && !has(item, 'rights')) issues.add('NotBlank', '', 'Nothing to change: send name or rights.');
    const name = has(item, 'name') ? checkName(store, item, issues, taken, id) : undefined;
    const rights = has(item, 'rights') ? checkRights(store, item, issues, true) : undefined;
    // Only the rights sent change; stage rights sent as null or [] are dropped (the docs say so).
    const dropStages = (item.rights as Record<string, unknown> | null | undefined)?.status_rights === null;
    const merged = rights ? { ...roleRightsOf(store, role), ...rights, ...(dropStages ? { status_rights: [] } : {}) } : undefined;
    return { ...role, name: name ?? role.name, ...(merged ? { rights: merged } : {}) };
  });
  const roles = drafts.map((draft, index) => {
    const row = store.roles.put(draft!);
    if (draft!.rights) applyToHolders(store, row);
    return { ...render(ctx, row), request_id: requestIdOf(items[index], index) };
  });
  if (pathId !== null) return hal(render(ctx, store.roles.get(pathId)!));
  return collection(ctx, roles);
}

/** `DELETE /api/v4/roles/{id}`: 204; 404 for an unknown role; 400 while users hold it. */
export function deleteRole(ctx: RequestContext, id: number): Reply {
  requireAdmin(ctx, 'deleting roles');
  const { store } = ctx;
  if (!store.roles.has(id)) throw new HttpProblem(404, `No role with id ${id}`);
  const holders = store.users.values().filter((user) => user.rights.role_id === id);
  if (holders.length > 0) throw badRequest(`Role ${id} is held by ${holders.length} user(s) (${holders.map((user) => user.id).join(', ')}); give them another role first`);
  store.roles.delete(id);
  return noContent();
}
