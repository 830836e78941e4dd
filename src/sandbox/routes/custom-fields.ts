// GET /api/v4/{leads|contacts|companies|customers|catalogs/{id}}/custom_fields (paged by 50 unless
// asked otherwise, with totals; filter[type][], filter[id][], order[sort|id]) and
// .../custom_fields/{id}. An unknown catalog reads as empty (204), as its elements do.

import type { CustomFieldDefinition } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { filterTree, intList, readOrder, stringList } from '../http/filters.js';
import { countedPage, link } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { catalogIdOf, fieldTable } from '../field-owners.js';
import type { CustomFieldRecord, FieldOwner } from '../records.js';
import { idParam } from './params.js';

function renderField(ctx: RequestContext, entity: FieldOwner, field: CustomFieldRecord): CustomFieldDefinition & Record<string, unknown> {
  const catalogId = catalogIdOf(entity);
  return {
    id: field.id,
    name: field.name,
    type: field.type,
    account_id: ctx.store.account.id,
    code: field.code,
    sort: field.sort,
    is_api_only: field.is_api_only,
    enums: field.enums ? field.enums.map((item) => ({ ...item })) : null,
    group_id: field.group_id,
    required_statuses: field.required_statuses ? field.required_statuses.map((item) => ({ ...item })) : [],
    is_deletable: field.is_deletable,
    is_predefined: field.is_predefined,
    entity_type: catalogId === null ? (entity as CustomFieldDefinition['entity_type']) : 'catalogs',
    ...(catalogId === null ? {} : { catalog_id: catalogId }),
    tracking_callback: null,
    remind: field.remind ?? null,
    triggers: [],
    currency: field.currency ?? null,
    ...(entity === 'leads' ? { is_computed: field.is_computed ?? false, hidden_statuses: [...(field.hidden_statuses ?? [])] } : {}),
    chained_lists: null,
    search_in: null,
    _links: link(ctx, `/api/v4/${entity}/custom_fields/${field.id}`),
  };
}

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

export const customFieldRoutes: Route[] = OWNERS.flatMap(([segment, ownerOf]): Route[] => [
  { method: 'GET', path: `/api/v4/${segment}/custom_fields`, handler: (ctx) => listFields(ownerOf(ctx), ctx) },
  { method: 'GET', path: `/api/v4/${segment}/custom_fields/:id`, handler: (ctx) => getField(ownerOf(ctx), ctx) },
]);
