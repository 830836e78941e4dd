// Lead pipelines and their statuses (unpaged, with `_total_items`), and loss reasons, which belong
// to the same corner of the API (/api/v4/leads/...).

import type { Pipeline, Status } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { countedPage, link, totalCollection } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { LossReasonRecord, PipelineRecord, StatusRecord } from '../records.js';
import { idParam } from './params.js';

function renderStatus(ctx: RequestContext, pipeline: PipelineRecord, status: StatusRecord): Status {
  return {
    id: status.id,
    name: status.name,
    sort: status.sort,
    is_editable: status.is_editable,
    pipeline_id: pipeline.id,
    color: status.color,
    type: status.type,
    account_id: ctx.store.account.id,
    _links: link(ctx, `/api/v4/leads/pipelines/${pipeline.id}/statuses/${status.id}`),
  };
}

function renderPipeline(ctx: RequestContext, pipeline: PipelineRecord): Pipeline {
  return {
    id: pipeline.id,
    name: pipeline.name,
    sort: pipeline.sort,
    is_main: pipeline.is_main,
    is_unsorted_on: pipeline.is_unsorted_on,
    is_archive: pipeline.is_archive,
    account_id: ctx.store.account.id,
    _links: link(ctx, `/api/v4/leads/pipelines/${pipeline.id}`),
    _embedded: { statuses: pipeline.statuses.map((status) => renderStatus(ctx, pipeline, status)) },
  };
}

function renderLossReason(ctx: RequestContext, reason: LossReasonRecord) {
  return { ...reason, _links: link(ctx, `/api/v4/leads/loss_reasons/${reason.id}`) };
}

const pipelineOf = (ctx: RequestContext, name = 'id') => ctx.store.pipelines.get(idParam(ctx, name));

export const pipelineRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v4/leads/pipelines',
    handler: (ctx) => {
      const pipelines = [...ctx.store.pipelines.values()].sort((a, b) => a.sort - b.sort || a.id - b.id);
      return totalCollection(ctx, 'pipelines', pipelines.map((pipeline) => renderPipeline(ctx, pipeline)));
    },
  },
  {
    method: 'GET',
    path: '/api/v4/leads/pipelines/:id',
    handler: (ctx) => {
      const pipeline = pipelineOf(ctx);
      return pipeline ? hal(renderPipeline(ctx, pipeline)) : noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/v4/leads/pipelines/:id/statuses',
    handler: (ctx) => {
      const pipeline = pipelineOf(ctx);
      if (!pipeline) return noContent();
      return totalCollection(ctx, 'statuses', pipeline.statuses.map((status) => renderStatus(ctx, pipeline, status)));
    },
  },
  {
    method: 'GET',
    path: '/api/v4/leads/pipelines/:pipelineId/statuses/:id',
    handler: (ctx) => {
      const pipeline = pipelineOf(ctx, 'pipelineId');
      const statusId = idParam(ctx);
      const status = pipeline?.statuses.find((item) => item.id === statusId);
      return pipeline && status ? hal(renderStatus(ctx, pipeline, status)) : noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/v4/leads/loss_reasons',
    handler: (ctx) => {
      const reasons = [...ctx.store.lossReasons.values()].sort((a, b) => a.sort - b.sort || a.id - b.id);
      return countedPage(ctx, 'loss_reasons', reasons, readPaging(ctx), (reason) => renderLossReason(ctx, reason));
    },
  },
  {
    method: 'GET',
    path: '/api/v4/leads/loss_reasons/:id',
    handler: (ctx) => {
      const reason = ctx.store.lossReasons.get(idParam(ctx));
      return reason ? hal(renderLossReason(ctx, reason)) : noContent();
    },
  },
];
