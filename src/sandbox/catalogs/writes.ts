// POST and PATCH of catalogs and of their elements. Every item is checked before any is written
// (../writes/issues.ts). Per amoCRM's lists docs: at most 10 catalogs, of which at most one
// invoices and one products catalog; create takes name, type, sort, can_add_elements and
// can_link_multiple, update takes name (required) and the two flags. An element needs a name.

import type { RequestContext } from '../http/context.js';
import { selfHref } from '../http/hal.js';
import { hal, type Reply } from '../http/reply.js';
import { readFields } from '../notes/fields.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { unixNow } from '../writes/env.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { has, readItem } from '../writes/scalars.js';
import { renderFieldValues } from '../http/render.js';
import { mergeFieldValues, readFieldChanges } from '../writes/field-values.js';
import { requireCatalogAccess } from './access.js';
import { catalogPath, elementPath } from './render.js';
import type { CatalogElementRecord, CatalogRecord } from './store.js';

/** amoCRM's ceiling on catalogs per account (lists docs). */
export const MAX_CATALOGS = 10;
const CREATABLE_TYPES = new Set(['regular', 'invoices', 'products']);

/** What a create batch has taken so far: the cap and the one-of-a-kind types count across items. */
interface Taken {
  count: number;
  types: Set<string>;
}

function checkNewCatalog(ctx: RequestContext, taken: Taken, raw: unknown, issues: Issues): Omit<CatalogRecord, 'id'> | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const name = read.text('name', { required: true }) ?? '';
  const type = (read.text('type') ?? 'regular') as CatalogRecord['type'];
  if (!CREATABLE_TYPES.has(type)) read.fail('NotSupportedChoice', 'type', 'type must be regular, invoices or products.');
  else if (type !== 'regular' && taken.types.has(type)) read.fail('NotSupportedChoice', 'type', `The account already has a ${type} catalog.`);
  if (taken.count >= MAX_CATALOGS) read.fail('NotSupportedChoice', 'name', `An account has at most ${MAX_CATALOGS} catalogs.`);
  taken.count += 1;
  taken.types.add(type);
  const user = ctx.store.account.current_user_id;
  const now = unixNow(ctx);
  // can_show_in_cards and sdk_widget_code are not writable (they follow from the type).
  return {
    name,
    type,
    sort: read.int('sort', { min: 0 }) ?? 0,
    created_by: user,
    updated_by: user,
    created_at: now,
    updated_at: now,
    can_add_elements: read.bool('can_add_elements') ?? true,
    can_show_in_cards: type === 'products',
    can_link_multiple: read.bool('can_link_multiple') ?? type !== 'invoices',
    can_be_deleted: type === 'regular',
    sdk_widget_code: null,
  };
}

function checkCatalogUpdate(ctx: RequestContext, pathId: number | null, raw: unknown, issues: Issues): CatalogRecord | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const id = pathId ?? read.int('id', { required: true });
  if (id === undefined) return undefined;
  const catalog = ctx.store.catalogs.catalogs.get(id);
  if (!catalog) {
    read.fail('NotFound', 'id', 'No catalog with this id.');
    return undefined;
  }
  // The docs make name required on update too; sort is not among the editable fields.
  const name = read.text('name', { required: true });
  if (has(item, 'type') && item.type !== catalog.type) read.fail('NotSupportedChoice', 'type', 'A catalog keeps its type.');
  return {
    ...catalog,
    name: name ?? catalog.name,
    can_add_elements: read.bool('can_add_elements') ?? catalog.can_add_elements,
    can_link_multiple: read.bool('can_link_multiple') ?? catalog.can_link_multiple,
    updated_by: ctx.store.account.current_user_id,
    updated_at: unixNow(ctx),
  };
}

export function createCatalogs(ctx: RequestContext): Reply {
  requireCatalogAccess(ctx, 'adding catalogs');
  const items = readBatch(ctx.body);
  const table = ctx.store.catalogs.catalogs;
  const taken: Taken = { count: table.size, types: new Set(table.values().map((catalog) => catalog.type)) };
  const drafts = validateAll(items, (item, _index, issues) => checkNewCatalog(ctx, taken, item, issues));
  const catalogs = drafts.map((draft, index) => {
    const row = table.put({ id: table.nextId(), ...draft! });
    return { ...row, account_id: ctx.store.account.id, request_id: requestIdOf(items[index], index), _links: { self: { href: `${ctx.origin}${catalogPath(row.id)}` } } };
  });
  return hal({ _total_items: catalogs.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { catalogs } });
}

export function updateCatalogs(ctx: RequestContext, pathId: number | null): Reply {
  requireCatalogAccess(ctx, 'editing catalogs');
  const items = pathId === null ? readBatch(ctx.body) : [readObjectBody(ctx.body)];
  const drafts = validateAll(items, (item, _index, issues) => checkCatalogUpdate(ctx, pathId, item, issues));
  const catalogs = drafts.map((draft, index) => {
    const row = ctx.store.catalogs.catalogs.put(draft!);
    return { ...row, account_id: ctx.store.account.id, request_id: requestIdOf(items[index], index), _links: { self: { href: `${ctx.origin}${catalogPath(row.id)}` } } };
  });
  if (pathId !== null) return hal(catalogs[0]);
  return hal({ _total_items: catalogs.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { catalogs } });
}

function checkElement(ctx: RequestContext, catalog: CatalogRecord, pathId: number | null, mode: 'create' | 'update', raw: unknown, issues: Issues): CatalogElementRecord | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const user = ctx.store.account.current_user_id;
  const now = unixNow(ctx);
  const changes = readFieldChanges(ctx.store, `catalogs/${catalog.id}`, item.custom_fields_values, issues.under('custom_fields_values'));
  if (mode === 'create') {
    if (!catalog.can_add_elements) read.fail('NotSupportedChoice', 'catalog_id', 'This catalog takes no new elements.');
    const name = read.text('name', { required: true });
    if (name === undefined) return undefined;
    return { id: 0, catalog_id: catalog.id, name, created_by: user, updated_by: user, created_at: now, updated_at: now, is_deleted: false, custom_fields_values: mergeFieldValues([], changes ?? []) };
  }
  const id = pathId ?? read.int('id', { required: true });
  if (id === undefined) return undefined;
  const element = ctx.store.catalogs.elements.get(id);
  if (!element || element.catalog_id !== catalog.id || element.is_deleted) {
    read.fail('NotFound', 'id', 'No element with this id in this catalog.');
    return undefined;
  }
  const name = has(item, 'name') ? read.text('name', { required: true }) : undefined;
  const values = changes ? mergeFieldValues(element.custom_fields_values ?? [], changes) : element.custom_fields_values;
  return { ...element, name: name ?? element.name, custom_fields_values: values, updated_by: user, updated_at: now };
}

/** POST (create) or PATCH (update; `pathId` for the single form) of one catalog's elements. */
export function writeElements(ctx: RequestContext, catalog: CatalogRecord, mode: 'create' | 'update', pathId: number | null): Reply {
  const items = pathId === null ? readBatch(ctx.body) : [readObjectBody(ctx.body)];
  const drafts = validateAll(items, (item, _index, issues) => checkElement(ctx, catalog, pathId, mode, item, issues));
  const table = ctx.store.catalogs.elements;
  const elements = drafts.map((draft, index) => {
    const row = table.put(mode === 'create' ? { ...draft!, id: table.nextId() } : draft!);
    return { ...row, custom_fields_values: renderFieldValues(ctx.store, `catalogs/${catalog.id}`, row.custom_fields_values ?? []), account_id: ctx.store.account.id, request_id: requestIdOf(items[index], index), _links: { self: { href: `${ctx.origin}${elementPath(catalog.id, row.id)}` } } };
  });
  if (pathId !== null) return hal(elements[0]);
  return hal({ _total_items: elements.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { elements } });
}
