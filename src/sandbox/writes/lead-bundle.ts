// A new lead with its own new contact and company, as /leads/complex and unsorted forms/sip create
// them: the contact is the lead's main one, contact and company are linked to each other, and an
// incoming lead also gets its unsorted entry. A contact merged by duplicate control is only linked
// to the lead: its company, if any, stays as it was.

import { randomBytes } from 'node:crypto';
import type { LeadRecord, PipelineRecord, UnsortedCategoryName, UnsortedRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { createRow } from './entity-apply.js';
import type { EntityDraft } from './entity-draft.js';
import type { WriteEnv } from './env.js';
import type { Issues } from './issues.js';
import { mainPipeline } from './lead-stage.js';
import { has, readId } from './scalars.js';

export interface EntryDraft {
  category: UnsortedCategoryName;
  pipeline: PipelineRecord;
  created_at: number | undefined;
  metadata: Record<string, unknown>;
  source_uid: string | null;
  source_name: string | null;
}

export interface BundleDraft {
  lead: EntityDraft;
  contact?: EntityDraft;
  /** An existing contact duplicate control matched instead of creating `contact`. */
  mergedContactId?: number;
  company?: EntityDraft;
  entry?: EntryDraft;
}

export interface BundleResult {
  lead: LeadRecord;
  contactId: number | null;
  companyId: number | null;
  merged: boolean;
  entry?: UnsortedRecord;
}

/** The pipeline an incoming lead lands in: `pipeline_id` or the main one, with unsorted switched on. */
export function readIncomingPipeline(store: SandboxStore, item: Record<string, unknown>, issues: Issues): PipelineRecord | undefined {
  const id = readId(item, 'pipeline_id', issues);
  if (id === undefined || id === null) return has(item, 'pipeline_id') ? undefined : mainPipeline(store);
  const pipeline = store.pipelines.get(id);
  if (!pipeline) issues.add('NotSupportedChoice', 'pipeline_id', `no pipeline ${id}`);
  else if (!pipeline.is_unsorted_on) issues.add('NotSupportedChoice', 'pipeline_id', `pipeline ${id} has incoming leads switched off`);
  return pipeline?.is_unsorted_on ? pipeline : undefined;
}

/** amoCRM's uids are opaque strings; 40 hex digits look like its own. */
export const newUid = () => randomBytes(20).toString('hex');

export function applyBundle(env: WriteEnv, draft: BundleDraft): BundleResult {
  const { store } = env;
  const entry = draft.entry;
  const createdAt = entry?.created_at ?? env.now;
  if (entry && draft.lead.set.created_at === undefined) draft.lead.set.created_at = createdAt;
  const lead = createRow(env, draft.lead) as LeadRecord;
  const leadRef = { type: 'leads' as const, id: lead.id };

  let contactId: number | null = draft.mergedContactId ?? null;
  if (draft.contact && contactId === null) {
    // Contacts that came with an incoming lead stay "unsorted" until it is accepted.
    if (entry) draft.contact.set.is_unsorted = true;
    contactId = createRow(env, draft.contact).id;
  }
  const companyId = draft.company ? createRow(env, draft.company).id : null;
  if (contactId !== null) store.links.link(leadRef, { type: 'contacts', id: contactId }, { isMain: true });
  if (companyId !== null) store.links.link(leadRef, { type: 'companies', id: companyId });
  if (companyId !== null && contactId !== null && draft.mergedContactId === undefined) {
    store.links.link({ type: 'contacts', id: contactId }, { type: 'companies', id: companyId });
  }

  let record: UnsortedRecord | undefined;
  if (entry) {
    record = {
      uid: newUid(),
      source_uid: entry.source_uid,
      source_name: entry.source_name,
      category: entry.category,
      pipeline_id: entry.pipeline.id,
      created_at: createdAt,
      metadata: entry.metadata,
      lead_id: lead.id,
      contact_id: contactId,
      company_id: companyId,
      state: 'new',
      sorted_at: null,
    };
    store.unsorted.set(record.uid, record);
  }
  return { lead, contactId, companyId, merged: draft.mergedContactId !== undefined, entry: record };
}
