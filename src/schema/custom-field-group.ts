// Field groups: the tabs of a lead, contact, company or customer card (amoCRM's
// `/custom_fields/groups`, string ids). Everyone reads them; writes are for administrators, one
// group per upstream call for edits and deletes, as amoCRM takes them.

import { batchWrite, type InputPath, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { CustomFieldGroupWrite } from '../rest/resources/custom-fields.js';
import type { CustomFieldGroup, EntityType } from '../rest/types.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { CustomFieldOwnerTypeEnum, forgetFieldMetadata, groupOwnerFromArgs } from './custom-field-owner.js';
import { checkListSize } from './entity-writes.js';
import { CustomFieldDefinitionRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

type GroupOwner = EntityType | 'customers';

export const CustomFieldGroupRef = builder.objectRef<CustomFieldGroup>('CustomFieldGroup').implement({
  description: 'A tab of an entity card that holds custom fields. The predefined group is the main tab: fields without a group of their own are shown there.',
  fields: (t) => ({
    groupId: t.exposeString('id', { description: "amoCRM's id of the group, a string (e.g. leads_1700000001)." }),
    name: t.exposeString('name'),
    sort: t.int({ resolve: (group) => Number(group.sort) || 0 }),
    owner: t.field({ type: CustomFieldOwnerTypeEnum, resolve: (group) => group.entity_type }),
    isPredefined: t.boolean({ description: 'The main tab; it cannot be deleted.', resolve: (group) => group.is_predefined === true }),
    fields: t.field({
      type: [CustomFieldDefinitionRef],
      description: 'The definitions in this group, from the cached catalogue of the owner.',
      resolve: async (group, _args, ctx) => {
        const all = await ctx.account.customFields(group.entity_type);
        const ids = group.fields ?? all.filter((field) => (group.is_predefined ? field.group_id == null : field.group_id === group.id)).map((field) => field.id);
        const byId = new Map(all.map((field) => [field.id, field]));
        return ids.flatMap((id) => byId.get(id) ?? []);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  customFieldGroups: t.field({
    type: [CustomFieldGroupRef],
    nullable: true,
    description: 'The field groups (card tabs) of leads, contacts, companies or customers, by sort. Catalogs have none. Null, with an error, when amoCRM could not answer.',
    args: { owner: t.arg({ type: CustomFieldOwnerTypeEnum, required: true }) },
    resolve: async (_root, args, ctx) => {
      const groups = await ctx.account.customFieldGroups(groupOwnerFromArgs(args.owner));
      return [...groups].sort((a, b) => Number(a.sort) - Number(b.sort) || a.id.localeCompare(b.id));
    },
  }),
}));

const CreateCustomFieldGroupInput = builder.inputType('CreateCustomFieldGroupInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    sort: t.int(),
    fieldAmoIds: t.intList({ description: "The owner's fields to move into the new group." }),
  }),
});

const UpdateCustomFieldGroupInput = builder.inputType('UpdateCustomFieldGroupInput', {
  description: 'Only the fields given change; fieldAmoIds moves those fields into the group (others stay where they are).',
  fields: (t) => ({
    groupId: t.string({ required: true }),
    name: t.string(),
    sort: t.int(),
    fieldAmoIds: t.intList(),
  }),
});

interface GroupInputValue {
  groupId?: string | null;
  name?: string | null;
  sort?: number | null;
  fieldAmoIds?: readonly number[] | null;
}

const PATHS: Record<string, string> = { name: 'name', sort: 'sort', fields: 'fieldAmoIds' };

const groupInputPath = (amoPath: string): InputPath => {
  const [head, ...rest] = amoPath.split('.').filter((part) => part !== '');
  const name = PATHS[head ?? ''];
  return name ? [name, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part))] : [];
};

function groupBody(input: GroupInputValue, mode: 'create' | 'update'): Prepared<CustomFieldGroupWrite & { id?: string }> {
  const errors: ItemError[] = [];
  const body: CustomFieldGroupWrite & { id?: string } = {};
  if (mode === 'update') body.id = input.groupId!;
  if (input.name != null) {
    if (input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
    body.name = input.name;
  }
  if (input.sort != null) body.sort = input.sort;
  if (input.fieldAmoIds != null) {
    input.fieldAmoIds.forEach((id, index) => {
      if (id < 1) errors.push(inputError(['fieldAmoIds', index], 'field ids are positive'));
    });
    body.fields = [...input.fieldAmoIds];
  }
  if (mode === 'update' && Object.keys(body).length === 1) errors.push(inputError([], 'nothing to change'));
  return errors.length > 0 ? { errors } : { body, inputPath: groupInputPath };
}

async function writeGroups(ctx: GraphQLContext, owner: GroupOwner, inputs: readonly GroupInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  const seen = new Set<string>();
  const items = inputs.map((input) => {
    if (mode === 'update') {
      const id = input.groupId?.trim() ?? '';
      if (id === '') return { errors: [inputError(['groupId'], 'groupId must not be empty')] };
      if (seen.has(id)) return { errors: [inputError(['groupId'], `group ${id} is already updated by an earlier item of this call`)] };
      seen.add(id);
    }
    return groupBody(input, mode);
  });
  const signal = ctx.upstream.scope?.signal;
  const groups = ctx.upstream.customFields.groups;
  try {
    const outcomes =
      mode === 'create'
        ? await batchWrite<CustomFieldGroupWrite, CustomFieldGroup & { request_id?: string }>(items, {
            send: (bodies) => groups.create(owner, bodies, { signal }),
            requestIdsOf: (result) => [String(result.request_id ?? '')],
          })
        : // amoCRM edits one group per request, named by the path.
          await batchWrite<CustomFieldGroupWrite & { id?: string }, CustomFieldGroup>(items, {
            batchSize: 1,
            requestIds: 'by-position',
            send: async ([body]) => {
              const { id, ...change } = body!;
              const group = await groups.update(owner, id!, change, { signal });
              return group ? [group] : [];
            },
            requestIdsOf: () => ['0'],
          });
    return withIndexes(outcomes);
  } finally {
    forgetFieldMetadata(ctx, owner);
  }
}

async function deleteGroups(ctx: GraphQLContext, owner: GroupOwner, groupIds: readonly string[]) {
  checkListSize(groupIds);
  const seen = new Set<string>();
  const items = groupIds.map((id): Prepared<{ id: string }> => {
    if (id.trim() === '') return { errors: [inputError([], 'a group id must not be empty')] };
    if (seen.has(id)) return { errors: [inputError([], `group ${id} is already deleted by an earlier item of this call`)] };
    seen.add(id);
    return { body: { id }, inputPath: () => [] };
  });
  try {
    const outcomes = await batchWrite<{ id: string }, { id: string }>(items, {
      batchSize: 1,
      requestIds: 'by-position',
      send: async ([body]) => {
        await ctx.upstream.customFields.groups.delete(owner, body!.id, { signal: ctx.upstream.scope?.signal });
        return [{ id: body!.id }];
      },
      requestIdsOf: () => ['0'],
    });
    return withIndexes(outcomes);
  } finally {
    forgetFieldMetadata(ctx, owner);
  }
}

const GroupWriteResult = writeResultType<CustomFieldGroup>('CustomFieldGroupWriteResult', 'The outcome of one group of a createCustomFieldGroups or updateCustomFieldGroups call.', (t) => ({
  group: t.field({ type: CustomFieldGroupRef, nullable: true, description: 'The group as amoCRM answered the write.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value : null) }),
}));

const GroupDeleteResult = writeResultType<{ id: string }>('CustomFieldGroupDeleteResult', 'The outcome of one id of a deleteCustomFieldGroups call.', (t) => ({
  groupId: t.string({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
}));

const ADMIN = 'Admin only (amoCRM answers 403 to other users). Catalogs have no groups.';

builder.mutationFields((t) => ({
  createCustomFieldGroups: t.field({
    type: writePayloadType('CreateCustomFieldGroupsPayload', GroupWriteResult),
    description: `Adds field groups (card tabs), optionally moving fields into them; each item answered on its own. ${ADMIN}`,
    args: { owner: t.arg({ type: CustomFieldOwnerTypeEnum, required: true }), input: t.arg({ type: [CreateCustomFieldGroupInput], required: true }) },
    resolve: (_root, args, ctx) => writeGroups(ctx, groupOwnerFromArgs(args.owner), args.input, 'create'),
  }),
  updateCustomFieldGroups: t.field({
    type: writePayloadType('UpdateCustomFieldGroupsPayload', GroupWriteResult),
    description: `Renames or resorts groups and moves fields into them, one upstream call per group. ${ADMIN}`,
    args: { owner: t.arg({ type: CustomFieldOwnerTypeEnum, required: true }), input: t.arg({ type: [UpdateCustomFieldGroupInput], required: true }) },
    resolve: (_root, args, ctx) => writeGroups(ctx, groupOwnerFromArgs(args.owner), args.input, 'update'),
  }),
  deleteCustomFieldGroups: t.field({
    type: writePayloadType('DeleteCustomFieldGroupsPayload', GroupDeleteResult),
    description: `Deletes groups by groupId, one upstream call each; their fields move back to the main tab. The predefined group cannot be deleted. ${ADMIN}`,
    args: { owner: t.arg({ type: CustomFieldOwnerTypeEnum, required: true }), groupIds: t.arg.stringList({ required: true }) },
    resolve: (_root, args, ctx) => deleteGroups(ctx, groupOwnerFromArgs(args.owner), args.groupIds),
  }),
}));
