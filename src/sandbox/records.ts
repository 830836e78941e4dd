// The sandbox's stored rows. They keep amoCRM's snake_case field names so that rendering is a
// plain projection and tests read like the API; relations (links, tags) live beside them, not
// inside, so that one write keeps both directions consistent.

import type {
  CustomFieldDefinition,
  CustomFieldValueItem,
  EntityType,
  UserRights,
} from '../rest/types.js';

export type { EntityType };

/** One filled field on an entity as stored: names, codes and types come from the definition. */
export interface StoredFieldValues {
  field_id: number;
  values: CustomFieldValueItem[];
}

interface EntityBase {
  id: number;
  name: string;
  responsible_user_id: number;
  group_id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closest_task_at: number | null;
  is_deleted: boolean;
  /** Empty means "nothing filled" and renders as `null`. */
  custom_fields_values: StoredFieldValues[];
  /** Ids in this entity type's tag dictionary. */
  tag_ids: number[];
}

export interface LeadRecord extends EntityBase {
  price: number;
  status_id: number;
  pipeline_id: number;
  loss_reason_id: number | null;
  source_id: number | null;
  closed_at: number | null;
  score: number | null;
  labor_cost: number | null;
  is_price_modified_by_robot: boolean;
}

export interface ContactRecord extends EntityBase {
  first_name: string;
  last_name: string;
  is_unsorted: boolean;
}

export type CompanyRecord = EntityBase;

export interface TagRecord {
  id: number;
  name: string;
  /** Hex without `#`; only leads tags carry a color. */
  color: string | null;
}

export interface UserRecord {
  id: number;
  name: string;
  email: string;
  lang: string;
  rights: UserRights;
  uuid: string;
  amojo_id: string;
  user_rank: string;
  phone_number: string | null;
}

export interface UserGroupRecord {
  id: number;
  name: string;
  uuid: string | null;
}

export interface RoleRecord {
  id: number;
  name: string;
  /** Set by role writes; a seeded role's rights are read off the users who hold it. */
  rights?: Partial<UserRights>;
}

export interface StatusRecord {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  color: string;
  /** 1 is the incoming (unsorted) stage. */
  type: 0 | 1;
}

export interface PipelineRecord {
  id: number;
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  is_archive: boolean;
  /** In display order. 142 and 143 repeat in every pipeline, so statuses live inside it. */
  statuses: StatusRecord[];
}

export interface LossReasonRecord {
  id: number;
  name: string;
  sort: number;
  created_at: number;
  updated_at: number;
}

/** One page a source offers the website chat button (a WhatsApp number, a bot). */
export interface SourcePageRecord {
  name: string;
  id: string;
  link: string;
}

export interface SourceServiceRecord {
  /** amoCRM knows one service type: `whatsapp` (the CRM plugin's number picker). */
  type: 'whatsapp';
  params: { waba?: boolean; is_supports_list_message?: boolean };
  pages: SourcePageRecord[];
}

/** An integration's lead source (`/api/v4/sources`); `external_id` is unique in the account. */
export interface SourceRecord {
  id: number;
  name: string;
  pipeline_id: number;
  external_id: string;
  default: boolean;
  origin_code: string | null;
  services: SourceServiceRecord[];
}

/** A short link made for one contact (`/api/v4/short_links`); a click would add a note there. */
export interface ShortLinkRecord {
  id: number;
  /** The address given. */
  url: string;
  /** The short address amoCRM answers with. */
  short_url: string;
  entity_type: 'contacts';
  entity_id: number;
}

/** A conversation in a chat (`/api/v4/talks/{id}`); `id` is amoCRM's `talk_id`. */
export interface TalkRecord {
  id: number;
  created_at: number;
  updated_at: number;
  rate: number;
  contact_id: number;
  chat_id: string;
  entity_id: number | null;
  entity_type: 'lead' | 'customer' | null;
  is_in_work: boolean;
  is_read: boolean;
  origin: string;
  missed_at: number | null;
}

/** A chat reply template of this integration (`/api/v4/chats/templates`). */
export interface ChatTemplateRecord {
  id: number;
  name: string;
  content: string;
  is_editable: boolean;
  /** `amocrm` (a reply template) or `waba` (a WhatsApp template that goes to review). */
  type: 'amocrm' | 'waba';
  buttons: { type: 'inline' | 'url'; text: string; url?: string }[];
  external_id: string | null;
  created_at: number;
  updated_at: number;
  /** WhatsApp review: `draft` (new, still editable), `review`, `approved`, `paused`, `rejected`; null for amocrm ones. */
  review_status: string | null;
}

export type CustomFieldRecord = Omit<CustomFieldDefinition, '_links' | 'account_id' | 'entity_type' | 'catalog_id'>;

/** Whose fields a definition is, as its `/api/v4/{owner}/custom_fields` path segment. */
export type FieldOwner = EntityType | 'customers' | `catalogs/${number}`;

/** Owners whose cards group their fields (`/api/v4/{owner}/custom_fields/groups`). */
export type GroupOwner = EntityType | 'customers';

/**
 * A tab of fields in an entity card. Ids are strings; the predefined group is the card's main tab
 * and cannot be deleted. Which fields a group holds is each field's `group_id` (null: the main tab).
 */
export interface FieldGroupRecord {
  id: string;
  name: string;
  sort: number;
  is_predefined: boolean;
  type: 'custom_field_group';
}

export interface TaskTypeRecord {
  id: number;
  name: string;
  color: string | null;
  icon_id: number | null;
  code: string | null;
}

export interface AccountRecord {
  id: number;
  name: string;
  subdomain: string;
  created_at: number;
  created_by: number;
  updated_at: number;
  updated_by: number;
  /** The user the sandbox token acts as. */
  current_user_id: number;
  country: string;
  currency: string;
  currency_symbol: string;
  customers_mode: 'unavailable' | 'disabled' | 'segments' | 'dynamic' | 'periodicity';
  is_unsorted_on: boolean;
  is_loss_reason_enabled: boolean;
  is_helpbot_enabled: boolean;
  is_technical_account: boolean;
  contact_name_display_order: 1 | 2;
  mobile_feature_version: number;
  amojo_id: string;
  uuid: string;
  version: number;
  drive_url: string;
  /** Gates `filter[custom_fields_values]` on entity lists, as amoCRM does. */
  is_api_filter_enabled: boolean;
  timezone: string;
  timezone_offset: string;
  invoices_settings: { lang: string; invoices_catalog_id: number | null };
  amojo_rights: { can_direct: boolean; can_create_groups: boolean };
}

/** A note on a lead, contact or company; ids are per entity type, as the paths suggest. */
export interface NoteRecord {
  id: number;
  entity_id: number;
  note_type: string;
  params: Record<string, unknown>;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  responsible_user_id: number;
  group_id: number;
  is_pinned: boolean;
}

export interface TaskRecord {
  id: number;
  text: string;
  task_type_id: number;
  entity_id: number | null;
  entity_type: EntityType | null;
  responsible_user_id: number;
  group_id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  complete_till: number;
  duration: number;
  is_completed: boolean;
  result: { text: string } | null;
}

export type UnsortedCategoryName = 'sip' | 'mail' | 'forms' | 'chats';

/** An incoming (unsorted) entry: its lead waits in the pipeline's incoming stage until sorted. */
export interface UnsortedRecord {
  uid: string;
  source_uid: string | null;
  source_name: string | null;
  category: UnsortedCategoryName;
  pipeline_id: number;
  created_at: number;
  metadata: Record<string, unknown>;
  lead_id: number | null;
  contact_id: number | null;
  company_id: number | null;
  /** `new` until accepted or declined; sorted entries leave the unsorted list. */
  state: 'new' | 'accepted' | 'declined';
  sorted_at: number | null;
}

/** A webhook subscription (`/api/v4/webhooks`, §3.15): one per destination URL. */
export interface WebhookRecord {
  id: number;
  destination: string;
  created_at: number;
  updated_at: number;
  account_id: number;
  created_by: number;
  sort: number;
  disabled: boolean;
  settings: string[];
}
