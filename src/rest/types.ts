// The amoCRM API v4 wire format: snake_case shapes exactly as the API sends them.
// The schema layer converts to camelCase once; nothing below src/rest renames fields.

export type UnixSeconds = number;

export interface HalLink {
  href: string;
}

export interface HalLinks {
  self?: HalLink;
  next?: HalLink;
  prev?: HalLink;
  first?: HalLink;
}

/** A HAL collection page as amoCRM returns it; `K` is the key under `_embedded`. */
export interface HalCollection<K extends string, T> {
  _page?: number;
  _page_count?: number;
  _total_items?: number;
  _links?: HalLinks;
  _embedded: Record<K, T[]>;
}

/** Entity types that carry custom fields, tags and links. */
export type EntityType = 'leads' | 'contacts' | 'companies';

/**
 * What a custom field definition belongs to, spelled as its path segment in
 * `/api/v4/{owner}/custom_fields`: an entity type, customers, or one catalog (fields are per
 * catalog). Field ids are unique in the account, but a definition is only found under its owner.
 */
export type CustomFieldOwner = EntityType | 'customers' | `catalogs/${number}`;

/** Owners whose fields are grouped into card tabs (`/api/v4/{owner}/custom_fields/groups`). */
export type CustomFieldGroupOwner = EntityType | 'customers';

/** A field group (a tab of the entity card). Ids are strings; the predefined one is the main tab. */
export interface CustomFieldGroup {
  id: string;
  name: string;
  sort: number;
  entity_type: CustomFieldGroupOwner;
  is_predefined: boolean;
  type: 'custom_field_group' | 'linked_group';
  /** Ids of the fields in the group. */
  fields?: number[];
  _links?: HalLinks;
}

export function catalogFieldOwner(catalogId: number): CustomFieldOwner {
  return `catalogs/${catalogId}`;
}

/** Every custom field type amoCRM knows (the SDK's constants). */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'numeric',
  'checkbox',
  'select',
  'multiselect',
  'multitext',
  'date',
  'url',
  'textarea',
  'radiobutton',
  'streetaddress',
  'smart_address',
  'birthday',
  'legal_entity',
  'date_time',
  'price',
  'category',
  'items',
  'tracking_data',
  'linked_entity',
  'org_legal_name',
  'monetary',
  'chained_list',
  'file',
  'payer',
  'supplier',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** One element of `values`; which keys are present depends on the field type. */
export interface CustomFieldValueItem {
  value?: unknown;
  enum_id?: number | null;
  enum_code?: string | null;
  /** chained_list values carry these instead of `value`. */
  catalog_id?: number;
  catalog_element_id?: number;
}

export interface CustomFieldValues {
  field_id: number;
  field_name?: string;
  field_code: string | null;
  field_type: CustomFieldType;
  values: CustomFieldValueItem[];
}

export interface Tag {
  id: number;
  name: string;
  color: string | null;
}

export interface EmbeddedRef {
  id: number;
  _links?: HalLinks;
}

export interface EmbeddedContactRef extends EmbeddedRef {
  is_main: boolean;
}

export interface LossReason {
  id: number;
  name: string;
  sort?: number;
  created_at?: UnixSeconds;
  updated_at?: UnixSeconds;
}

/** Fields every lead, contact and company has. */
export interface EntityCore {
  id: number;
  name: string;
  responsible_user_id: number;
  group_id: number;
  created_by: number;
  updated_by: number;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  closest_task_at: UnixSeconds | null;
  is_deleted: boolean;
  /** `null`, not `[]`, when nothing is filled; an unfilled field is absent. */
  custom_fields_values: CustomFieldValues[] | null;
  account_id: number;
  _links?: HalLinks;
  _embedded?: { tags?: Tag[] };
}

export interface Lead extends EntityCore {
  price: number;
  status_id: number;
  pipeline_id: number;
  loss_reason_id: number | null;
  source_id?: number | null;
  closed_at: UnixSeconds | null;
  score: number | null;
  labor_cost?: number | null;
  is_price_modified_by_robot?: boolean;
  _embedded?: {
    tags?: Tag[];
    companies?: EmbeddedRef[];
    /** Only with `with=contacts`. */
    contacts?: EmbeddedContactRef[];
    loss_reason?: LossReason[];
    /** Only with `with=catalog_elements`. */
    catalog_elements?: EmbeddedCatalogElement[];
  };
}

export interface Contact extends EntityCore {
  first_name: string;
  last_name: string;
  is_unsorted: boolean;
  _embedded?: {
    tags?: Tag[];
    companies?: EmbeddedRef[];
    /** Only with `with=leads`. */
    leads?: EmbeddedRef[];
    /** Only with `with=catalog_elements`. */
    catalog_elements?: EmbeddedCatalogElement[];
  };
}

export interface Company extends EntityCore {
  _embedded?: {
    tags?: Tag[];
    /** Only with `with=contacts` / `with=leads`. */
    contacts?: EmbeddedRef[];
    leads?: EmbeddedRef[];
    /** Only with `with=catalog_elements`. */
    catalog_elements?: EmbeddedCatalogElement[];
  };
}

/** A catalog element embedded in a lead, contact or company, with its link's metadata. */
export interface EmbeddedCatalogElement {
  id: number;
  metadata?: { quantity?: number; catalog_id?: number; price_id?: number | null } | null;
}

export interface Status {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  pipeline_id: number;
  color: string;
  /** 0 normal, 1 incoming (unsorted). */
  type: 0 | 1;
  account_id: number;
  _links?: HalLinks;
}

export interface Pipeline {
  id: number;
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  is_archive: boolean;
  account_id: number;
  _links?: HalLinks;
  _embedded: { statuses: Status[] };
}

export interface UserRights {
  leads?: Record<string, string>;
  contacts?: Record<string, string>;
  companies?: Record<string, string>;
  tasks?: Record<string, string>;
  mail_access?: boolean;
  catalog_access?: boolean;
  is_admin: boolean;
  is_free: boolean;
  is_active: boolean;
  group_id: number | null;
  role_id: number | null;
  status_rights?: { entity_type: string; pipeline_id: number; status_id: number; rights: Record<string, string> }[];
}

export interface User {
  id: number;
  name: string;
  email: string;
  lang: string;
  rights: UserRights;
  uuid?: string | null;
  amojo_id?: string | null;
  user_rank?: string | null;
  phone_number?: string | null;
  _links?: HalLinks;
  _embedded?: {
    roles?: { id: number; name: string }[];
    groups?: { id: number; name: string }[];
  };
}

export interface CustomFieldEnum {
  id: number;
  value: string;
  sort: number;
  code?: string | null;
}

export interface CustomFieldDefinition {
  id: number;
  name: string;
  type: CustomFieldType;
  code: string | null;
  sort: number;
  is_api_only: boolean;
  is_predefined: boolean;
  is_deletable: boolean;
  is_visible?: boolean;
  is_required?: boolean;
  is_computed?: boolean;
  group_id: string | null;
  required_statuses?: { pipeline_id: number; status_id: number }[] | null;
  hidden_statuses?: { pipeline_id: number; status_id: number }[];
  enums: CustomFieldEnum[] | null;
  remind?: 'never' | 'day' | 'week' | 'month' | null;
  currency?: string | null;
  /** amoCRM says `catalogs` for every catalog's fields; `catalog_id` then names the catalog. */
  entity_type: EntityType | 'customers' | 'catalogs';
  catalog_id?: number;
  account_id: number;
  _links?: HalLinks;
}

export interface Account {
  id: number;
  name: string;
  subdomain: string;
  created_at: UnixSeconds;
  created_by: number;
  updated_at: UnixSeconds;
  updated_by: number;
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
  mobile_feature_version?: number;
  amojo_id?: string;
  uuid?: string;
  version?: number;
  drive_url?: string;
  is_api_filter_enabled?: boolean;
  invoices_settings?: { lang?: string | null; invoices_catalog_id?: number | null };
  _links?: HalLinks;
  _embedded?: {
    entity_names?: Record<string, Record<string, { gender?: string; singular_form?: Record<string, string>; plural_form?: Record<string, string> }>>;
    users_groups?: { id: number; name: string; uuid: string | null }[];
    task_types?: { id: number; name: string; color: string | null; icon_id: number | null; code: string | null }[];
    datetime_settings?: {
      date_pattern: string;
      short_date_pattern: string;
      short_time_pattern: string;
      date_format: string;
      time_format: string;
      timezone: string;
      timezone_offset: string;
    };
    amojo_rights?: { can_direct: boolean; can_create_groups: boolean };
  };
}

/** A role (`/api/v4/roles`): named rights; `with=users` adds its holders' ids. */
export interface Role {
  id: number;
  name: string;
  rights?: Partial<UserRights>;
  _links?: HalLinks;
  _embedded?: { users?: number[] };
}

export interface Currency {
  code: string;
  name: string;
  symbol?: string | null;
}

/** One audit-log entry. Its id is a string; `entity_type` is singular (`lead`, not `leads`). */
export interface AmoEvent {
  id: string;
  type: string;
  entity_id: number;
  entity_type: string;
  /** 0: a robot or the API without a user. */
  created_by: number;
  created_at: UnixSeconds;
  value_after: Record<string, unknown>[] | null;
  value_before: Record<string, unknown>[] | null;
  account_id: number;
  _links?: HalLinks;
  _embedded?: { entity?: { id: number; name?: string | null } };
}

export interface AmoEventType {
  key: string;
  type?: number;
  /** The type's name in the asked (or the user's) language. */
  lang: string;
}

/** An amoCRM problem+json body. */
export interface ProblemJson {
  title?: string;
  type?: string;
  status?: number;
  detail?: string;
  hint?: string;
  'validation-errors'?: ValidationErrorItem[];
}

export interface ValidationErrorItem {
  request_id: string;
  errors: { code: string; path: string; detail: string }[];
}

export type LinkTargetType = 'leads' | 'contacts' | 'companies' | 'customers' | 'catalog_elements';

export interface EntityLink {
  entity_id?: number;
  entity_type?: string;
  to_entity_id: number;
  to_entity_type: LinkTargetType;
  metadata: {
    is_main?: boolean;
    main_contact?: boolean;
    quantity?: number;
    catalog_id?: number;
    price_id?: number | null;
    updated_by?: number;
  } | null;
}

// --- writes ----------------------------------------------------------------------------------

/** A custom field in a write: by id or code; `values: null` clears it. */
export interface CustomFieldValuesWrite {
  field_id?: number;
  field_code?: string;
  values: CustomFieldValueItem[] | null;
}

/** A tag by id or by name (amoCRM creates unknown names). */
export type TagWrite = { id: number } | { name: string; color?: string };

interface EntityWriteBase {
  /** Echoed back by amoCRM so results match inputs; amoCRM uses the index when absent. */
  request_id?: string;
  name?: string;
  responsible_user_id?: number;
  created_by?: number;
  updated_by?: number;
  created_at?: UnixSeconds;
  updated_at?: UnixSeconds;
  custom_fields_values?: CustomFieldValuesWrite[] | null;
  tags_to_add?: TagWrite[];
  /** Update only. */
  tags_to_delete?: TagWrite[];
}

export interface LeadWrite extends EntityWriteBase {
  price?: number;
  status_id?: number;
  pipeline_id?: number;
  closed_at?: UnixSeconds | null;
  loss_reason_id?: number | null;
  _embedded?: {
    /** Replaces all tags on update; `null` clears them. */
    tags?: TagWrite[] | null;
    /** Create only: existing contacts to link. */
    contacts?: { id: number; is_main?: boolean }[];
    /** Create only: an existing company to link. */
    companies?: { id: number }[];
  };
}

export interface ContactWrite extends EntityWriteBase {
  first_name?: string;
  last_name?: string;
  _embedded?: { tags?: TagWrite[] | null; companies?: { id: number }[] };
}

export interface CompanyWrite extends EntityWriteBase {
  _embedded?: { tags?: TagWrite[] | null };
}

export type WithId<T> = T & { id: number };

/** One item of `POST /api/v4/{entity}`'s answer. */
export interface CreatedRef {
  id: number;
  request_id: string;
}

/** One item of `PATCH /api/v4/{entity}`'s answer. */
export interface UpdatedRef {
  id: number;
  request_id?: string;
  updated_at: UnixSeconds;
}

/** `POST /api/v4/leads/complex`: a lead with a new contact and company (full objects). */
export interface ComplexLeadWrite extends Omit<LeadWrite, '_embedded'> {
  _embedded?: {
    tags?: TagWrite[];
    /** One new contact (a full object). */
    contacts?: ContactWrite[];
    /** One new company (a full object). */
    companies?: CompanyWrite[];
    /** Makes it an incoming (unsorted) form lead. */
    metadata?: UnsortedFormMetadata & { category: 'forms' };
    source?: { external_id: string; type?: 'widget' };
  };
}

/** One item of the complex answer: a plain array, not HAL; `request_id` is an array. */
export interface ComplexLeadResult {
  id: number;
  contact_id: number | null;
  company_id: number | null;
  request_id: string[];
  merged: boolean;
}

export interface LinkWrite {
  entity_id: number;
  to_entity_id: number;
  to_entity_type: LinkTargetType;
  metadata?: { is_main?: boolean; quantity?: number; catalog_id?: number; price_id?: number; updated_by?: number } | null;
}

// --- unsorted, notes, tasks --------------------------------------------------------------------

export type UnsortedCategory = 'sip' | 'mail' | 'forms' | 'chats';

export interface UnsortedFormMetadata {
  form_id: string;
  form_name: string;
  form_page: string;
  form_sent_at: UnixSeconds;
  ip?: string;
  referer?: string;
  form_type?: string;
  visitor_uid?: string;
}

export interface UnsortedSipMetadata {
  from: string;
  phone: string;
  called_at: UnixSeconds;
  duration: number;
  link?: string;
  service_code: string;
  uniq: string;
  call_responsible?: number | string;
  is_call_event_needed?: boolean;
}

export interface Unsorted {
  uid: string;
  source_uid: string | null;
  source_name: string | null;
  category: UnsortedCategory;
  pipeline_id: number;
  created_at: UnixSeconds;
  metadata: Record<string, unknown>;
  account_id: number;
  _links?: HalLinks;
  _embedded: { leads: EmbeddedRef[]; contacts: EmbeddedRef[]; companies: EmbeddedRef[] };
}

export interface UnsortedWrite {
  request_id?: string;
  source_name: string;
  source_uid: string;
  pipeline_id?: number;
  created_at?: UnixSeconds;
  metadata: UnsortedFormMetadata | UnsortedSipMetadata;
  _embedded: { leads?: LeadWrite[]; contacts?: ContactWrite[]; companies?: CompanyWrite[] };
}

export interface UnsortedSummary {
  total: number;
  accepted: number;
  declined: number;
  average_sort_time: number;
  categories: Partial<Record<UnsortedCategory, { total: number; accepted: number; declined: number; average_sort_time: number }>>;
}

export type NoteType =
  | 'common'
  | 'call_in'
  | 'call_out'
  | 'service_message'
  | 'extended_service_message'
  | 'message_cashier'
  | 'geolocation'
  | 'sms_in'
  | 'sms_out'
  | 'attachment'
  | (string & {});

export interface Note {
  id: number;
  entity_id: number;
  created_by: number;
  updated_by: number;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  responsible_user_id: number;
  group_id: number;
  note_type: NoteType;
  params: Record<string, unknown>;
  is_editable?: boolean;
  is_pinned?: boolean;
  account_id: number;
  _links?: HalLinks;
}

export interface NoteWrite {
  request_id?: string;
  entity_id: number;
  note_type: NoteType;
  params: Record<string, unknown>;
  created_by?: number;
  responsible_user_id?: number;
}

export interface Task {
  id: number;
  created_by: number;
  updated_by: number;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  responsible_user_id: number;
  group_id: number;
  entity_id: number | null;
  entity_type: EntityType | 'customers' | null;
  is_completed: boolean;
  task_type_id: number;
  text: string;
  duration: number;
  complete_till: UnixSeconds;
  result: { text: string } | null;
  account_id: number;
  _links?: HalLinks;
}

export interface TaskWrite {
  request_id?: string;
  text?: string;
  complete_till?: UnixSeconds;
  task_type_id?: number;
  entity_id?: number;
  entity_type?: EntityType | 'customers';
  responsible_user_id?: number;
  duration?: number;
  is_completed?: boolean;
  result?: { text: string };
  created_by?: number;
}

/** One item of `POST /api/v4/leads/unsorted/{forms|sip}`'s answer. */
export interface UnsortedCreated {
  uid: string;
  account_id: number;
  request_id: string;
  _embedded: { leads: { id: number }[]; contacts: { id: number }[]; companies: { id: number }[] };
}

/** The answer of accept, decline and link: the entry and the entities it ended with. */
export interface UnsortedSortResult {
  uid: string;
  category?: UnsortedCategory;
  pipeline_id?: number;
  created_at?: UnixSeconds;
  _embedded: { leads: EmbeddedRef[]; contacts: EmbeddedRef[]; companies: EmbeddedRef[] };
}

/** One item of `POST /api/v4/{entity}/notes`'s answer. */
export interface NoteCreated {
  id: number;
  entity_id: number;
  request_id: string;
}
