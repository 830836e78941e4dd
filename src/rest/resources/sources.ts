// /api/v4/sources: the integration's own lead sources (an integration sees and writes only the
// sources its token made; admin rights for writes, at most 100 per integration). Unpaged: the
// list answers every source with a total, filtered by `external_id`.

import { assertId } from '../collection.js';
import type { SendFn } from '../request.js';
import type { HalCollection } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';

export interface SourcePage {
  name: string;
  id: string;
  /** What the website chat button opens, e.g. the WhatsApp number. */
  link: string;
}

export interface SourceService {
  type: 'whatsapp';
  params?: { waba?: boolean; is_supports_list_message?: boolean };
  pages?: SourcePage[];
}

export interface Source {
  id: number;
  name: string;
  pipeline_id: number;
  external_id: string;
  default: boolean | null;
  origin_code?: string | null;
  services: SourceService[];
  request_id?: string;
}

export interface SourceWrite {
  name?: string;
  external_id?: string;
  pipeline_id?: number;
  default?: boolean;
  origin_code?: string;
  services?: SourceService[];
  request_id?: string;
}

const PATH = '/api/v4/sources';

export function createSourcesResource(send: SendFn) {
  return {
    /** Every source (or those with these external ids); amoCRM answers 204 when none match. */
    async list(params: { externalIds?: readonly string[]; signal?: AbortSignal } = {}): Promise<Source[]> {
      const response = await send({
        method: 'GET',
        path: PATH,
        query: params.externalIds ? { filter: { external_id: params.externalIds } } : undefined,
        signal: params.signal,
      });
      return (response.data as HalCollection<'sources', Source> | undefined)?._embedded?.sources ?? [];
    },
    async get(id: number, params: { signal?: AbortSignal } = {}): Promise<Source | null> {
      const response = await send({ method: 'GET', path: `${PATH}/${assertId(id)}`, signal: params.signal });
      return (response.data as Source | undefined) ?? null;
    },
    create: (items: readonly SourceWrite[], params: WriteParams = {}) => writeBatch<Source>(send, { method: 'POST', path: PATH, key: 'sources', items, ...params }),
    update: (items: readonly (SourceWrite & { id: number })[], params: WriteParams = {}) =>
      writeBatch<Source>(send, { method: 'PATCH', path: PATH, key: 'sources', items, ...params }),
    /** All or nothing; amoCRM answers 204. */
    async delete(ids: readonly number[], params: WriteParams = {}): Promise<void> {
      if (ids.length === 0) throw new RangeError('nothing to delete from /api/v4/sources');
      await send({ method: 'DELETE', path: PATH, body: ids.map((id) => ({ id: assertId(id) })), signal: params.signal });
    },
  };
}
