// Drafts into rows: a create fills amoCRM's defaults (the token's user as creator and owner, a
// lead named "Сделка #id" in its default stage), an update changes only what the draft sets;
// both stamp updated_at with the request time unless the item gave one.

import type { CompanyRecord, ContactRecord, EntityType, LeadRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { groupOf } from '../seed/metadata.js';
import type { EntityDraft, EntityRow } from './entity-draft.js';
import type { WriteEnv } from './env.js';
import { recordAdded, recordChanges } from '../events/record.js';
import { mergeFieldValues } from './field-values.js';
import { firstWorkingStage, mainPipeline } from './lead-stage.js';
import { applyTagChanges } from './tag-writes.js';

function baseRow(env: WriteEnv, id: number) {
  const user = env.store.account.current_user_id;
  return {
    id,
    name: '',
    responsible_user_id: user,
    group_id: groupOf(env.store, user),
    created_by: user,
    updated_by: user,
    created_at: env.now,
    updated_at: env.now,
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values: [],
    tag_ids: [],
  };
}

function newRow(env: WriteEnv, type: EntityType, id: number): EntityRow {
  const base = baseRow(env, id);
  if (type === 'contacts') return { ...base, first_name: '', last_name: '', is_unsorted: false } satisfies ContactRecord;
  if (type === 'companies') return base satisfies CompanyRecord;
  const pipeline = mainPipeline(env.store);
  return {
    ...base,
    // What amoCRM shows for a lead created without a name.
    name: `Сделка #${id}`,
    price: 0,
    status_id: firstWorkingStage(pipeline).id,
    pipeline_id: pipeline.id,
    loss_reason_id: null,
    source_id: null,
    closed_at: null,
    score: null,
    labor_cost: null,
    is_price_modified_by_robot: false,
  } satisfies LeadRecord;
}

function put(store: SandboxStore, type: EntityType, row: EntityRow): void {
  if (type === 'leads') store.leads.put(row as LeadRecord);
  else if (type === 'contacts') store.contacts.put(row as ContactRecord);
  else store.companies.put(row as CompanyRecord);
}

function assign(env: WriteEnv, row: EntityRow, draft: EntityDraft): void {
  Object.assign(row, draft.set);
  if (draft.set.responsible_user_id !== undefined) row.group_id = groupOf(env.store, draft.set.responsible_user_id);
  row.custom_fields_values = mergeFieldValues(row.custom_fields_values, draft.fields);
  row.tag_ids = applyTagChanges(env.store, draft.type, row.tag_ids, draft.tags);
}

export function createRow(env: WriteEnv, draft: EntityDraft): EntityRow {
  const { store } = env;
  const row = newRow(env, draft.type, store.entities(draft.type).nextId());
  assign(env, row, draft);
  put(store, draft.type, row);
  recordAdded(store, draft.type, row, { by: row.created_by, at: env.now });
  const self = { type: draft.type, id: row.id };
  // The main contact is linked first: the link index makes the first contact of a lead main.
  draft.contacts.forEach((id, index) => store.links.link(self, { type: 'contacts', id }, { isMain: index === 0 }));
  if (draft.companyId !== null) store.links.link(self, { type: 'companies', id: draft.companyId });
  return row;
}

export function updateRow(env: WriteEnv, draft: EntityDraft): EntityRow {
  const row = env.store.entities(draft.type).get(draft.id!)!;
  const user = env.store.account.current_user_id;
  const before = structuredClone(row);
  assign(env, row, { ...draft, set: { updated_at: env.now, updated_by: user, ...draft.set } });
  put(env.store, draft.type, row);
  recordChanges(env.store, draft.type, before, row, { by: row.updated_by, at: env.now });
  return row;
}
