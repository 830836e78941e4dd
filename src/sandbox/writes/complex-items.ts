// One /leads/complex item (§3.2): a lead with at most one new contact and one new company (full
// objects), tags, and optionally `_embedded.metadata` (forms or sip), which makes it an incoming
// lead in its pipeline's incoming stage with an unsorted entry; any status given is then ignored.
// Duplicate control is looked up here, before any write.

import { readEntityDraft } from './entity-draft.js';
import { checkFieldCount, readOneNew } from './embedded-new.js';
import type { WriteEnv } from './env.js';
import { findDuplicateContact } from './duplicates.js';
import { isRecord, type Issues } from './issues.js';
import { readIncomingPipeline, type BundleDraft, type EntryDraft } from './lead-bundle.js';
import { has, readItem, typeName } from './scalars.js';
import { isCreatableCategory, readUnsortedMetadata } from './unsorted-metadata.js';

export const MAX_COMPLEX = 50;

export function readComplexItem(env: WriteEnv, input: unknown, issues: Issues): BundleDraft | undefined {
  const raw = readItem(input, issues);
  if (!raw) return undefined;
  // A non-object `_embedded` is reported once, by the lead's own reading below.
  const embedded = isRecord(raw._embedded) ? raw._embedded : {};
  const inEmbedded = issues.under('_embedded');

  let entry: EntryDraft | undefined;
  if (has(embedded, 'metadata') && embedded.metadata !== null) {
    const atMeta = inEmbedded.under('metadata');
    const metadata = embedded.metadata;
    const category = isRecord(metadata) ? metadata.category : undefined;
    if (!isRecord(metadata)) {
      atMeta.add('InvalidType', '', `metadata must be an object, got ${typeName(metadata)}`);
    } else if (!isCreatableCategory(category)) {
      atMeta.add(category === undefined ? 'NotBlank' : 'NotSupportedChoice', 'category', 'metadata.category is forms or sip');
    } else {
      const pipeline = readIncomingPipeline(env.store, raw, issues);
      const stored = readUnsortedMetadata(category, metadata, atMeta);
      if (pipeline && stored) entry = { category, pipeline, created_at: undefined, metadata: stored, source_uid: null, source_name: null };
    }
  }
  if (has(embedded, 'source')) env.notes.push('_embedded.source is not kept by the sandbox');

  checkFieldCount(raw, issues);
  const lead = readEntityDraft(env, 'leads', raw, issues, { mode: 'create', incomingIn: entry?.pipeline });
  const contact = readOneNew(env, 'contacts', embedded, inEmbedded, 'a complex lead');
  const company = readOneNew(env, 'companies', embedded, inEmbedded, 'a complex lead');
  if (!lead || contact === undefined || company === undefined) return undefined;

  const draft: BundleDraft = { lead, entry };
  if (contact) {
    draft.contact = contact;
    const duplicate = findDuplicateContact(env.store, contact.fields);
    if (duplicate !== undefined) draft.mergedContactId = duplicate;
  }
  if (company) draft.company = company;
  return draft;
}
