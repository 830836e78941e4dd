// HAL bodies: absolute links on the request's own origin, `_page` and `_links.self/next/first/prev`,
// and the two list policies amoCRM has. Lists without totals (leads, contacts, companies, tags)
// always carry `next` (a maintainer: these methods cannot count, so they always link a next page,
// which may answer 204). Lists with totals (users, custom fields) add `_total_items` and
// `_page_count` and link `next` and `last` only where pages exist.

import type { RequestContext } from './context.js';
import { slicePage, type Paging } from './paging.js';
import { hal, noContent, type Reply } from './reply.js';

export interface HalLink {
  href: string;
}

export const link = (ctx: RequestContext, path: string): { self: HalLink } => ({ self: { href: `${ctx.origin}${path}` } });

export function selfHref(ctx: RequestContext): string {
  return `${ctx.origin}${ctx.path}${ctx.rawQuery ? `?${ctx.rawQuery}` : ''}`;
}

/** The same request on another page: every other parameter kept as the client sent it. */
export function pageHref(ctx: RequestContext, page: number, limit: number): string {
  const kept = ctx.rawQuery.split('&').filter((part) => {
    if (part === '') return false;
    const key = part.split('=')[0]!;
    return key !== 'page' && key !== 'limit';
  });
  return `${ctx.origin}${ctx.path}?${[...kept, `page=${page}`, `limit=${limit}`].join('&')}`;
}

function pageLinks(ctx: RequestContext, paging: Paging, hasNext: boolean, last?: number) {
  const links: Record<string, HalLink> = { self: { href: pageHref(ctx, paging.page, paging.limit) } };
  if (hasNext) links.next = { href: pageHref(ctx, paging.page + 1, paging.limit) };
  if (paging.page > 1) {
    links.first = { href: pageHref(ctx, 1, paging.limit) };
    links.prev = { href: pageHref(ctx, paging.page - 1, paging.limit) };
  }
  if (last !== undefined && last > 1) links.last = { href: pageHref(ctx, last, paging.limit) };
  return links;
}

/** A page of a list amoCRM cannot count: 204 when empty, otherwise `next` is always linked. */
export function uncountedPage<T>(ctx: RequestContext, key: string, all: readonly T[], paging: Paging, render: (item: T) => unknown): Reply {
  const rows = slicePage(all, paging);
  if (rows.length === 0) return noContent();
  return hal({
    _page: paging.page,
    _links: pageLinks(ctx, paging, true),
    _embedded: { [key]: rows.map(render) },
  });
}

/** A page of a counted list (users, custom fields, loss reasons). */
export function countedPage<T>(ctx: RequestContext, key: string, all: readonly T[], paging: Paging, render: (item: T) => unknown): Reply {
  const pageCount = Math.ceil(all.length / paging.limit);
  const rows = slicePage(all, paging);
  if (rows.length === 0) return noContent();
  return hal({
    _total_items: all.length,
    _page: paging.page,
    _page_count: pageCount,
    _links: pageLinks(ctx, paging, paging.page < pageCount, pageCount),
    _embedded: { [key]: rows.map(render) },
  });
}

/** An unpaged collection with a total (pipelines, statuses, links). */
export function totalCollection(ctx: RequestContext, key: string, rows: readonly unknown[]): Reply {
  return hal({
    _total_items: rows.length,
    _links: { self: { href: selfHref(ctx) } },
    _embedded: { [key]: rows },
  });
}
