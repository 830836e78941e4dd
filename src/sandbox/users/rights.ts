// Reads the `rights` object of a user or role write. Entity rights map actions to levels: A (all),
// G (the user's group), M (own only), D (denied); leads, contacts and companies take view, edit,
// add, delete and export, tasks only edit and delete (amoCRM's rights model, §3.12). Admin and free
// are not roles but user flags, so a role's rights carry neither. The docs ask writes to respect
// the rights' dependencies; the sandbox enforces the evident one: editing, deleting or exporting
// reaches no further than viewing (A > G > M > D).

import type { UserRights } from '../../rest/types.js';
import { readFields } from '../notes/fields.js';
import type { SandboxStore } from '../store.js';
import { isRecord, type Issues } from '../writes/issues.js';

export type RoleRights = Omit<UserRights, 'is_admin' | 'is_free' | 'is_active' | 'group_id' | 'role_id'>;

const LEVELS = new Set(['A', 'G', 'M', 'D']);
const ENTITY_ACTIONS = ['view', 'edit', 'add', 'delete', 'export'];
const REACH: Record<string, number> = { A: 3, G: 2, M: 1, D: 0 };

/** Levels beyond `view` are refused when both are given. */
function checkDependencies(levels: Record<string, string>, issues: Issues): void {
  const view = levels.view;
  if (view === undefined) return;
  for (const action of ['edit', 'delete', 'export']) {
    const level = levels[action];
    if (level !== undefined && REACH[level]! > REACH[view]!) issues.add('NotSupportedChoice', action, `${action} reaches no further than view (${view}).`);
  }
}

const ENTITY_KEYS = { leads: ENTITY_ACTIONS, contacts: ENTITY_ACTIONS, companies: ENTITY_ACTIONS, tasks: ['edit', 'delete'] } as const;

function readLevels(raw: unknown, actions: readonly string[], issues: Issues): Record<string, string> | undefined {
  if (!isRecord(raw)) {
    issues.add('InvalidType', '', 'This value should be of type object.');
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [action, level] of Object.entries(raw)) {
    if (!actions.includes(action)) issues.add('NotSupportedChoice', action, `Unknown action; one of ${actions.join(', ')}.`);
    else if (typeof level !== 'string' || !LEVELS.has(level)) issues.add('NotSupportedChoice', action, 'The level is one of A, G, M, D.');
    else out[action] = level;
  }
  return out;
}

function readStatusRights(raw: unknown, store: SandboxStore, issues: Issues): RoleRights['status_rights'] {
  if (!Array.isArray(raw)) {
    issues.add('InvalidType', '', 'This value should be of type array.');
    return undefined;
  }
  return raw.flatMap((entry, index) => {
    const at = issues.under(index);
    if (!isRecord(entry)) {
      at.add('InvalidType', '', 'This value should be of type object.');
      return [];
    }
    const read = readFields(entry, at);
    const entityType = read.text('entity_type', { required: true });
    if (entityType !== undefined && entityType !== 'leads') read.fail('NotSupportedChoice', 'entity_type', 'Stage rights exist for leads only.');
    const pipelineId = read.int('pipeline_id', { required: true, min: 1 });
    const statusId = read.int('status_id', { required: true, min: 1 });
    const pipeline = pipelineId === undefined ? undefined : store.pipelines.get(pipelineId);
    if (pipelineId !== undefined && !pipeline) read.fail('NotSupportedChoice', 'pipeline_id', 'No pipeline with this id.');
    else if (pipeline && statusId !== undefined && !pipeline.statuses.some((status) => status.id === statusId)) read.fail('NotSupportedChoice', 'status_id', 'No such status in this pipeline.');
    const rights = readLevels(entry.rights ?? {}, ['view', 'edit', 'delete', 'export'], at.under('rights'));
    return pipelineId !== undefined && statusId !== undefined && rights ? [{ entity_type: 'leads', pipeline_id: pipelineId, status_id: statusId, rights }] : [];
  });
}

/** The role-like part of `rights` (entity levels, mail and lists access, stage rights). */
export function readRoleRights(raw: Record<string, unknown>, store: SandboxStore, issues: Issues): RoleRights {
  const out: RoleRights = {};
  for (const [key, actions] of Object.entries(ENTITY_KEYS)) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const levels = readLevels(raw[key], actions, issues.under(key));
    if (levels && key !== 'tasks') checkDependencies(levels, issues.under(key));
    if (levels) out[key as keyof typeof ENTITY_KEYS] = levels;
  }
  const read = readFields(raw, issues);
  const mail = read.bool('mail_access');
  const catalogs = read.bool('catalog_access');
  if (mail !== undefined) out.mail_access = mail;
  if (catalogs !== undefined) out.catalog_access = catalogs;
  if (raw.status_rights !== undefined && raw.status_rights !== null) out.status_rights = readStatusRights(raw.status_rights, store, issues.under('status_rights')) ?? [];
  return out;
}

/** Keys a role's rights may carry; the user flags are refused there. */
export const ROLE_RIGHT_KEYS = new Set([...Object.keys(ENTITY_KEYS), 'mail_access', 'catalog_access', 'status_rights']);

/** A role's rights: its own once written; a seeded role's are its holders' entity rights. */
export function roleRightsOf(store: SandboxStore, role: { id: number; rights?: Partial<UserRights> }): Partial<UserRights> {
  if (role.rights) return structuredClone(role.rights);
  const holder = store.users.values().find((user) => user.rights.role_id === role.id);
  if (!holder) return {};
  const { is_admin: _admin, is_free: _free, is_active: _active, group_id: _group, role_id: _role, ...rights } = structuredClone(holder.rights);
  return rights;
}
