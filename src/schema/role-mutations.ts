// createRoles, updateRoles, deleteRoles (`/api/v4/roles`). Admin only. amoCRM writes roles in
// batches and deletes them one at a time; a role's rights reach the users who hold it, so both the
// cached roles and the cached users are dropped after a write and the next read is fresh.

import { batchWrite, type InputPath, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { RoleWrite } from '../rest/resources/roles.js';
import type { Role } from '../rest/types.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { checkListSize, deleteEach } from './entity-writes.js';
import { RoleRef, ROLES_LIMITATION } from './role.js';
import { rightsInputPath, RoleRightsInput, toRoleRights, type RoleRightsValue } from './rights-input.js';
import { inputError, withIndexes, writePayloadType, writeResultType, type WriteResultShape } from './write-results.js';

const CreateRoleInput = builder.inputType('CreateRoleInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Unique in the account.' }),
    rights: t.field({ type: RoleRightsInput, required: true }),
  }),
});

const UpdateRoleInput = builder.inputType('UpdateRoleInput', {
  description: 'Only what is given changes; within `rights`, only the rights given.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string(),
    rights: t.field({ type: RoleRightsInput }),
  }),
});

interface RoleInputValue {
  amoId?: number | null;
  name?: string | null;
  rights?: RoleRightsValue | null;
}

const roleInputPath = (amoPath: string): InputPath => {
  const parts = amoPath.split('.');
  if (parts[0] === 'rights') return rightsInputPath(parts);
  if (parts[0] === 'id') return ['amoId'];
  return parts[0] === 'name' ? ['name'] : [];
};

function prepareRole(input: RoleInputValue, mode: 'create' | 'update', names: Map<string, number>, seen: Set<number>, index: number): Prepared<RoleWrite & { id?: number }> {
  const errors: ItemError[] = [];
  const body: RoleWrite & { id?: number } = {};
  if (mode === 'update') {
    if (input.amoId == null || input.amoId < 1) return { errors: [inputError(['amoId'], 'amoId must be a positive id')] };
    if (seen.has(input.amoId)) return { errors: [inputError(['amoId'], `role ${input.amoId} is already updated by an earlier item of this call`)] };
    seen.add(input.amoId);
    body.id = input.amoId;
    if (input.name == null && input.rights == null) errors.push(inputError([], 'nothing to change'));
  }
  if (input.name != null) {
    const key = input.name.trim().toLowerCase();
    if (key === '') errors.push(inputError(['name'], 'name must not be empty'));
    else if (names.has(key)) errors.push(inputError(['name'], `name is already used by item ${names.get(key)} of this call`));
    else names.set(key, index);
    body.name = input.name;
  }
  if (input.rights != null) body.rights = toRoleRights(input.rights);
  return errors.length > 0 ? { errors } : { body, inputPath: roleInputPath };
}

function forgetRolesAndUsers(ctx: GraphQLContext, outcomes: readonly { status: string }[]): void {
  if (!outcomes.some((outcome) => outcome.status !== 'failed')) return;
  ctx.account.metadata.invalidate('roles');
  ctx.account.metadata.invalidate('users');
}

async function writeRoles(ctx: GraphQLContext, inputs: readonly RoleInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  const names = new Map<string, number>();
  const seen = new Set<number>();
  const items = inputs.map((input, index) => prepareRole(input, mode, names, seen, index));
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await batchWrite<RoleWrite & { id?: number }, Role & { request_id?: string }>(items, {
    send: (bodies) => (mode === 'create' ? ctx.upstream.roles.create(bodies, { signal }) : ctx.upstream.roles.update(bodies as (RoleWrite & { id: number })[], { signal })),
    requestIdsOf: (result) => [String(result.request_id ?? '')],
  });
  forgetRolesAndUsers(ctx, outcomes);
  return withIndexes(outcomes);
}

/** One DELETE per role (amoCRM has no batch delete of roles); each answered on its own. */
async function deleteRoles(ctx: GraphQLContext, amoIds: readonly number[]): Promise<WriteResultShape<{ id: number }>[]> {
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await deleteEach(amoIds, 'role', (id) => ctx.upstream.roles.delete(id, { signal }));
  forgetRolesAndUsers(ctx, outcomes);
  return withIndexes(outcomes);
}

const RoleWriteResult = writeResultType<Role>('RoleWriteResult', 'The outcome of one role of a createRoles or updateRoles call.', (t) => ({
  role: t.field({ type: RoleRef, nullable: true, description: 'The role as amoCRM answered the write.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value : null) }),
}));

const RoleDeleteResult = writeResultType<{ id: number }>('RoleDeleteResult', 'The outcome of one id of a deleteRoles call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
}));

const ADMIN = `Admin only (${ROLES_LIMITATION}); a refused item carries amoCRM's AMOCRM_FORBIDDEN.`;

builder.mutationFields((t) => ({
  createRoles: t.field({
    type: writePayloadType('CreateRolesPayload', RoleWriteResult),
    description: `Adds roles, 50 per upstream call, each answered on its own. ${ADMIN}`,
    args: { input: t.arg({ type: [CreateRoleInput], required: true }) },
    resolve: (_root, args, ctx) => writeRoles(ctx, args.input, 'create'),
  }),
  updateRoles: t.field({
    type: writePayloadType('UpdateRolesPayload', RoleWriteResult),
    description: `Renames roles or changes their rights by amoId; the users holding a role get its new rights. ${ADMIN}`,
    args: { input: t.arg({ type: [UpdateRoleInput], required: true }) },
    resolve: (_root, args, ctx) => writeRoles(ctx, args.input, 'update'),
  }),
  deleteRoles: t.field({
    type: writePayloadType('DeleteRolesPayload', RoleDeleteResult),
    description: `Deletes roles by amoId, one upstream call each. A role that users still hold is refused: give them another role first. ${ADMIN}`,
    args: { amoIds: t.arg.intList({ required: true }) },
    resolve: (_root, args, ctx) => deleteRoles(ctx, args.amoIds),
  }),
}));
