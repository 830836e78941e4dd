// The whole in-memory account: typed tables by id plus the link index. Tests read and mutate it
// directly (mark a lead deleted, drop a contact); removing an entity drops its links too.

import { createEventLog, type EventLog } from './events/log.js';
import { createCustomersData, type CustomersData } from './customers/records.js';
import { createCatalogStore, type CatalogStore } from './catalogs/store.js';
import { createDriveStore, type DriveStore } from './drive/store.js';
import { createLinkIndex, type LinkIndex } from './links.js';
import type {
  AccountRecord,
  ChatTemplateRecord,
  CompanyRecord,
  ContactRecord,
  CustomFieldRecord,
  FieldGroupRecord,
  GroupOwner,
  EntityType,
  LeadRecord,
  LossReasonRecord,
  NoteRecord,
  PipelineRecord,
  RoleRecord,
  ShortLinkRecord,
  SourceRecord,
  TalkRecord,
  TagRecord,
  TaskRecord,
  TaskTypeRecord,
  UnsortedRecord,
  UserGroupRecord,
  UserRecord,
  WebhookRecord,
} from './records.js';
import { createTable, type Table } from './table.js';
import type { WebsiteButtonRecord } from './website-buttons/records.js';
import type { WidgetRecord } from './widgets/records.js';

export interface SandboxStore {
  account: AccountRecord;
  users: Table<UserRecord>;
  userGroups: Table<UserGroupRecord>;
  roles: Table<RoleRecord>;
  taskTypes: Table<TaskTypeRecord>;
  pipelines: Table<PipelineRecord>;
  lossReasons: Table<LossReasonRecord>;
  /** The integration's lead sources (`/api/v4/sources`), also behind `with=source_id`. */
  sources: Table<SourceRecord>;
  /** Field definitions of the entity types and customers; a catalog's are in `catalogFields`. */
  customFields: Record<EntityType | 'customers', Table<CustomFieldRecord>>;
  /** Field definitions per catalog id (see `fieldTable`). */
  catalogFields: Map<number, Table<CustomFieldRecord>>;
  /** Field groups (card tabs) per owner, by their string id. */
  fieldGroups: Record<GroupOwner, Map<string, FieldGroupRecord>>;
  /** Tag dictionaries per type; customers have their own (`/api/v4/customers/tags`). */
  tags: Record<EntityType | 'customers', Table<TagRecord>>;
  leads: Table<LeadRecord>;
  contacts: Table<ContactRecord>;
  companies: Table<CompanyRecord>;
  links: LinkIndex;
  /** Notes per entity type (`/api/v4/{type}/notes/{id}`). */
  notes: Record<EntityType, Table<NoteRecord>>;
  tasks: Table<TaskRecord>;
  shortLinks: Table<ShortLinkRecord>;
  /** Who follows a lead's changes, by lead id (`/api/v4/leads/{id}/subscriptions`). */
  subscriptions: Map<number, { subscriber_id: number; type: 'user' | 'group' }[]>;
  /** The same for customers (`/api/v4/customers/{id}/subscriptions`), by customer id. */
  customerSubscriptions: Map<number, { subscriber_id: number; type: 'user' | 'group' }[]>;
  chatTemplates: Table<ChatTemplateRecord>;
  /** Chat conversations by talk_id. */
  talks: Table<TalkRecord>;
  /** Incoming entries by uid (a string), in arrival order. */
  unsorted: Map<string, UnsortedRecord>;
  /** The audit log (`/api/v4/events`): string ids, newest first. */
  events: EventLog;
  /** Customers, their statuses, segments and transactions (answered only while the mode is on). */
  customers: CustomersData;
  /** Catalogs (lists), their elements and element links. */
  catalogs: CatalogStore;
  /** Webhook subscriptions (`/api/v4/webhooks`). */
  webhooks: Table<WebhookRecord>;
  /** Widgets this account knows (`/api/v4/widgets`), installed or not. */
  widgets: Table<WidgetRecord>;
  /** Website chat buttons (CRM plugin) by source id (`/api/v4/website_buttons`). */
  websiteButtons: Table<WebsiteButtonRecord>;
  /** The drive service: files, upload sessions, and files attached to entities. */
  drive: DriveStore;
  /** The entity table for a type, for code shared by leads, contacts and companies. */
  entities(type: 'leads'): Table<LeadRecord>;
  entities(type: 'contacts'): Table<ContactRecord>;
  entities(type: 'companies'): Table<CompanyRecord>;
  entities(type: EntityType): Table<LeadRecord> | Table<ContactRecord> | Table<CompanyRecord>;
}

export function createStore(account: AccountRecord): SandboxStore {
  const links = createLinkIndex();
  const entityTable = <T extends { id: number }>(type: EntityType) =>
    createTable<T>([], { onDelete: (id) => links.removeEntity({ type, id }) });
  const leads = entityTable<LeadRecord>('leads');
  const contacts = entityTable<ContactRecord>('contacts');
  const companies = entityTable<CompanyRecord>('companies');
  const byType = { leads, contacts, companies };

  return {
    account,
    users: createTable(),
    userGroups: createTable(),
    roles: createTable(),
    taskTypes: createTable(),
    pipelines: createTable(),
    lossReasons: createTable(),
    sources: createTable(),
    customFields: { leads: createTable(), contacts: createTable(), companies: createTable(), customers: createTable() },
    catalogFields: new Map(),
    fieldGroups: { leads: new Map(), contacts: new Map(), companies: new Map(), customers: new Map() },
    tags: { leads: createTable(), contacts: createTable(), companies: createTable(), customers: createTable([], { firstId: 840_001 }) },
    leads,
    contacts,
    companies,
    links,
    notes: { leads: createTable(), contacts: createTable(), companies: createTable() },
    tasks: createTable(),
    shortLinks: createTable(),
    subscriptions: new Map(),
    customerSubscriptions: new Map(),
    chatTemplates: createTable(),
    talks: createTable([], { firstId: 1 }),
    unsorted: new Map(),
    events: createEventLog(),
    customers: createCustomersData(),
    catalogs: createCatalogStore(),
    webhooks: createTable([], { firstId: 839001 }),
    widgets: createTable(),
    websiteButtons: createTable(),
    drive: createDriveStore(),
    entities: ((type: EntityType) => byType[type]) as SandboxStore['entities'],
  };
}

/** Finds a pipeline's status; 142 and 143 exist once per pipeline. */
export function findStatus(store: SandboxStore, pipelineId: number, statusId: number) {
  return store.pipelines.get(pipelineId)?.statuses.find((status) => status.id === statusId);
}
