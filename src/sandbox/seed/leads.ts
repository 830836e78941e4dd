// Seeded leads across pipelines and stages: won and lost ones closed (lost with a reason), B2B
// leads with a company and its people, B2C leads with private contacts, and some with neither.

import type { Random } from '../random.js';
import type { LeadRecord, StatusRecord, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import type { SeededCompany } from './companies.js';
import type { SeededContact } from './contacts.js';
import { FIELD_IDS } from './custom-fields.js';
import { COUNTS, FIRST_LEAD_ID, LOST_STATUS_ID, PIPELINE_IDS, SEED_EPOCH, SEED_START, USER_IDS, WON_STATUS_ID } from './ids.js';
import { ACTIVE_SELLERS, groupOf } from './metadata.js';
import { cityFor, streetLine } from './people.js';
import { between } from './timeline.js';
import { createValueBuilder } from './values.js';
import { LEAD_COMMENTS, PRODUCTS } from './vocabulary.js';

const DAY = 86_400;

const UTM = {
  source: ['google', 'yandex', 'vk', 'telegram', 'email', 'facebook'],
  medium: ['cpc', 'organic', 'social', 'email', 'referral'],
  campaign: ['brand', 'spring_sale_2025', 'retargeting', 'b2b_webinar', 'black_friday'],
  referrer: ['https://www.google.com/', 'https://yandex.ru/', 'https://vk.com/', 'https://t.me/'],
} as const;

function pickStatus(random: Random, statuses: readonly StatusRecord[]): StatusRecord {
  const working = statuses.filter((status) => status.type === 0 && status.id !== WON_STATUS_ID && status.id !== LOST_STATUS_ID);
  const kind = random.weighted([['incoming', 5], ['working', 45], ['won', 28], ['lost', 22]] as const);
  if (kind === 'incoming') return statuses.find((status) => status.type === 1)!;
  if (kind === 'won') return statuses.find((status) => status.id === WON_STATUS_ID)!;
  if (kind === 'lost') return statuses.find((status) => status.id === LOST_STATUS_ID)!;
  return random.pick(working);
}

export function seedLeads(
  store: SandboxStore,
  random: Random,
  companies: readonly SeededCompany[],
  contacts: readonly SeededContact[],
): void {
  const fields = FIELD_IDS.leads;
  const build = createValueBuilder(store, 'leads');
  const liveContacts = contacts.filter((contact) => !contact.deleted);
  // Some contacts never get a lead: they came from a newsletter or an old import.
  const leadless = new Set(random.sample(liveContacts, 15).map((contact) => contact.id));
  const employees = new Map<number, SeededContact[]>();
  for (const contact of liveContacts) {
    if (contact.companyId === null || leadless.has(contact.id)) continue;
    employees.set(contact.companyId, [...(employees.get(contact.companyId) ?? []), contact]);
  }
  const liveCompanies = companies.filter((company) => !company.deleted);
  const staffed = liveCompanies.filter((company) => employees.has(company.id));
  const privatePeople = liveContacts.filter((contact) => contact.companyId === null && !leadless.has(contact.id));
  const lossReasons = store.lossReasons.values();
  const sources = store.sources.values();
  const deleted = new Set(random.sample([...Array(COUNTS.leads).keys()], 8));
  const bare = new Set(random.sample([...Array(COUNTS.leads).keys()], 30));

  for (let index = 0; index < COUNTS.leads; index++) {
    const id = FIRST_LEAD_ID + index;
    const pipelineId = random.weighted([[PIPELINE_IDS.sales, 60], [PIPELINE_IDS.corporate, 28], [PIPELINE_IDS.partners, 12]]);
    const pipeline = store.pipelines.get(pipelineId)!;
    const status = pickStatus(random, pipeline.statuses);

    const kind = random.weighted([['b2b', pipelineId === PIPELINE_IDS.corporate ? 85 : 50], ['b2c', 40], ['none', 8]] as const);
    let company: SeededCompany | null = null;
    let people: SeededContact[] = [];
    if (kind === 'b2b') {
      company = random.pick(random.chance(0.85) && staffed.length > 0 ? staffed : liveCompanies);
      const staff = employees.get(company.id) ?? [];
      if (staff.length > 0 && random.chance(0.88)) people = random.sample(staff, random.int(1, Math.min(3, staff.length)));
    } else if (kind === 'b2c') {
      people = random.sample(privatePeople, random.weighted([[1, 80], [2, 20]]));
    }

    // A lead starts after the people it is about were entered.
    const earliest = Math.max(SEED_START, ...people.map((person) => person.createdAt));
    const created = between(random, earliest, SEED_EPOCH - 2 * DAY);
    const closed = status.id === WON_STATUS_ID || status.id === LOST_STATUS_ID;
    const closedAt = closed ? between(random, created + 3600, Math.min(SEED_EPOCH - DAY, created + random.int(2, 90) * DAY)) : null;
    const updated = Math.max(
      created + 60,
      closedAt ?? 0,
      between(random, created + 60, Math.min(SEED_EPOCH, created + random.int(1, 120) * DAY)),
    );

    const product = random.pick(PRODUCTS);
    const main = people[0];
    const name =
      kind === 'b2b' && company
        ? random.pick([`${product} — ${company.shortName}`, `${company.shortName}: ${product.toLowerCase()}`])
        : kind === 'b2c' && main
          ? random.pick([`Заявка с сайта #${1000 + index}`, `Звонок: ${main.name}`, `Website order #${5000 + index}`, product])
          : random.pick([`Заявка #${1000 + index}`, `Входящий звонок ${index}`, `Сделка #${id}`]);

    const price =
      random.chance(0.06) ? 0 : pipelineId === PIPELINE_IDS.corporate ? random.int(100, 5000) * 1000 : random.int(5, 400) * 500;

    const values: StoredFieldValues[] = [];
    if (!bare.has(index)) {
      if (status.id === WON_STATUS_ID || random.chance(0.1)) values.push(build.text(fields.contractNumber, `Д-${new Date((closedAt ?? created) * 1000).getUTCFullYear()}/${String(random.int(1, 999)).padStart(4, '0')}`));
      if (random.chance(0.3)) values.push(build.numeric(fields.licenses, random.pick([1, 3, 5, 10, 15, 25, 50, 100, 250])));
      if (status.id === WON_STATUS_ID ? random.chance(0.8) : random.chance(0.1)) values.push(build.checkbox(fields.paid, status.id === WON_STATUS_ID ? random.chance(0.85) : false));
      if (random.chance(0.55)) values.push(build.select(fields.requestSource, random.pick(['Сайт', 'Входящий звонок', 'E-mail', 'Рекомендация', 'Выставка', 'Реклама'])));
      if (random.chance(0.45)) values.push(build.multiselect(fields.products, random.sample(['CRM', 'Телефония', 'Аналитика', 'Интеграции', 'Обучение', 'Поддержка'], random.int(1, 3))));
      if (status.id === WON_STATUS_ID && closedAt) values.push(build.date(fields.contractDate, closedAt));
      if (random.chance(0.25)) values.push(build.dateTime(fields.demoAt, Math.floor((created + random.int(1, 20) * DAY) / 1800) * 1800));
      if (random.chance(0.2)) values.push(build.text(fields.proposalUrl, `https://docs.demo-company.ru/kp/${id}.pdf`));
      if (random.chance(0.25)) values.push(build.text(fields.comment, random.pick(LEAD_COMMENTS)));
      if (random.chance(0.3)) values.push(build.select(fields.paymentType, random.weighted([['Безналичный расчёт', 6], ['Наличные', 1], ['Рассрочка', 2]])));
      if (random.chance(0.15)) {
        const city = cityFor(random, company?.country ?? 'RU');
        values.push(build.text(fields.deliveryAddress, `${city.city}, ${streetLine(random, city)}`));
      }
      if (random.chance(0.25)) values.push(build.monetary(fields.clientBudget, Math.round(price * random.int(8, 15)) / 10));
      if (random.chance(0.35)) {
        values.push(build.text(fields.utmSource, random.pick(UTM.source)));
        values.push(build.text(fields.utmMedium, random.pick(UTM.medium)));
        if (random.chance(0.7)) values.push(build.text(fields.utmCampaign, random.pick(UTM.campaign)));
        if (random.chance(0.5)) values.push(build.text(fields.referrer, random.pick(UTM.referrer)));
      }
    }

    // Older leads may still belong to the deactivated colleague.
    const owner = created < SEED_START + 120 * DAY && random.chance(0.2) ? USER_IDS.former : random.pick(ACTIVE_SELLERS);
    const row: LeadRecord = {
      id,
      name,
      price,
      responsible_user_id: owner,
      group_id: groupOf(store, owner),
      status_id: status.id,
      pipeline_id: pipelineId,
      loss_reason_id: status.id === LOST_STATUS_ID ? random.pick(lossReasons).id : null,
      source_id: random.chance(0.3) ? random.pick(sources).id : null,
      created_by: random.weighted([[owner, 70], [random.pick(ACTIVE_SELLERS), 15], [0, 15]]),
      updated_by: random.weighted([[owner, 65], [random.pick(ACTIVE_SELLERS), 20], [0, 15]]),
      created_at: created,
      updated_at: updated,
      closed_at: closedAt,
      closest_task_at: !closed && random.chance(0.6) ? random.int(SEED_EPOCH - 5 * DAY, SEED_EPOCH + 20 * DAY) : null,
      is_deleted: deleted.has(index),
      custom_fields_values: values.sort((a, b) => a.field_id - b.field_id),
      tag_ids: random.chance(0.5) ? random.sample(store.tags.leads.values(), random.int(1, 3)).map((tag) => tag.id).sort((a, b) => a - b) : [],
      score: null,
      labor_cost: null,
      is_price_modified_by_robot: random.chance(0.05),
    };
    store.leads.put(row);
    people.forEach((person, position) => store.links.link({ type: 'leads', id }, { type: 'contacts', id: person.id }, { isMain: position === 0 }));
    if (company) store.links.link({ type: 'leads', id }, { type: 'companies', id: company.id });
  }
}
