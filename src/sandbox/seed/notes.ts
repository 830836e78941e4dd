// Seeded notes on live leads, contacts and companies: the common types with amoCRM's params, each
// written between its entity's creation and the seed epoch, ids in creation order. They come from
// their own PRNG so that seeding them left every entity drawn before them unchanged.

import { createRandom, type Random } from '../random.js';
import type { EntityType, NoteRecord, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import { FIELD_IDS } from './custom-fields.js';
import { SEED_EPOCH } from './ids.js';
import { ACTIVE_SELLERS, groupOf } from './metadata.js';
import { phoneNumber, streetLine } from './people.js';
import { between } from './timeline.js';
import { RU_CITIES } from './vocabulary.js';

const DAY = 86_400;

/** Note ids are per entity type in amoCRM's paths; separate ranges keep them apart in tests too. */
export const FIRST_NOTE_ID: Readonly<Record<EntityType, number>> = { leads: 70_000_001, contacts: 71_000_001, companies: 72_000_001 };
export const NOTE_COUNTS: Readonly<Record<EntityType, number>> = { leads: 400, contacts: 150, companies: 50 };

const NOTES_SALT = 0x6e6f7465;

const COMMON_TEXTS = [
  'Клиент просил выслать презентацию на почту.',
  'Договорились созвониться в четверг после 15:00.',
  'Отправил КП, клиент изучает. Обещали ответить до конца недели.',
  'Запросили реквизиты для договора.',
  'Уточнить у бухгалтерии статус оплаты.',
  'Клиент в отпуске до конца месяца, вернуться к вопросу позже.',
  'Нужна демонстрация для технического директора.',
  'Обсудили скидку 5% при оплате за год.',
  'Счёт выставлен, ждём оплату.',
  'ЛПР — финансовый директор, текущий контакт собирает предложения.',
  'Перенесли встречу на следующую неделю по просьбе клиента.',
  'Сравнивают нас с двумя конкурентами, решающий фактор — цена.',
  'Просили прислать кейсы из их отрасли.',
  'Договор подписан, передали в отдел внедрения.',
  'Не берёт трубку, написал в мессенджер.',
  'Попросили счёт на 50% предоплаты.',
  'Юристы клиента прислали протокол разногласий.',
  'Интересуются интеграцией с 1С и телефонией.',
  'Бюджет согласуют в следующем квартале.',
  'Customer prefers e-mail; replies within a day.',
  'Sent the revised quote with volume pricing.',
  'Клиент доволен поддержкой, готов дать отзыв.',
  'Поменялся контактный телефон, обновить карточку.',
  'Нужна доставка до склада в Подольске.',
] as const;

const COMPANY_TEXTS = [
  'Обновили реквизиты компании после смены юридического адреса.',
  'Сменился генеральный директор, нужно представиться заново.',
  'Компания открывает филиал в Казани — потенциал для допродажи.',
  'Закупки идут через тендерную площадку, следить за объявлениями.',
  'Годовой договор истекает через три месяца.',
  'Рамочный договор подписан, заказы по спецификациям.',
] as const;

const SERVICE_MESSAGES = [
  ['Сайт demo-company.ru', 'Заявка с формы «Обратный звонок»'],
  ['1С:Бухгалтерия', 'Счёт №{n} оплачен'],
  ['Робот', 'Отправлено письмо «Коммерческое предложение»'],
  ['Робот', 'Сделка переведена на этап «Переговоры»'],
  ['Wazzup', 'Клиент написал в WhatsApp'],
  ['Онлайн-касса', 'Чек №{n} пробит'],
  ['Рассылки', 'Клиент открыл письмо «Новинки месяца»'],
] as const;

const SMS_IN = ['Перезвоните мне, пожалуйста', 'Спасибо, получил', 'Можно счёт на e-mail?', 'Буду в офисе после 14:00', 'Подтверждаю встречу'] as const;
const SMS_OUT = [
  'Ваш заказ №{n} передан в доставку',
  'Напоминаем о встрече завтра в 11:00',
  'Счёт отправлен на вашу почту',
  'Спасибо за обращение! Менеджер свяжется с вами в течение часа',
  'Код подтверждения: {n}',
] as const;

const VISITS = ['Встреча в офисе клиента', 'Отметка при визите', 'Доставка образцов', 'Выезд на объект'] as const;

const CALL_SOURCES = ['Mango Office', 'Sipuni', 'Zadarma', 'onlinePBX'] as const;

/** City centres for geolocation pins. */
const COORDINATES: Record<string, readonly [lat: number, lon: number]> = {
  Москва: [55.7558, 37.6176],
  'Санкт-Петербург': [59.9386, 30.3141],
  Екатеринбург: [56.8389, 60.6057],
  Новосибирск: [55.0302, 82.9204],
  Казань: [55.7963, 49.1088],
  'Нижний Новгород': [56.3269, 44.0059],
  Краснодар: [45.0355, 38.9753],
  Самара: [53.1959, 50.1002],
};

type SeededNoteType = 'common' | 'call_in' | 'call_out' | 'service_message' | 'sms_in' | 'sms_out' | 'geolocation';

const TYPE_WEIGHTS: readonly (readonly [SeededNoteType, number])[] = [
  ['common', 44],
  ['call_in', 14],
  ['call_out', 18],
  ['service_message', 9],
  ['sms_in', 4],
  ['sms_out', 6],
  ['geolocation', 5],
];

interface Host {
  id: number;
  responsible_user_id: number;
  created_at: number;
  /** Notes stop a week after a lead is closed. */
  until: number;
  phones: string[];
}

const fill = (random: Random, template: string) => template.replace('{n}', String(random.int(1000, 99_999)));

function uuid(random: Random): string {
  const hex = (length: number) => Array.from({ length }, () => random.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

function phonesIn(stored: readonly StoredFieldValues[], fieldId: number): string[] {
  return stored.find((field) => field.field_id === fieldId)?.values.map((item) => String(item.value)) ?? [];
}

function hosts(store: SandboxStore, entity: EntityType): Host[] {
  const phonesOf = (type: 'contacts' | 'companies', id: number) => {
    const row = store.entities(type).get(id);
    return row ? phonesIn(row.custom_fields_values, FIELD_IDS[type].phone) : [];
  };
  return store
    .entities(entity)
    .values()
    .filter((row) => !row.is_deleted)
    .map((row) => {
      const closedAt = (row as { closed_at?: number | null }).closed_at ?? null;
      // A lead is called on its contacts' numbers.
      const phones =
        entity === 'leads'
          ? store.links.linked({ type: 'leads', id: row.id }, 'contacts').flatMap((contact) => phonesOf('contacts', contact.id))
          : phonesOf(entity, row.id);
      return {
        id: row.id,
        responsible_user_id: row.responsible_user_id,
        created_at: row.created_at,
        until: closedAt === null ? SEED_EPOCH : Math.min(SEED_EPOCH, closedAt + 7 * DAY),
        phones,
      };
    });
}

function paramsFor(random: Random, entity: EntityType, type: SeededNoteType, host: Host): Record<string, unknown> {
  const phone = () => (host.phones.length > 0 ? random.pick(host.phones) : phoneNumber(random, 'RU'));
  switch (type) {
    case 'common':
      return { text: random.pick(entity === 'companies' && random.chance(0.6) ? COMPANY_TEXTS : COMMON_TEXTS) };
    case 'call_in':
    case 'call_out': {
      const uniq = uuid(random);
      // About one call in six is missed: no conversation, nothing recorded.
      const missed = random.chance(0.16);
      return {
        uniq,
        duration: missed ? 0 : random.int(15, 1200),
        source: random.pick(CALL_SOURCES),
        link: missed ? '' : `https://records.demo-company.ru/calls/${uniq}.mp3`,
        phone: phone(),
      };
    }
    case 'service_message': {
      const [service, text] = random.pick(SERVICE_MESSAGES);
      return { service, text: fill(random, text) };
    }
    case 'sms_in':
      return { text: random.pick(SMS_IN), phone: phone() };
    case 'sms_out':
      return { text: fill(random, random.pick(SMS_OUT)), phone: phone() };
    case 'geolocation': {
      const city = random.pick(RU_CITIES);
      const [lat, lon] = COORDINATES[city.city] ?? [55.7558, 37.6176];
      const jitter = () => (random.next() - 0.5) * 0.1;
      return {
        text: random.pick(VISITS),
        address: `${city.city}, ${streetLine(random, city)}`,
        longitude: (lon + jitter()).toFixed(6),
        latitude: (lat + jitter()).toFixed(6),
      };
    }
  }
}

function seedFor(store: SandboxStore, random: Random, entity: EntityType): void {
  const live = hosts(store, entity);
  // Most entities have a few notes, many have none: notes go to a random share of them.
  const chosen = random.sample(live, Math.round(live.length * 0.6));
  const rows: Omit<NoteRecord, 'id'>[] = [];
  for (let i = 0; i < NOTE_COUNTS[entity]; i++) {
    const host = random.pick(chosen);
    const type = random.weighted(TYPE_WEIGHTS);
    const robot = type === 'service_message' || (type === 'sms_out' && random.chance(0.5));
    const author = robot ? 0 : random.chance(0.75) ? host.responsible_user_id : random.pick(ACTIVE_SELLERS);
    const responsible = author || host.responsible_user_id;
    const created = between(random, host.created_at + 60, host.until);
    // People fix typos in their own notes now and then.
    const edited = type === 'common' && random.chance(0.1);
    rows.push({
      entity_id: host.id,
      note_type: type,
      params: paramsFor(random, entity, type, host),
      created_by: author,
      updated_by: author,
      created_at: created,
      updated_at: edited ? between(random, created + 60, Math.min(SEED_EPOCH, created + 3 * DAY)) : created,
      responsible_user_id: responsible,
      group_id: groupOf(store, responsible),
      is_pinned: type === 'common' && random.chance(0.06),
    });
  }
  rows.sort((a, b) => a.created_at - b.created_at || a.entity_id - b.entity_id);
  rows.forEach((row, index) => store.notes[entity].put({ id: FIRST_NOTE_ID[entity] + index, ...row }));
}

export function seedNotes(store: SandboxStore, seed: number): void {
  const random = createRandom((Math.imul(seed, 0x9e3779b1) ^ NOTES_SALT) >>> 0);
  for (const entity of ['leads', 'contacts', 'companies'] as const) seedFor(store, random, entity);
}
