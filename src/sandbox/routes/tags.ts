// GET /api/v4/{leads|contacts|companies|customers}/tags: the tag dictionary, paged without totals,
// with `query` (substring) and `filter[id]`, `filter[name]`; POST adds tags to it (§3.7). Customer
// tags answer only while the customers mode is on.

import { requireCustomers } from '../customers/gate.js';
import type { RequestContext } from '../http/context.js';
import { filterTree, intList, stringList } from '../http/filters.js';
import { totalCollection, uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import type { Route } from '../http/router.js';
import { readBatch } from '../writes/body.js';
import { requestIdOf, validateAll } from '../writes/issues.js';
import { readFields } from '../notes/fields.js';
import { readItem } from '../writes/scalars.js';
import type { TagEntity } from '../writes/tag-writes.js';

const COLOR = /^[0-9A-Fa-f]{6}$/;

const render = (tag: { id: number; name: string; color: string | null }) => ({ id: tag.id, name: tag.name, color: tag.color });

function listTags(entity: TagEntity, ctx: RequestContext) {
  if (entity === 'customers') requireCustomers(ctx);
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
  return uncountedPage(ctx, 'tags', tags, paging, render);
}

/**
 * Adds tags by name (colour for leads tags only). A name the dictionary already has answers that
 * tag rather than a second one: names are unique per entity type, case-insensitively.
 */
function addTags(entity: TagEntity, ctx: RequestContext) {
  if (entity === 'customers') requireCustomers(ctx);
  const items = readBatch(ctx.body);
  const refs = validateAll(items, (raw, _index, issues) => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const read = readFields(item, issues);
    if ('id' in item) read.fail('NotSupportedChoice', 'id', 'A new tag has no id.');
    const name = read.text('name', { required: true });
    if (name !== undefined && name.trim() === '') read.fail('NotBlank', 'name', 'This value should not be blank.');
    const color = read.text('color');
    if (color !== undefined && !COLOR.test(color)) read.fail('InvalidType', 'color', 'A tag colour is six hex digits without #.');
    // Only leads tags keep a colour (§3.7).
    return { name: name?.trim() ?? '', color: entity === 'leads' && color ? color.toUpperCase() : null };
  });
  const table = ctx.store.tags[entity];
  const rows = refs.map((ref) => {
    const { name, color } = ref!;
    const existing = table.values().find((tag) => tag.name.toLowerCase() === name.toLowerCase());
    return existing ?? table.put({ id: table.nextId(), name, color });
  });
  return totalCollection(ctx, 'tags', rows.map((row, index) => ({ ...render(row), request_id: requestIdOf(items[index], index) })));
}

export const tagRoutes: Route[] = (['leads', 'contacts', 'companies', 'customers'] as const).flatMap((entity): Route[] => [
  { method: 'GET', path: `/api/v4/${entity}/tags`, handler: (ctx: RequestContext) => listTags(entity, ctx) },
  { method: 'POST', path: `/api/v4/${entity}/tags`, handler: (ctx: RequestContext) => addTags(entity, ctx) },
]);
