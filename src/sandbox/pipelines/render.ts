// How pipelines, statuses and loss reasons look on the wire (§3.4), shared by reads and writes.

import type { Pipeline, Status } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { link } from '../http/hal.js';
import type { LossReasonRecord, PipelineRecord, StatusRecord } from '../records.js';

export const pipelinePath = (id: number) => `/api/v4/leads/pipelines/${id}`;
export const lossReasonPath = (id: number) => `/api/v4/leads/loss_reasons/${id}`;

export function renderStatus(ctx: RequestContext, pipeline: PipelineRecord, status: StatusRecord): Status {
  return {
    id: status.id,
    name: status.name,
    sort: status.sort,
    is_editable: status.is_editable,
    pipeline_id: pipeline.id,
    color: status.color,
    type: status.type,
    account_id: ctx.store.account.id,
    _links: link(ctx, `${pipelinePath(pipeline.id)}/statuses/${status.id}`),
  };
}

export function renderPipeline(ctx: RequestContext, pipeline: PipelineRecord): Pipeline {
  return {
    id: pipeline.id,
    name: pipeline.name,
    sort: pipeline.sort,
    is_main: pipeline.is_main,
    is_unsorted_on: pipeline.is_unsorted_on,
    is_archive: pipeline.is_archive,
    account_id: ctx.store.account.id,
    _links: link(ctx, pipelinePath(pipeline.id)),
    _embedded: { statuses: pipeline.statuses.map((status) => renderStatus(ctx, pipeline, status)) },
  };
}

export function renderLossReason(ctx: RequestContext, reason: LossReasonRecord) {
  return { ...reason, _links: link(ctx, lossReasonPath(reason.id)) };
}
