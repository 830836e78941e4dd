// The list and get-by-id endpoints shared by leads, contacts and companies: deleted rows hidden
// unless `with=only_deleted`, filters, `query`, `If-Modified-Since`, `order`, paging without totals, and 204 for an
// empty page or an unknown id.

import type { RequestContext } from '../http/context.js';
import { readOrder, readWith } from '../http/filters.js';
import { uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { RenderOptions } from '../http/render.js';
import { modifiedSinceFilter } from '../http/modified-since.js';
import { createMatcher } from '../http/search.js';
import type { EntityType } from '../records.js';
import type { Table } from '../table.js';
import { entityFilter, type FilterableRow } from './entity-filters.js';
import { idParam } from './params.js';

export interface EntitySpec<R extends FilterableRow & { is_deleted: boolean }> {
  type: EntityType;
  table: (ctx: RequestContext) => Table<R>;
  orderFields: readonly (keyof R & string)[];
  render: (options: RenderOptions, row: R) => unknown;
}

function renderOptions(ctx: RequestContext, withs: ReadonlySet<string>): RenderOptions {
  return { store: ctx.store, origin: ctx.origin, with: withs };
}

export function listEntities<R extends FilterableRow & { is_deleted: boolean }>(spec: EntitySpec<R>, ctx: RequestContext): Reply {
  const withs = readWith(ctx.query);
  const paging = readPaging(ctx);
  const order = readOrder(ctx.query, spec.orderFields);
  const filter = entityFilter<R>(ctx, spec.type);
  const rawQuery = ctx.query.get('query');
  const matches = createMatcher(ctx.store, spec.type, typeof rawQuery === 'string' ? rawQuery : '');
  const onlyDeleted = withs.has('only_deleted');
  const modified = modifiedSinceFilter(ctx);

  const rows = spec
    .table(ctx)
    .values()
    .filter((row) => row.is_deleted === onlyDeleted && filter(row) && modified(row) && matches(row));
  if (order) {
    const field = order.field as keyof R;
    rows.sort((a, b) => (Number(a[field]) - Number(b[field]) || a.id - b.id) * order.direction);
  }
  const options = renderOptions(ctx, withs);
  return uncountedPage(ctx, spec.type, rows, paging, (row) => spec.render(options, row));
}

export function getEntity<R extends FilterableRow & { is_deleted: boolean }>(spec: EntitySpec<R>, ctx: RequestContext): Reply {
  const id = idParam(ctx);
  const withs = readWith(ctx.query);
  const row = spec.table(ctx).get(id);
  if (!row || (row.is_deleted && !withs.has('only_deleted'))) return noContent();
  return hal(spec.render(renderOptions(ctx, withs), row));
}
