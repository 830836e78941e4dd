// /api/v4/leads/pipelines: every pipeline with its statuses in one unpaged answer (amoCRM allows
// at most 50 pipelines), plus the per-pipeline status endpoints. Writes are for account admins:
// pipelines and statuses are added in batches, but changed and deleted one at a time.

import { assertId } from '../collection.js';
import type { SendFn } from '../request.js';
import type { HalCollection, Pipeline, Status } from '../types.js';
import { writeBatch, writeOne, type WriteParams } from './batch.js';

export interface StatusWrite {
  name?: string;
  sort?: number;
  /** One of amoCRM's stage palette (PIPELINE_STATUS_COLORS). */
  color?: string;
  request_id?: string;
}

/** A status inside a new pipeline; `id` 142 or 143 renames the won or lost stage. */
export interface PipelineStatusWrite extends StatusWrite {
  id?: number;
}

export interface PipelineWrite {
  name?: string;
  sort?: number;
  is_main?: boolean;
  is_unsorted_on?: boolean;
  request_id?: string;
  _embedded?: { statuses: PipelineStatusWrite[] };
}

/** The colors amoCRM accepts for a stage. */
export const PIPELINE_STATUS_COLORS = [
  '#fffeb2', '#fffd7f', '#fff000', '#ffeab2', '#ffdc7f', '#ffce5a', '#ffdbdb', '#ffc8c8', '#ff8f92', '#d6eaff', '#c1e0ff',
  '#98cbff', '#ebffb1', '#deff81', '#87f2c0', '#f9deff', '#f3beff', '#ccc8f9', '#eb93ff', '#f2f3f4', '#e6e8ea',
] as const;

const PATH = '/api/v4/leads/pipelines';
const pipelinePath = (id: number) => `${PATH}/${assertId(id, 'pipeline id')}`;
const statusesPath = (pipelineId: number) => `${pipelinePath(pipelineId)}/statuses`;

export function createPipelinesResource(send: SendFn) {
  return {
    async list(params: { signal?: AbortSignal } = {}): Promise<Pipeline[]> {
      const response = await send({ method: 'GET', path: PATH, signal: params.signal });
      return (response.data as HalCollection<'pipelines', Pipeline> | undefined)?._embedded?.pipelines ?? [];
    },
    async get(id: number, params: { signal?: AbortSignal } = {}): Promise<Pipeline | null> {
      const response = await send({ method: 'GET', path: `${PATH}/${assertId(id)}`, signal: params.signal });
      return (response.data as Pipeline | undefined) ?? null;
    },
    async statuses(pipelineId: number, params: { signal?: AbortSignal } = {}): Promise<Status[]> {
      const response = await send({ method: 'GET', path: statusesPath(pipelineId), signal: params.signal });
      return (response.data as HalCollection<'statuses', Status> | undefined)?._embedded?.statuses ?? [];
    },
    /** Admin only; amoCRM answers each pipeline with its statuses and the item's `request_id`. */
    create: (items: readonly PipelineWrite[], params: WriteParams = {}) =>
      writeBatch<Pipeline & { request_id?: string }>(send, { method: 'POST', path: PATH, key: 'pipelines', items, ...params }),
    /** Admin only; one pipeline per call (amoCRM has no batch update). */
    update: async (id: number, body: Omit<PipelineWrite, '_embedded' | 'request_id'>, params: WriteParams = {}) =>
      (await writeOne<Pipeline>(send, { method: 'PATCH', path: pipelinePath(id), body, ...params }))!,
    /** Admin only; amoCRM refuses the last pipeline and one that still has leads. 204. */
    async delete(id: number, params: WriteParams = {}): Promise<void> {
      await send({ method: 'DELETE', path: pipelinePath(id), signal: params.signal });
    },
    createStatuses: (pipelineId: number, items: readonly StatusWrite[], params: WriteParams = {}) =>
      writeBatch<Status & { request_id?: string }>(send, { method: 'POST', path: statusesPath(pipelineId), key: 'statuses', items, ...params }),
    updateStatus: async (pipelineId: number, id: number, body: Omit<StatusWrite, 'request_id'>, params: WriteParams = {}) =>
      (await writeOne<Status>(send, { method: 'PATCH', path: `${statusesPath(pipelineId)}/${assertId(id, 'status id')}`, body, ...params }))!,
    /** amoCRM moves the status's leads to the first stage of its pipeline. 204. */
    async deleteStatus(pipelineId: number, id: number, params: WriteParams = {}): Promise<void> {
      await send({ method: 'DELETE', path: `${statusesPath(pipelineId)}/${assertId(id, 'status id')}`, signal: params.signal });
    },
  };
}
