// Custom field definitions per entity type. Ids are fixed; enum ids are numbered in definition
// order. Predefined fields (PHONE, EMAIL, POSITION, WEB, ADDRESS, the UTM trackers) carry their
// amoCRM codes so clients can address them by code.

import type { CustomFieldEnum, CustomFieldType } from '../../rest/types.js';
import type { CustomFieldRecord, EntityType } from '../records.js';
import type { SandboxStore } from '../store.js';

export const PHONE_ENUM_CODES = ['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER'] as const;
export const EMAIL_ENUM_CODES = ['WORK', 'PRIV', 'OTHER'] as const;
export const SMART_ADDRESS_CODES = ['address_line_1', 'address_line_2', 'city', 'state', 'zip', 'country'] as const;

/** Field ids by entity and purpose, for the seed, tests and documentation. */
export const FIELD_IDS = {
  leads: {
    contractNumber: 551_001,
    licenses: 551_002,
    paid: 551_003,
    requestSource: 551_004,
    products: 551_005,
    contractDate: 551_006,
    demoAt: 551_007,
    proposalUrl: 551_008,
    comment: 551_009,
    paymentType: 551_010,
    deliveryAddress: 551_011,
    clientBudget: 551_012,
    utmSource: 551_013,
    utmMedium: 551_014,
    utmCampaign: 551_015,
    referrer: 551_016,
  },
  contacts: {
    phone: 552_001,
    email: 552_002,
    position: 552_003,
    birthday: 552_004,
    address: 552_005,
    clientType: 552_006,
    newsletter: 552_007,
    firstContactDate: 552_008,
    profileUrl: 552_009,
  },
  companies: {
    phone: 553_001,
    email: 553_002,
    web: 553_003,
    address: 553_004,
    requisites: 553_005,
    legalName: 553_006,
    legalAddress: 553_007,
    interests: 553_008,
    employees: 553_009,
    segment: 553_010,
  },
  customers: {
    contractNumber: 554_001,
    loyaltyLevel: 554_002,
    birthday: 554_003,
    lastOrderAt: 554_004,
  },
} as const;

export interface FieldSpec {
  id: number;
  name: string;
  type: CustomFieldType;
  code?: string;
  enums?: readonly string[];
  predefined?: boolean;
  remind?: 'never' | 'day' | 'week' | 'month';
  currency?: string;
}

const LEADS: FieldSpec[] = [
  { id: FIELD_IDS.leads.contractNumber, name: 'Номер договора', type: 'text' },
  { id: FIELD_IDS.leads.licenses, name: 'Количество лицензий', type: 'numeric' },
  { id: FIELD_IDS.leads.paid, name: 'Оплата получена', type: 'checkbox' },
  { id: FIELD_IDS.leads.requestSource, name: 'Источник обращения', type: 'select', enums: ['Сайт', 'Входящий звонок', 'E-mail', 'Рекомендация', 'Выставка', 'Реклама'] },
  { id: FIELD_IDS.leads.products, name: 'Продукты', type: 'multiselect', enums: ['CRM', 'Телефония', 'Аналитика', 'Интеграции', 'Обучение', 'Поддержка'] },
  { id: FIELD_IDS.leads.contractDate, name: 'Дата подписания договора', type: 'date' },
  { id: FIELD_IDS.leads.demoAt, name: 'Демонстрация', type: 'date_time' },
  { id: FIELD_IDS.leads.proposalUrl, name: 'Ссылка на КП', type: 'url' },
  { id: FIELD_IDS.leads.comment, name: 'Комментарий менеджера', type: 'textarea' },
  { id: FIELD_IDS.leads.paymentType, name: 'Форма оплаты', type: 'radiobutton', enums: ['Безналичный расчёт', 'Наличные', 'Рассрочка'] },
  { id: FIELD_IDS.leads.deliveryAddress, name: 'Адрес доставки', type: 'streetaddress' },
  { id: FIELD_IDS.leads.clientBudget, name: 'Бюджет клиента', type: 'monetary', currency: 'RUB' },
  { id: FIELD_IDS.leads.utmSource, name: 'utm_source', type: 'tracking_data', code: 'UTM_SOURCE', predefined: true },
  { id: FIELD_IDS.leads.utmMedium, name: 'utm_medium', type: 'tracking_data', code: 'UTM_MEDIUM', predefined: true },
  { id: FIELD_IDS.leads.utmCampaign, name: 'utm_campaign', type: 'tracking_data', code: 'UTM_CAMPAIGN', predefined: true },
  { id: FIELD_IDS.leads.referrer, name: 'referrer', type: 'tracking_data', code: 'REFERRER', predefined: true },
];

const CONTACTS: FieldSpec[] = [
  { id: FIELD_IDS.contacts.position, name: 'Должность', type: 'text', code: 'POSITION', predefined: true },
  { id: FIELD_IDS.contacts.phone, name: 'Телефон', type: 'multitext', code: 'PHONE', enums: PHONE_ENUM_CODES, predefined: true },
  { id: FIELD_IDS.contacts.email, name: 'Email', type: 'multitext', code: 'EMAIL', enums: EMAIL_ENUM_CODES, predefined: true },
  { id: FIELD_IDS.contacts.birthday, name: 'День рождения', type: 'birthday', remind: 'day' },
  { id: FIELD_IDS.contacts.address, name: 'Адрес', type: 'smart_address', enums: SMART_ADDRESS_CODES },
  { id: FIELD_IDS.contacts.clientType, name: 'Тип клиента', type: 'select', enums: ['Новый', 'Постоянный', 'VIP', 'Партнёр'] },
  { id: FIELD_IDS.contacts.newsletter, name: 'Согласие на рассылку', type: 'checkbox' },
  { id: FIELD_IDS.contacts.firstContactDate, name: 'Дата первого контакта', type: 'date' },
  { id: FIELD_IDS.contacts.profileUrl, name: 'Профиль в соцсети', type: 'url' },
];

const COMPANIES: FieldSpec[] = [
  { id: FIELD_IDS.companies.phone, name: 'Телефон', type: 'multitext', code: 'PHONE', enums: PHONE_ENUM_CODES, predefined: true },
  { id: FIELD_IDS.companies.email, name: 'Email', type: 'multitext', code: 'EMAIL', enums: EMAIL_ENUM_CODES, predefined: true },
  { id: FIELD_IDS.companies.web, name: 'Web', type: 'url', code: 'WEB', predefined: true },
  { id: FIELD_IDS.companies.address, name: 'Адрес', type: 'textarea', code: 'ADDRESS', predefined: true },
  { id: FIELD_IDS.companies.requisites, name: 'Реквизиты', type: 'legal_entity' },
  { id: FIELD_IDS.companies.legalName, name: 'Юридическое название', type: 'org_legal_name' },
  { id: FIELD_IDS.companies.legalAddress, name: 'Юридический адрес', type: 'smart_address', enums: SMART_ADDRESS_CODES },
  { id: FIELD_IDS.companies.interests, name: 'Интересующие продукты', type: 'multiselect', enums: ['CRM', 'Телефония', 'Аналитика', 'Интеграции'] },
  { id: FIELD_IDS.companies.employees, name: 'Количество сотрудников', type: 'numeric' },
  { id: FIELD_IDS.companies.segment, name: 'Сегмент', type: 'select', enums: ['Малый бизнес', 'Средний бизнес', 'Enterprise'] },
];

const CUSTOMERS: FieldSpec[] = [
  { id: FIELD_IDS.customers.contractNumber, name: 'Номер договора', type: 'text' },
  { id: FIELD_IDS.customers.loyaltyLevel, name: 'Уровень лояльности', type: 'select', enums: ['Базовый', 'Серебряный', 'Золотой'] },
  { id: FIELD_IDS.customers.birthday, name: 'Дата рождения', type: 'birthday', remind: 'week' },
  { id: FIELD_IDS.customers.lastOrderAt, name: 'Последний заказ', type: 'date_time' },
];

export type SeededFieldOwner = EntityType | 'customers';

export const FIELD_SPECS: Record<SeededFieldOwner, readonly FieldSpec[]> = { leads: LEADS, contacts: CONTACTS, companies: COMPANIES, customers: CUSTOMERS };

const FIRST_ENUM_ID = 710_001;

/** A seeded definition from its spec; `nextEnumId` numbers its options in definition order. */
export function seededField(spec: FieldSpec, index: number, nextEnumId: () => number): CustomFieldRecord {
  const enums: CustomFieldEnum[] | null = spec.enums ? spec.enums.map((value, position) => ({ id: nextEnumId(), value, sort: (position + 1) * 10 })) : null;
  return {
    id: spec.id,
    name: spec.name,
    type: spec.type,
    code: spec.code ?? null,
    // Predefined fields sort first in the card, as they do in a new amoCRM account.
    sort: spec.predefined ? 4 + index : 500 + index * 2,
    is_api_only: false,
    is_predefined: spec.predefined ?? false,
    is_deletable: !spec.predefined,
    group_id: null,
    required_statuses: [],
    enums,
    remind: spec.type === 'birthday' ? (spec.remind ?? 'never') : null,
    currency: spec.currency ?? null,
  };
}

export function demoCustomFields(): Record<SeededFieldOwner, CustomFieldRecord[]> {
  let nextEnumId = FIRST_ENUM_ID;
  const build = (entity: SeededFieldOwner, spec: FieldSpec, index: number): CustomFieldRecord => ({
    ...seededField(spec, index, () => nextEnumId++),
    ...(entity === 'leads' ? { is_computed: false, hidden_statuses: [] } : {}),
  });
  return {
    leads: LEADS.map((spec, index) => build('leads', spec, index)),
    contacts: CONTACTS.map((spec, index) => build('contacts', spec, index)),
    companies: COMPANIES.map((spec, index) => build('companies', spec, index)),
    // Built last, so the enum ids of the entity types' fields stay what they always were.
    customers: CUSTOMERS.map((spec, index) => build('customers', spec, index)),
  };
}

export function seedCustomFields(store: SandboxStore): void {
  const all = demoCustomFields();
  for (const entity of ['leads', 'contacts', 'companies', 'customers'] as const) {
    for (const field of all[entity]) store.customFields[entity].put(field);
  }
}

/** The enum of a field by its value text (or code, for multitext and smart_address). */
export function enumOf(field: CustomFieldRecord, value: string): CustomFieldEnum {
  const found = field.enums?.find((item) => item.value === value);
  if (!found) throw new RangeError(`field ${field.id} has no enum ${value}`);
  return found;
}
