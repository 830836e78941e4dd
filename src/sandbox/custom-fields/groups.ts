// Field groups, `/api/v4/{leads|contacts|companies|customers}/custom_fields/groups`: the tabs of an
// entity card. Reads for everyone, writes for administrators. Ids are strings (`leads_<digits>`);
// the predefined group cannot be deleted, and deleting a group moves its fields back to it.
// A write's `fields` moves those fields of the owner into the group.

import { requireAdmin } from '../http/admin.js';
import type { RequestContext } from '../http/context.js';
import { link, selfHref } from '../http/hal.js';
import { HttpProblem } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { readFields } from '../notes/fields.js';
import type { FieldGroupRecord, GroupOwner } from '../records.js';
import type { SandboxStore } from '../store.js';
import { MAX_BATCH, readBatch, readObjectBody } from '../writes/body.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { has, readItem } from '../writes/scalars.js';

/** The docs name no ceiling for groups either: amoCRM's general one. */
export const MAX_GROUPS_PER_REQUEST = MAX_BATCH;
const WHAT = 'managing field groups';

/** The fields a group holds: those naming it, or, for the predefined group, those naming none. */
function fieldsOf(store: SandboxStore, owner: GroupOwner, group: FieldGroupRecord): number[] {
  return store.customFields[owner]
    .values()
    .filter((field) => (group.is_predefined ? field.group_id === null : field.group_id === group.id))
    .map((field) => field.id);
}

export function renderGroup(ctx: RequestContext, owner: GroupOwner, group: FieldGroupRecord) {
  return {
    id: group.id,
    name: group.name,
    sort: group.sort,
    entity_type: owner,
    is_predefined: group.is_predefined,
    type: group.type,
    fields: fieldsOf(ctx.store, owner, group),
    _links: link(ctx, `/api/v4/${owner}/custom_fields/groups/${group.id}`),
  };
}

const sorted = (groups: Iterable<FieldGroupRecord>) => [...groups].sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id));

export function listGroups(ctx: RequestContext, owner: GroupOwner): Reply {
  const groups = sorted(ctx.store.fieldGroups[owner].values());
  if (groups.length === 0) return noContent();
  const custom_field_groups = groups.map((group) => renderGroup(ctx, owner, group));
  return hal({ _total_items: custom_field_groups.length, _page: 1, _links: { self: { href: selfHref(ctx) } }, _embedded: { custom_field_groups } });
}

export function getGroup(ctx: RequestContext, owner: GroupOwner): Reply {
  const group = ctx.store.fieldGroups[owner].get(ctx.params.id ?? '');
  return group ? hal(renderGroup(ctx, owner, group)) : noContent();
}

/** `fields`: ids of this owner's fields, to move into the group. */
function checkFields(store: SandboxStore, owner: GroupOwner, item: Record<string, unknown>, issues: Issues): number[] | undefined {
  if (!has(item, 'fields')) return undefined;
  const raw = item.fields;
  if (!Array.isArray(raw)) {
    issues.add('InvalidType', 'fields', 'fields must be an array of field ids.');
    return undefined;
  }
  const before = issues.count;
  raw.forEach((id, index) => {
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) issues.add('InvalidType', `fields.${index}`, 'This value should be of type int.');
    else if (!store.customFields[owner].has(id)) issues.add('NotSupportedChoice', `fields.${index}`, `No ${owner} field with this id.`);
  });
  return issues.count === before ? (raw as number[]) : undefined;
}

function moveFields(store: SandboxStore, owner: GroupOwner, group: FieldGroupRecord, ids: readonly number[] | undefined): void {
  const table = store.customFields[owner];
  for (const id of ids ?? []) table.put({ ...table.get(id)!, group_id: group.is_predefined ? null : group.id });
}

function collection(ctx: RequestContext, owner: GroupOwner, rows: FieldGroupRecord[], items: readonly unknown[]): Reply {
  const custom_field_groups = rows.map((row, index) => ({ ...renderGroup(ctx, owner, row), request_id: requestIdOf(items[index], index) }));
  return hal({ _total_items: custom_field_groups.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { custom_field_groups } });
}

/** A new string id, `<owner>_<digits>` as amoCRM's look, unique in the owner. */
function newGroupId(store: SandboxStore, owner: GroupOwner): string {
  const taken = store.fieldGroups[owner];
  let n = Math.floor(store.account.created_at) * 10;
  for (const id of taken.keys()) {
    const digits = /_(\d+)$/.exec(id);
    if (digits) n = Math.max(n, Number(digits[1]));
  }
  return `${owner}_${n + 1}`;
}

/** `POST .../custom_fields/groups`. */
export function createGroups(ctx: RequestContext, owner: GroupOwner): Reply {
  requireAdmin(ctx, WHAT);
  const items = readBatch(ctx.body, MAX_GROUPS_PER_REQUEST);
  const drafts = validateAll(items, (raw, index, issues) => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const read = readFields(item, issues);
    const name = read.text('name', { required: true });
    const sort = read.int('sort');
    const fields = checkFields(ctx.store, owner, item, issues);
    return { name: name ?? '', sort: sort ?? (ctx.store.fieldGroups[owner].size + index) * 10, fields };
  });
  const rows = drafts.map((draft) => {
    const group: FieldGroupRecord = { id: newGroupId(ctx.store, owner), name: draft!.name, sort: draft!.sort, is_predefined: false, type: 'custom_field_group' };
    ctx.store.fieldGroups[owner].set(group.id, group);
    moveFields(ctx.store, owner, group, draft!.fields);
    return group;
  });
  return collection(ctx, owner, rows, items);
}

function knownGroup(ctx: RequestContext, owner: GroupOwner): FieldGroupRecord {
  const id = ctx.params.id ?? '';
  const group = ctx.store.fieldGroups[owner].get(id);
  if (!group) throw new HttpProblem(404, `No field group ${id} in ${owner}`);
  return group;
}

/** `PATCH .../custom_fields/groups/{id}`: name, sort, and fields to move in. */
export function updateGroup(ctx: RequestContext, owner: GroupOwner): Reply {
  requireAdmin(ctx, WHAT);
  const group = knownGroup(ctx, owner);
  const body = readObjectBody(ctx.body);
  const [draft] = validateAll([body], (raw, _index, issues) => {
    const item = readItem(raw, issues)!;
    const read = readFields(item, issues);
    const name = has(item, 'name') ? read.text('name', { required: true }) : undefined;
    const sort = read.int('sort');
    const fields = checkFields(ctx.store, owner, item, issues);
    return { ...group, name: name ?? group.name, sort: sort ?? group.sort, fields };
  });
  const { fields, ...row } = draft!;
  ctx.store.fieldGroups[owner].set(row.id, row);
  moveFields(ctx.store, owner, row, fields);
  return hal(renderGroup(ctx, owner, row));
}

/** `DELETE .../custom_fields/groups/{id}`: 204; its fields go back to the predefined group. */
export function deleteGroup(ctx: RequestContext, owner: GroupOwner): Reply {
  requireAdmin(ctx, WHAT);
  const group = knownGroup(ctx, owner);
  if (group.is_predefined) throw new HttpProblem(400, `Field group ${group.id} is predefined and cannot be deleted`);
  const table = ctx.store.customFields[owner];
  for (const field of table.values()) if (field.group_id === group.id) table.put({ ...field, group_id: null });
  ctx.store.fieldGroups[owner].delete(group.id);
  return noContent();
}
