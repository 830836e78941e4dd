// /api/v4/website_buttons: website chat buttons (amoCRM's "CRM plugin"), addressed by the id of
// the lead source each feeds. amoCRM creates the source at once and sets the plugin up later: a
// create answers 202 with the source id, and reads say `creation_pending` until it is done.
// Writes need an administrator; a button trusts at most 10 domains.

import { assertId, getCollection } from '../collection.js';
import { AmoNotFoundError } from '../errors.js';
import { collect, paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { WriteParams } from './batch.js';
import { withParam } from './entity.js';

export interface WebsiteButton {
  account_id: number;
  source_id: number;
  button_id: number;
  is_duplication_control_enabled: boolean;
  name: string;
  creation_status: 'created' | 'creation_pending' | string;
  pipeline_id: number | null;
  /** Only with `with=scripts`; null while the button is being created. */
  script?: string | null;
}

export interface WebsiteButtonCreate {
  pipeline_id: number;
  trusted_websites?: string[];
  /** Required (true) when no trusted_websites are given. */
  is_used_in_app?: boolean;
}

export interface WebsiteButtonCreated {
  source_id: number;
  trusted_websites: string[];
}

export type WebsiteButtonWith = 'scripts' | 'deleted';

const PATH = '/api/v4/website_buttons';

export function createWebsiteButtonsResource(send: SendFn) {
  const list = (params: { page?: number; limit?: number; with?: readonly WebsiteButtonWith[]; signal?: AbortSignal } = {}) =>
    getCollection<WebsiteButton>(send, {
      path: PATH,
      key: 'website_buttons',
      page: params.page,
      limit: params.limit,
      query: { with: withParam(params.with) },
      signal: params.signal,
    });
  return {
    list,
    all: (params: { with?: readonly WebsiteButtonWith[]; signal?: AbortSignal } = {}) => collect(paginate((page) => list({ ...params, page }))),
    /** null for an unknown (or deleted) source id: amoCRM answers 404. */
    async get(sourceId: number, params: { withScripts?: boolean; signal?: AbortSignal } = {}): Promise<WebsiteButton | null> {
      try {
        const response = await send({
          method: 'GET',
          path: `${PATH}/${assertId(sourceId, 'source_id')}`,
          query: params.withScripts ? { with: 'scripts' } : undefined,
          signal: params.signal,
        });
        return (response.data as WebsiteButton | undefined) ?? null;
      } catch (error) {
        if (error instanceof AmoNotFoundError) return null;
        throw error;
      }
    },
    /** 202: the source exists now, the plugin is set up after the answer. */
    async create(body: WebsiteButtonCreate, params: WriteParams = {}): Promise<WebsiteButtonCreated> {
      const response = await send({ method: 'POST', path: PATH, body, signal: params.signal });
      return response.data as WebsiteButtonCreated;
    },
    /** Adds trusted domains (applied after the answer); only to a button that already trusts one. */
    async addTrustedWebsites(sourceId: number, domains: readonly string[], params: WriteParams = {}): Promise<WebsiteButton> {
      const response = await send({
        method: 'PATCH',
        path: `${PATH}/${assertId(sourceId, 'source_id')}`,
        body: { trusted_websites: { add: domains } },
        signal: params.signal,
      });
      return response.data as WebsiteButton;
    },
    /** 202: the online chat is created and connected after the answer (one per pipeline). */
    async addOnlineChat(sourceId: number, params: WriteParams = {}): Promise<void> {
      await send({ method: 'POST', path: `${PATH}/${assertId(sourceId, 'source_id')}/online_chat`, signal: params.signal });
    },
  };
}
