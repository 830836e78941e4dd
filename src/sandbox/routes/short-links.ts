// Short links (§3.18): `POST /api/v4/short_links` makes one short address per contact for a URL
// (amoCRM adds a note to the contact when the link is followed and tags the visitor with a pixel).
// The batch is all or nothing, at most 250 items, answered in the order sent.

import type { RequestContext } from '../http/context.js';
import { totalCollection } from '../http/hal.js';
import type { Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { readFields } from '../notes/fields.js';
import { readBatch } from '../writes/body.js';
import { isLive } from '../writes/env.js';
import { validateAll } from '../writes/issues.js';
import { readItem } from '../writes/scalars.js';

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function createShortLinks(ctx: RequestContext): Reply {
  const { store } = ctx;
  const items = readBatch(ctx.body);
  const drafts = validateAll(
    items,
    (raw, _index, issues) => {
      const item = readItem(raw, issues);
      if (!item) return undefined;
      const read = readFields(item, issues);
      const url = read.text('url', { required: true });
      if (url !== undefined && !isWebAddress(url)) read.fail('InvalidType', 'url', 'This value is not a valid URL.');
      const metadata = read.object('metadata', { required: true });
      if (!metadata) return undefined;
      const meta = readFields(metadata, issues.under('metadata'));
      const type = meta.text('entity_type') ?? 'contacts';
      if (type !== 'contacts') meta.fail('NotSupportedChoice', 'entity_type', 'Short links are made for contacts only.');
      const id = meta.int('entity_id', { required: true, min: 1 });
      if (id !== undefined && !isLive(store, 'contacts', id)) meta.fail('NotFound', 'entity_id', 'No contact with this id.');
      return url !== undefined && id !== undefined ? { url, entity_id: id } : undefined;
    },
    { byPosition: true },
  );
  const rows = drafts.map((draft) => {
    const id = store.shortLinks.nextId();
    const row = store.shortLinks.put({ id, url: draft!.url, short_url: `${ctx.origin}/s/${id.toString(36)}`, entity_type: 'contacts', entity_id: draft!.entity_id });
    return { url: row.short_url, metadata: { entity_type: row.entity_type, entity_id: row.entity_id } };
  });
  return totalCollection(ctx, 'short_links', rows);
}

export const shortLinkRoutes: Route[] = [{ method: 'POST', path: '/api/v4/short_links', handler: createShortLinks }];
