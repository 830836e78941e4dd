// /api/v4/chats/templates: this integration's chat reply templates (admin only; amoCRM shows an
// integration only the templates it made). Pages of at most 50; batch add, edit and delete.

import { getCollection } from '../collection.js';
import { collect, paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { UnixSeconds } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';

export interface ChatTemplateButton {
  type: 'inline' | 'url';
  text: string;
  url?: string;
}

export interface ChatTemplate {
  id: number;
  name: string;
  content: string;
  is_editable: boolean;
  type: 'amocrm' | 'waba';
  buttons: ChatTemplateButton[];
  external_id: string | null;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  /** Only with `with=reviews`. */
  review_status?: string | null;
  is_on_review?: boolean | null;
  request_id?: string;
}

export interface ChatTemplateWrite {
  name?: string;
  content?: string;
  is_editable?: boolean;
  type?: 'amocrm' | 'waba';
  buttons?: ChatTemplateButton[];
  external_id?: string;
  request_id?: string;
}

const PATH = '/api/v4/chats/templates';
export const CHAT_TEMPLATE_PAGE = 50;

export function createChatTemplatesResource(send: SendFn) {
  const list = (params: { page?: number; externalIds?: readonly string[]; withReviews?: boolean; signal?: AbortSignal } = {}) =>
    getCollection<ChatTemplate>(send, {
      path: PATH,
      key: 'chat_templates',
      page: params.page,
      limit: CHAT_TEMPLATE_PAGE,
      maxLimit: CHAT_TEMPLATE_PAGE,
      query: {
        ...(params.externalIds ? { filter: { external_id: params.externalIds } } : {}),
        ...(params.withReviews ? { with: 'reviews' } : {}),
      },
      signal: params.signal,
    });
  return {
    list,
    all: (params: { externalIds?: readonly string[]; withReviews?: boolean; signal?: AbortSignal } = {}) => collect(paginate((page) => list({ ...params, page }))),
    create: (items: readonly ChatTemplateWrite[], params: WriteParams = {}) =>
      writeBatch<ChatTemplate>(send, { method: 'POST', path: PATH, key: 'chat_templates', items, ...params }),
    update: (items: readonly (ChatTemplateWrite & { id: number })[], params: WriteParams = {}) =>
      writeBatch<ChatTemplate>(send, { method: 'PATCH', path: PATH, key: 'chat_templates', items, ...params }),
    async delete(ids: readonly number[], params: WriteParams = {}): Promise<void> {
      await send({ method: 'DELETE', path: PATH, body: ids.map((id) => ({ id })), signal: params.signal });
    },
  };
}
