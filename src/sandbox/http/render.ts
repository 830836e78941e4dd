// Stored rows -> amoCRM's wire shapes for leads, contacts and companies. What is embedded depends
// on `with=`: a lead always has `_embedded.tags` and `.companies`, `.contacts` only with
// `with=contacts`; a contact always has `.companies`, `.leads` only with `with=leads`; a company
// has `.contacts`/`.leads` only when asked. Linked rows that are gone or deleted are not shown.

import { customerRefsOf } from '../customers/render.js';
import type { Company, Contact, CustomFieldValues, EmbeddedRef, Lead, Tag } from '../../rest/types.js';
import { fieldTable } from '../field-owners.js';
import type { CompanyRecord, ContactRecord, EntityType, FieldOwner, LeadRecord, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import type { HalLink } from './hal.js';

export interface RenderOptions {
  store: SandboxStore;
  origin: string;
  with: ReadonlySet<string>;
}

const selfLink = (origin: string, path: string): { self: HalLink } => ({ self: { href: `${origin}${path}` } });

/** An entity's, customer's or catalog element's stored values against its owner's definitions. */
export function renderFieldValues(store: SandboxStore, entity: FieldOwner, stored: readonly StoredFieldValues[]): CustomFieldValues[] | null {
  const out: CustomFieldValues[] = [];
  const fields = fieldTable(store, entity);
  for (const item of stored) {
    const field = fields?.get(item.field_id);
    if (!field || item.values.length === 0) continue;
    out.push({ field_id: field.id, field_name: field.name, field_code: field.code, field_type: field.type, values: item.values });
  }
  return out.length > 0 ? out : null;
}

export function renderTags(store: SandboxStore, entity: EntityType, ids: readonly number[]): Tag[] {
  const tags: Tag[] = [];
  for (const id of ids) {
    const tag = store.tags[entity].get(id);
    if (tag) tags.push({ id: tag.id, name: tag.name, color: tag.color });
  }
  return tags;
}

/** The visible entities of `type` linked to `from`: main contact first, then by id. */
export function visibleLinks(store: SandboxStore, from: { type: EntityType; id: number }, type: EntityType) {
  const table = store.entities(type);
  return store.links.linked(from, type).filter((linked) => {
    const row = table.get(linked.id);
    return row !== undefined && !row.is_deleted;
  });
}

/**
 * `_embedded.catalog_elements` (with=catalog_elements): the live elements linked to an entity, with
 * the link's quantity, catalog and price field, as amoCRM embeds them. Left out when there are
 * none (whether amoCRM sends an empty list is unconfirmed).
 */
function addCatalogElements(embedded: object, store: SandboxStore, from: { type: EntityType; id: number }): void {
  const elements = store.catalogs
    .linksOf(from)
    .filter((link) => store.catalogs.elements.get(link.element_id)?.is_deleted === false)
    .map((link) => ({ id: link.element_id, metadata: { quantity: link.quantity, catalog_id: link.catalog_id, price_id: link.price_id } }));
  if (elements.length > 0) Object.assign(embedded, { catalog_elements: elements });
}

function refs(options: RenderOptions, from: { type: EntityType; id: number }, type: EntityType): EmbeddedRef[] {
  return visibleLinks(options.store, from, type).map((linked) => ({ id: linked.id, _links: selfLink(options.origin, `/api/v4/${type}/${linked.id}`) }));
}

export function renderLead(options: RenderOptions, lead: LeadRecord): Lead {
  const { store, origin } = options;
  const ref = { type: 'leads' as const, id: lead.id };
  const embedded: NonNullable<Lead['_embedded']> = {
    tags: renderTags(store, 'leads', lead.tag_ids),
    companies: refs(options, ref, 'companies'),
  };
  if (options.with.has('contacts')) {
    const contacts = visibleLinks(store, ref, 'contacts');
    // A deleted main contact hands "main" to the first remaining one, as unlinking does
    // (links.ts): a lead with contacts always shows exactly one main contact.
    const mainId = (contacts.find((linked) => linked.isMain) ?? contacts[0])?.id;
    embedded.contacts = contacts.map((linked) => ({
      id: linked.id,
      is_main: linked.id === mainId,
      _links: selfLink(origin, `/api/v4/contacts/${linked.id}`),
    }));
  }
  if (options.with.has('catalog_elements')) addCatalogElements(embedded, store, ref);
  if (options.with.has('loss_reason') && lead.loss_reason_id !== null) {
    const reason = store.lossReasons.get(lead.loss_reason_id);
    if (reason) {
      const rendered = { ...reason, _links: selfLink(origin, `/api/v4/leads/loss_reasons/${reason.id}`) };
      embedded.loss_reason = [rendered];
    }
  }
  return {
    id: lead.id,
    name: lead.name,
    price: lead.price,
    responsible_user_id: lead.responsible_user_id,
    group_id: lead.group_id,
    status_id: lead.status_id,
    pipeline_id: lead.pipeline_id,
    loss_reason_id: lead.loss_reason_id,
    ...(options.with.has('source_id') ? { source_id: lead.source_id } : {}),
    created_by: lead.created_by,
    updated_by: lead.updated_by,
    created_at: lead.created_at,
    updated_at: lead.updated_at,
    closed_at: lead.closed_at,
    closest_task_at: lead.closest_task_at,
    is_deleted: lead.is_deleted,
    custom_fields_values: renderFieldValues(store, 'leads', lead.custom_fields_values),
    score: lead.score,
    account_id: store.account.id,
    labor_cost: lead.labor_cost,
    ...(options.with.has('is_price_modified_by_robot') ? { is_price_modified_by_robot: lead.is_price_modified_by_robot } : {}),
    _links: selfLink(origin, `/api/v4/leads/${lead.id}`),
    _embedded: embedded,
  };
}

export function renderContact(options: RenderOptions, contact: ContactRecord): Contact {
  const { store, origin } = options;
  const ref = { type: 'contacts' as const, id: contact.id };
  const embedded: NonNullable<Contact['_embedded']> = {
    tags: renderTags(store, 'contacts', contact.tag_ids),
    companies: refs(options, ref, 'companies'),
  };
  if (options.with.has('leads')) embedded.leads = refs(options, ref, 'leads');
  if (options.with.has('customers')) Object.assign(embedded, { customers: customerRefsOf(options, 'contacts', contact.id) });
  if (options.with.has('catalog_elements')) addCatalogElements(embedded, store, ref);
  return {
    id: contact.id,
    name: contact.name,
    first_name: contact.first_name,
    last_name: contact.last_name,
    responsible_user_id: contact.responsible_user_id,
    group_id: contact.group_id,
    created_by: contact.created_by,
    updated_by: contact.updated_by,
    created_at: contact.created_at,
    updated_at: contact.updated_at,
    closest_task_at: contact.closest_task_at,
    is_deleted: contact.is_deleted,
    is_unsorted: contact.is_unsorted,
    custom_fields_values: renderFieldValues(store, 'contacts', contact.custom_fields_values),
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/contacts/${contact.id}`),
    _embedded: embedded,
  };
}

export function renderCompany(options: RenderOptions, company: CompanyRecord): Company {
  const { store, origin } = options;
  const ref = { type: 'companies' as const, id: company.id };
  const embedded: NonNullable<Company['_embedded']> = { tags: renderTags(store, 'companies', company.tag_ids) };
  if (options.with.has('contacts')) embedded.contacts = refs(options, ref, 'contacts');
  if (options.with.has('leads')) embedded.leads = refs(options, ref, 'leads');
  if (options.with.has('customers')) Object.assign(embedded, { customers: customerRefsOf(options, 'companies', company.id) });
  if (options.with.has('catalog_elements')) addCatalogElements(embedded, store, ref);
  return {
    id: company.id,
    name: company.name,
    responsible_user_id: company.responsible_user_id,
    group_id: company.group_id,
    created_by: company.created_by,
    updated_by: company.updated_by,
    created_at: company.created_at,
    updated_at: company.updated_at,
    closest_task_at: company.closest_task_at,
    is_deleted: company.is_deleted,
    custom_fields_values: renderFieldValues(store, 'companies', company.custom_fields_values),
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/companies/${company.id}`),
    _embedded: embedded,
  };
}
