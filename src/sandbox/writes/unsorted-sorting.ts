// Sorting an incoming entry (§3.9): accept moves its lead out of the incoming stage, decline deletes
// what came with it, link attaches its contact to an existing lead instead. Each sorts the entry
// once. An unknown uid is a 404 problem and an entry already sorted a 400 problem: amoCRM's exact
// answers are not documented, these are what its other endpoints do for "no such thing" and
// "not allowed now".
//
// Deviation: amoCRM links only chats (the SDK also mail) entries; the sandbox links every category
// and notes it in the request log, so forms and sip entries can exercise a client's link path.

import { recordChanges } from '../events/record.js';
import { HttpProblem } from '../http/problem.js';
import type { LeadRecord, StatusRecord, UnsortedRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { groupOf } from '../seed/metadata.js';
import type { WriteEnv } from './env.js';
import { isRecord, type Issues } from './issues.js';
import { firstWorkingStage, isClosed } from './lead-stage.js';
import { checkRequiredForStage } from './required-fields.js';
import { has, readId, readInt, readString, typeName } from './scalars.js';

/** The entry behind a uid, still waiting to be sorted. */
export function openEntry(store: SandboxStore, uid: string): UnsortedRecord {
  const entry = store.unsorted.get(uid);
  if (!entry) throw new HttpProblem(404, `No unsorted entry ${uid}`);
  if (entry.state !== 'new') throw new HttpProblem(400, `Unsorted entry ${uid} is already ${entry.state}`);
  return entry;
}

function readUser(store: SandboxStore, body: Record<string, unknown>, issues: Issues): number | undefined {
  const id = readInt(body, 'user_id', issues);
  // user_id 0 is the robot: no one in particular.
  if (id === undefined || id === null || id === 0) return undefined;
  if (!store.users.has(id)) issues.add('NotSupportedChoice', 'user_id', `no user ${id}`);
  return id;
}

const leadOf = (store: SandboxStore, entry: UnsortedRecord) => (entry.lead_id === null ? undefined : store.leads.get(entry.lead_id));

function touch(env: WriteEnv, lead: LeadRecord, userId: number | undefined): void {
  lead.updated_at = env.now;
  lead.updated_by = userId ?? env.store.account.current_user_id;
}

/** The contact that came with the entry is a normal contact from now on. */
function settleContact(store: SandboxStore, entry: UnsortedRecord): void {
  const contact = entry.contact_id === null ? undefined : store.contacts.get(entry.contact_id);
  if (contact) contact.is_unsorted = false;
}

function sorted(env: WriteEnv, entry: UnsortedRecord, state: 'accepted' | 'declined'): void {
  entry.state = state;
  entry.sorted_at = env.now;
}

export interface AcceptDraft {
  status: StatusRecord;
  userId: number | undefined;
}

export function readAccept(store: SandboxStore, entry: UnsortedRecord, body: Record<string, unknown>, issues: Issues): AcceptDraft | undefined {
  const userId = readUser(store, body, issues);
  const statusId = readId(body, 'status_id', issues);
  const pipeline = store.pipelines.get(entry.pipeline_id)!;
  let status = firstWorkingStage(pipeline);
  if (typeof statusId === 'number') {
    const found = pipeline.statuses.find((candidate) => candidate.id === statusId);
    if (!found || found.type === 1) {
      issues.add('NotSupportedChoice', 'status_id', `status ${statusId} is not a stage of pipeline ${pipeline.id} past the incoming one`);
      return undefined;
    }
    status = found;
  }
  const lead = leadOf(store, entry);
  if (lead) checkRequiredForStage(store, { pipeline_id: pipeline.id, status_id: status.id }, lead.custom_fields_values, issues);
  return { status, userId };
}

export function acceptEntry(env: WriteEnv, entry: UnsortedRecord, draft: AcceptDraft): void {
  const lead = leadOf(env.store, entry);
  if (lead) {
    const before = structuredClone(lead);
    lead.status_id = draft.status.id;
    lead.closed_at = isClosed(draft.status.id) ? env.now : null;
    if (draft.userId !== undefined) {
      lead.responsible_user_id = draft.userId;
      lead.group_id = groupOf(env.store, draft.userId);
    }
    touch(env, lead, draft.userId);
    recordChanges(env.store, 'leads', before, lead, { by: lead.updated_by, at: env.now });
  }
  settleContact(env.store, entry);
  sorted(env, entry, 'accepted');
}

export function readDecline(store: SandboxStore, body: Record<string, unknown>, issues: Issues): { userId: number | undefined } {
  return { userId: readUser(store, body, issues) };
}

/** Declining deletes the lead and the contact and company that arrived with it. */
export function declineEntry(env: WriteEnv, entry: UnsortedRecord, draft: { userId: number | undefined }): void {
  const { store } = env;
  const lead = leadOf(store, entry);
  if (lead) {
    lead.is_deleted = true;
    touch(env, lead, draft.userId);
  }
  const contact = entry.contact_id === null ? undefined : store.contacts.get(entry.contact_id);
  // A contact merged in by duplicate control was never the entry's own.
  if (contact?.is_unsorted) Object.assign(contact, { is_deleted: true, is_unsorted: false, updated_at: env.now });
  const company = entry.company_id === null ? undefined : store.companies.get(entry.company_id);
  if (company) Object.assign(company, { is_deleted: true, updated_at: env.now });
  sorted(env, entry, 'declined');
}

export interface LeadLinkDraft {
  leadId: number;
  userId: number | undefined;
}

export function readLinkToLead(store: SandboxStore, entry: UnsortedRecord, body: Record<string, unknown>, issues: Issues): LeadLinkDraft | undefined {
  const userId = readUser(store, body, issues);
  if (!has(body, 'link')) {
    issues.add('NotBlank', 'link', 'link {entity_id, entity_type} is required');
    return undefined;
  }
  if (!isRecord(body.link)) {
    issues.add('InvalidType', 'link', `link must be an object, got ${typeName(body.link)}`);
    return undefined;
  }
  const at = issues.under('link');
  const type = readString(body.link, 'entity_type', at);
  if (type === undefined && !has(body.link, 'entity_type')) at.add('NotBlank', 'entity_type', 'entity_type is required');
  else if (typeof type === 'string' && type !== 'leads') at.add('NotSupportedChoice', 'entity_type', 'unsorted entries link to leads only');
  const leadId = readId(body.link, 'entity_id', at);
  if (leadId === undefined && !has(body.link, 'entity_id')) at.add('NotBlank', 'entity_id', 'entity_id is required');
  if (typeof leadId === 'number') {
    const lead = store.leads.get(leadId);
    if (!lead || lead.is_deleted || leadId === entry.lead_id) at.add('NotSupportedChoice', 'entity_id', `no lead ${leadId} to link the entry to`);
  }
  return typeof leadId === 'number' ? { leadId, userId } : undefined;
}

/** The entry's contact (and company, when the lead has none) join the lead; its own lead is deleted. */
export function linkEntry(env: WriteEnv, entry: UnsortedRecord, draft: LeadLinkDraft): void {
  const { store } = env;
  if (entry.category !== 'chats') {
    env.notes.push(`amoCRM links only chats (and mail) entries; the sandbox linked a ${entry.category} entry`);
  }
  const target = { type: 'leads' as const, id: draft.leadId };
  if (entry.contact_id !== null) store.links.link(target, { type: 'contacts', id: entry.contact_id });
  if (entry.company_id !== null && store.links.linked(target, 'companies').length === 0) {
    store.links.link(target, { type: 'companies', id: entry.company_id });
  }
  const own = leadOf(store, entry);
  if (own) {
    own.is_deleted = true;
    touch(env, own, draft.userId);
  }
  settleContact(store, entry);
  entry.lead_id = draft.leadId;
  sorted(env, entry, 'accepted');
}
