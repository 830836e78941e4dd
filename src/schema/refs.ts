// Refs for every loadable node, declared apart from their fields so the type files can refer to
// each other freely. Batching is declared here, on the type: resolvers return amoCRM ids (or
// rows) and Pothos loads them through one per-request DataLoader per type.

import { brandWithType } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { ID_BATCH_SIZE, loadCompanies, loadContacts, loadLeads } from '../loaders/entities.js';
import { loadTasks } from '../loaders/tasks.js';
import {
  customFieldKey,
  fieldOwnerOf,
  loadCustomFields,
  loadLossReasons,
  loadPipelines,
  loadStatuses,
  loadUsers,
  statusKey,
} from '../loaders/metadata.js';
import type {
  Company,
  Contact,
  CustomFieldDefinition,
  EntityType,
  Lead,
  LossReason,
  Pipeline,
  Status,
  Task,
  User,
} from '../rest/types.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';

export function parseAmoId(type: string) {
  return (id: string): number => {
    // Plain decimal only: `Number()` would also take "0x1F", " 7" or "2e7" and mint a second
    // global id for the same object.
    const value = /^[1-9]\d*$/.test(id) ? Number(id) : Number.NaN;
    if (!Number.isSafeInteger(value)) {
      throw new GraphQLError(`Invalid ${type} id`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
}

function parseCompositeKey(type: string, pattern: RegExp) {
  return (id: string): string => {
    if (!pattern.test(id)) throw new GraphQLError(`Invalid ${type} id`, { extensions: { code: 'BAD_USER_INPUT' } });
    return id;
  };
}

const loaderOptions = { maxBatchSize: ID_BATCH_SIZE };

export const LeadRef = builder.loadableNodeRef('Lead', {
  id: { resolve: (lead: Lead) => lead.id, parse: parseAmoId('Lead') },
  load: (ids: number[], ctx: GraphQLContext) => loadLeads(ctx.account, ids, ctx.upstream.scope),
  toKey: (lead) => lead.id,
  sort: true,
  cacheResolved: true,
  loaderOptions,
});

export const ContactRef = builder.loadableNodeRef('Contact', {
  id: { resolve: (contact: Contact) => contact.id, parse: parseAmoId('Contact') },
  load: (ids: number[], ctx: GraphQLContext) => loadContacts(ctx.account, ids, ctx.upstream.scope),
  toKey: (contact) => contact.id,
  sort: true,
  cacheResolved: true,
  loaderOptions,
});

export const CompanyRef = builder.loadableNodeRef('Company', {
  id: { resolve: (company: Company) => company.id, parse: parseAmoId('Company') },
  load: (ids: number[], ctx: GraphQLContext) => loadCompanies(ctx.account, ids, ctx.upstream.scope),
  toKey: (company) => company.id,
  sort: true,
  cacheResolved: true,
  loaderOptions,
});

export const UserRef = builder.loadableNodeRef('User', {
  id: { resolve: (user: User) => user.id, parse: parseAmoId('User') },
  load: (ids: number[], ctx: GraphQLContext) => loadUsers(ctx.account, ids),
  toKey: (user) => user.id,
  sort: true,
  cacheResolved: true,
});

export const PipelineRef = builder.loadableNodeRef('Pipeline', {
  id: { resolve: (pipeline: Pipeline) => pipeline.id, parse: parseAmoId('Pipeline') },
  load: (ids: number[], ctx: GraphQLContext) => loadPipelines(ctx.account, ids),
  toKey: (pipeline) => pipeline.id,
  sort: true,
  cacheResolved: true,
});

/** Keyed by `pipelineId:statusId`: 142 (won) and 143 (lost) exist in every pipeline. */
export const StatusRef = builder.loadableNodeRef('Status', {
  id: { resolve: (status: Status) => statusKey(status.pipeline_id, status.id), parse: parseCompositeKey('Status', /^\d+:\d+$/) },
  load: (keys: string[], ctx: GraphQLContext) => loadStatuses(ctx.account, keys),
  toKey: (status) => statusKey(status.pipeline_id, status.id),
  sort: true,
  cacheResolved: true,
});

/** A definition as amoCRM returns it, with the owner it belongs to (absent in some answers). */
export type CustomFieldDefinitionShape = CustomFieldDefinition;

/** Keyed by `owner:fieldId` (`leads:551001`, `catalogs/1003:555201`): a definition is found under its owner. */
export const CustomFieldDefinitionRef = builder.loadableNodeRef('CustomFieldDefinition', {
  id: {
    resolve: (field: CustomFieldDefinitionShape) => customFieldKey(fieldOwnerOf(field), field.id),
    parse: parseCompositeKey('CustomFieldDefinition', /^(leads|contacts|companies|customers|catalogs\/\d+):\d+$/),
  },
  load: async (keys: string[], ctx: GraphQLContext): Promise<CustomFieldDefinitionShape[]> => {
    const fields = await loadCustomFields(ctx.account, keys);
    return fields as CustomFieldDefinitionShape[];
  },
  toKey: (field) => customFieldKey(fieldOwnerOf(field), field.id),
  sort: true,
  cacheResolved: true,
});

export const LossReasonRef = builder.loadableNodeRef('LossReason', {
  id: { resolve: (reason: LossReason) => reason.id, parse: parseAmoId('LossReason') },
  load: (ids: number[], ctx: GraphQLContext) => loadLossReasons(ctx.account, ids),
  toKey: (reason) => reason.id,
  sort: true,
  cacheResolved: true,
});

export const TaskRef = builder.loadableNodeRef('Task', {
  id: { resolve: (task: Task) => task.id, parse: parseAmoId('Task') },
  load: (ids: number[], ctx: GraphQLContext) => loadTasks(ctx.upstream, ids),
  toKey: (task) => task.id,
  sort: true,
  cacheResolved: true,
  loaderOptions,
});

const ENTITY_REFS = { leads: LeadRef, contacts: ContactRef, companies: CompanyRef } as const;

/** Adds the same kind of field to leads, contacts and companies (their tasks, their notes). */
export function forEachEntityRef(add: (ref: typeof LeadRef, entity: EntityType) => void): void {
  for (const [entity, ref] of Object.entries(ENTITY_REFS)) add(ref as typeof LeadRef, entity as EntityType);
}

/**
 * A lead, contact or company through its per-request loader (null when gone), branded with its
 * type so a `Node` field can tell which it is.
 */
export async function loadEntity(ctx: GraphQLContext, entity: EntityType, id: number): Promise<Lead | Contact | Company | null> {
  const ref = ENTITY_REFS[entity];
  const row = await (ref.getDataloader(ctx) as { load(id: number): Promise<Lead | Contact | Company | null> }).load(id);
  if (row) brandWithType(row, ref as never);
  return row;
}

/** Forgets the request's copy of an entity that was just written, so it is read again. */
export function forgetEntity(ctx: GraphQLContext, entity: EntityType, id: number): void {
  ENTITY_REFS[entity].getDataloader(ctx).clear(id);
}
