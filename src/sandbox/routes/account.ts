// GET /api/v4/account, with every `with=` extra amoCRM documents.

import type { Account } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { readWith } from '../http/filters.js';
import { link } from '../http/hal.js';
import { hal } from '../http/reply.js';
import type { Route } from '../http/router.js';

const ENTITY_NAMES = {
  leads: {
    ru: {
      gender: 'f',
      plural_form: { dative: 'сделкам', default: 'сделки', genitive: 'сделок', accusative: 'сделки', instrumental: 'сделками', prepositional: 'сделках' },
      singular_form: { dative: 'сделке', default: 'сделка', genitive: 'сделки', accusative: 'сделку', instrumental: 'сделкой', prepositional: 'сделке' },
    },
    en: {
      singular_form: { default: 'lead' },
      plural_form: { default: 'leads' },
    },
  },
};

function renderAccount(ctx: RequestContext): Account & Record<string, unknown> {
  const account = ctx.store.account;
  const withs = readWith(ctx.query);
  const embedded: NonNullable<Account['_embedded']> & Record<string, unknown> = {};
  if (withs.has('amojo_rights')) embedded.amojo_rights = { ...account.amojo_rights };
  if (withs.has('users_groups')) {
    embedded.users_groups = ctx.store.userGroups.values().map((group) => ({ id: group.id, name: group.name, uuid: group.uuid }));
  }
  if (withs.has('task_types')) embedded.task_types = ctx.store.taskTypes.values().map((type) => ({ ...type }));
  if (withs.has('datetime_settings')) {
    embedded.datetime_settings = {
      date_pattern: 'd.m.Y H:i',
      short_date_pattern: 'd.m.Y',
      short_time_pattern: 'H:i',
      date_format: 'd.m.Y',
      time_format: 'H:i:s',
      timezone: account.timezone,
      timezone_offset: account.timezone_offset,
    };
  }
  if (withs.has('entity_names')) embedded.entity_names = ENTITY_NAMES;

  return {
    id: account.id,
    name: account.name,
    subdomain: account.subdomain,
    created_at: account.created_at,
    created_by: account.created_by,
    updated_at: account.updated_at,
    updated_by: account.updated_by,
    current_user_id: account.current_user_id,
    country: account.country,
    currency: account.currency,
    currency_symbol: account.currency_symbol,
    customers_mode: account.customers_mode,
    is_unsorted_on: account.is_unsorted_on,
    is_loss_reason_enabled: account.is_loss_reason_enabled,
    is_helpbot_enabled: account.is_helpbot_enabled,
    is_technical_account: account.is_technical_account,
    contact_name_display_order: account.contact_name_display_order,
    mobile_feature_version: account.mobile_feature_version,
    ...(withs.has('amojo_id') ? { amojo_id: account.amojo_id } : {}),
    ...(withs.has('uuid') ? { uuid: account.uuid } : {}),
    ...(withs.has('version') ? { version: account.version } : {}),
    ...(withs.has('drive_url') ? { drive_url: account.drive_url } : {}),
    ...(withs.has('is_api_filter_enabled') ? { is_api_filter_enabled: account.is_api_filter_enabled } : {}),
    ...(withs.has('invoices_settings') ? { invoices_settings: { ...account.invoices_settings } } : {}),
    _links: link(ctx, '/api/v4/account'),
    ...(Object.keys(embedded).length > 0 ? { _embedded: embedded } : {}),
  };
}

export const accountRoutes: Route[] = [{ method: 'GET', path: '/api/v4/account', handler: (ctx) => hal(renderAccount(ctx)) }];
