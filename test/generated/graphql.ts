/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date-time in UTC, e.g. 2026-05-01T12:00:00.000Z. amoCRM stores unix seconds. */
  DateTime: { input: string; output: string; }
  /** Any JSON value, for amoCRM data that has no fixed shape. */
  JSON: { input: unknown; output: unknown; }
  /** A file sent in a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). */
  Upload: { input: File; output: File; }
};

export type AcceptUnsortedInput = {
  /** A status of the entry's pipeline; default: its first working stage. */
  statusId?: InputMaybe<Scalars['Int']['input']>;
  uid: Scalars['String']['input'];
  /** Who accepts it (becomes responsible); default: the token’s user. */
  userId?: InputMaybe<Scalars['Int']['input']>;
};

export type AddNoteInput = {
  call?: InputMaybe<NoteCallInput>;
  entityAmoId: Scalars['Int']['input'];
  entityType: EntityType;
  geolocation?: InputMaybe<NoteGeolocationInput>;
  /** SMS. */
  phone?: InputMaybe<Scalars['String']['input']>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** Service messages: the sender shown. */
  service?: InputMaybe<Scalars['String']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
  type: NoteKind;
};

export type AddTransactionInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Default: now. */
  completedAt?: InputMaybe<Scalars['DateTime']['input']>;
  customerAmoId: Scalars['Int']['input'];
  /** Sets the customer's next expected purchase date too. */
  nextDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Sets the customer's next expected purchase amount too. */
  nextPrice?: InputMaybe<Scalars['Int']['input']>;
  price: Scalars['Int']['input'];
};

export type AddUserInput = {
  /** Must not belong to a user already in the account. */
  email: Scalars['String']['input'];
  lang?: InputMaybe<UserLang>;
  name: Scalars['String']['input'];
  /** At least 6 characters. Sent to amoCRM only; never logged or returned. */
  password?: InputMaybe<Scalars['String']['input']>;
  rights?: InputMaybe<UserRightsInput>;
};

/** When amoCRM reminds of a birthday field. */
export type BirthdayRemind =
  | 'DAY'
  | 'MONTH'
  | 'NEVER'
  | 'WEEK';

/** Exactly one of `earn` and `redeem`. */
export type BonusPointsInput = {
  customerAmoId: Scalars['Int']['input'];
  earn?: InputMaybe<Scalars['Int']['input']>;
  redeem?: InputMaybe<Scalars['Int']['input']>;
};

export type CallDirection =
  | 'INBOUND'
  | 'OUTBOUND';

/** amoCRM's call outcomes (call_status 1 to 7). */
export type CallStatus =
  | 'BUSY'
  | 'CALL_BACK_LATER'
  | 'LEFT_MESSAGE'
  | 'NOT_AVAILABLE'
  | 'NO_CONNECTION'
  | 'TALKED'
  | 'WRONG_NUMBER';

/** A catalog element on a lead, contact or company. */
export type CatalogElementLinkInput = {
  catalogAmoId: Scalars['Int']['input'];
  elementAmoId: Scalars['Int']['input'];
  entity: EntityType;
  entityAmoId: Scalars['Int']['input'];
  /** The price field to price it by (products catalog). */
  priceId?: InputMaybe<Scalars['Int']['input']>;
  /** How many; default 1. Ignored by unlink. */
  quantity?: InputMaybe<Scalars['Float']['input']>;
};

export type CatalogItemDiscountInput = {
  /** "amount" or "percentage". */
  type: Scalars['String']['input'];
  value: Scalars['Float']['input'];
};

/** A line of an invoice (items fields). amoCRM computes its total. */
export type CatalogItemInput = {
  bonusPointsPerPurchase?: InputMaybe<Scalars['Float']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  discount?: InputMaybe<CatalogItemDiscountInput>;
  externalUid?: InputMaybe<Scalars['String']['input']>;
  /** The products catalog element this line sells. */
  productId?: InputMaybe<Scalars['Int']['input']>;
  quantity: Scalars['Float']['input'];
  sku?: InputMaybe<Scalars['String']['input']>;
  unitPrice: Scalars['Float']['input'];
  unitType?: InputMaybe<Scalars['String']['input']>;
  vatRateId?: InputMaybe<Scalars['Int']['input']>;
  vatRateValue?: InputMaybe<Scalars['Float']['input']>;
};

/** A catalog's kind: the account's own list, or one of amoCRM's special catalogs. */
export type CatalogType =
  /** Invoices and purchases (one per account). */
  | 'INVOICES'
  /** Products (one per account). */
  | 'PRODUCTS'
  /** A list the account made. */
  | 'REGULAR'
  /** Suppliers, where the account has them. */
  | 'SUPPLIERS';

export type ChatTemplateButtonInput = {
  text: Scalars['String']['input'];
  type: ChatTemplateButtonType;
  /** Required for URL buttons. */
  url?: InputMaybe<Scalars['String']['input']>;
};

export type ChatTemplateButtonType =
  | 'INLINE'
  | 'URL';

export type ChatTemplateType =
  /** A reply template. */
  | 'AMOCRM'
  /** A WhatsApp Business template (reviewed by WhatsApp). */
  | 'WABA';

export type CloseTalkInput = {
  amoId: Scalars['Int']['input'];
  /** Close without starting the NPS bot. Without it amoCRM starts the bot instead where the account has it enabled (a paid feature). */
  forceClose?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Which company events to receive; every given condition must hold. */
export type CompanyEventFilter = {
  /** Only these actions. */
  actions?: InputMaybe<Array<EntityEventAction>>;
  /** Only companys these users are responsible for. */
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** Filters amoCRM applies to companies. Every given condition must hold. */
export type CompanyFilter = {
  /** Only these ids. */
  amoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  closestTaskAt?: InputMaybe<DateTimeRange>;
  createdAt?: InputMaybe<DateTimeRange>;
  createdByUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  customFields?: InputMaybe<Array<CustomFieldFilter>>;
  /** Exact names. */
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  updatedAt?: InputMaybe<DateTimeRange>;
  updatedByUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** How amoCRM sorts company lists. */
export type CompanyOrder = {
  direction: OrderDirection;
  field: CompanyOrderField;
};

export type CompanyOrderField =
  | 'ID'
  | 'UPDATED_AT';

/** A new company for a complex lead (linked to the lead and the contact). */
export type ComplexCompanyInput = {
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  name: Scalars['String']['input'];
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<TagInput>>;
};

/** A new contact for a complex lead (linked to the lead as its main contact, and to the company). */
export type ComplexContactInput = {
  /** Phones and e-mails are fieldCode PHONE and EMAIL with `entries`. */
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<TagInput>>;
};

/** The web form the lead came from: it lands in the pipeline's incoming stage as an unsorted form entry. */
export type ComplexFormInput = {
  formId: Scalars['String']['input'];
  formName: Scalars['String']['input'];
  formPage: Scalars['String']['input'];
  ip?: InputMaybe<Scalars['String']['input']>;
  referer?: InputMaybe<Scalars['String']['input']>;
  sentAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Which contact events to receive; every given condition must hold. */
export type ContactEventFilter = {
  /** Only these actions. */
  actions?: InputMaybe<Array<EntityEventAction>>;
  /** Only contacts these users are responsible for. */
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** Filters amoCRM applies to contacts. Every given condition must hold. */
export type ContactFilter = {
  /** Only these ids. */
  amoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  closestTaskAt?: InputMaybe<DateTimeRange>;
  createdAt?: InputMaybe<DateTimeRange>;
  createdByUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  customFields?: InputMaybe<Array<CustomFieldFilter>>;
  /** Exact names. */
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  updatedAt?: InputMaybe<DateTimeRange>;
  updatedByUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** How amoCRM sorts contact lists. */
export type ContactOrder = {
  direction: OrderDirection;
  field: ContactOrderField;
};

export type ContactOrderField =
  | 'ID'
  | 'UPDATED_AT';

export type CreateCatalogElementInput = {
  /** Checked against the catalog's field definitions (SKU, PRICE… in products). */
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  name: Scalars['String']['input'];
};

export type CreateCatalogInput = {
  /** Whether users may add elements in amoCRM’s interface. */
  canAddElements?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether one element may be linked to many leads or customers. */
  canLinkMultiple?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  /** Its place among the catalogs. */
  sort?: InputMaybe<Scalars['Int']['input']>;
  /** Default REGULAR. An account has at most one INVOICES and one PRODUCTS catalog. */
  type?: InputMaybe<CatalogType>;
};

export type CreateChatTemplateInput = {
  buttons?: InputMaybe<Array<ChatTemplateButtonInput>>;
  content: Scalars['String']['input'];
  externalId?: InputMaybe<Scalars['String']['input']>;
  isEditable?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  /** Default AMOCRM. */
  type?: InputMaybe<ChatTemplateType>;
};

export type CreateCompanyInput = {
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Phones and e-mails are fieldCode PHONE and EMAIL with `entries`. */
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  name: Scalars['String']['input'];
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<TagInput>>;
};

export type CreateContactInput = {
  /** An existing company to link. */
  companyId?: InputMaybe<Scalars['Int']['input']>;
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Phones and e-mails are fieldCode PHONE and EMAIL with `entries`. */
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Default: first and last name. */
  name?: InputMaybe<Scalars['String']['input']>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<TagInput>>;
};

export type CreateCustomFieldGroupInput = {
  /** The owner's fields to move into the new group. */
  fieldAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  name: Scalars['String']['input'];
  sort?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateCustomFieldInput = {
  /** Latin letters, digits and underscores; values can then be written by code. Unique per owner. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Monetary fields only: an ISO 4217 code such as RUB. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Options of select, multiselect, radiobutton and category fields. */
  enums?: InputMaybe<Array<CustomFieldEnumInput>>;
  /** The group (card tab) to show the field in; null: the main tab. Not for catalogs. */
  groupId?: InputMaybe<Scalars['String']['input']>;
  /** Lead statuses in which the field is hidden (lead fields). */
  hiddenStatuses?: InputMaybe<Array<CustomFieldStatusInput>>;
  /** Only the API may change its values. */
  isApiOnly?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  /** Birthday fields only. */
  remind?: InputMaybe<BirthdayRemind>;
  /** Lead statuses that need this field filled (lead, contact and company fields). */
  requiredStatuses?: InputMaybe<Array<CustomFieldStatusInput>>;
  sort?: InputMaybe<Scalars['Int']['input']>;
  /** Fixed once created. */
  type: CustomFieldType;
};

export type CreateCustomerInput = {
  companyAmoId?: InputMaybe<Scalars['Int']['input']>;
  /** Its contacts (replaces the list); the first is the main one. */
  contactAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Checked against the customers' field definitions. */
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  name: Scalars['String']['input'];
  /** When the next purchase is expected. */
  nextDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** The expected amount of the next purchase. */
  nextPrice?: InputMaybe<Scalars['Int']['input']>;
  /** Days between purchases. */
  periodicity?: InputMaybe<Scalars['Int']['input']>;
  /** Default: the token's user. */
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** A stage of `customerStatuses` (periodic mode). */
  statusAmoId?: InputMaybe<Scalars['Int']['input']>;
  /** By id or by name (a new name joins the customers' tag dictionary). */
  tags?: InputMaybe<Array<TagInput>>;
};

export type CreateCustomerSegmentInput = {
  /** Hex, e.g. "ffce5a" ("#" optional). */
  color?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

export type CreateCustomerStatusInput = {
  /** Hex, e.g. "#fffd7f". */
  color?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  sort?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateLeadComplexInput = {
  company?: InputMaybe<ComplexCompanyInput>;
  contact?: InputMaybe<ComplexContactInput>;
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  form?: InputMaybe<ComplexFormInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  pipelineId?: InputMaybe<Scalars['Int']['input']>;
  price?: InputMaybe<Scalars['Int']['input']>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  statusId?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<TagInput>>;
};

export type CreateLeadInput = {
  closedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** An existing company to link. */
  companyId?: InputMaybe<Scalars['Int']['input']>;
  /** Existing contacts to link. */
  contacts?: InputMaybe<Array<LeadContactInput>>;
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  /** Why a lost lead (status 143) was lost. */
  lossReasonId?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Default: the main pipeline. */
  pipelineId?: InputMaybe<Scalars['Int']['input']>;
  /** The budget, in the account currency. */
  price?: InputMaybe<Scalars['Int']['input']>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** A status of `pipelineId` (142 won and 143 lost exist in every pipeline). */
  statusId?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<TagInput>>;
};

export type CreateLossReasonInput = {
  name: Scalars['String']['input'];
  /** Default: after the last reason. */
  sort?: InputMaybe<Scalars['Int']['input']>;
};

export type CreatePipelineInput = {
  /** Make it the main pipeline (the old main one stops being main). */
  isMain?: InputMaybe<Scalars['Boolean']['input']>;
  /** Give it the incoming (unsorted) stage. */
  isUnsortedOn?: InputMaybe<Scalars['Boolean']['input']>;
  /** Renames the lost stage (143) of this pipeline. */
  lostStatusName?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  sort: Scalars['Int']['input'];
  /** At least one stage. */
  statuses: Array<NewPipelineStatusInput>;
  /** Renames the won stage (142) of this pipeline. */
  wonStatusName?: InputMaybe<Scalars['String']['input']>;
};

export type CreateRoleInput = {
  /** Unique in the account. */
  name: Scalars['String']['input'];
  rights: RoleRightsInput;
};

export type CreateShortLinkInput = {
  /** The contact the link is for (amoCRM makes short links for contacts only). */
  contactAmoId: Scalars['Int']['input'];
  /** An http(s) address to shorten. */
  url: Scalars['String']['input'];
};

export type CreateSourceInput = {
  /** Unique in the account. */
  externalId: Scalars['String']['input'];
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  /** At most 20 characters, not only digits. */
  originCode?: InputMaybe<Scalars['String']['input']>;
  /** Default: the main pipeline. */
  pipelineAmoId?: InputMaybe<Scalars['Int']['input']>;
  /** WhatsApp services (the only service type amoCRM has). */
  whatsapp?: InputMaybe<Array<SourceServiceInput>>;
};

export type CreateStatusInput = {
  /** Default #fffeb2. A color is one of amoCRM's stage palette: #fffeb2, #fffd7f, #fff000, #ffeab2, #ffdc7f, #ffce5a, #ffdbdb, #ffc8c8, #ff8f92, #d6eaff, #c1e0ff, #98cbff, #ebffb1, #deff81, #87f2c0, #f9deff, #f3beff, #ccc8f9, #eb93ff, #f2f3f4, #e6e8ea. */
  color?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  pipelineAmoId: Scalars['Int']['input'];
  /** Position in the pipeline; incoming is 10, won 10000, lost 11000. */
  sort: Scalars['Int']['input'];
};

export type CreateTagInput = {
  /** Leads tags only: hex without "#", one of amoCRM's palette: EBEBEB, D0D0D0, F2DDF7, D1A4DC, FF8F92, FFC8C8, C7DB8C, DDEBB5, 8699DA, AABDFF, FFCE5A, FFE193, 90CDB0, C6F4DE, A9A5D7, D8D5FF, 86C0FC, 832161, 6A0F49, 0C7C59, 10599D, 9D2B32, 247BA0. */
  color?: InputMaybe<Scalars['String']['input']>;
  /** A name the dictionary already has answers that tag (names are unique per entity type). */
  name: Scalars['String']['input'];
};

export type CreateTaskInput = {
  /** When it is due. */
  completeTill: Scalars['DateTime']['input'];
  /** Seconds. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  entityAmoId?: InputMaybe<Scalars['Int']['input']>;
  /** With `entityAmoId`: what the task is on. Leave both out for a task on nothing. */
  entityType?: InputMaybe<EntityType>;
  /** Default: the token's user. */
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** 1 call (the default), 2 meeting, or one of `account { taskTypes }`. */
  taskTypeId?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};

/** A web form entry (`category: FORMS` with `form`) or a call (`category: SIP` with `call`). */
export type CreateUnsortedInput = {
  call?: InputMaybe<UnsortedCallInput>;
  category: UnsortedNewCategory;
  company?: InputMaybe<ComplexCompanyInput>;
  contact?: InputMaybe<ComplexContactInput>;
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  form?: InputMaybe<UnsortedFormInput>;
  /** The new lead; a lead is made even when left out. */
  lead?: InputMaybe<UnsortedLeadInput>;
  /** Default: the main pipeline. */
  pipelineId?: InputMaybe<Scalars['Int']['input']>;
  /** Shown as where it came from. */
  sourceName: Scalars['String']['input'];
  /** Your id for the source. */
  sourceUid: Scalars['String']['input'];
};

export type CreateWebsiteButtonInput = {
  /** The pipeline its leads land in. */
  pipelineAmoId: Scalars['Int']['input'];
  /** Domains (example.com) the button may load on, at most 10. */
  trustedWebsites?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Must be true when no trustedWebsites are given (a button used in an app). */
  usedInApp?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One option of a select-like field. On update, give amoId to keep an existing option (and the values that chose it); the list replaces the old one. */
export type CustomFieldEnumInput = {
  amoId?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Scalars['Int']['input']>;
  value: Scalars['String']['input'];
};

/** Matches a custom field: give exactly one of `values`, `range` or `dateRange`. amoCRM applies custom field filters only on accounts with API filtering enabled (`account { isApiFilterEnabled }`). */
export type CustomFieldFilter = {
  dateRange?: InputMaybe<DateTimeRange>;
  fieldId: Scalars['Int']['input'];
  range?: InputMaybe<FloatRange>;
  values?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One custom field to write: name it by `fieldId` or `fieldCode`, then give exactly one value kind that fits its type, or `clear: true`. text: text, textarea, url, streetaddress, tracking_data, org_legal_name. number: numeric, monetary, price. flag: checkbox. date: date, date_time, birthday. option: select, radiobutton, category. options: multiselect (replaces the selection). entries: multitext (PHONE, EMAIL…; replaces them). address: smart_address. legalEntity: legal_entity. Catalog fields: items (invoice lines; replaces them), payer, supplier, file. */
export type CustomFieldInput = {
  address?: InputMaybe<SmartAddressInput>;
  /** Empties the field. */
  clear?: InputMaybe<Scalars['Boolean']['input']>;
  date?: InputMaybe<Scalars['DateTime']['input']>;
  entries?: InputMaybe<Array<MultitextEntryInput>>;
  fieldCode?: InputMaybe<Scalars['String']['input']>;
  fieldId?: InputMaybe<Scalars['Int']['input']>;
  file?: InputMaybe<FileInput>;
  flag?: InputMaybe<Scalars['Boolean']['input']>;
  items?: InputMaybe<Array<CatalogItemInput>>;
  legalEntity?: InputMaybe<LegalEntityInput>;
  number?: InputMaybe<Scalars['Float']['input']>;
  option?: InputMaybe<CustomFieldOptionInput>;
  options?: InputMaybe<Array<CustomFieldOptionInput>>;
  payer?: InputMaybe<PayerInput>;
  supplier?: InputMaybe<SupplierInput>;
  text?: InputMaybe<Scalars['String']['input']>;
};

/** An option of a select-like field: by its enum id, or by its text. */
export type CustomFieldOptionInput = {
  enumId?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<Scalars['String']['input']>;
};

/** Whose custom fields: an entity type, customers, or a catalog (with its catalogAmoId). */
export type CustomFieldOwnerType =
  /** A catalog (list); name it with catalogAmoId. */
  | 'CATALOGS'
  | 'COMPANIES'
  | 'CONTACTS'
  | 'CUSTOMERS'
  | 'LEADS';

export type CustomFieldStatusInput = {
  pipelineAmoId: Scalars['Int']['input'];
  statusAmoId: Scalars['Int']['input'];
};

/** amoCRM's custom field types. UNKNOWN stands for a type this gateway does not know yet. */
export type CustomFieldType =
  | 'BIRTHDAY'
  | 'CATEGORY'
  | 'CHAINED_LIST'
  | 'CHECKBOX'
  | 'DATE'
  | 'DATE_TIME'
  | 'FILE'
  | 'ITEMS'
  | 'LEGAL_ENTITY'
  | 'LINKED_ENTITY'
  | 'MONETARY'
  | 'MULTISELECT'
  | 'MULTITEXT'
  | 'NUMERIC'
  | 'ORG_LEGAL_NAME'
  | 'PAYER'
  | 'PRICE'
  | 'RADIOBUTTON'
  | 'SELECT'
  | 'SMART_ADDRESS'
  | 'STREETADDRESS'
  | 'SUPPLIER'
  | 'TEXT'
  | 'TEXTAREA'
  | 'TRACKING_DATA'
  | 'UNKNOWN'
  | 'URL';

/** Filters amoCRM applies to customers. */
export type CustomerFilter = {
  amoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** The account's customers (recurring purchases) feature. */
export type CustomersMode =
  /** Turned off: every customer read and write is refused. */
  | 'DISABLED'
  /** An older segments mode amoCRM still reports for some accounts. */
  | 'DYNAMIC'
  /** Customers move through statuses by how often they buy. */
  | 'PERIODICITY'
  /** Customers are grouped into segments. */
  | 'SEGMENTS'
  /** The account's plan has no customers. */
  | 'UNAVAILABLE';

/** An inclusive time range; either end may be left open. amoCRM compares whole seconds. */
export type DateTimeRange = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DeclineUnsortedInput = {
  uid: Scalars['String']['input'];
  userId?: InputMaybe<Scalars['Int']['input']>;
};

/** What happened, as amoCRM names its webhook events. */
export type EntityEventAction =
  /** Created. */
  | 'ADD'
  /** Deleted: the entity no longer loads. */
  | 'DELETE'
  /** A note was added to it. */
  | 'NOTE'
  /** Handed to another responsible user. */
  | 'RESPONSIBLE'
  /** Restored from the deleted ones. */
  | 'RESTORE'
  /** A lead moved to another status or pipeline. */
  | 'STATUS'
  /** Changed. */
  | 'UPDATE';

export type EntityFilesInput = {
  entityAmoId: Scalars['Int']['input'];
  entityType: FileEntityType;
  /** At most 50. */
  fileUuids: Array<Scalars['String']['input']>;
};

/** A link between a lead and a contact or company, a contact and a company, or a customer and a contact or company (either way round). */
export type EntityLinkInput = {
  from: EntityRefInput;
  /** Lead or customer and contact only: makes the contact the main one. */
  isMain?: InputMaybe<Scalars['Boolean']['input']>;
  to: EntityRefInput;
};

export type EntityRefInput = {
  amoId: Scalars['Int']['input'];
  entity: LinkEntityType;
};

/** Rights on leads, contacts or companies; an action left out keeps amoCRM's default. */
export type EntityRightsInput = {
  add?: InputMaybe<RightLevel>;
  delete?: InputMaybe<RightLevel>;
  edit?: InputMaybe<RightLevel>;
  export?: InputMaybe<RightLevel>;
  view?: InputMaybe<RightLevel>;
};

/** The amoCRM entity types that carry custom fields, tags and links. */
export type EntityType =
  | 'COMPANIES'
  | 'CONTACTS'
  | 'LEADS';

/** What an event can be about, for filtering. */
export type EventEntityType =
  | 'COMPANY'
  | 'CONTACT'
  | 'CUSTOMER'
  | 'LEAD'
  | 'TASK';

/** Filters amoCRM applies to events. Every given condition must hold. */
export type EventFilter = {
  createdAt?: InputMaybe<DateTimeRange>;
  /** User amoIds (at most 10); 0 is robots and the API. */
  createdBy?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Entities of the one type in `entityTypes` (at most 100). */
  entityAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** At most 10. */
  entityTypes?: InputMaybe<Array<EventEntityType>>;
  /** Event ids (at most 100). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Event type keys (at most 10); see `eventTypes`. */
  types?: InputMaybe<Array<Scalars['String']['input']>>;
  valueAfter?: InputMaybe<EventValueFilter>;
  valueBefore?: InputMaybe<EventValueFilter>;
};

export type EventLeadStatusInput = {
  pipelineAmoId: Scalars['Int']['input'];
  statusAmoId: Scalars['Int']['input'];
};

/** Languages amoCRM and Kommo name event types in. */
export type EventTypeLanguage =
  | 'EN'
  | 'ES'
  | 'PT'
  | 'RU';

/** Conditions on value_before or value_after. amoCRM applies each only to the event types it fits. */
export type EventValueFilter = {
  /** custom_field_{id}_value_changed with a single such type: one of these list options. */
  enumIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** lead_status_changed: into (or out of) one of these stages. */
  leadStatuses?: InputMaybe<Array<EventLeadStatusInput>>;
  /** entity_responsible_changed: to (or from) one of these users. */
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** sale_field_changed, name_field_changed, custom_field_value_changed…: exactly this value. */
  value?: InputMaybe<Scalars['String']['input']>;
};

/** Entities files can be attached to. */
export type FileEntityType =
  | 'COMPANIES'
  | 'CONTACTS'
  | 'CUSTOMERS'
  | 'LEADS';

/** The drive's filters; all given must hold. */
export type FileFilterInput = {
  createdAt?: InputMaybe<DateTimeRange>;
  /** User ids; -1 a client, 0 a robot. */
  createdByAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** e.g. ["pdf", "png"]. */
  extensions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Bytes. */
  maxSize?: InputMaybe<Scalars['Int']['input']>;
  /** Bytes. */
  minSize?: InputMaybe<Scalars['Int']['input']>;
  /** The exact file name. */
  name?: InputMaybe<Scalars['String']['input']>;
  sourceAmoId?: InputMaybe<Scalars['Int']['input']>;
  /** A part of the file name or of the name of an entity it is attached to. */
  term?: InputMaybe<Scalars['String']['input']>;
  /** true lists trashed files instead of live ones. */
  trashed?: InputMaybe<Scalars['Boolean']['input']>;
  updatedAt?: InputMaybe<DateTimeRange>;
  /** User ids; -1 a client, 0 a robot. */
  updatedByAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** At most 50. */
  uuids?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A file already uploaded to amoCRM Drive. */
export type FileInput = {
  fileName?: InputMaybe<Scalars['String']['input']>;
  fileSize?: InputMaybe<Scalars['Int']['input']>;
  fileUuid: Scalars['String']['input'];
  versionUuid?: InputMaybe<Scalars['String']['input']>;
};

/** An inclusive number range; either end may be left open. */
export type FloatRange = {
  from?: InputMaybe<Scalars['Float']['input']>;
  to?: InputMaybe<Scalars['Float']['input']>;
};

/** An inclusive integer range; either end may be left open. */
export type IntRange = {
  from?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['Int']['input']>;
};

/** An existing contact to link to a new lead. */
export type LeadContactInput = {
  contactId: Scalars['Int']['input'];
  /** Makes it the lead's main contact (one per lead). */
  isMain?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Which lead events to receive; every given condition must hold. */
export type LeadEventFilter = {
  /** Only these actions. */
  actions?: InputMaybe<Array<EntityEventAction>>;
  /** Only leads in these pipelines (as the event reports them). */
  pipelineIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Only leads these users are responsible for. */
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Only leads now in these statuses. */
  statusIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** Filters amoCRM applies to leads. Every given condition must hold. */
export type LeadFilter = {
  /** Only these ids. */
  amoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  closedAt?: InputMaybe<DateTimeRange>;
  closestTaskAt?: InputMaybe<DateTimeRange>;
  createdAt?: InputMaybe<DateTimeRange>;
  createdByUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  customFields?: InputMaybe<Array<CustomFieldFilter>>;
  /** Exact names. */
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Leads in any of these pipelines. */
  pipelineIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Budget range; give equal ends for an exact price. */
  price?: InputMaybe<IntRange>;
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Leads in any of these statuses. */
  statuses?: InputMaybe<Array<PipelineStatusInput>>;
  updatedAt?: InputMaybe<DateTimeRange>;
  updatedByUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** How amoCRM sorts lead lists. */
export type LeadOrder = {
  direction: OrderDirection;
  field: LeadOrderField;
};

export type LeadOrderField =
  | 'CREATED_AT'
  | 'ID'
  | 'UPDATED_AT';

/** Company requisites; `entityType` 1 is a sole proprietor, 2 a legal person. */
export type LegalEntityInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  bankAccountNumber?: InputMaybe<Scalars['String']['input']>;
  bankCode?: InputMaybe<Scalars['String']['input']>;
  bin?: InputMaybe<Scalars['String']['input']>;
  director?: InputMaybe<Scalars['String']['input']>;
  egrpou?: InputMaybe<Scalars['String']['input']>;
  entityType?: InputMaybe<Scalars['Int']['input']>;
  externalUid?: InputMaybe<Scalars['String']['input']>;
  kpp?: InputMaybe<Scalars['String']['input']>;
  mfo?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  oked?: InputMaybe<Scalars['String']['input']>;
  realAddress?: InputMaybe<Scalars['String']['input']>;
  taxRegistrationReasonCode?: InputMaybe<Scalars['String']['input']>;
  unp?: InputMaybe<Scalars['String']['input']>;
  vatId?: InputMaybe<Scalars['String']['input']>;
};

/** The entity types amoCRM links to each other. */
export type LinkEntityType =
  | 'COMPANIES'
  | 'CONTACTS'
  /** Links to contacts and companies (the customers mode must be on). */
  | 'CUSTOMERS'
  | 'LEADS';

/** Attaches the entry to an existing lead instead of its own. amoCRM documents this for chats (and mail) entries. */
export type LinkUnsortedInput = {
  leadAmoId: Scalars['Int']['input'];
  uid: Scalars['String']['input'];
  userId?: InputMaybe<Scalars['Int']['input']>;
};

export type LogCallInput = {
  calledAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Without it amoCRM's statistics count the call as a robot's. */
  createdBy?: InputMaybe<Scalars['Int']['input']>;
  direction: CallDirection;
  /** Seconds. */
  duration: Scalars['Int']['input'];
  /** The recording. */
  link?: InputMaybe<Scalars['String']['input']>;
  /** The other side's number; amoCRM matches its last 10 digits. */
  phone: Scalars['String']['input'];
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** What came of it (the call result note text). */
  result?: InputMaybe<Scalars['String']['input']>;
  /** The telephony integration, shown on the note. */
  source: Scalars['String']['input'];
  status?: InputMaybe<CallStatus>;
  /** The call's id on the telephony side. */
  uniq?: InputMaybe<Scalars['String']['input']>;
};

/** A phone, e-mail or messenger, with its kind (WORK, MOB, HOME, PRIV… ; WORK when omitted). */
export type MultitextEntryInput = {
  enumCode?: InputMaybe<Scalars['String']['input']>;
  enumId?: InputMaybe<Scalars['Int']['input']>;
  value: Scalars['String']['input'];
};

/** A stage of a new pipeline (besides incoming, won and lost, which amoCRM adds). */
export type NewPipelineStatusInput = {
  /** Default #fffeb2. A color is one of amoCRM's stage palette: #fffeb2, #fffd7f, #fff000, #ffeab2, #ffdc7f, #ffce5a, #ffdbdb, #ffc8c8, #ff8f92, #d6eaff, #c1e0ff, #98cbff, #ebffb1, #deff81, #87f2c0, #f9deff, #f3beff, #ccc8f9, #eb93ff, #f2f3f4, #e6e8ea. */
  color?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Position in the pipeline; incoming is 10, won 10000, lost 11000. */
  sort: Scalars['Int']['input'];
};

export type NoteCallInput = {
  /** Seconds. */
  duration: Scalars['Int']['input'];
  /** The recording. */
  link?: InputMaybe<Scalars['String']['input']>;
  phone: Scalars['String']['input'];
  /** What was agreed. */
  result?: InputMaybe<Scalars['String']['input']>;
  /** The telephony service. */
  source: Scalars['String']['input'];
  /** The telephony's call id. */
  uniq: Scalars['String']['input'];
};

/** The parts of a call note to change; the rest stay as they are. */
export type NoteCallUpdateInput = {
  /** Seconds. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** The recording. */
  link?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** What was agreed. */
  result?: InputMaybe<Scalars['String']['input']>;
  /** The telephony service. */
  source?: InputMaybe<Scalars['String']['input']>;
  /** The telephony's call id. */
  uniq?: InputMaybe<Scalars['String']['input']>;
};

export type NoteFilter = {
  amoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Notes of these entities. */
  entityAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** amoCRM note types, e.g. ["common", "call_in"]. */
  noteTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  updatedAt?: InputMaybe<DateTimeRange>;
};

export type NoteGeolocationInput = {
  address: Scalars['String']['input'];
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};

/** The note types that can be added, and what each needs. */
export type NoteKind =
  /** An incoming call: `call`. */
  | 'CALL_IN'
  /** An outgoing call: `call`. */
  | 'CALL_OUT'
  /** A comment: `text`. */
  | 'COMMON'
  /** A place: `text` and `geolocation`. */
  | 'GEOLOCATION'
  /** A message from a service: `service` and `text`. */
  | 'SERVICE_MESSAGE'
  /** An incoming SMS: `text` and `phone`. */
  | 'SMS_IN'
  /** An outgoing SMS: `text` and `phone`. */
  | 'SMS_OUT';

/** How amoCRM sorts note lists. */
export type NoteOrder = {
  direction: OrderDirection;
  field: NoteOrderField;
};

export type NoteOrderField =
  | 'ID'
  | 'UPDATED_AT';

export type OrderDirection =
  /** Oldest or smallest first. */
  | 'ASC'
  /** Newest or largest first. */
  | 'DESC';

/** The payer of an invoice: `type` is "legal" or "individual"; `entityType`/`entityId` may name a contact or company. */
export type PayerInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  bankAccountNumber?: InputMaybe<Scalars['String']['input']>;
  bankCode?: InputMaybe<Scalars['String']['input']>;
  bin?: InputMaybe<Scalars['String']['input']>;
  director?: InputMaybe<Scalars['String']['input']>;
  egrpou?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  entityId?: InputMaybe<Scalars['Int']['input']>;
  entityType?: InputMaybe<Scalars['String']['input']>;
  kpp?: InputMaybe<Scalars['String']['input']>;
  mfo?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  oked?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  realAddress?: InputMaybe<Scalars['String']['input']>;
  taxRegistrationReasonCode?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  unp?: InputMaybe<Scalars['String']['input']>;
  vatId?: InputMaybe<Scalars['String']['input']>;
};

export type PinNoteInput = {
  /** The note's amoCRM id (per entity type). */
  amoId: Scalars['Int']['input'];
  entityType: EntityType;
};

/** A status of a pipeline. Status ids 142 (won) and 143 (lost) exist in every pipeline, so both ids are required. */
export type PipelineStatusInput = {
  pipelineId: Scalars['Int']['input'];
  statusId: Scalars['Int']['input'];
};

/** How far a right reaches. */
export type RightLevel =
  /** Every entity. */
  | 'ALL'
  /** None. */
  | 'DENIED'
  /** Entities of the user's group. */
  | 'GROUP'
  /** Entities the user is responsible for. */
  | 'OWN';

/** A role's rights. Admin and free are user flags, not role rights. */
export type RoleRightsInput = {
  /** May use lists (catalogs). */
  catalogAccess?: InputMaybe<Scalars['Boolean']['input']>;
  companies?: InputMaybe<EntityRightsInput>;
  contacts?: InputMaybe<EntityRightsInput>;
  leads?: InputMaybe<EntityRightsInput>;
  /** May use mail in amoCRM. */
  mailAccess?: InputMaybe<Scalars['Boolean']['input']>;
  /** Rights per lead status; an empty list removes them all. */
  stageRights?: InputMaybe<Array<StageRightsInput>>;
  tasks?: InputMaybe<TaskRightsInput>;
};

export type SmartAddressInput = {
  addressLine1?: InputMaybe<Scalars['String']['input']>;
  addressLine2?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<Scalars['String']['input']>;
  zip?: InputMaybe<Scalars['String']['input']>;
};

export type SourcePageInput = {
  /** e.g. the WhatsApp number the button opens. */
  link: Scalars['String']['input'];
  name: Scalars['String']['input'];
  pageId: Scalars['String']['input'];
};

/** The WhatsApp CRM plugin: numbers to pick from when setting up the website chat button. */
export type SourceServiceInput = {
  pages?: InputMaybe<Array<SourcePageInput>>;
  supportsListMessage?: InputMaybe<Scalars['Boolean']['input']>;
  /** An official WhatsApp Business number. */
  waba?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Rights on the leads in one status of a pipeline. */
export type StageRightsInput = {
  delete?: InputMaybe<RightLevel>;
  edit?: InputMaybe<RightLevel>;
  export?: InputMaybe<RightLevel>;
  pipelineAmoId: Scalars['Int']['input'];
  statusAmoId: Scalars['Int']['input'];
  view?: InputMaybe<RightLevel>;
};

/** A status by its pipeline (status ids 142 and 143 repeat in every pipeline). */
export type StatusKeyInput = {
  pipelineAmoId: Scalars['Int']['input'];
  statusAmoId: Scalars['Int']['input'];
};

export type StatusKind =
  /** The incoming (unsorted) stage of a pipeline. */
  | 'INCOMING'
  /** Closed and lost (status 143). */
  | 'LOST'
  /** A working stage. */
  | 'OPEN'
  /** Closed and won (status 142). */
  | 'WON';

export type SubscribeWebhookInput = {
  /** An http(s) URL. Subscribing a URL again replaces its events and sort. */
  destination: Scalars['String']['input'];
  /** At least one. */
  events: Array<WebhookEvent>;
  /** Order among the webhooks. */
  sort?: InputMaybe<Scalars['Int']['input']>;
};

export type SubscriberType =
  | 'GROUP'
  | 'USER';

/** The supplier of an invoice, by its amoCRM id (amoCRM fills in its requisites). */
export type SupplierInput = {
  entityId: Scalars['Int']['input'];
};

/** A tag by its amoCRM id, or by name (amoCRM creates a tag it does not know). */
export type TagInput = {
  amoId?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Which task events to receive; every given condition must hold. */
export type TaskEventFilter = {
  /** Only these actions. */
  actions?: InputMaybe<Array<EntityEventAction>>;
  /** Only tasks these users are responsible for. */
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** Filters amoCRM applies to tasks. Every given condition must hold. */
export type TaskFilter = {
  amoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  entityAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Tasks on this entity type (with `entityAmoIds`: on these entities). */
  entityType?: InputMaybe<EntityType>;
  isCompleted?: InputMaybe<Scalars['Boolean']['input']>;
  responsibleUserIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  taskTypeIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  updatedAt?: InputMaybe<DateTimeRange>;
};

/** How amoCRM sorts task lists. */
export type TaskOrder = {
  direction: OrderDirection;
  field: TaskOrderField;
};

export type TaskOrderField =
  | 'COMPLETE_TILL'
  | 'CREATED_AT'
  | 'ID';

export type TaskRightsInput = {
  delete?: InputMaybe<RightLevel>;
  edit?: InputMaybe<RightLevel>;
};

export type TransactionFilter = {
  /** Purchases of these customers. */
  customerAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
};

export type TransactionRefInput = {
  customerAmoId: Scalars['Int']['input'];
  transactionAmoId: Scalars['Int']['input'];
};

export type UnsortedCallInput = {
  calledAt: Scalars['DateTime']['input'];
  /** Seconds. */
  duration: Scalars['Int']['input'];
  /** The caller's number or name. */
  from: Scalars['String']['input'];
  /** The recording. */
  link?: InputMaybe<Scalars['String']['input']>;
  /** The number that was called. */
  phone: Scalars['String']['input'];
  /** The telephony widget's code. */
  serviceCode: Scalars['String']['input'];
  /** The telephony's call id. */
  uniq: Scalars['String']['input'];
};

/** Where an incoming entry came from. Only FORMS and SIP entries can be created through the API. */
export type UnsortedCategory =
  /** A chat message. */
  | 'CHATS'
  /** A web form. */
  | 'FORMS'
  /** An e-mail. */
  | 'MAIL'
  /** A phone call. */
  | 'SIP';

export type UnsortedFilter = {
  categories?: InputMaybe<Array<UnsortedCategory>>;
  pipelineId?: InputMaybe<Scalars['Int']['input']>;
  uids?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UnsortedFormInput = {
  formId: Scalars['String']['input'];
  formName: Scalars['String']['input'];
  /** The page the form is on. */
  formPage: Scalars['String']['input'];
  ip?: InputMaybe<Scalars['String']['input']>;
  referer?: InputMaybe<Scalars['String']['input']>;
  /** Default: now. */
  sentAt?: InputMaybe<Scalars['DateTime']['input']>;
  visitorUid?: InputMaybe<Scalars['String']['input']>;
};

export type UnsortedLeadInput = {
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
  price?: InputMaybe<Scalars['Int']['input']>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<TagInput>>;
};

/** The incoming entries amoCRM lets an integration create. */
export type UnsortedNewCategory =
  | 'FORMS'
  | 'SIP';

/** Only the fields given change. */
export type UpdateCatalogElementInput = {
  amoId: Scalars['Int']['input'];
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change. amoCRM cannot change a catalog’s type or sort through its API. */
export type UpdateCatalogInput = {
  amoId: Scalars['Int']['input'];
  canAddElements?: InputMaybe<Scalars['Boolean']['input']>;
  canLinkMultiple?: InputMaybe<Scalars['Boolean']['input']>;
  /** amoCRM requires a name on every update: when omitted, the current one is sent. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change; a WABA template only while a draft. */
export type UpdateChatTemplateInput = {
  amoId: Scalars['Int']['input'];
  buttons?: InputMaybe<Array<ChatTemplateButtonInput>>;
  content?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  isEditable?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change. Custom fields given replace their values; `clear: true` empties one. */
export type UpdateCompanyInput = {
  addTags?: InputMaybe<Array<TagInput>>;
  amoId: Scalars['Int']['input'];
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
  removeTags?: InputMaybe<Array<TagInput>>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces every tag; an empty list removes them all. */
  tags?: InputMaybe<Array<TagInput>>;
};

/** Only the fields given change. Custom fields given replace their values; `clear: true` empties one. */
export type UpdateContactInput = {
  addTags?: InputMaybe<Array<TagInput>>;
  amoId: Scalars['Int']['input'];
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  removeTags?: InputMaybe<Array<TagInput>>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces every tag; an empty list removes them all. */
  tags?: InputMaybe<Array<TagInput>>;
};

/** Only the fields given change; fieldAmoIds moves those fields into the group (others stay where they are). */
export type UpdateCustomFieldGroupInput = {
  fieldAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  groupId: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<Scalars['Int']['input']>;
};

/** Only the fields given change. A field's type cannot change. */
export type UpdateCustomFieldInput = {
  amoId: Scalars['Int']['input'];
  /** Latin letters, digits and underscores; values can then be written by code. Unique per owner. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Monetary fields only: an ISO 4217 code such as RUB. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Options of select, multiselect, radiobutton and category fields. */
  enums?: InputMaybe<Array<CustomFieldEnumInput>>;
  /** The group (card tab) to show the field in; null: the main tab. Not for catalogs. */
  groupId?: InputMaybe<Scalars['String']['input']>;
  /** Lead statuses in which the field is hidden (lead fields). */
  hiddenStatuses?: InputMaybe<Array<CustomFieldStatusInput>>;
  /** Only the API may change its values. */
  isApiOnly?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Birthday fields only. */
  remind?: InputMaybe<BirthdayRemind>;
  /** Lead statuses that need this field filled (lead, contact and company fields). */
  requiredStatuses?: InputMaybe<Array<CustomFieldStatusInput>>;
  sort?: InputMaybe<Scalars['Int']['input']>;
};

/** Only the fields given change. */
export type UpdateCustomerInput = {
  addTags?: InputMaybe<Array<TagInput>>;
  amoId: Scalars['Int']['input'];
  companyAmoId?: InputMaybe<Scalars['Int']['input']>;
  /** Its contacts (replaces the list); the first is the main one. */
  contactAmoIds?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Checked against the customers' field definitions. */
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** When the next purchase is expected. */
  nextDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** The expected amount of the next purchase. */
  nextPrice?: InputMaybe<Scalars['Int']['input']>;
  /** Days between purchases. */
  periodicity?: InputMaybe<Scalars['Int']['input']>;
  removeTags?: InputMaybe<Array<TagInput>>;
  /** Default: the token's user. */
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** A stage of `customerStatuses` (periodic mode). */
  statusAmoId?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces every tag; an empty list removes them all. */
  tags?: InputMaybe<Array<TagInput>>;
};

/** Only the fields given change. */
export type UpdateCustomerSegmentInput = {
  amoId: Scalars['Int']['input'];
  color?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change. System stages cannot be changed. */
export type UpdateCustomerStatusInput = {
  amoId: Scalars['Int']['input'];
  color?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<Scalars['Int']['input']>;
};

/** Only the fields given change. Custom fields given replace their values; `clear: true` empties one. */
export type UpdateLeadInput = {
  addTags?: InputMaybe<Array<TagInput>>;
  amoId: Scalars['Int']['input'];
  closedAt?: InputMaybe<Scalars['DateTime']['input']>;
  customFields?: InputMaybe<Array<CustomFieldInput>>;
  /** Why a lost lead (status 143) was lost. */
  lossReasonId?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Default: the main pipeline. */
  pipelineId?: InputMaybe<Scalars['Int']['input']>;
  /** The budget, in the account currency. */
  price?: InputMaybe<Scalars['Int']['input']>;
  removeTags?: InputMaybe<Array<TagInput>>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** A status of `pipelineId` (142 won and 143 lost exist in every pipeline). */
  statusId?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces every tag; an empty list removes them all. */
  tags?: InputMaybe<Array<TagInput>>;
};

/** A change to one note. Only the fields its type has may be given (a comment's `text`, an SMS's `text` and `phone`…); its type and entity stay. */
export type UpdateNoteInput = {
  /** The note's amoCRM id (per entity type). */
  amoId: Scalars['Int']['input'];
  /** Calls. */
  call?: InputMaybe<NoteCallUpdateInput>;
  entityType: EntityType;
  geolocation?: InputMaybe<NoteGeolocationInput>;
  /** SMS. */
  phone?: InputMaybe<Scalars['String']['input']>;
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** Service messages: the sender shown. */
  service?: InputMaybe<Scalars['String']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change. */
export type UpdatePipelineInput = {
  amoId: Scalars['Int']['input'];
  /** true makes it the main pipeline; the main pipeline cannot be unmarked, only replaced. */
  isMain?: InputMaybe<Scalars['Boolean']['input']>;
  isUnsortedOn?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateProductsSettingsInput = {
  /** Turns products on (true) or off (false). */
  isEnabled: Scalars['Boolean']['input'];
};

/** Only what is given changes; within `rights`, only the rights given. */
export type UpdateRoleInput = {
  amoId: Scalars['Int']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  rights?: InputMaybe<RoleRightsInput>;
};

/** Only the fields given change; `whatsapp` replaces the services as a whole. */
export type UpdateSourceInput = {
  amoId: Scalars['Int']['input'];
  externalId?: InputMaybe<Scalars['String']['input']>;
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  originCode?: InputMaybe<Scalars['String']['input']>;
  pipelineAmoId?: InputMaybe<Scalars['Int']['input']>;
  whatsapp?: InputMaybe<Array<SourceServiceInput>>;
};

/** Only the fields given change. Incoming, won (142) and lost (143) cannot be edited. */
export type UpdateStatusInput = {
  /** A color is one of amoCRM's stage palette: #fffeb2, #fffd7f, #fff000, #ffeab2, #ffdc7f, #ffce5a, #ffdbdb, #ffc8c8, #ff8f92, #d6eaff, #c1e0ff, #98cbff, #ebffb1, #deff81, #87f2c0, #f9deff, #f3beff, #ccc8f9, #eb93ff, #f2f3f4, #e6e8ea. */
  color?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  pipelineAmoId: Scalars['Int']['input'];
  sort?: InputMaybe<Scalars['Int']['input']>;
  statusAmoId: Scalars['Int']['input'];
};

/** Only the fields given change. Complete a task with `isCompleted: true` and its `result`. */
export type UpdateTaskInput = {
  amoId: Scalars['Int']['input'];
  completeTill?: InputMaybe<Scalars['DateTime']['input']>;
  /** Seconds. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  isCompleted?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: the token's user. */
  responsibleUserId?: InputMaybe<Scalars['Int']['input']>;
  /** What came of it; only together with `isCompleted: true`. */
  result?: InputMaybe<Scalars['String']['input']>;
  /** 1 call (the default), 2 meeting, or one of `account { taskTypes }`. */
  taskTypeId?: InputMaybe<Scalars['Int']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};

export type UserLang =
  | 'EN'
  | 'ES'
  | 'PT'
  | 'RU';

/** A new user's rights. With a role and no entity rights, the user takes the role's rights. */
export type UserRightsInput = {
  /** May use lists (catalogs). */
  catalogAccess?: InputMaybe<Scalars['Boolean']['input']>;
  companies?: InputMaybe<EntityRightsInput>;
  contacts?: InputMaybe<EntityRightsInput>;
  /** The user group; 0 is the main one. */
  groupAmoId?: InputMaybe<Scalars['Int']['input']>;
  isAdmin?: InputMaybe<Scalars['Boolean']['input']>;
  /** A free user does not count towards the plan; an admin cannot be free. */
  isFree?: InputMaybe<Scalars['Boolean']['input']>;
  leads?: InputMaybe<EntityRightsInput>;
  /** May use mail in amoCRM. */
  mailAccess?: InputMaybe<Scalars['Boolean']['input']>;
  roleAmoId?: InputMaybe<Scalars['Int']['input']>;
  /** Rights per lead status; an empty list removes them all. */
  stageRights?: InputMaybe<Array<StageRightsInput>>;
  tasks?: InputMaybe<TaskRightsInput>;
};

/** An event amoCRM can notify a webhook of; the value is amoCRM's settings name in upper case (add_lead is ADD_LEAD). */
export type WebhookEvent =
  | 'ADD_CHAT_TEMPLATE_REVIEW'
  | 'ADD_COMPANY'
  | 'ADD_CONTACT'
  | 'ADD_CUSTOMER'
  | 'ADD_LEAD'
  | 'ADD_TALK'
  | 'ADD_TASK'
  | 'DELETE_COMPANY'
  | 'DELETE_CONTACT'
  | 'DELETE_CUSTOMER'
  | 'DELETE_LEAD'
  | 'DELETE_TASK'
  | 'NOTE_COMPANY'
  | 'NOTE_CONTACT'
  | 'NOTE_CUSTOMER'
  | 'NOTE_LEAD'
  | 'RESPONSIBLE_COMPANY'
  | 'RESPONSIBLE_CONTACT'
  | 'RESPONSIBLE_CUSTOMER'
  | 'RESPONSIBLE_LEAD'
  | 'RESPONSIBLE_TASK'
  | 'RESTORE_COMPANY'
  | 'RESTORE_CONTACT'
  | 'RESTORE_LEAD'
  | 'STATUS_LEAD'
  | 'UPDATE_COMPANY'
  | 'UPDATE_CONTACT'
  | 'UPDATE_CUSTOMER'
  | 'UPDATE_LEAD'
  | 'UPDATE_TALK'
  | 'UPDATE_TASK';

export type WebsiteButtonCreationStatus =
  /** Set up; the script works. */
  | 'CREATED'
  /** amoCRM accepted it and is still setting it up. */
  | 'CREATION_PENDING';

/** What happened to one input item of a mutation. */
export type WriteStatus =
  /** Nothing was written; `errors` says why. */
  | 'FAILED'
  /** amoCRM wrote it. */
  | 'SUCCEEDED'
  /** amoCRM may have written it but gave no answer; it was not sent again. Check before retrying. */
  | 'UNKNOWN';

export type AccountQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountQuery = { account: { amoId: number, name: string, subdomain: string, currency: string, currencySymbol: string | null, timezone: string | null, isLossReasonEnabled: boolean, isApiFilterEnabled: boolean, currentUser: { amoId: number, name: string, isAdmin: boolean } | null, taskTypes: Array<{ amoId: number, name: string, code: string | null, color: string | null }>, userGroups: Array<{ amoId: number, name: string }> } | null, users: { nodes: Array<{ id: string, amoId: number, name: string, email: string | null, isActive: boolean, isAdmin: boolean, groups: Array<{ amoId: number, name: string }>, roles: Array<{ amoId: number, name: string }> }> } | null, lossReasons: Array<{ amoId: number, name: string, sort: number | null }> | null };

export type CompanyWithPeopleQueryVariables = Exact<{
  amoId: Scalars['Int']['input'];
}>;


export type CompanyWithPeopleQuery = { company: { id: string, amoId: number, name: string, phones: Array<string>, emails: Array<string>, responsibleUser: { amoId: number, name: string } | null, tags: Array<{ name: string }>, contacts: { nodes: Array<{ amoId: number, name: string, phones: Array<string>, leads: { nodes: Array<{ amoId: number, name: string, price: number, status: { name: string, kind: StatusKind } | null }> } }> }, leads: { nodes: Array<{ amoId: number, name: string, price: number, status: { name: string, kind: StatusKind } | null }> } } | null };

export type CompanyLeadFragment = { amoId: number, name: string, price: number, status: { name: string, kind: StatusKind } | null };

export type CustomFieldCatalogQueryVariables = Exact<{
  entity: EntityType;
}>;


export type CustomFieldCatalogQuery = { customFieldDefinitions: Array<{ id: string, amoId: number, name: string, type: CustomFieldType, code: string | null, sort: number, isPredefined: boolean, isApiOnly: boolean, currency: string | null, enums: Array<{ amoId: number, value: string, code: string | null, sort: number }>, requiredStatuses: Array<{ amoId: number, name: string, pipeline: { amoId: number } }> }> | null };

export type ImportLeadsMutationVariables = Exact<{
  leads: Array<CreateLeadInput> | CreateLeadInput;
}>;


export type ImportLeadsMutation = { createLeads: { succeededCount: number, failedCount: number, unknownCount: number, results: Array<{ index: number, status: WriteStatus, errors: Array<{ code: string, message: string, path: Array<string> }>, lead: { id: string, amoId: number, name: string, price: number, status: { name: string } | null } | null }> } };

export type LeadCardQueryVariables = Exact<{
  amoId: Scalars['Int']['input'];
}>;


export type LeadCardQuery = { lead: { id: string, amoId: number, name: string, price: number, createdAt: string, updatedAt: string, closedAt: string | null, pipeline: { amoId: number, name: string } | null, status: { amoId: number, name: string, kind: StatusKind, color: string } | null, lossReason: { amoId: number, name: string } | null, responsibleUser: { amoId: number, name: string, email: string | null } | null, tags: Array<{ amoId: number, name: string, color: string | null }>, company: { amoId: number, name: string, phones: Array<string> } | null, contacts: { edges: Array<{ isMain: boolean, node: { amoId: number, name: string, phones: Array<string>, emails: Array<string> } }> }, customFields: Array<
      | { __typename: 'BirthdayCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'CategoryCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'ChainedListCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'CheckboxCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, flags: Array<boolean> }
      | { __typename: 'DateCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, dates: Array<string> }
      | { __typename: 'DateTimeCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, dates: Array<string> }
      | { __typename: 'FileCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'ItemsCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'LegalEntityCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'LinkedEntityCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'MonetaryCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, numbers: Array<number>, field: { currency: string | null } | null }
      | { __typename: 'MultiselectCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, options: Array<{ enumId: number | null, value: string }> }
      | { __typename: 'MultitextCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'NumericCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, numbers: Array<number> }
      | { __typename: 'OrgLegalNameCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'PayerCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'PriceCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'RadiobuttonCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, options: Array<{ enumId: number | null, value: string }> }
      | { __typename: 'SelectCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, options: Array<{ enumId: number | null, value: string }> }
      | { __typename: 'SmartAddressCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'StreetaddressCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> }
      | { __typename: 'SupplierCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType }
      | { __typename: 'TextCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> }
      | { __typename: 'TextareaCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> }
      | { __typename: 'TrackingDataCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> }
      | { __typename: 'UnknownCustomFieldValue', rawFieldType: string, fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, raw: Array<unknown> }
      | { __typename: 'UrlCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> }
    > } | null };

export type LeadCardContactFragment = { amoId: number, name: string, phones: Array<string>, emails: Array<string> };

type LeadCardCustomField_BirthdayCustomFieldValue_Fragment = { __typename: 'BirthdayCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_CategoryCustomFieldValue_Fragment = { __typename: 'CategoryCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_ChainedListCustomFieldValue_Fragment = { __typename: 'ChainedListCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_CheckboxCustomFieldValue_Fragment = { __typename: 'CheckboxCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, flags: Array<boolean> };

type LeadCardCustomField_DateCustomFieldValue_Fragment = { __typename: 'DateCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, dates: Array<string> };

type LeadCardCustomField_DateTimeCustomFieldValue_Fragment = { __typename: 'DateTimeCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, dates: Array<string> };

type LeadCardCustomField_FileCustomFieldValue_Fragment = { __typename: 'FileCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_ItemsCustomFieldValue_Fragment = { __typename: 'ItemsCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_LegalEntityCustomFieldValue_Fragment = { __typename: 'LegalEntityCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_LinkedEntityCustomFieldValue_Fragment = { __typename: 'LinkedEntityCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_MonetaryCustomFieldValue_Fragment = { __typename: 'MonetaryCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, numbers: Array<number>, field: { currency: string | null } | null };

type LeadCardCustomField_MultiselectCustomFieldValue_Fragment = { __typename: 'MultiselectCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, options: Array<{ enumId: number | null, value: string }> };

type LeadCardCustomField_MultitextCustomFieldValue_Fragment = { __typename: 'MultitextCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_NumericCustomFieldValue_Fragment = { __typename: 'NumericCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, numbers: Array<number> };

type LeadCardCustomField_OrgLegalNameCustomFieldValue_Fragment = { __typename: 'OrgLegalNameCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_PayerCustomFieldValue_Fragment = { __typename: 'PayerCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_PriceCustomFieldValue_Fragment = { __typename: 'PriceCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_RadiobuttonCustomFieldValue_Fragment = { __typename: 'RadiobuttonCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, options: Array<{ enumId: number | null, value: string }> };

type LeadCardCustomField_SelectCustomFieldValue_Fragment = { __typename: 'SelectCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, options: Array<{ enumId: number | null, value: string }> };

type LeadCardCustomField_SmartAddressCustomFieldValue_Fragment = { __typename: 'SmartAddressCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_StreetaddressCustomFieldValue_Fragment = { __typename: 'StreetaddressCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> };

type LeadCardCustomField_SupplierCustomFieldValue_Fragment = { __typename: 'SupplierCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType };

type LeadCardCustomField_TextCustomFieldValue_Fragment = { __typename: 'TextCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> };

type LeadCardCustomField_TextareaCustomFieldValue_Fragment = { __typename: 'TextareaCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> };

type LeadCardCustomField_TrackingDataCustomFieldValue_Fragment = { __typename: 'TrackingDataCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> };

type LeadCardCustomField_UnknownCustomFieldValue_Fragment = { __typename: 'UnknownCustomFieldValue', rawFieldType: string, fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, raw: Array<unknown> };

type LeadCardCustomField_UrlCustomFieldValue_Fragment = { __typename: 'UrlCustomFieldValue', fieldId: number, fieldCode: string | null, fieldName: string, fieldType: CustomFieldType, texts: Array<string> };

export type LeadCardCustomFieldFragment =
  | LeadCardCustomField_BirthdayCustomFieldValue_Fragment
  | LeadCardCustomField_CategoryCustomFieldValue_Fragment
  | LeadCardCustomField_ChainedListCustomFieldValue_Fragment
  | LeadCardCustomField_CheckboxCustomFieldValue_Fragment
  | LeadCardCustomField_DateCustomFieldValue_Fragment
  | LeadCardCustomField_DateTimeCustomFieldValue_Fragment
  | LeadCardCustomField_FileCustomFieldValue_Fragment
  | LeadCardCustomField_ItemsCustomFieldValue_Fragment
  | LeadCardCustomField_LegalEntityCustomFieldValue_Fragment
  | LeadCardCustomField_LinkedEntityCustomFieldValue_Fragment
  | LeadCardCustomField_MonetaryCustomFieldValue_Fragment
  | LeadCardCustomField_MultiselectCustomFieldValue_Fragment
  | LeadCardCustomField_MultitextCustomFieldValue_Fragment
  | LeadCardCustomField_NumericCustomFieldValue_Fragment
  | LeadCardCustomField_OrgLegalNameCustomFieldValue_Fragment
  | LeadCardCustomField_PayerCustomFieldValue_Fragment
  | LeadCardCustomField_PriceCustomFieldValue_Fragment
  | LeadCardCustomField_RadiobuttonCustomFieldValue_Fragment
  | LeadCardCustomField_SelectCustomFieldValue_Fragment
  | LeadCardCustomField_SmartAddressCustomFieldValue_Fragment
  | LeadCardCustomField_StreetaddressCustomFieldValue_Fragment
  | LeadCardCustomField_SupplierCustomFieldValue_Fragment
  | LeadCardCustomField_TextCustomFieldValue_Fragment
  | LeadCardCustomField_TextareaCustomFieldValue_Fragment
  | LeadCardCustomField_TrackingDataCustomFieldValue_Fragment
  | LeadCardCustomField_UnknownCustomFieldValue_Fragment
  | LeadCardCustomField_UrlCustomFieldValue_Fragment
;

export type LeadsPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LeadFilter>;
  orderBy?: InputMaybe<LeadOrder>;
}>;


export type LeadsPageQuery = { leads: { edges: Array<{ cursor: string, node: { amoId: number, name: string, price: number, createdAt: string, status: { amoId: number, name: string, kind: StatusKind, color: string, pipeline: { amoId: number, name: string } } | null, responsibleUser: { amoId: number, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type LeadRowFragment = { amoId: number, name: string, price: number, createdAt: string, status: { amoId: number, name: string, kind: StatusKind, color: string, pipeline: { amoId: number, name: string } } | null, responsibleUser: { amoId: number, name: string } | null };

export type NodeRefetchQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeRefetchQuery = { node:
    | { __typename: 'Catalog', id: string }
    | { __typename: 'CatalogElement', id: string }
    | { __typename: 'Company', id: string, amoId: number, name: string, updatedAt: string }
    | { __typename: 'Contact', id: string, amoId: number, name: string, phones: Array<string>, updatedAt: string }
    | { __typename: 'CustomFieldDefinition', id: string }
    | { __typename: 'Customer', id: string }
    | { __typename: 'Lead', id: string, amoId: number, name: string, price: number, updatedAt: string, status: { name: string, kind: StatusKind } | null }
    | { __typename: 'LossReason', id: string }
    | { __typename: 'Pipeline', id: string }
    | { __typename: 'Status', id: string, amoId: number, name: string, kind: StatusKind, pipeline: { amoId: number, name: string } }
    | { __typename: 'Task', id: string }
    | { __typename: 'User', id: string, amoId: number, name: string, email: string | null, isActive: boolean }
   | null };

export type RefetchLeadFragment = { amoId: number, name: string, price: number, updatedAt: string, status: { name: string, kind: StatusKind } | null };

export type RefetchContactFragment = { amoId: number, name: string, phones: Array<string>, updatedAt: string };

export type RefetchCompanyFragment = { amoId: number, name: string, updatedAt: string };

export type RefetchUserFragment = { amoId: number, name: string, email: string | null, isActive: boolean };

export type RefetchStatusFragment = { amoId: number, name: string, kind: StatusKind, pipeline: { amoId: number, name: string } };

export type PipelineBoardQueryVariables = Exact<{ [key: string]: never; }>;


export type PipelineBoardQuery = { pipelines: Array<{ id: string, amoId: number, name: string, isMain: boolean, isArchive: boolean, statuses: Array<{ id: string, amoId: number, name: string, color: string, sort: number, kind: StatusKind }> }> | null };

export type RecentLeadsQueryVariables = Exact<{ [key: string]: never; }>;


export type RecentLeadsQuery = { leads: { nodes: Array<{ amoId: number, name: string, price: number, status: { name: string, kind: StatusKind, pipeline: { name: string } } | null, responsibleUser: { name: string } | null, mainContact: { name: string, phones: Array<string> } | null, company: { name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type SearchContactsQueryVariables = Exact<{
  query: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SearchContactsQuery = { contacts: { nodes: Array<{ id: string, amoId: number, name: string, firstName: string | null, lastName: string | null, phones: Array<string>, emails: Array<string>, responsibleUser: { amoId: number, name: string } | null, company: { amoId: number, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export const CompanyLeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CompanyLead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<CompanyLeadFragment, unknown>;
export const LeadCardContactFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCardContact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"emails"}}]}}]} as unknown as DocumentNode<LeadCardContactFragment, unknown>;
export const LeadCardCustomFieldFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCardCustomField"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldId"}},{"kind":"Field","name":{"kind":"Name","value":"fieldCode"}},{"kind":"Field","name":{"kind":"Name","value":"fieldName"}},{"kind":"Field","name":{"kind":"Name","value":"fieldType"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextareaCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StreetaddressCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackingDataCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumericCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"numbers"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonetaryCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"numbers"},"name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckboxCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"flags"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DateCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"dates"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"dates"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SelectCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"options"},"name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RadiobuttonCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"options"},"name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiselectCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"options"},"name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rawFieldType"}},{"kind":"Field","alias":{"kind":"Name","value":"raw"},"name":{"kind":"Name","value":"values"}}]}}]}}]} as unknown as DocumentNode<LeadCardCustomFieldFragment, unknown>;
export const LeadRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LeadRowFragment, unknown>;
export const RefetchLeadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchLead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RefetchLeadFragment, unknown>;
export const RefetchContactFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchContact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RefetchContactFragment, unknown>;
export const RefetchCompanyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchCompany"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Company"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RefetchCompanyFragment, unknown>;
export const RefetchUserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}}]} as unknown as DocumentNode<RefetchUserFragment, unknown>;
export const RefetchStatusFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchStatus"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Status"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RefetchStatusFragment, unknown>;
export const AccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"currencySymbol"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"isLossReasonEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"isApiFilterEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"currentUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"250"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lossReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sort"}}]}}]}}]} as unknown as DocumentNode<AccountQuery, AccountQueryVariables>;
export const CompanyWithPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyWithPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amoId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"amoId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amoId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"emails"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"leads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CompanyLead"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"leads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CompanyLead"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CompanyLead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<CompanyWithPeopleQuery, CompanyWithPeopleQueryVariables>;
export const CustomFieldCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomFieldCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EntityType"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customFieldDefinitions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"sort"}},{"kind":"Field","name":{"kind":"Name","value":"isPredefined"}},{"kind":"Field","name":{"kind":"Name","value":"isApiOnly"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"enums"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"sort"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomFieldCatalogQuery, CustomFieldCatalogQueryVariables>;
export const ImportLeadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportLeads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"leads"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLeadInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLeads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"leads"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"unknownCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImportLeadsMutation, ImportLeadsMutationVariables>;
export const LeadCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amoId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"amoId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amoId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lossReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isMain"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadCardContact"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"customFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadCardCustomField"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCardContact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"emails"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadCardCustomField"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldId"}},{"kind":"Field","name":{"kind":"Name","value":"fieldCode"}},{"kind":"Field","name":{"kind":"Name","value":"fieldName"}},{"kind":"Field","name":{"kind":"Name","value":"fieldType"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextareaCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StreetaddressCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackingDataCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"texts"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumericCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"numbers"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonetaryCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"numbers"},"name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckboxCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"flags"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DateCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"dates"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"dates"},"name":{"kind":"Name","value":"values"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SelectCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"options"},"name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RadiobuttonCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"options"},"name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MultiselectCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"options"},"name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownCustomFieldValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rawFieldType"}},{"kind":"Field","alias":{"kind":"Name","value":"raw"},"name":{"kind":"Name","value":"values"}}]}}]}}]} as unknown as DocumentNode<LeadCardQuery, LeadCardQueryVariables>;
export const LeadsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeadRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeadRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LeadsPageQuery, LeadsPageQueryVariables>;
export const NodeRefetchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeRefetch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefetchLead"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefetchContact"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefetchCompany"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefetchUser"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RefetchStatus"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchLead"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchContact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchCompany"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Company"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RefetchStatus"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Status"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<NodeRefetchQuery, NodeRefetchQueryVariables>;
export const PipelineBoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PipelineBoard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pipelines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isMain"}},{"kind":"Field","name":{"kind":"Name","value":"isArchive"}},{"kind":"Field","name":{"kind":"Name","value":"statuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"sort"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<PipelineBoardQuery, PipelineBoardQueryVariables>;
export const RecentLeadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentLeads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mainContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RecentLeadsQuery, RecentLeadsQueryVariables>;
export const SearchContactsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchContacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"emails"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amoId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SearchContactsQuery, SearchContactsQueryVariables>;