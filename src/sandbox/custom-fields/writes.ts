// Writes of field definitions: `POST /api/v4/{owner}/custom_fields` (batch), `PATCH` batch and
// `/{id}`, `DELETE /{id}`. Administrators only. Every item of a batch is checked before any is
// written. Field and enum ids are unique across the whole account; a field's type never changes;
// predefined and non-deletable fields cannot be deleted, and deleting a field drops its values.

import { CUSTOM_FIELD_TYPES, type CustomFieldEnum, type CustomFieldType } from '../../rest/types.js';
import { requireAdmin } from '../http/admin.js';
import type { RequestContext } from '../http/context.js';
import { selfHref } from '../http/hal.js';
import { HttpProblem } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { allFields, catalogIdOf, fieldTable } from '../field-owners.js';
import { readFields, type FieldReader } from '../notes/fields.js';
import type { CustomFieldRecord, FieldOwner } from '../records.js';
import { findStatus, type SandboxStore } from '../store.js';
import type { Table } from '../table.js';
import { MAX_BATCH, readBatch, readObjectBody } from '../writes/body.js';
import { isRecord, requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { has, readItem } from '../writes/scalars.js';
import { dropFieldValues } from './value-holders.js';
import { renderField } from './render.js';

/** Fields per write request: the docs name no ceiling of their own, so amoCRM's general one. */
export const MAX_FIELDS_PER_REQUEST = MAX_BATCH;

const WHAT = 'managing custom fields';
const ENUM_TYPES = new Set<CustomFieldType>(['select', 'multiselect', 'radiobutton', 'category']);
// Which owner may have which type, after Kommo's "field types availability" table.
/** Types only a catalog (list) has. */
const CATALOG_ONLY = new Set<CustomFieldType>(['price', 'category', 'items', 'linked_entity', 'payer', 'supplier']);
/** Types a catalog cannot have. */
const NOT_IN_CATALOGS = new Set<CustomFieldType>(['smart_address', 'birthday', 'legal_entity', 'multitext', 'chained_list']);
/** Phone, e-mail and IM are contacts' and companies' only. */
const MULTITEXT_OWNERS = new Set<FieldOwner>(['contacts', 'companies']);
const REMINDS = new Set(['never', 'day', 'week', 'month']);
const FIRST_FIELD_ID = 560_001;
const FIRST_ENUM_ID = 730_001;

function ownTable(ctx: RequestContext, owner: FieldOwner): Table<CustomFieldRecord> {
  const table = fieldTable(ctx.store, owner);
  if (!table) throw new HttpProblem(404, `No catalog ${catalogIdOf(owner)} in this account`);
  return table;
}

/** Hands out ids above every field / enum id in the account, as amoCRM's are account-wide. */
function idSource(store: SandboxStore) {
  const fields = allFields(store).map(({ field }) => field);
  let field = Math.max(FIRST_FIELD_ID - 1, ...fields.map((row) => row.id));
  let enumId = Math.max(FIRST_ENUM_ID - 1, ...fields.flatMap((row) => (row.enums ?? []).map((item) => item.id)));
  return { field: () => ++field, enum: () => ++enumId };
}

type Ids = ReturnType<typeof idSource>;

function checkType(read: FieldReader, owner: FieldOwner): CustomFieldType | undefined {
  const type = read.text('type', { required: true });
  if (type === undefined) return undefined;
  if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) read.fail('NotSupportedChoice', 'type', 'The value you selected is not a valid choice.');
  else if (CATALOG_ONLY.has(type as CustomFieldType) && catalogIdOf(owner) === null) read.fail('NotSupportedChoice', 'type', `A ${type} field exists only in catalogs.`);
  else if (NOT_IN_CATALOGS.has(type as CustomFieldType) && catalogIdOf(owner) !== null) read.fail('NotSupportedChoice', 'type', `A catalog cannot have a ${type} field.`);
  else if (type === 'multitext' && !MULTITEXT_OWNERS.has(owner)) read.fail('NotSupportedChoice', 'type', 'multitext fields exist only for contacts and companies.');
  else if (type === 'chained_list' && owner !== 'leads') read.fail('NotSupportedChoice', 'type', 'chained_list fields exist only for leads.');
  else return type as CustomFieldType;
  return undefined;
}

/** Enums replace the old list; an item with an `id` of the old list keeps it, others get new ids. */
function checkEnums(raw: unknown, issues: Issues, ids: Ids, old: CustomFieldEnum[] | null): CustomFieldEnum[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.add('InvalidType', 'enums', 'enums must be a non-empty array.');
    return undefined;
  }
  const known = new Map((old ?? []).map((item) => [item.id, item]));
  const out: CustomFieldEnum[] = [];
  raw.forEach((entry, index) => {
    const at = issues.under('enums').under(index);
    if (!isRecord(entry)) return at.add('InvalidType', '', 'each enum must be an object.');
    const read = readFields(entry, at);
    const value = read.text('value', { required: true });
    const sort = read.int('sort') ?? (index + 1) * 10;
    const id = read.int('id', { min: 1 });
    if (id !== undefined && !known.has(id)) read.fail('NotFound', 'id', 'No enum with this id in this field.');
    if (value !== undefined) out.push({ id: id ?? 0, value, sort });
  });
  if (out.length !== raw.length) return undefined;
  return out.map((item) => ({ ...item, id: item.id || ids.enum() }));
}

function checkStatuses(raw: unknown, key: string, issues: Issues, store: SandboxStore): { pipeline_id: number; status_id: number }[] | undefined {
  if (raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.add('InvalidType', key, `${key} must be an array.`);
    return undefined;
  }
  const before = issues.count;
  const out = raw.flatMap((entry, index) => {
    const at = issues.under(key).under(index);
    if (!isRecord(entry)) {
      at.add('InvalidType', '', 'each item must be an object with pipeline_id and status_id.');
      return [];
    }
    const read = readFields(entry, at);
    const pipelineId = read.int('pipeline_id', { required: true, min: 1 });
    const statusId = read.int('status_id', { required: true, min: 1 });
    if (pipelineId === undefined || statusId === undefined) return [];
    if (!findStatus(store, pipelineId, statusId)) {
      read.fail('NotSupportedChoice', 'status_id', 'No such status in this pipeline.');
      return [];
    }
    return [{ pipeline_id: pipelineId, status_id: statusId }];
  });
  return issues.count === before ? out : undefined;
}

function checkGroup(read: FieldReader, item: Record<string, unknown>, store: SandboxStore, owner: FieldOwner): string | null | undefined {
  if (!has(item, 'group_id')) return undefined;
  if (item.group_id === null) return null;
  const id = read.text('group_id');
  if (id === undefined) return undefined;
  const groups = (store.fieldGroups as Record<string, Map<string, { is_predefined: boolean }>>)[owner];
  if (!groups) read.fail('NotSupportedChoice', 'group_id', 'Fields of this owner have no groups.');
  else if (!groups.has(id)) read.fail('NotSupportedChoice', 'group_id', 'No field group with this id.');
  // The predefined group is where a field with no group is shown.
  else return groups.get(id)!.is_predefined ? null : id;
  return undefined;
}

/** `code` is unique per owner (values are addressed by it); latin letters, digits and `_`. */
function checkCode(read: FieldReader, table: Table<CustomFieldRecord>, taken: Map<string, number>, self: number | null): string | undefined {
  const code = read.text('code');
  if (code === undefined) return undefined;
  if (!/^[A-Za-z0-9_]{1,64}$/.test(code)) {
    read.fail('InvalidType', 'code', 'code is up to 64 latin letters, digits or underscores.');
    return undefined;
  }
  const upper = code.toUpperCase();
  const owner = taken.get(upper) ?? table.values().find((row) => row.code?.toUpperCase() === upper)?.id;
  if (owner !== undefined && owner !== self) {
    read.fail('NotSupportedChoice', 'code', 'A field with this code already exists.');
    return undefined;
  }
  taken.set(upper, self ?? -1);
  return upper;
}

interface Context {
  store: SandboxStore;
  owner: FieldOwner;
  table: Table<CustomFieldRecord>;
  ids: Ids;
  codes: Map<string, number>;
}

/** The settings every type may carry; `base` is the field before the write (a draft on create). */
function applySettings(c: Context, item: Record<string, unknown>, issues: Issues, base: CustomFieldRecord): CustomFieldRecord {
  const read = readFields(item, issues);
  const out: CustomFieldRecord = { ...base };
  if (has(item, 'name')) out.name = read.text('name', { required: true }) ?? base.name;
  out.sort = read.int('sort') ?? base.sort;
  out.is_api_only = read.bool('is_api_only') ?? base.is_api_only;
  const code = checkCode(read, c.table, c.codes, base.id || null);
  if (code !== undefined) {
    if (base.is_predefined && base.code !== null && code !== base.code) read.fail('NotSupportedChoice', 'code', "A predefined field's code cannot change.");
    else out.code = code;
  }
  const group = checkGroup(read, item, c.store, c.owner);
  if (group !== undefined) out.group_id = group;
  if (has(item, 'required_statuses')) {
    if (c.owner === 'customers' || catalogIdOf(c.owner) !== null) read.fail('NotSupportedChoice', 'required_statuses', 'Only lead, contact and company fields can be required by a lead status.');
    else out.required_statuses = checkStatuses(item.required_statuses, 'required_statuses', issues, c.store) ?? base.required_statuses;
  }
  if (has(item, 'hidden_statuses')) {
    if (c.owner !== 'leads') read.fail('NotSupportedChoice', 'hidden_statuses', 'Only lead fields are hidden by status.');
    else out.hidden_statuses = checkStatuses(item.hidden_statuses, 'hidden_statuses', issues, c.store) ?? base.hidden_statuses;
  }
  if (has(item, 'remind')) {
    const remind = item.remind === null ? 'never' : read.text('remind');
    if (base.type !== 'birthday') read.fail('NotSupportedChoice', 'remind', 'Only birthday fields remind.');
    else if (remind !== undefined && !REMINDS.has(remind)) read.fail('NotSupportedChoice', 'remind', 'remind is never, day, week or month.');
    else if (remind !== undefined) out.remind = remind as CustomFieldRecord['remind'];
  }
  if (has(item, 'currency')) {
    const currency = read.text('currency', { required: true });
    if (base.type !== 'monetary') read.fail('NotSupportedChoice', 'currency', 'Only monetary fields have a currency.');
    else if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) read.fail('InvalidType', 'currency', 'currency is an ISO 4217 code such as RUB.');
    else if (currency !== undefined) out.currency = currency;
  }
  if (has(item, 'enums')) {
    if (!ENUM_TYPES.has(base.type) && base.type !== 'multitext') read.fail('NotSupportedChoice', 'enums', `A ${base.type} field has no enums.`);
    else out.enums = checkEnums(item.enums, issues, c.ids, base.enums) ?? base.enums;
  }
  return out;
}

function checkCreate(c: Context, raw: unknown, issues: Issues): CustomFieldRecord | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const name = read.text('name', { required: true });
  const type = checkType(read, c.owner);
  if (name === undefined || type === undefined) return undefined;
  if (ENUM_TYPES.has(type) && !has(item, 'enums')) read.fail('NotBlank', 'enums', `A ${type} field needs enums.`);
  if (type === 'monetary' && !has(item, 'currency')) read.fail('NotBlank', 'currency', 'A monetary field needs a currency.');
  const draft: CustomFieldRecord = {
    id: 0,
    name,
    type,
    code: null,
    sort: 500,
    is_api_only: false,
    is_predefined: false,
    is_deletable: true,
    ...(c.owner === 'leads' ? { is_computed: false, hidden_statuses: [] } : {}),
    group_id: null,
    required_statuses: [],
    enums: null,
    remind: type === 'birthday' ? 'never' : null,
    currency: null,
  };
  return applySettings(c, item, issues, draft);
}

function contextOf(ctx: RequestContext, owner: FieldOwner): Context {
  requireAdmin(ctx, WHAT);
  return { store: ctx.store, owner, table: ownTable(ctx, owner), ids: idSource(ctx.store), codes: new Map() };
}

function collection(ctx: RequestContext, owner: FieldOwner, rows: CustomFieldRecord[], items: readonly unknown[]): Reply {
  const custom_fields = rows.map((row, index) => ({ ...renderField(ctx, owner, row), request_id: requestIdOf(items[index], index) }));
  return hal({ _total_items: custom_fields.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { custom_fields } });
}

/** `POST /api/v4/{owner}/custom_fields`. */
export function createFields(ctx: RequestContext, owner: FieldOwner): Reply {
  const c = contextOf(ctx, owner);
  const items = readBatch(ctx.body, MAX_FIELDS_PER_REQUEST);
  const drafts = validateAll(items, (raw, _index, issues) => checkCreate(c, raw, issues));
  const rows = drafts.map((draft) => c.table.put({ ...draft!, id: c.ids.field() }));
  return collection(ctx, owner, rows, items);
}

function checkUpdate(c: Context, pathId: number | null, raw: unknown, issues: Issues, seen: Set<number>): CustomFieldRecord | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const id = pathId ?? read.int('id', { required: true, min: 1 });
  if (id === undefined) return undefined;
  const field = c.table.get(id);
  if (!field) {
    read.fail('NotFound', 'id', 'No field with this id.');
    return undefined;
  }
  if (seen.has(id)) read.fail('NotSupportedChoice', 'id', 'This field is already updated by an earlier item.');
  seen.add(id);
  if (has(item, 'type') && item.type !== field.type) read.fail('NotSupportedChoice', 'type', "A field's type cannot change.");
  return applySettings(c, item, issues, field);
}

/** `PATCH /api/v4/{owner}/custom_fields` (an array with ids) or `.../custom_fields/{id}` (one object). */
export function updateFields(ctx: RequestContext, owner: FieldOwner, pathId: number | null): Reply {
  const c = contextOf(ctx, owner);
  const items = pathId === null ? readBatch(ctx.body, MAX_FIELDS_PER_REQUEST) : [readObjectBody(ctx.body)];
  const seen = new Set<number>();
  const drafts = validateAll(items, (raw, _index, issues) => checkUpdate(c, pathId, raw, issues, seen));
  const rows = drafts.map((draft) => c.table.put(draft!));
  if (pathId !== null) return hal(renderField(ctx, owner, rows[0]!));
  return collection(ctx, owner, rows, items);
}

/** `DELETE /api/v4/{owner}/custom_fields/{id}`: 204; the field's values go with it. */
export function deleteField(ctx: RequestContext, owner: FieldOwner, id: number): Reply {
  const c = contextOf(ctx, owner);
  const field = c.table.get(id);
  if (!field) throw new HttpProblem(404, `No field ${id} in ${owner}`);
  if (field.is_predefined || !field.is_deletable) throw new HttpProblem(400, `Field ${id} is ${field.is_predefined ? 'predefined' : 'not deletable'} and cannot be deleted`);
  c.table.delete(id);
  dropFieldValues(ctx.store, owner, id);
  return noContent();
}
