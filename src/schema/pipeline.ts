// Pipelines and their statuses. A status is identified by (pipeline, status): amoCRM reuses
// 142 (won) and 143 (lost) in every pipeline.

import { parseStatusKey, statusKey } from '../loaders/metadata.js';
import type { Status } from '../rest/types.js';
import { builder } from './builder.js';
import { PipelineRef, StatusRef } from './refs.js';

export const WON_STATUS_ID = 142;
export const LOST_STATUS_ID = 143;

export const StatusKind = builder.enumType('StatusKind', {
  values: {
    INCOMING: { description: 'The incoming (unsorted) stage of a pipeline.' },
    OPEN: { description: 'A working stage.' },
    WON: { description: 'Closed and won (status 142).' },
    LOST: { description: 'Closed and lost (status 143).' },
  } as const,
});

function kindOf(status: Status): 'INCOMING' | 'OPEN' | 'WON' | 'LOST' {
  if (status.id === WON_STATUS_ID) return 'WON';
  if (status.id === LOST_STATUS_ID) return 'LOST';
  return status.type === 1 ? 'INCOMING' : 'OPEN';
}

PipelineRef.implement({
  description: 'A sales pipeline with its statuses.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    sort: t.exposeInt('sort'),
    isMain: t.exposeBoolean('is_main'),
    isUnsortedOn: t.exposeBoolean('is_unsorted_on'),
    isArchive: t.exposeBoolean('is_archive'),
    statuses: t.field({
      type: [StatusRef],
      description: 'Statuses in pipeline order.',
      resolve: (pipeline) => [...(pipeline._embedded?.statuses ?? [])].sort((a, b) => a.sort - b.sort),
    }),
  }),
});

StatusRef.implement({
  description: 'A status (stage) of a pipeline.',
  fields: (t) => ({
    amoId: t.exposeInt('id', { description: 'The status id; 142 and 143 repeat in every pipeline.' }),
    name: t.exposeString('name'),
    sort: t.exposeInt('sort'),
    color: t.exposeString('color'),
    isEditable: t.exposeBoolean('is_editable'),
    kind: t.field({ type: StatusKind, resolve: kindOf }),
    pipeline: t.field({ type: PipelineRef, resolve: (status) => status.pipeline_id }),
  }),
});

builder.queryFields((t) => ({
  pipeline: t.field({
    type: PipelineRef,
    nullable: true,
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.amoId > 0 ? args.amoId : null),
  }),
  pipelines: t.field({
    type: [PipelineRef],
    nullable: true,
    description: 'Every pipeline of the account (amoCRM allows at most 50), main first. Null, with an error, when amoCRM could not answer.',
    resolve: async (_root, _args, ctx) =>
      [...(await ctx.account.pipelines())].sort((a, b) => Number(b.is_main) - Number(a.is_main) || a.sort - b.sort),
  }),
  status: t.field({
    type: StatusRef,
    nullable: true,
    description: 'A status by its pipeline and status id.',
    args: { pipelineId: t.arg.int({ required: true }), statusId: t.arg.int({ required: true }) },
    resolve: (_root, args) => {
      const key = statusKey(args.pipelineId, args.statusId);
      return parseStatusKey(key) ? key : null;
    },
  }),
}));
