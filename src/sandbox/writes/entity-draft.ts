// One lead, contact or company write item, checked against the store and turned into a draft:
// the row fields to set, custom field and tag changes, and (on create) existing entities to link.
// Reading never writes, so a whole batch is checked before any of it lands. Unknown keys are
// ignored, as amoCRM ignores them.

import type { CompanyRecord, ContactRecord, EntityType, LeadRecord, PipelineRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { isLive, type WriteEnv } from './env.js';
import { mergeFieldValues, readFieldChanges, type FieldChange } from './field-values.js';
import { isRecord, type Issues } from './issues.js';
import { readStage } from './lead-stage.js';
import { checkRequiredForStage } from './required-fields.js';
import { has, readId, readInt, readItem, readList, readRecord, readString, typeName } from './scalars.js';
import { readTagRefs, type TagChanges } from './tag-writes.js';

export type EntityRow = LeadRecord | ContactRecord | CompanyRecord;
/** Any of the three rows' fields; which apply depends on the type. */
export type RowPatch = Partial<LeadRecord> & Partial<ContactRecord>;

export interface EntityDraft {
  type: EntityType;
  /** The row an update changes; absent on create. */
  id?: number;
  set: RowPatch;
  fields: FieldChange[];
  tags: TagChanges;
  /** Create only: existing contacts to link, the main one first. */
  contacts: number[];
  companyId: number | null;
}

export interface DraftOptions {
  mode: 'create' | 'update';
  /** The id from the path (PATCH /{type}/{id}); otherwise an update reads `id` from the item. */
  id?: number;
  /** Read `_embedded.contacts` / `.companies` as ids to link (plain POST only). */
  embeddedLinks?: boolean;
  /** Unsorted leads go to this pipeline's incoming stage. */
  incomingIn?: PipelineRecord;
}

function checkUser(store: SandboxStore, item: Record<string, unknown>, key: string, issues: Issues, allowRobot: boolean): number | undefined {
  const id = readInt(item, key, issues);
  if (id === undefined || id === null) return undefined;
  if ((id === 0 && allowRobot) || store.users.has(id)) return id;
  issues.add('NotSupportedChoice', key, `no user ${id}`);
  return undefined;
}

/** amoCRM builds a contact's name from its parts in the account's display order. */
export function contactName(store: SandboxStore, first: string, last: string): string {
  const parts = store.account.contact_name_display_order === 2 ? [last, first] : [first, last];
  return parts.map((part) => part.trim()).filter(Boolean).join(' ');
}

function readLinks(store: SandboxStore, type: EntityType, embedded: Record<string, unknown>, issues: Issues, draft: EntityDraft): void {
  const refList = (key: 'contacts' | 'companies') => {
    const list = readList(embedded, key, issues);
    if (!list) return [];
    const refs: { id: number; isMain: boolean }[] = [];
    list.forEach((entry, index) => {
      const at = issues.under(`${key}.${index}`);
      if (!isRecord(entry)) return at.add('InvalidType', '', `a linked ${key} entry is {id}, got ${typeName(entry)}`);
      const id = readId(entry, 'id', at);
      if (id === undefined || id === null) {
        if (!has(entry, 'id')) at.add('NotBlank', 'id', 'a linked entity needs its id');
        return;
      }
      if (!isLive(store, key, id)) return at.add('NotSupportedChoice', 'id', `no ${key === 'contacts' ? 'contact' : 'company'} ${id}`);
      refs.push({ id, isMain: entry.is_main === true || (isRecord(entry.metadata) && entry.metadata.is_main === true) });
    });
    return refs;
  };
  if (type === 'leads') {
    const contacts = refList('contacts');
    // The first one marked main is main; none marked: the first listed.
    const main = contacts.find((ref) => ref.isMain) ?? contacts[0];
    draft.contacts = main ? [main.id, ...contacts.filter((ref) => ref !== main).map((ref) => ref.id)] : [];
  }
  if (type === 'leads' || type === 'contacts') {
    // A lead or a contact has one company; amoCRM keeps one.
    draft.companyId = refList('companies')[0]?.id ?? null;
  }
}

export function readEntityDraft(env: WriteEnv, type: EntityType, raw: unknown, issues: Issues, options: DraftOptions): EntityDraft | undefined {
  const { store } = env;
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const draft: EntityDraft = { type, set: {}, fields: [], tags: { add: [], remove: [] }, contacts: [], companyId: null };

  let current: EntityRow | undefined;
  if (options.mode === 'update') {
    const id = options.id ?? readId(item, 'id', issues);
    if (id === undefined || id === null) {
      if (options.id === undefined && !has(item, 'id')) issues.add('NotBlank', 'id', 'an update needs the id of the entity');
      return undefined;
    }
    current = store.entities(type).get(id);
    if (!current || current.is_deleted) {
      issues.add('NotFound', 'id', `no ${type} entity ${id}`);
      return undefined;
    }
    draft.id = id;
  }

  const set = draft.set;
  const name = readString(item, 'name', issues);
  if (name !== undefined && name !== null) set.name = name;
  const responsible = checkUser(store, item, 'responsible_user_id', issues, false);
  if (responsible !== undefined) set.responsible_user_id = responsible;
  for (const key of ['created_by', 'updated_by'] as const) {
    const user = checkUser(store, item, key, issues, true);
    if (user !== undefined) set[key] = user;
  }
  for (const key of ['created_at', 'updated_at'] as const) {
    const at = readInt(item, key, issues);
    if (at !== undefined && at !== null) set[key] = at;
  }

  if (type === 'contacts') {
    const first = readString(item, 'first_name', issues, { nullable: true });
    const last = readString(item, 'last_name', issues, { nullable: true });
    if (first !== undefined) set.first_name = first ?? '';
    if (last !== undefined) set.last_name = last ?? '';
    if (set.name === undefined && (first !== undefined || last !== undefined)) {
      const was = current as ContactRecord | undefined;
      set.name = contactName(store, set.first_name ?? was?.first_name ?? '', set.last_name ?? was?.last_name ?? '');
    }
  }

  const changes = readFieldChanges(store, type, item.custom_fields_values, issues.under('custom_fields_values'));
  if (changes) draft.fields = changes;

  if (type === 'leads') {
    const price = readInt(item, 'price', issues);
    if (price !== undefined && price !== null) set.price = price;
    const lead = current as LeadRecord | undefined;
    const stage = readStage(store, item, issues, { current: lead, now: env.now, incomingIn: options.incomingIn });
    if (stage) {
      Object.assign(set, stage);
      if (!lead || stage.pipeline_id !== lead.pipeline_id || stage.status_id !== lead.status_id) {
        checkRequiredForStage(store, stage, mergeFieldValues(lead?.custom_fields_values ?? [], draft.fields), issues);
      }
    }
  }

  const tagsIn = (source: Record<string, unknown>, key: string, at: Issues, forRemoval = false) => {
    const list = readList(source, key, at, { nullable: true });
    if (list === undefined) return undefined;
    return list === null ? [] : readTagRefs(store, type, list, at.under(key), { forRemoval });
  };
  draft.tags.add = tagsIn(item, 'tags_to_add', issues) ?? [];
  // On create there is nothing to remove; amoCRM documents tags_to_delete for updates.
  draft.tags.remove = options.mode === 'update' ? (tagsIn(item, 'tags_to_delete', issues, true) ?? []) : [];
  const embedded = readRecord(item, '_embedded', issues);
  if (embedded) {
    const replace = tagsIn(embedded, 'tags', issues.under('_embedded'));
    if (replace) draft.tags.replace = replace;
    if (options.embeddedLinks && options.mode === 'create') readLinks(store, type, embedded, issues.under('_embedded'), draft);
    else if (options.mode === 'update' && (has(embedded, 'contacts') || has(embedded, 'companies'))) {
      env.notes.push('_embedded.contacts/companies are read on create only; use the link endpoints to change links');
    }
  }
  return draft;
}
