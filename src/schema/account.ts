// The amoCRM account the request speaks for (cached per account).

import type { Account } from '../rest/types.js';
import { builder } from './builder.js';
import { userId } from './common.js';
import { UserRef } from './refs.js';
import { UserGroupRef } from './user.js';

export type TaskType = NonNullable<NonNullable<Account['_embedded']>['task_types']>[number];

export const TaskTypeRef = builder.objectRef<TaskType>('TaskType').implement({
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    code: t.string({ nullable: true, description: 'CALL or MEETING for the built-in types.', resolve: (type) => type.code ?? null }),
    color: t.string({ nullable: true, resolve: (type) => type.color ?? null }),
  }),
});

type Embedded = NonNullable<Account['_embedded']>;

const AmojoRightsRef = builder.objectRef<NonNullable<Embedded['amojo_rights']>>('AmojoRights').implement({
  fields: (t) => ({
    canDirect: t.boolean({ description: 'Users may message each other directly.', resolve: (r) => r.can_direct }),
    canCreateGroups: t.boolean({ description: 'Users may create group chats.', resolve: (r) => r.can_create_groups }),
  }),
});

const DatetimeSettingsRef = builder.objectRef<NonNullable<Embedded['datetime_settings']>>('DatetimeSettings').implement({
  description: "The account's date and time formats (PHP date() patterns) and time zone.",
  fields: (t) => ({
    datePattern: t.exposeString('date_pattern'),
    shortDatePattern: t.exposeString('short_date_pattern'),
    shortTimePattern: t.exposeString('short_time_pattern'),
    dateFormat: t.exposeString('date_format'),
    timeFormat: t.exposeString('time_format'),
    timezone: t.exposeString('timezone'),
    timezoneOffset: t.exposeString('timezone_offset', { description: 'e.g. +03:00.' }),
  }),
});

const InvoicesSettingsRef = builder.objectRef<NonNullable<Account['invoices_settings']>>('InvoicesSettings').implement({
  fields: (t) => ({
    lang: t.string({ nullable: true, resolve: (s) => s.lang ?? null }),
    invoicesCatalogAmoId: t.int({ nullable: true, description: 'The list (catalog) that holds invoices.', resolve: (s) => s.invoices_catalog_id ?? null }),
  }),
});

const AccountRef = builder.objectRef<Account>('Account').implement({
  description: 'The amoCRM account.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    subdomain: t.exposeString('subdomain'),
    country: t.string({ nullable: true, resolve: (a) => a.country || null }),
    currency: t.exposeString('currency'),
    currencySymbol: t.string({ nullable: true, resolve: (a) => a.currency_symbol || null }),
    customersMode: t.exposeString('customers_mode', { description: 'unavailable, disabled, segments, dynamic or periodicity.' }),
    isUnsortedOn: t.exposeBoolean('is_unsorted_on'),
    isLossReasonEnabled: t.exposeBoolean('is_loss_reason_enabled'),
    isHelpbotEnabled: t.exposeBoolean('is_helpbot_enabled'),
    isTechnicalAccount: t.exposeBoolean('is_technical_account'),
    isApiFilterEnabled: t.boolean({
      description: 'Whether amoCRM applies custom field filters for this account.',
      resolve: (a) => a.is_api_filter_enabled ?? false,
    }),
    contactNameDisplayOrder: t.exposeInt('contact_name_display_order', { description: '1: first name first; 2: last name first.' }),
    timezone: t.string({ nullable: true, resolve: (a) => a._embedded?.datetime_settings?.timezone ?? null }),
    currentUser: t.field({ type: UserRef, nullable: true, description: 'The user the token acts as.', resolve: (a) => userId(a.current_user_id) }),
    taskTypes: t.field({ type: [TaskTypeRef], resolve: (a) => a._embedded?.task_types ?? [] }),
    userGroups: t.field({ type: [UserGroupRef], resolve: (a) => a._embedded?.users_groups ?? [] }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.created_at }),
    createdBy: t.field({ type: UserRef, nullable: true, resolve: (a) => userId(a.created_by) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (a) => a.updated_at }),
    updatedBy: t.field({ type: UserRef, nullable: true, resolve: (a) => userId(a.updated_by) }),
    mobileFeatureVersion: t.int({ nullable: true, resolve: (a) => a.mobile_feature_version ?? null }),
    amojoId: t.string({ nullable: true, description: "The account's id in amoCRM's chat service (amojo).", resolve: (a) => a.amojo_id ?? null }),
    amojoRights: t.field({
      type: AmojoRightsRef,
      nullable: true,
      description: 'What the chat service allows on this account.',
      resolve: (a) => a._embedded?.amojo_rights ?? null,
    }),
    version: t.int({ nullable: true, description: "amoCRM's version of the account.", resolve: (a) => a.version ?? null }),
    driveUrl: t.string({ nullable: true, description: "The account's file storage (amoCRM Drive) origin, for file notes and fields.", resolve: (a) => a.drive_url ?? null }),
    datetimeSettings: t.field({ type: DatetimeSettingsRef, nullable: true, resolve: (a) => a._embedded?.datetime_settings ?? null }),
    entityNames: t.field({
      type: 'JSON',
      nullable: true,
      description: 'How the account names its entities (renamed "leads", with grammatical forms per language), as amoCRM sends it.',
      resolve: (a) => a._embedded?.entity_names ?? null,
    }),
    invoicesSettings: t.field({
      type: InvoicesSettingsRef,
      nullable: true,
      description: 'Invoices (a paid amoCRM feature): the catalog that holds them and their language; null where the plan has none.',
      resolve: (a) => a.invoices_settings ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  account: t.field({
    type: AccountRef,
    nullable: true,
    description: 'The account. Null, with an error, when amoCRM could not answer.',
    resolve: (_root, _args, ctx) => ctx.account.account(),
  }),
}));
