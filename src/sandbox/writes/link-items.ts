// Link and unlink items (§3.8) among leads, contacts and companies: checked first (both ends must
// exist and not be deleted, the pair must be one amoCRM links), then written through the link
// index, which keeps "one company per lead or contact" and "one main contact per lead".

import type { EntityRef } from '../links.js';
import type { EntityType } from '../records.js';
import type { SandboxStore } from '../store.js';
import { isLive } from './env.js';
import { isRecord, type Issues } from './issues.js';
import { has, readId, readString, typeName } from './scalars.js';

/** What each type links to here; catalog elements and customers do not exist in the sandbox. */
export const LINK_TARGETS: Record<EntityType, readonly EntityType[]> = {
  leads: ['contacts', 'companies'],
  contacts: ['companies', 'leads'],
  companies: ['contacts', 'leads'],
};

export interface LinkDraft {
  from: EntityRef;
  to: EntityRef;
  isMain: boolean;
}

const singular: Record<EntityType, string> = { leads: 'lead', contacts: 'contact', companies: 'company' };

export interface LinkEnds {
  entityId: number | undefined;
  toId: number | undefined;
  toType: string | undefined;
  /** The item's metadata object, or an empty one. */
  metadata: Record<string, unknown>;
}

/**
 * What every link item says, whatever links: its entity (`fromId`, the path's entity for
 * `/{type}/{id}/link`, where items carry no entity_id), its target and the target's type.
 */
export function readLinkEnds(raw: unknown, issues: Issues, fromId?: number): LinkEnds | undefined {
  if (!isRecord(raw)) {
    issues.add('InvalidType', '', `a link is an object, got ${typeName(raw)}`);
    return undefined;
  }
  const entityId = fromId ?? readId(raw, 'entity_id', issues);
  if (fromId === undefined && !has(raw, 'entity_id')) issues.add('NotBlank', 'entity_id', 'entity_id is required');
  const toId = readId(raw, 'to_entity_id', issues);
  if (!has(raw, 'to_entity_id')) issues.add('NotBlank', 'to_entity_id', 'to_entity_id is required');
  const toType = readString(raw, 'to_entity_type', issues);
  if (!has(raw, 'to_entity_type')) issues.add('NotBlank', 'to_entity_type', 'to_entity_type is required');
  if (has(raw, 'metadata') && raw.metadata !== null && !isRecord(raw.metadata)) {
    issues.add('InvalidType', 'metadata', `metadata must be an object, got ${typeName(raw.metadata)}`);
  }
  return { entityId: entityId ?? undefined, toId: toId ?? undefined, toType: toType ?? undefined, metadata: isRecord(raw.metadata) ? raw.metadata : {} };
}

/** One item of `/{type}/link|unlink` between leads, contacts and companies. */
export function readLinkItem(store: SandboxStore, type: EntityType, raw: unknown, issues: Issues, fromId?: number): LinkDraft | undefined {
  const before = issues.count;
  const ends = readLinkEnds(raw, issues, fromId);
  if (!ends) return undefined;
  const { entityId, toId, toType, metadata } = ends;

  if (typeof entityId === 'number' && !isLive(store, type, entityId)) {
    issues.add('NotSupportedChoice', 'entity_id', `no ${singular[type]} ${entityId}`);
  }
  let target: EntityType | undefined;
  if (typeof toType === 'string') {
    target = LINK_TARGETS[type].find((candidate) => candidate === toType);
    if (!target) issues.add('NotSupportedChoice', 'to_entity_type', `${type} link to ${LINK_TARGETS[type].join(' or ')}, not ${toType}`);
  }
  if (target && typeof toId === 'number' && !isLive(store, target, toId)) {
    issues.add('NotSupportedChoice', 'to_entity_id', `no ${singular[target]} ${toId}`);
  }
  if (issues.count > before || !target || typeof entityId !== 'number' || typeof toId !== 'number') return undefined;
  // amoCRM reads is_main; its answers say main_contact, and clients echo that back.
  const isMain = metadata.is_main === true || metadata.main_contact === true;
  return { from: { type, id: entityId }, to: { type: target, id: toId }, isMain };
}

const isLeadContact = (a: EntityType, b: EntityType) => (a === 'leads' && b === 'contacts') || (a === 'contacts' && b === 'leads');

/** The link as amoCRM answers it, with the main flag as it stands now. */
export function renderLink(store: SandboxStore, link: LinkDraft) {
  let metadata: { main_contact: boolean } | null = null;
  if (isLeadContact(link.from.type, link.to.type)) {
    const [lead, contact] = link.from.type === 'leads' ? [link.from, link.to] : [link.to, link.from];
    const linked = store.links.linked(lead, 'contacts').find((item) => item.id === contact.id);
    metadata = { main_contact: linked?.isMain ?? false };
  }
  return { entity_id: link.from.id, entity_type: link.from.type, to_entity_id: link.to.id, to_entity_type: link.to.type, metadata };
}

export function applyLink(store: SandboxStore, link: LinkDraft): void {
  // Linking a linked pair again changes nothing, except that is_main may now make it main.
  store.links.link(link.from, link.to, { isMain: link.isMain && isLeadContact(link.from.type, link.to.type) });
}
