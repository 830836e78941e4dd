// Writes of pipelines, their statuses and loss reasons: account admins only (403 for anyone else).
// Every batch is checked whole before anything is written (../writes/issues.ts).
//
// amoCRM's rules (amoCRM/Kommo docs, "Leads pipelines and statuses"): at most 50 pipelines per
// account and 100 statuses per pipeline, system ones included; every pipeline has won (142) and
// lost (143) and, with `is_unsorted_on`, an incoming stage, none of which can be deleted or edited
// (142/143 may only be renamed when the pipeline is created); a stage color comes from a fixed
// palette; a pipeline that still has leads, or the account's last one, cannot be deleted; the leads
// of a deleted stage move to the first stage of its pipeline. The sandbox also keeps exactly one
// main pipeline: a pipeline becomes main by `is_main: true` and the old main loses the mark, and
// the main one is not deleted or unmarked (make another main first).

import { PIPELINE_STATUS_COLORS } from '../../rest/resources/pipelines.js';
import { requireAdmin } from '../http/admin.js';
import type { RequestContext } from '../http/context.js';
import { selfHref } from '../http/hal.js';
import { badRequest, HttpProblem } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { NOT_A_CHOICE, readFields, type FieldReader } from '../notes/fields.js';
import type { PipelineRecord, StatusRecord } from '../records.js';
import { LOST_STATUS_ID, WON_STATUS_ID } from '../seed/ids.js';
import { INCOMING_COLOR, LOST_COLOR, WON_COLOR } from '../seed/metadata.js';
import type { SandboxStore } from '../store.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { unixNow } from '../writes/env.js';
import { isRecord, requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { has, readItem } from '../writes/scalars.js';
import { renderLossReason, renderPipeline, renderStatus } from './render.js';

export const MAX_PIPELINES = 50;
export const MAX_STATUSES_PER_PIPELINE = 100;
const PIPELINES_API = 'managing pipelines and statuses';
const LOSS_REASONS_API = 'managing loss reasons';
const PALETTE = new Set<string>(PIPELINE_STATUS_COLORS);
const DEFAULT_COLOR = PIPELINE_STATUS_COLORS[0];

const isSystem = (status: StatusRecord) => status.id === WON_STATUS_ID || status.id === LOST_STATUS_ID || status.type === 1;
const ordinary = (pipeline: PipelineRecord) => pipeline.statuses.filter((status) => !isSystem(status));
/** Incoming first and won, lost last whatever their sort, as amoCRM shows them; the rest by sort. */
const rank = (status: StatusRecord) => (status.type === 1 ? 0 : status.id === WON_STATUS_ID ? 2 : status.id === LOST_STATUS_ID ? 3 : 1);
const inOrder = (statuses: StatusRecord[]) => [...statuses].sort((a, b) => rank(a) - rank(b) || a.sort - b.sort || a.id - b.id);

/** Status ids are account-wide (only 142 and 143 repeat), so new ones follow the largest. */
function statusIds(store: SandboxStore): () => number {
  let last = 0;
  for (const pipeline of store.pipelines) for (const status of pipeline.statuses) if (status.id !== WON_STATUS_ID && status.id !== LOST_STATUS_ID) last = Math.max(last, status.id);
  return () => ++last;
}

function livePipeline(ctx: RequestContext, id: number): PipelineRecord {
  const pipeline = ctx.store.pipelines.get(id);
  if (!pipeline) throw new HttpProblem(404, 'No pipeline with this id');
  return pipeline;
}

function readColor(read: FieldReader): string | undefined {
  const color = read.text('color');
  if (color === undefined) return undefined;
  if (PALETTE.has(color.toLowerCase())) return color.toLowerCase();
  read.fail('NotSupportedChoice', 'color', `${NOT_A_CHOICE} A status color is one of ${PIPELINE_STATUS_COLORS.join(', ')}.`);
  return undefined;
}

interface StatusDraft {
  name?: string;
  sort?: number;
  color?: string;
}

/** One status of a create (its own endpoint or a new pipeline's `_embedded`), or an update. */
function checkStatus(item: Record<string, unknown>, issues: Issues, mode: 'create' | 'update'): StatusDraft {
  const read = readFields(item, issues);
  const draft: StatusDraft = {};
  const name = read.text('name', { required: mode === 'create' || has(item, 'name') });
  if (name !== undefined) draft.name = name;
  const sort = read.int('sort', { required: mode === 'create', min: 0 });
  if (sort !== undefined) draft.sort = sort;
  const color = readColor(read);
  if (color !== undefined) draft.color = color;
  return draft;
}

// --- pipelines ----------------------------------------------------------------------------------

interface PipelineDraft {
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  statuses: StatusDraft[];
  won?: string;
  lost?: string;
}

function checkEmbeddedStatuses(item: Record<string, unknown>, issues: Issues, draft: PipelineDraft): void {
  const embedded = readFields(item, issues).object('_embedded', { required: true });
  if (!embedded) return;
  const list = embedded.statuses;
  const at = issues.under('_embedded');
  if (!Array.isArray(list)) {
    at.add(list === undefined || list === null ? 'NotBlank' : 'InvalidType', 'statuses', 'A pipeline needs _embedded.statuses: an array with at least one stage.');
    return;
  }
  list.forEach((raw, index) => {
    const under = at.under('statuses').under(index);
    if (!isRecord(raw)) {
      under.add('InvalidType', '', 'Each status must be an object.');
      return;
    }
    // 142 and 143 exist in every pipeline; naming them only renames them.
    if (raw.id === WON_STATUS_ID || raw.id === LOST_STATUS_ID) {
      const name = readFields(raw, under).text('name', { required: true });
      if (raw.id === WON_STATUS_ID) draft.won = name;
      else draft.lost = name;
      return;
    }
    if (has(raw, 'id')) {
      under.add('NotSupportedChoice', 'id', 'Only the system statuses 142 and 143 may be named by id in a new pipeline.');
      return;
    }
    draft.statuses.push(checkStatus(raw, under, 'create'));
  });
  if (draft.statuses.length === 0 && issues.count === 0) at.add('NotBlank', 'statuses', 'A pipeline needs at least one stage besides won and lost.');
  // The incoming stage, won and lost count against the limit too.
  if (draft.statuses.length + (draft.is_unsorted_on ? 3 : 2) > MAX_STATUSES_PER_PIPELINE) {
    at.add('TooMany', 'statuses', `A pipeline has at most ${MAX_STATUSES_PER_PIPELINE} statuses, system ones included.`);
  }
}

function buildStatuses(draft: PipelineDraft, nextId: () => number): StatusRecord[] {
  const statuses: StatusRecord[] = [];
  if (draft.is_unsorted_on) statuses.push({ id: nextId(), name: 'Неразобранное', sort: 10, is_editable: false, color: INCOMING_COLOR, type: 1 });
  for (const status of draft.statuses) {
    statuses.push({ id: nextId(), name: status.name!, sort: status.sort!, is_editable: true, color: status.color ?? DEFAULT_COLOR, type: 0 });
  }
  statuses.push({ id: WON_STATUS_ID, name: draft.won ?? 'Успешно реализовано', sort: 10_000, is_editable: false, color: WON_COLOR, type: 0 });
  statuses.push({ id: LOST_STATUS_ID, name: draft.lost ?? 'Закрыто и не реализовано', sort: 11_000, is_editable: false, color: LOST_COLOR, type: 0 });
  return inOrder(statuses);
}

/** Marks `id` as the one main pipeline. */
function makeMain(store: SandboxStore, id: number): void {
  for (const row of store.pipelines.values()) if (row.is_main && row.id !== id) store.pipelines.put({ ...row, is_main: false });
}

/** `POST /api/v4/leads/pipelines`: an array of pipelines, each with its stages. */
export function createPipelines(ctx: RequestContext): Reply {
  requireAdmin(ctx, PIPELINES_API);
  const { store } = ctx;
  const items = readBatch(ctx.body, MAX_PIPELINES);
  if (store.pipelines.size + items.length > MAX_PIPELINES) {
    throw badRequest(`An account has at most ${MAX_PIPELINES} pipelines; ${store.pipelines.size} exist, ${items.length} more were sent`);
  }
  let mainInBatch = false;
  const drafts = validateAll(items, (raw, _index, issues): PipelineDraft | undefined => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const read = readFields(item, issues);
    const draft: PipelineDraft = {
      name: read.text('name', { required: true }) ?? '',
      sort: read.int('sort', { required: true, min: 0 }) ?? 0,
      is_main: read.bool('is_main', { required: true }) ?? false,
      is_unsorted_on: read.bool('is_unsorted_on', { required: true }) ?? false,
      statuses: [],
    };
    if (draft.is_main && mainInBatch) read.fail('NotSupportedChoice', 'is_main', 'Only one pipeline can be the main one.');
    mainInBatch ||= draft.is_main;
    checkEmbeddedStatuses(item, issues, draft);
    return draft;
  });
  const nextStatusId = statusIds(store);
  const pipelines = drafts.map((draft, index) => {
    const row = store.pipelines.put({
      id: store.pipelines.nextId(),
      name: draft!.name,
      sort: draft!.sort,
      is_main: draft!.is_main,
      is_unsorted_on: draft!.is_unsorted_on,
      is_archive: false,
      statuses: buildStatuses(draft!, nextStatusId),
    });
    if (row.is_main) makeMain(store, row.id);
    return { ...renderPipeline(ctx, row), request_id: requestIdOf(items[index], index) };
  });
  return hal({ _total_items: pipelines.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { pipelines } });
}

/** `PATCH /api/v4/leads/pipelines/{id}`: name, sort, is_main, is_unsorted_on. */
export function updatePipeline(ctx: RequestContext, id: number): Reply {
  requireAdmin(ctx, PIPELINES_API);
  const { store } = ctx;
  const pipeline = livePipeline(ctx, id);
  const body = readObjectBody(ctx.body);
  const [draft] = validateAll([body], (raw, _index, issues) => {
    const item = raw as Record<string, unknown>;
    const read = readFields(item, issues);
    const name = read.text('name', { required: has(item, 'name') });
    const sort = read.int('sort', { min: 0 });
    const isMain = read.bool('is_main');
    const unsorted = read.bool('is_unsorted_on');
    if (isMain === false && pipeline.is_main) read.fail('NotSupportedChoice', 'is_main', 'The main pipeline stays main until another pipeline is made main.');
    if ([name, sort, isMain, unsorted].every((value) => value === undefined) && issues.count === 0) issues.add('NotBlank', '', 'Nothing to update.');
    return { name, sort, isMain, unsorted };
  });
  let statuses = pipeline.statuses;
  // Turning the incoming stage on adds it; turning it off keeps it (leads may wait in it).
  if (draft!.unsorted && !statuses.some((status) => status.type === 1)) {
    statuses = inOrder([...statuses, { id: statusIds(store)(), name: 'Неразобранное', sort: 10, is_editable: false, color: INCOMING_COLOR, type: 1 }]);
  }
  const row = store.pipelines.put({
    ...pipeline,
    name: draft!.name ?? pipeline.name,
    sort: draft!.sort ?? pipeline.sort,
    is_main: draft!.isMain ?? pipeline.is_main,
    is_unsorted_on: draft!.unsorted ?? pipeline.is_unsorted_on,
    statuses,
  });
  if (row.is_main) makeMain(store, row.id);
  return hal(renderPipeline(ctx, row));
}

const leadsIn = (store: SandboxStore, test: (lead: { pipeline_id: number; status_id: number }) => boolean) =>
  store.leads.values().filter((lead) => !lead.is_deleted && test(lead));

/** `DELETE /api/v4/leads/pipelines/{id}`: 204. */
export function deletePipeline(ctx: RequestContext, id: number): Reply {
  requireAdmin(ctx, PIPELINES_API);
  const { store } = ctx;
  const pipeline = livePipeline(ctx, id);
  if (store.pipelines.size === 1) throw badRequest('The last pipeline of an account cannot be deleted');
  if (pipeline.is_main) throw badRequest('The main pipeline cannot be deleted; make another pipeline main first');
  const leads = leadsIn(store, (lead) => lead.pipeline_id === id).length;
  if (leads > 0) throw badRequest(`The pipeline still has ${leads} leads; move or delete them first`);
  store.pipelines.delete(id);
  return noContent();
}

// --- statuses -----------------------------------------------------------------------------------

/** `POST /api/v4/leads/pipelines/{pipeline_id}/statuses`. */
export function createStatuses(ctx: RequestContext, pipelineId: number): Reply {
  requireAdmin(ctx, PIPELINES_API);
  const { store } = ctx;
  const pipeline = livePipeline(ctx, pipelineId);
  const items = readBatch(ctx.body, MAX_STATUSES_PER_PIPELINE);
  if (pipeline.statuses.length + items.length > MAX_STATUSES_PER_PIPELINE) {
    throw badRequest(`A pipeline has at most ${MAX_STATUSES_PER_PIPELINE} statuses, system ones included; it has ${pipeline.statuses.length}, ${items.length} more were sent`);
  }
  const drafts = validateAll(items, (raw, _index, issues) => {
    const item = readItem(raw, issues);
    return item ? checkStatus(item, issues, 'create') : undefined;
  });
  const nextStatusId = statusIds(store);
  const added = drafts.map((draft): StatusRecord => ({ id: nextStatusId(), name: draft!.name!, sort: draft!.sort!, is_editable: true, color: draft!.color ?? DEFAULT_COLOR, type: 0 }));
  const row = store.pipelines.put({ ...pipeline, statuses: inOrder([...pipeline.statuses, ...added]) });
  const statuses = added.map((status, index) => ({ ...renderStatus(ctx, row, status), request_id: requestIdOf(items[index], index) }));
  return hal({ _total_items: statuses.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { statuses } });
}

function liveStatus(pipeline: PipelineRecord, id: number): StatusRecord {
  const status = pipeline.statuses.find((item) => item.id === id);
  if (!status) throw new HttpProblem(404, 'No status with this id in this pipeline');
  return status;
}

/** `PATCH /api/v4/leads/pipelines/{pipeline_id}/statuses/{id}`: name, sort, color. */
export function updateStatus(ctx: RequestContext, pipelineId: number, id: number): Reply {
  requireAdmin(ctx, PIPELINES_API);
  const pipeline = livePipeline(ctx, pipelineId);
  const status = liveStatus(pipeline, id);
  const body = readObjectBody(ctx.body);
  const [draft] = validateAll([body], (raw, _index, issues) => {
    if (!status.is_editable) issues.add('NotSupportedChoice', 'id', 'System statuses (incoming, won, lost) cannot be edited.');
    const draft = checkStatus(raw as Record<string, unknown>, issues, 'update');
    if (Object.keys(draft).length === 0 && issues.count === 0) issues.add('NotBlank', '', 'Nothing to update.');
    return draft;
  });
  const next: StatusRecord = { ...status, ...draft };
  const row = ctx.store.pipelines.put({ ...pipeline, statuses: inOrder(pipeline.statuses.map((item) => (item.id === id ? next : item))) });
  return hal(renderStatus(ctx, row, next));
}

/** `DELETE /api/v4/leads/pipelines/{pipeline_id}/statuses/{id}`: 204; its leads move to the first stage. */
export function deleteStatus(ctx: RequestContext, pipelineId: number, id: number): Reply {
  requireAdmin(ctx, PIPELINES_API);
  const { store } = ctx;
  const pipeline = livePipeline(ctx, pipelineId);
  const status = liveStatus(pipeline, id);
  if (isSystem(status)) throw badRequest('System statuses (incoming, won, lost) cannot be deleted');
  const rest = inOrder(ordinary(pipeline).filter((item) => item.id !== id));
  if (rest.length === 0) throw badRequest('The last stage of a pipeline (besides won and lost) cannot be deleted');
  const first = rest[0]!;
  const now = unixNow(ctx);
  for (const lead of leadsIn(store, (lead) => lead.pipeline_id === pipelineId && lead.status_id === id)) {
    store.leads.put({ ...lead, status_id: first.id, updated_at: now });
  }
  store.pipelines.put({ ...pipeline, statuses: pipeline.statuses.filter((item) => item.id !== id) });
  return noContent();
}

// --- loss reasons -------------------------------------------------------------------------------

/** `POST /api/v4/leads/loss_reasons`: `[{ name, sort? }]`. */
export function createLossReasons(ctx: RequestContext): Reply {
  requireAdmin(ctx, LOSS_REASONS_API);
  const table = ctx.store.lossReasons;
  const items = readBatch(ctx.body);
  const drafts = validateAll(items, (raw, _index, issues) => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const read = readFields(item, issues);
    return { name: read.text('name', { required: true }), sort: read.int('sort', { min: 0 }) };
  });
  const now = unixNow(ctx);
  let lastSort = Math.max(0, ...table.values().map((row) => row.sort));
  const reasons = drafts.map((draft, index) => {
    lastSort = draft!.sort ?? lastSort + 10;
    const row = table.put({ id: table.nextId(), name: draft!.name!, sort: lastSort, created_at: now, updated_at: now });
    return { ...renderLossReason(ctx, row), request_id: requestIdOf(items[index], index) };
  });
  return hal({ _total_items: reasons.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { loss_reasons: reasons } });
}

/** `DELETE /api/v4/leads/loss_reasons/{id}`: 204; leads lost for it keep no reason. */
export function deleteLossReason(ctx: RequestContext, id: number): Reply {
  requireAdmin(ctx, LOSS_REASONS_API);
  const { store } = ctx;
  if (!store.lossReasons.has(id)) throw new HttpProblem(404, 'No loss reason with this id');
  store.lossReasons.delete(id);
  for (const lead of store.leads.values()) if (lead.loss_reason_id === id) store.leads.put({ ...lead, loss_reason_id: null });
  return noContent();
}
