// The account's fixed metadata: account settings, users with rights, groups and roles, task types,
// pipelines with their statuses, loss reasons and lead sources. None of it depends on the seed.

import type { UserRights } from '../../rest/types.js';
import type { AccountRecord, LossReasonRecord, PipelineRecord, StatusRecord, UserRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { ACCOUNT_ID, GROUP_IDS, LOST_STATUS_ID, PIPELINE_IDS, ROLE_IDS, SEED_EPOCH, SEED_START, USER_IDS, WON_STATUS_ID } from './ids.js';

export function demoAccount(subdomain: string): AccountRecord {
  return {
    id: ACCOUNT_ID,
    name: 'Демо Компания',
    subdomain,
    created_at: SEED_START - 120 * 86_400,
    created_by: 0,
    updated_at: SEED_EPOCH - 30 * 86_400,
    updated_by: USER_IDS.admin,
    current_user_id: USER_IDS.admin,
    country: 'RU',
    currency: 'RUB',
    currency_symbol: '₽',
    customers_mode: 'disabled',
    is_unsorted_on: true,
    is_loss_reason_enabled: true,
    is_helpbot_enabled: false,
    is_technical_account: false,
    contact_name_display_order: 1,
    mobile_feature_version: 0,
    amojo_id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    uuid: 'a3c9e1f0-2b4d-4e6f-8a0b-1c2d3e4f5a6b',
    version: 11,
    drive_url: 'https://drive-b.amocrm.ru',
    is_api_filter_enabled: true,
    timezone: 'Europe/Moscow',
    timezone_offset: '+03:00',
    invoices_settings: { lang: 'ru', invoices_catalog_id: null },
    amojo_rights: { can_direct: true, can_create_groups: true },
  };
}

const ALL = { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' };
const MANAGER = { view: 'A', edit: 'M', add: 'A', delete: 'D', export: 'D' };
const HEAD = { view: 'A', edit: 'G', add: 'A', delete: 'G', export: 'G' };

function rights(kind: 'admin' | 'head' | 'manager', groupId: number, active = true): UserRights {
  const entity = kind === 'admin' ? ALL : kind === 'head' ? HEAD : MANAGER;
  return {
    leads: { ...entity },
    contacts: { ...entity },
    companies: { ...entity },
    tasks: { edit: kind === 'manager' ? 'M' : 'A', delete: kind === 'manager' ? 'D' : 'A' },
    mail_access: true,
    catalog_access: kind !== 'manager',
    is_admin: kind === 'admin',
    is_free: false,
    is_active: active,
    group_id: groupId,
    role_id: kind === 'admin' ? null : kind === 'head' ? ROLE_IDS.head : ROLE_IDS.manager,
    status_rights:
      kind === 'manager'
        ? [{ entity_type: 'leads', pipeline_id: PIPELINE_IDS.corporate, status_id: WON_STATUS_ID, rights: { view: 'A', edit: 'D', delete: 'D' } }]
        : [],
  };
}

function user(
  id: number,
  name: string,
  email: string,
  kind: 'admin' | 'head' | 'manager',
  groupId: number,
  extra: Partial<UserRecord> = {},
): UserRecord {
  const n = String(id % 1000).padStart(3, '0');
  return {
    id,
    name,
    email,
    lang: 'ru',
    rights: rights(kind, groupId, extra.rights?.is_active ?? true),
    uuid: `0d7f1c5e-7a10-4c2b-9e00-000000000${n}`,
    amojo_id: `5b2e9c40-1f3a-4d8e-b000-00000000a${n}`,
    user_rank: kind === 'manager' ? 'newbie' : 'candidate',
    phone_number: null,
    ...extra,
  };
}

export function demoUsers(): UserRecord[] {
  return [
    user(USER_IDS.admin, 'Анна Смирнова', 'anna.smirnova@demo-company.ru', 'admin', GROUP_IDS.main, { phone_number: '+7 495 123-45-67' }),
    user(USER_IDS.salesHead, 'Игорь Волков', 'igor.volkov@demo-company.ru', 'head', GROUP_IDS.main),
    user(USER_IDS.manager1, 'Мария Козлова', 'maria.kozlova@demo-company.ru', 'manager', GROUP_IDS.retail),
    user(USER_IDS.manager2, 'Дмитрий Орлов', 'dmitry.orlov@demo-company.ru', 'manager', GROUP_IDS.retail),
    user(USER_IDS.manager3, 'Elena Ivanova', 'elena.ivanova@demo-company.ru', 'manager', GROUP_IDS.retail, { lang: 'en' }),
    user(USER_IDS.corporate1, 'Сергей Лебедев', 'sergey.lebedev@demo-company.ru', 'manager', GROUP_IDS.corporate),
    user(USER_IDS.corporate2, 'Ольга Новикова', 'olga.novikova@demo-company.ru', 'head', GROUP_IDS.corporate),
    user(USER_IDS.former, 'Павел Морозов', 'pavel.morozov@demo-company.ru', 'manager', GROUP_IDS.retail, {
      rights: { ...rights('manager', GROUP_IDS.retail, false) },
    }),
  ];
}

/** Users who own and touch entities; the deactivated one only owns older rows. */
export const ACTIVE_SELLERS = [
  USER_IDS.salesHead,
  USER_IDS.manager1,
  USER_IDS.manager2,
  USER_IDS.manager3,
  USER_IDS.corporate1,
  USER_IDS.corporate2,
] as const;

export function groupOf(store: SandboxStore, userId: number): number {
  return store.users.get(userId)?.rights.group_id ?? GROUP_IDS.main;
}

// amoCRM's stage palette; incoming, won and lost have fixed colors.
export const INCOMING_COLOR = '#c1c1c1';
export const WON_COLOR = '#CCFF66';
export const LOST_COLOR = '#D5D8DB';

function statuses(base: number, stages: readonly [string, string][]): StatusRecord[] {
  return [
    { id: base, name: 'Неразобранное', sort: 10, is_editable: false, color: INCOMING_COLOR, type: 1 },
    ...stages.map(([name, color], index): StatusRecord => ({
      id: base + index + 1,
      name,
      sort: 20 + index * 10,
      is_editable: true,
      color,
      type: 0,
    })),
    { id: WON_STATUS_ID, name: 'Успешно реализовано', sort: 10_000, is_editable: false, color: WON_COLOR, type: 0 },
    { id: LOST_STATUS_ID, name: 'Закрыто и не реализовано', sort: 11_000, is_editable: false, color: LOST_COLOR, type: 0 },
  ];
}

export function demoPipelines(): PipelineRecord[] {
  return [
    {
      id: PIPELINE_IDS.sales,
      name: 'Воронка',
      sort: 1,
      is_main: true,
      is_unsorted_on: true,
      is_archive: false,
      statuses: statuses(4_000_101, [
        ['Первичный контакт', '#d6eaff'],
        ['Переговоры', '#fffd7f'],
        ['Принимают решение', '#ffce5a'],
        ['Согласование договора', '#ff8f92'],
      ]),
    },
    {
      id: PIPELINE_IDS.corporate,
      name: 'Корпоративные продажи',
      sort: 2,
      is_main: false,
      is_unsorted_on: true,
      is_archive: false,
      statuses: statuses(4_000_201, [
        ['Квалификация', '#98cbff'],
        ['Презентация', '#c1e0ff'],
        ['КП отправлено', '#deff81'],
        ['Тендер', '#ffdc7f'],
        ['Подписание договора', '#87f2c0'],
      ]),
    },
    {
      id: PIPELINE_IDS.partners,
      name: 'Партнёры',
      sort: 3,
      is_main: false,
      is_unsorted_on: false,
      is_archive: false,
      statuses: statuses(4_000_301, [
        ['Заявка получена', '#f9deff'],
        ['Обучение партнёра', '#ccc8f9'],
        ['Первая продажа', '#eb93ff'],
      ]),
    },
  ];
}

export function demoLossReasons(): LossReasonRecord[] {
  const names = ['Дорого', 'Выбрали конкурента', 'Нет бюджета', 'Не дозвонились', 'Неактуально', 'Дубль заявки'];
  return names.map((name, index) => ({
    id: 610_001 + index,
    name,
    sort: (index + 1) * 10,
    created_at: SEED_START - 100 * 86_400 + index * 3600,
    updated_at: SEED_START - 100 * 86_400 + index * 3600,
  }));
}

export function seedMetadata(store: SandboxStore): void {
  for (const row of demoUsers()) store.users.put(row);
  store.userGroups.put({ id: GROUP_IDS.main, name: 'Отдел продаж', uuid: null });
  store.userGroups.put({ id: GROUP_IDS.retail, name: 'Розница', uuid: '7c1a9e02-3b5d-4f7e-9a1c-2e3f4a5b6c01' });
  store.userGroups.put({ id: GROUP_IDS.corporate, name: 'Корпоративный отдел', uuid: '7c1a9e02-3b5d-4f7e-9a1c-2e3f4a5b6c02' });
  store.roles.put({ id: ROLE_IDS.manager, name: 'Менеджер' });
  store.roles.put({ id: ROLE_IDS.head, name: 'Руководитель отдела' });
  store.taskTypes.put({ id: 1, name: 'Связаться', color: null, icon_id: null, code: 'FOLLOW_UP' });
  store.taskTypes.put({ id: 2, name: 'Встреча', color: null, icon_id: null, code: 'MEETING' });
  store.taskTypes.put({ id: 2_971_434, name: 'Отправить КП', color: '#ffc8c8', icon_id: 5, code: null });
  for (const row of demoPipelines()) store.pipelines.put(row);
  for (const row of demoLossReasons()) store.lossReasons.put(row);
  const source = (id: number, name: string, externalId: string, pipelineId: number) =>
    store.sources.put({ id, name, pipeline_id: pipelineId, external_id: externalId, default: false, origin_code: null, services: [] });
  source(11_001, 'Сайт demo-company.ru', 'site-demo-company', PIPELINE_IDS.sales);
  source(11_002, 'Telegram-бот', 'telegram-bot', PIPELINE_IDS.sales);
  source(11_003, 'Виджет обратного звонка', 'callback-widget', PIPELINE_IDS.corporate);
}
