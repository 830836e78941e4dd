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
