// Customers in the links API (§3.8): a customer links to contacts, companies and catalog elements,
// and contacts and companies link back to customers. The pairs live on the customer row
// (`contact_ids`, main contact first, and at most one `company_id`), so the link index of leads,
// contacts and companies stays as it is. Catalog elements go through the catalog store.

import type { SandboxStore } from '../store.js';
import { isLive } from '../writes/env.js';
import { isRecord, type Issues } from '../writes/issues.js';
import { readLinkEnds } from '../writes/link-items.js';
import type { CustomerRecord } from './records.js';

type Partner = 'contacts' | 'companies';
export type CustomerLinkSource = Partner | 'customers';

export interface CustomerLinkDraft {
  customerId: number;
  to: { type: Partner; id: number };
  isMain: boolean;
  /** The request named the contact or company as its entity (`/contacts/link`), not the customer. */
  reversed: boolean;
}

/** A link item whose far end is a customer (sent to a contacts or companies link endpoint). */
export const isCustomerLinkItem = (raw: unknown): boolean => isRecord(raw) && raw.to_entity_type === 'customers';

export function liveCustomer(store: SandboxStore, id: number): CustomerRecord | undefined {
  const row = store.customers.rows.get(id);
  return row && !row.is_deleted ? row : undefined;
}

/** One item of `/{type}/link|unlink` that pairs a customer with a contact or company. */
export function readCustomerLinkItem(store: SandboxStore, type: CustomerLinkSource, raw: unknown, issues: Issues, fromId?: number): CustomerLinkDraft | undefined {
  const before = issues.count;
  const ends = readLinkEnds(raw, issues, fromId);
  if (!ends) return undefined;
  const { entityId, toId, toType, metadata } = ends;
  const reversed = type !== 'customers';
  const partner = (reversed ? type : toType) as Partner;
  if (!reversed && typeof toType === 'string' && toType !== 'contacts' && toType !== 'companies') {
    issues.add('NotSupportedChoice', 'to_entity_type', `customers link to contacts, companies or catalog_elements, not ${toType}`);
  }
  const [customerId, partnerId] = reversed ? [toId, entityId] : [entityId, toId];
  const [customerKey, partnerKey] = reversed ? ['to_entity_id', 'entity_id'] : ['entity_id', 'to_entity_id'];
  if (typeof customerId === 'number' && !liveCustomer(store, customerId)) issues.add('NotSupportedChoice', customerKey, `no customer ${customerId}`);
  if (typeof partnerId === 'number' && (partner === 'contacts' || partner === 'companies') && !isLive(store, partner, partnerId)) {
    issues.add('NotSupportedChoice', partnerKey, `no ${partner === 'contacts' ? 'contact' : 'company'} ${partnerId}`);
  }
  if (issues.count > before || typeof customerId !== 'number' || typeof partnerId !== 'number') return undefined;
  const isMain = partner === 'contacts' && (metadata.is_main === true || metadata.main_contact === true);
  return { customerId, to: { type: partner, id: partnerId }, isMain, reversed };
}

/** Links the pair; a customer has one company, so a new one takes the old one's place. */
export function linkCustomer(store: SandboxStore, link: CustomerLinkDraft): boolean {
  const row = liveCustomer(store, link.customerId)!;
  if (link.to.type === 'companies') {
    const changed = row.company_id !== link.to.id;
    row.company_id = link.to.id;
    return changed;
  }
  const had = row.contact_ids.includes(link.to.id);
  if (link.isMain) row.contact_ids = [link.to.id, ...row.contact_ids.filter((id) => id !== link.to.id)];
  else if (!had) row.contact_ids = [...row.contact_ids, link.to.id];
  return !had;
}

export function unlinkCustomer(store: SandboxStore, link: CustomerLinkDraft): boolean {
  const row = liveCustomer(store, link.customerId)!;
  if (link.to.type === 'companies') {
    if (row.company_id !== link.to.id) return false;
    row.company_id = null;
    return true;
  }
  const had = row.contact_ids.includes(link.to.id);
  row.contact_ids = row.contact_ids.filter((id) => id !== link.to.id);
  return had;
}

const metadataOf = (row: CustomerRecord | undefined, to: { type: Partner; id: number }) =>
  to.type === 'contacts' ? { main_contact: row?.contact_ids[0] === to.id } : null;

/** The link as amoCRM answers it, from the side the request named. */
export function renderCustomerLink(store: SandboxStore, link: CustomerLinkDraft) {
  const metadata = metadataOf(liveCustomer(store, link.customerId), link.to);
  return link.reversed
    ? { entity_id: link.to.id, entity_type: link.to.type, to_entity_id: link.customerId, to_entity_type: 'customers', metadata }
    : { entity_id: link.customerId, entity_type: 'customers', to_entity_id: link.to.id, to_entity_type: link.to.type, metadata };
}

/** A customer's contact and company links, main contact first. */
export function customerPartnerLinks(row: CustomerRecord) {
  return [
    ...row.contact_ids.map((id) => ({ to_entity_id: id, to_entity_type: 'contacts' as const, metadata: metadataOf(row, { type: 'contacts', id }) })),
    ...(row.company_id === null ? [] : [{ to_entity_id: row.company_id, to_entity_type: 'companies' as const, metadata: null }]),
  ];
}
