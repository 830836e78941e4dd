// Lead pipelines and their statuses (unpaged, with `_total_items`), and loss reasons, which belong
// to the same corner of the API (/api/v4/leads/...). Writes are admin only (../pipelines/writes.ts).

import type { RequestContext } from '../http/context.js';
import { countedPage, totalCollection } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { renderLossReason, renderPipeline, renderStatus } from '../pipelines/render.js';
import {
  createLossReasons,
  createPipelines,
  createStatuses,
  deleteLossReason,
  deletePipeline,
  deleteStatus,
  updatePipeline,
  updateStatus,
} from '../pipelines/writes.js';
import { idParam } from './params.js';

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
  { method: 'POST', path: '/api/v4/leads/pipelines', handler: createPipelines },
  { method: 'PATCH', path: '/api/v4/leads/pipelines/:id', handler: (ctx) => updatePipeline(ctx, idParam(ctx)) },
  { method: 'DELETE', path: '/api/v4/leads/pipelines/:id', handler: (ctx) => deletePipeline(ctx, idParam(ctx)) },
  { method: 'POST', path: '/api/v4/leads/pipelines/:id/statuses', handler: (ctx) => createStatuses(ctx, idParam(ctx)) },
  {
    method: 'PATCH',
    path: '/api/v4/leads/pipelines/:pipelineId/statuses/:id',
    handler: (ctx) => updateStatus(ctx, idParam(ctx, 'pipelineId'), idParam(ctx)),
  },
  {
    method: 'DELETE',
    path: '/api/v4/leads/pipelines/:pipelineId/statuses/:id',
    handler: (ctx) => deleteStatus(ctx, idParam(ctx, 'pipelineId'), idParam(ctx)),
  },
  { method: 'POST', path: '/api/v4/leads/loss_reasons', handler: createLossReasons },
  { method: 'DELETE', path: '/api/v4/leads/loss_reasons/:id', handler: (ctx) => deleteLossReason(ctx, idParam(ctx)) },
];
