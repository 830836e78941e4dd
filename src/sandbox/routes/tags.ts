// GET /api/v4/{leads|contacts|companies}/tags: the tag dictionary, paged without totals, with
// `query` (substring) and `filter[id]`, `filter[name]`.

import type { RequestContext } from '../http/context.js';
import { filterTree, intList, stringList } from '../http/filters.js';
import { uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import type { Route } from '../http/router.js';
import type { EntityType } from '../records.js';

function listTags(entity: EntityType, ctx: RequestContext) {
  const paging = readPaging(ctx);
  let tags = ctx.store.tags[entity].values();
  for (const [key, value] of filterTree(ctx.query)) {
    if (key === 'id') {
      const ids = new Set(intList(value, 'filter[id]'));
      tags = tags.filter((tag) => ids.has(tag.id));
    } else if (key === 'name') {
      const names = new Set(stringList(value, 'filter[name]').map((name) => name.trim().toLowerCase()));
      tags = tags.filter((tag) => names.has(tag.name.toLowerCase()));
    } else {
      ctx.notes.push(`filter[${key}] is not a tags filter; ignored`);
    }
  }
  const query = ctx.query.get('query');
  if (typeof query === 'string' && query.trim() !== '') {
    const needle = query.trim().toLowerCase();
    tags = tags.filter((tag) => tag.name.toLowerCase().includes(needle));
  }
  return uncountedPage(ctx, 'tags', tags, paging, (tag) => ({ id: tag.id, name: tag.name, color: tag.color }));
}

export const tagRoutes: Route[] = (['leads', 'contacts', 'companies'] as const).map((entity) => ({
  method: 'GET',
  path: `/api/v4/${entity}/tags`,
  handler: (ctx: RequestContext) => listTags(entity, ctx),
}));
