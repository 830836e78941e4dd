// /api/v4/leads/pipelines: every pipeline with its statuses in one unpaged answer (amoCRM allows
// at most 50 pipelines), plus the per-pipeline status endpoints.

import { assertId } from '../collection.js';
import type { SendFn } from '../request.js';
import type { HalCollection, Pipeline, Status } from '../types.js';

export function createPipelinesResource(send: SendFn) {
  return {
    async list(params: { signal?: AbortSignal } = {}): Promise<Pipeline[]> {
      const response = await send({ method: 'GET', path: '/api/v4/leads/pipelines', signal: params.signal });
      return (response.data as HalCollection<'pipelines', Pipeline> | undefined)?._embedded?.pipelines ?? [];
    },
    async get(id: number, params: { signal?: AbortSignal } = {}): Promise<Pipeline | null> {
      const response = await send({ method: 'GET', path: `/api/v4/leads/pipelines/${assertId(id)}`, signal: params.signal });
      return (response.data as Pipeline | undefined) ?? null;
    },
    async statuses(pipelineId: number, params: { signal?: AbortSignal } = {}): Promise<Status[]> {
      const response = await send({
        method: 'GET',
        path: `/api/v4/leads/pipelines/${assertId(pipelineId, 'pipeline id')}/statuses`,
        signal: params.signal,
      });
      return (response.data as HalCollection<'statuses', Status> | undefined)?._embedded?.statuses ?? [];
    },
  };
}
