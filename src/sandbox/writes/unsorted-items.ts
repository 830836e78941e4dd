// One POST /api/v4/leads/unsorted/{forms|sip} item (§3.9): source name and uid, the category's
// metadata, and one new lead (a default one when none is given) with at most one new contact and
// company, each checked like a plain POST of that entity. The lead waits in the incoming stage.

import { readOneNew } from './embedded-new.js';
import { readEntityDraft } from './entity-draft.js';
import type { WriteEnv } from './env.js';
import type { Issues } from './issues.js';
import { readIncomingPipeline, type BundleDraft } from './lead-bundle.js';
import { mainPipeline } from './lead-stage.js';
import { has, readInt, readItem, readRecord, readString } from './scalars.js';
import { readUnsortedMetadata, type CreatableCategory } from './unsorted-metadata.js';

function requiredText(item: Record<string, unknown>, key: string, issues: Issues): string | undefined {
  const value = readString(item, key, issues);
  if (value === undefined && !has(item, key)) issues.add('NotBlank', key, `${key} is required`);
  else if (value !== undefined && value !== null && value.trim() === '') issues.add('NotBlank', key, `${key} must not be empty`);
  return value ?? undefined;
}

export function readUnsortedItem(env: WriteEnv, category: CreatableCategory, input: unknown, issues: Issues): BundleDraft | undefined {
  const raw = readItem(input, issues);
  if (!raw) return undefined;
  const before = issues.count;
  const sourceName = requiredText(raw, 'source_name', issues);
  const sourceUid = requiredText(raw, 'source_uid', issues);
  const pipeline = readIncomingPipeline(env.store, raw, issues);
  const createdAt = readInt(raw, 'created_at', issues);
  const metadata = readUnsortedMetadata(category, raw.metadata, issues.under('metadata'));

  const embedded = readRecord(raw, '_embedded', issues) ?? {};
  const inEmbedded = issues.under('_embedded');
  // A bad pipeline_id is reported above; the lead is still checked, against the main pipeline.
  const incomingIn = pipeline ?? mainPipeline(env.store);
  const what = `a ${category} entry`;
  const given = readOneNew(env, 'leads', embedded, inEmbedded, what, { incomingIn });
  const lead = given === null ? readEntityDraft(env, 'leads', {}, inEmbedded.under('leads.0'), { mode: 'create', incomingIn }) : given;
  const contact = readOneNew(env, 'contacts', embedded, inEmbedded, what);
  const company = readOneNew(env, 'companies', embedded, inEmbedded, what);
  if (issues.count > before || !lead || !pipeline || !metadata) return undefined;

  return {
    lead,
    ...(contact ? { contact } : {}),
    ...(company ? { company } : {}),
    entry: {
      category,
      pipeline,
      created_at: createdAt ?? undefined,
      metadata,
      source_uid: sourceUid ?? null,
      source_name: sourceName ?? null,
    },
  };
}
