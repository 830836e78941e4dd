// The rights a role or a new user is given, in GraphQL terms, and their conversion to amoCRM's
// `rights` object (levels A/G/M/D per action; stage rights per lead status). Shared by addUsers
// and the role mutations, with the map from amoCRM's error paths back to input paths.

import type { InputPath } from '../loaders/batch-write.js';
import type { RoleRights } from '../rest/resources/roles.js';
import type { UserRights } from '../rest/types.js';
import { builder, type SchemaTypes } from './builder.js';

export const RightLevel = builder.enumType('RightLevel', {
  description: 'How far a right reaches.',
  values: {
    ALL: { value: 'A', description: 'Every entity.' },
    GROUP: { value: 'G', description: "Entities of the user's group." },
    OWN: { value: 'M', description: 'Entities the user is responsible for.' },
    DENIED: { value: 'D', description: 'None.' },
  } as const,
});

type Level = 'A' | 'G' | 'M' | 'D';

const EntityRightsInput = builder.inputType('EntityRightsInput', {
  description: 'Rights on leads, contacts or companies; an action left out keeps amoCRM\'s default.',
  fields: (t) => ({
    view: t.field({ type: RightLevel }),
    edit: t.field({ type: RightLevel }),
    add: t.field({ type: RightLevel }),
    delete: t.field({ type: RightLevel }),
    export: t.field({ type: RightLevel }),
  }),
});

const TaskRightsInput = builder.inputType('TaskRightsInput', {
  fields: (t) => ({ edit: t.field({ type: RightLevel }), delete: t.field({ type: RightLevel }) }),
});

const StageRightsInput = builder.inputType('StageRightsInput', {
  description: 'Rights on the leads in one status of a pipeline.',
  fields: (t) => ({
    pipelineAmoId: t.int({ required: true }),
    statusAmoId: t.int({ required: true }),
    view: t.field({ type: RightLevel }),
    edit: t.field({ type: RightLevel }),
    delete: t.field({ type: RightLevel }),
    export: t.field({ type: RightLevel }),
  }),
});

type Levels = Partial<Record<'view' | 'edit' | 'add' | 'delete' | 'export', Level | null>>;

export interface RoleRightsValue {
  leads?: Levels | null;
  contacts?: Levels | null;
  companies?: Levels | null;
  tasks?: Levels | null;
  mailAccess?: boolean | null;
  catalogAccess?: boolean | null;
  stageRights?: readonly (Levels & { pipelineAmoId: number; statusAmoId: number })[] | null;
}

export interface UserRightsValue extends RoleRightsValue {
  isAdmin?: boolean | null;
  isFree?: boolean | null;
  roleAmoId?: number | null;
  groupAmoId?: number | null;
}

const roleRightFields = (t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>) => ({
  leads: t.field({ type: EntityRightsInput }),
  contacts: t.field({ type: EntityRightsInput }),
  companies: t.field({ type: EntityRightsInput }),
  tasks: t.field({ type: TaskRightsInput }),
  mailAccess: t.boolean({ description: 'May use mail in amoCRM.' }),
  catalogAccess: t.boolean({ description: 'May use lists (catalogs).' }),
  stageRights: t.field({ type: [StageRightsInput], description: 'Rights per lead status; an empty list removes them all.' }),
});

export const RoleRightsInput = builder.inputType('RoleRightsInput', {
  description: "A role's rights. Admin and free are user flags, not role rights.",
  fields: (t) => roleRightFields(t),
});

export const UserRightsInput = builder.inputType('UserRightsInput', {
  description: "A new user's rights. With a role and no entity rights, the user takes the role's rights.",
  fields: (t) => ({
    ...roleRightFields(t),
    isAdmin: t.boolean(),
    isFree: t.boolean({ description: 'A free user does not count towards the plan; an admin cannot be free.' }),
    roleAmoId: t.int(),
    groupAmoId: t.int({ description: 'The user group; 0 is the main one.' }),
  }),
});

function levels(value: Levels | null | undefined): Record<string, string> | undefined {
  if (!value) return undefined;
  const out: Record<string, string> = {};
  for (const [action, level] of Object.entries(value)) if (level != null && action !== 'pipelineAmoId' && action !== 'statusAmoId') out[action] = level;
  return out;
}

export function toRoleRights(value: RoleRightsValue): RoleRights {
  const out: RoleRights = {};
  for (const key of ['leads', 'contacts', 'companies', 'tasks'] as const) {
    const converted = levels(value[key]);
    if (converted) out[key] = converted;
  }
  if (value.mailAccess != null) out.mail_access = value.mailAccess;
  if (value.catalogAccess != null) out.catalog_access = value.catalogAccess;
  if (value.stageRights != null) {
    out.status_rights = value.stageRights.map((stage) => ({ entity_type: 'leads', pipeline_id: stage.pipelineAmoId, status_id: stage.statusAmoId, rights: levels(stage) ?? {} }));
  }
  return out;
}

export function toUserRights(value: UserRightsValue): Partial<UserRights> {
  const out: Partial<UserRights> = toRoleRights(value);
  if (value.isAdmin != null) out.is_admin = value.isAdmin;
  if (value.isFree != null) out.is_free = value.isFree;
  if (value.roleAmoId != null) out.role_id = value.roleAmoId;
  if (value.groupAmoId != null) out.group_id = value.groupAmoId;
  return out;
}

const RIGHT_NAMES: Record<string, string> = {
  mail_access: 'mailAccess',
  catalog_access: 'catalogAccess',
  status_rights: 'stageRights',
  is_admin: 'isAdmin',
  is_free: 'isFree',
  role_id: 'roleAmoId',
  group_id: 'groupAmoId',
  pipeline_id: 'pipelineAmoId',
  status_id: 'statusAmoId',
};

/** `rights.status_rights.0.rights.view` → `['rights', 'stageRights', 0, 'view']`. */
export function rightsInputPath(rest: string[]): InputPath {
  const out: InputPath = [];
  for (let i = 0; i < rest.length; i++) {
    const part = rest[i]!;
    if (part === 'rights' && out[1] === 'stageRights') continue; // a stage's levels sit on the stage input itself
    out.push(/^\d+$/.test(part) ? Number(part) : (RIGHT_NAMES[part] ?? part));
  }
  return out;
}
