// Website chat buttons (CRM plugin): the paged list (`with=scripts` adds each script, `with=deleted`
// adds deleted buttons), one by source id, create (202), add trusted domains, add an online chat.

import type { RequestContext } from '../http/context.js';
import { readWith } from '../http/filters.js';
import { pageHref } from '../http/hal.js';
import { readPaging, slicePage } from '../http/paging.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { addOnlineChat, createButton, findButton, renderButton, settleButtons, updateButton } from '../website-buttons/writes.js';
import { idParam } from './params.js';

function listButtons(ctx: RequestContext): Reply {
  settleButtons(ctx.store, ctx.now());
  const withs = readWith(ctx.query);
  const paging = readPaging(ctx, { defaultLimit: 250 });
  const all = ctx.store.websiteButtons.values().filter((row) => withs.has('deleted') || !row.is_deleted);
  const rows = slicePage(all, paging);
  if (rows.length === 0) return noContent();
  const more = paging.page * paging.limit < all.length;
  return hal({
    _page: paging.page,
    _links: {
      self: { href: pageHref(ctx, paging.page, paging.limit) },
      ...(more ? { next: { href: pageHref(ctx, paging.page + 1, paging.limit) } } : {}),
    },
    _embedded: { website_buttons: rows.map((row) => renderButton(ctx, row, withs.has('scripts'))) },
  });
}

export const websiteButtonRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/website_buttons', handler: listButtons },
  { method: 'POST', path: '/api/v4/website_buttons', handler: createButton },
  {
    method: 'GET',
    path: '/api/v4/website_buttons/:id',
    handler: (ctx) => hal(renderButton(ctx, findButton(ctx, idParam(ctx)), readWith(ctx.query).has('scripts'))),
  },
  { method: 'PATCH', path: '/api/v4/website_buttons/:id', handler: (ctx) => updateButton(ctx, idParam(ctx)) },
  { method: 'POST', path: '/api/v4/website_buttons/:id/online_chat', handler: (ctx) => addOnlineChat(ctx, idParam(ctx)) },
];
