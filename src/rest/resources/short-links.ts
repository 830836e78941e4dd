// /api/v4/short_links: one short address per contact for a URL. amoCRM notes the click on the
// contact and tags the visitor, so a link is made per contact even for the same URL.

import type { SendFn } from '../request.js';
import { writeBatch, type WriteParams } from './batch.js';

export interface ShortLinkWrite {
  /** The address to shorten. */
  url: string;
  metadata: { entity_type: 'contacts'; entity_id: number };
}

export interface ShortLink {
  /** The short address. */
  url: string;
  metadata: { entity_type: string; entity_id: number };
}

export function createShortLinksResource(send: SendFn) {
  return {
    /** All or nothing; amoCRM answers the links in the order sent and names bad items by position. */
    create: (items: readonly ShortLinkWrite[], params: WriteParams = {}) =>
      writeBatch<ShortLink>(send, { method: 'POST', path: '/api/v4/short_links', key: 'short_links', items, ...params }),
  };
}
