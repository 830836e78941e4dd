// GET /api/v4/{leads|contacts|companies|customers|catalogs/{id}}/custom_fields (paged by 50 unless
// asked otherwise, with totals; filter[type][], filter[id][], order[sort|id]) and
// .../custom_fields/{id}. An unknown catalog reads as empty (204), as its elements do. Writes
// (custom-fields/writes.ts) and field groups (custom-fields/groups.ts) are routed here too.

import type { RequestContext } from '../http/context.js';
import { filterTree, intList, readOrder, stringList } from '../http/filters.js';
import { countedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { createGroups, deleteGroup, getGroup, listGroups, updateGroup } from '../custom-fields/groups.js';
import { renderField } from '../custom-fields/render.js';
import { createFields, deleteField, updateFields } from '../custom-fields/writes.js';
import { fieldTable } from '../field-owners.js';
import type { FieldOwner } from '../records.js';
import { idParam } from './params.js';

function listFields(entity: FieldOwner, ctx: RequestContext) {
  const paging = readPaging(ctx);
  const order = readOrder(ctx.query, ['sort', 'id']) ?? { field: 'sort', direction: 1 };
  const table = fieldTable(ctx.store, entity);
  if (!table) return noContent();
  let fields = table.values();
  for (const [key, value] of filterTree(ctx.query)) {
    if (key === 'id') {
      const ids = new Set(intList(value, 'filter[id]'));
      fields = fields.filter((field) => ids.has(field.id));
    } else if (key === 'type') {
      const types = new Set(stringList(value, 'filter[type]'));
      fields = fields.filter((field) => types.has(field.type));
    } else {
      ctx.notes.push(`filter[${key}] is not a custom field filter; ignored`);
    }
  }
  const by = order.field as 'sort' | 'id';
  fields.sort((a, b) => (a[by] - b[by] || a.id - b.id) * order.direction);
  return countedPage(ctx, 'custom_fields', fields, paging, (field) => renderField(ctx, entity, field));
}

function getField(entity: FieldOwner, ctx: RequestContext) {
  const field = fieldTable(ctx.store, entity)?.get(idParam(ctx));
  return field ? hal(renderField(ctx, entity, field)) : noContent();
}

/** The owner a route serves: fixed, or the catalog named by the path. */
type OwnerOf = (ctx: RequestContext) => FieldOwner;

const OWNERS: [string, OwnerOf][] = [
  ...(['leads', 'contacts', 'companies', 'customers'] as const).map((entity): [string, OwnerOf] => [entity, () => entity]),
  ['catalogs/:catalogId', (ctx) => `catalogs/${idParam(ctx, 'catalogId')}`],
];

const GROUP_OWNERS = ['leads', 'contacts', 'companies', 'customers'] as const;

export const customFieldRoutes: Route[] = [
  ...OWNERS.flatMap(([segment, ownerOf]): Route[] => [
    { method: 'GET', path: `/api/v4/${segment}/custom_fields`, handler: (ctx) => listFields(ownerOf(ctx), ctx) },
    { method: 'POST', path: `/api/v4/${segment}/custom_fields`, handler: (ctx) => createFields(ctx, ownerOf(ctx)) },
    { method: 'PATCH', path: `/api/v4/${segment}/custom_fields`, handler: (ctx) => updateFields(ctx, ownerOf(ctx), null) },
    { method: 'GET', path: `/api/v4/${segment}/custom_fields/:id`, handler: (ctx) => getField(ownerOf(ctx), ctx) },
    { method: 'PATCH', path: `/api/v4/${segment}/custom_fields/:id`, handler: (ctx) => updateFields(ctx, ownerOf(ctx), idParam(ctx)) },
    { method: 'DELETE', path: `/api/v4/${segment}/custom_fields/:id`, handler: (ctx) => deleteField(ctx, ownerOf(ctx), idParam(ctx)) },
  ]),
  // Literal `groups` outranks `:id` in the router, so these never read as a field id.
  ...GROUP_OWNERS.flatMap((owner): Route[] => [
    { method: 'GET', path: `/api/v4/${owner}/custom_fields/groups`, handler: (ctx) => listGroups(ctx, owner) },
    { method: 'POST', path: `/api/v4/${owner}/custom_fields/groups`, handler: (ctx) => createGroups(ctx, owner) },
    { method: 'GET', path: `/api/v4/${owner}/custom_fields/groups/:id`, handler: (ctx) => getGroup(ctx, owner) },
    { method: 'PATCH', path: `/api/v4/${owner}/custom_fields/groups/:id`, handler: (ctx) => updateGroup(ctx, owner) },
    { method: 'DELETE', path: `/api/v4/${owner}/custom_fields/groups/:id`, handler: (ctx) => deleteGroup(ctx, owner) },
  ]),
];
