// Correctness against the sandbox store itself (not against another client's answer): every row
// a workload got must be the entity its id names, with that entity's own relations and values.

import { findStatus, type SandboxStore } from '../../src/sandbox/index.js';
import { statusKind, type LeadView, type Ref } from './lead-view.js';
import type { Shape } from './queries.js';

export interface Verdict {
  /** Rows (leads and the entities under them) compared. */
  checked: number;
  /** Descriptions of rows that differ from the store: must stay empty. */
  wrong: string[];
  /** Related rows absent from an answer where `allowMissing` excused them (W9's omitted ids). */
  missing: number;
}

export type MissingExcuse = (type: 'contacts' | 'companies' | 'leads', id: number) => boolean;

const never: MissingExcuse = () => false;

export const emptyVerdict = (): Verdict => ({ checked: 0, wrong: [], missing: 0 });

export function mergeVerdicts(...verdicts: Verdict[]): Verdict {
  return {
    checked: verdicts.reduce((sum, v) => sum + v.checked, 0),
    wrong: verdicts.flatMap((v) => v.wrong),
    missing: verdicts.reduce((sum, v) => sum + v.missing, 0),
  };
}

/** Visible leads in amoCRM's default order (ascending id), as a page from `offset` would hold them. */
export function expectedLeadIds(store: SandboxStore, offset: number, count: number): number[] {
  return store.leads
    .values()
    .filter((lead) => !lead.is_deleted)
    .slice(offset, offset + count)
    .map((lead) => lead.id);
}

function visibleLinked(store: SandboxStore, leadId: number, type: 'contacts' | 'companies') {
  const table = store.entities(type);
  return store.links.linked({ type: 'leads', id: leadId }, type).filter((linked) => {
    const row = table.get(linked.id);
    return row !== undefined && !row.is_deleted;
  });
}

const sameRef = (got: Ref | null | undefined, want: Ref | null) => (got ?? null) === null ? want === null : want !== null && got!.id === want.id && got!.name === want.name;

/** Compares one lead with the store; appends what differs to `verdict`. */
export function verifyLead(store: SandboxStore, view: LeadView, shape: Shape, verdict: Verdict, excuse: MissingExcuse = never): void {
  verdict.checked++;
  const where = `lead ${view.id}`;
  const lead = store.leads.get(view.id);
  if (!lead || lead.is_deleted) {
    verdict.wrong.push(`${where}: not a visible lead in the store`);
    return;
  }
  if (view.name !== lead.name) verdict.wrong.push(`${where}: name ${JSON.stringify(view.name)} ≠ ${JSON.stringify(lead.name)}`);
  if (shape === 'card') {
    if (view.price !== lead.price) verdict.wrong.push(`${where}: price ${view.price} ≠ ${lead.price}`);
    return;
  }

  const linked = visibleLinked(store, lead.id, 'contacts');
  const mainId = (linked.find((item) => item.isMain) ?? linked[0])?.id;
  const got = new Map(view.contacts.map((contact) => [contact.id, contact]));
  for (const contact of view.contacts) {
    verdict.checked++;
    const row = store.contacts.get(contact.id);
    if (!row || !linked.some((item) => item.id === contact.id)) verdict.wrong.push(`${where}: contact ${contact.id} is not linked to it`);
    else if (contact.name !== row.name) verdict.wrong.push(`${where}: contact ${contact.id} named ${JSON.stringify(contact.name)} ≠ ${JSON.stringify(row.name)}`);
    else if (contact.isMain !== (contact.id === mainId)) verdict.wrong.push(`${where}: contact ${contact.id} isMain ${contact.isMain}`);
  }
  for (const item of linked) {
    if (got.has(item.id)) continue;
    if (excuse('contacts', item.id)) verdict.missing++;
    else verdict.wrong.push(`${where}: linked contact ${item.id} missing`);
  }
  if (shape === 'names') return;

  if (view.price !== lead.price) verdict.wrong.push(`${where}: price ${view.price} ≠ ${lead.price}`);
  const status = findStatus(store, lead.pipeline_id, lead.status_id);
  const pipeline = store.pipelines.get(lead.pipeline_id);
  const wantStatus = status && pipeline ? { id: status.id, name: status.name, kind: statusKind(status.id, status.type), pipeline: { id: pipeline.id, name: pipeline.name } } : null;
  const gotStatus = view.status ?? null;
  if (
    (gotStatus === null) !== (wantStatus === null) ||
    (gotStatus && wantStatus && (!sameRef(gotStatus, wantStatus) || gotStatus.kind !== wantStatus.kind || !sameRef(gotStatus.pipeline, wantStatus.pipeline)))
  ) {
    verdict.wrong.push(`${where}: status ${JSON.stringify(gotStatus)} ≠ ${JSON.stringify(wantStatus)}`);
  }
  const user = store.users.get(lead.responsible_user_id);
  if (!sameRef(view.user, user ? { id: user.id, name: user.name } : null)) verdict.wrong.push(`${where}: responsible user ${JSON.stringify(view.user)}`);

  const company = visibleLinked(store, lead.id, 'companies')[0];
  const companyRow = company ? store.companies.get(company.id)! : undefined;
  if (view.company) verdict.checked++;
  if (companyRow && !view.company && excuse('companies', companyRow.id)) verdict.missing++;
  else if (!sameRef(view.company, companyRow ? { id: companyRow.id, name: companyRow.name } : null)) {
    verdict.wrong.push(`${where}: company ${JSON.stringify(view.company)} ≠ ${companyRow ? companyRow.id : 'none'}`);
  }

  const wantFields = lead.custom_fields_values
    .map((stored) => ({ stored, field: store.customFields.leads.get(stored.field_id) }))
    .filter(({ stored, field }) => field && stored.values.length > 0)
    .map(({ stored, field }) => ({ id: field!.id, name: field!.name, values: stored.values.length }))
    .sort((a, b) => a.id - b.id);
  const gotFields = [...(view.fields ?? [])].sort((a, b) => a.id - b.id);
  if (JSON.stringify(gotFields) !== JSON.stringify(wantFields)) verdict.wrong.push(`${where}: custom fields ${JSON.stringify(gotFields)} ≠ ${JSON.stringify(wantFields)}`);
}

/** A whole page: exactly the expected leads (in any order), each one right. */
export function verifyPage(
  store: SandboxStore,
  views: readonly LeadView[],
  expectedIds: readonly number[],
  shape: Shape,
  excuse: MissingExcuse = never,
): Verdict {
  const verdict = emptyVerdict();
  const got = views.map((view) => view.id).sort((a, b) => a - b);
  const want = [...expectedIds].sort((a, b) => a - b);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    const extra = got.filter((id) => !want.includes(id));
    const lost = want.filter((id) => !got.includes(id));
    verdict.wrong.push(`page: ${extra.length} unexpected leads (${extra.slice(0, 5).join(', ')}), ${lost.length} missing (${lost.slice(0, 5).join(', ')})`);
  }
  for (const view of views) verifyLead(store, view, shape, verdict, excuse);
  return verdict;
}
