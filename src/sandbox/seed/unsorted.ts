// Seeded incoming entries: six web forms and four calls waiting in the incoming stages of the two
// pipelines with unsorted switched on, each with its new lead and new contact (the corporate forms
// with a new company too). Fixed data, no PRNG draws, seeded last: every earlier row is unchanged.
// Uids are hashes of the seed and position, so they are stable but look like amoCRM's.

import { createHash } from 'node:crypto';
import type { CompanyRecord, ContactRecord, LeadRecord, UnsortedRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { FIELD_IDS } from './custom-fields.js';
import { PIPELINE_IDS, SEED_EPOCH } from './ids.js';
import { ACTIVE_SELLERS, groupOf } from './metadata.js';
import { createValueBuilder } from './values.js';

interface Arrival {
  category: 'forms' | 'sip';
  pipelineId: number;
  firstName: string;
  lastName: string;
  phone: string;
  email?: string;
  company?: string;
  /** forms: the form's name; sip: the caller's note. */
  title: string;
}

const ARRIVALS: readonly Arrival[] = [
  { category: 'forms', pipelineId: PIPELINE_IDS.sales, firstName: 'Алексей', lastName: 'Гончаров', phone: '+7 916 555-01-01', email: 'a.goncharov@mail.ru', title: 'Обратный звонок' },
  { category: 'sip', pipelineId: PIPELINE_IDS.sales, firstName: 'Наталья', lastName: '', phone: '+7 903 555-02-02', title: 'Входящий звонок' },
  { category: 'forms', pipelineId: PIPELINE_IDS.corporate, firstName: 'Виктор', lastName: 'Лаптев', phone: '+7 495 555-03-03', email: 'laptev@stroymontazh.ru', company: 'ООО «Строймонтаж»', title: 'Запрос КП' },
  { category: 'forms', pipelineId: PIPELINE_IDS.sales, firstName: 'Emily', lastName: 'Clarke', phone: '+44 20 5550 0404', email: 'emily.clarke@gmail.com', title: 'Request a demo' },
  { category: 'sip', pipelineId: PIPELINE_IDS.corporate, firstName: 'Олег', lastName: 'Сафронов', phone: '+7 812 555-05-05', title: 'Входящий звонок' },
  { category: 'forms', pipelineId: PIPELINE_IDS.sales, firstName: 'Ирина', lastName: 'Белова', phone: '+7 926 555-06-06', email: 'belova.irina@yandex.ru', title: 'Обратный звонок' },
  { category: 'sip', pipelineId: PIPELINE_IDS.sales, firstName: 'Кирилл', lastName: '', phone: '+7 985 555-07-07', title: 'Пропущенный звонок' },
  { category: 'forms', pipelineId: PIPELINE_IDS.corporate, firstName: 'Марина', lastName: 'Осипова', phone: '+7 343 555-08-08', email: 'osipova@uralprom.ru', company: 'АО «Уралпром»', title: 'Запрос КП' },
  { category: 'forms', pipelineId: PIPELINE_IDS.sales, firstName: 'Денис', lastName: 'Фролов', phone: '+7 917 555-09-09', email: 'd.frolov@bk.ru', title: 'Подписка на вебинар' },
  { category: 'sip', pipelineId: PIPELINE_IDS.corporate, firstName: 'Татьяна', lastName: 'Руденко', phone: '+7 383 555-10-10', title: 'Входящий звонок' },
];

const ACCOUNT_PHONE = '+74951234567';
const HOUR = 3600;

export function seedUnsorted(store: SandboxStore, seed: number): void {
  const contactValues = createValueBuilder(store, 'contacts');
  ARRIVALS.forEach((arrival, index) => {
    // Spread over the last four days before the epoch, oldest first.
    const createdAt = SEED_EPOCH - (ARRIVALS.length - index) * 9 * HOUR;
    const updatedAt = createdAt + 60;
    const owner = ACTIVE_SELLERS[index % ACTIVE_SELLERS.length]!;
    const base = {
      responsible_user_id: owner,
      group_id: groupOf(store, owner),
      created_by: 0,
      updated_by: 0,
      created_at: createdAt,
      updated_at: updatedAt,
      closest_task_at: null,
      is_deleted: false,
      tag_ids: [],
    };
    const pipeline = store.pipelines.get(arrival.pipelineId)!;
    const incoming = pipeline.statuses.find((status) => status.type === 1)!;
    const name = [arrival.firstName, arrival.lastName].filter(Boolean).join(' ');

    const lead: LeadRecord = {
      ...base,
      id: store.leads.nextId(),
      name: arrival.category === 'forms' ? `${arrival.title}: ${name}` : `${arrival.title} ${arrival.phone}`,
      price: 0,
      status_id: incoming.id,
      pipeline_id: pipeline.id,
      loss_reason_id: null,
      source_id: null,
      closed_at: null,
      custom_fields_values: [],
      score: null,
      labor_cost: null,
      is_price_modified_by_robot: false,
    };
    const contact: ContactRecord = {
      ...base,
      id: store.contacts.nextId(),
      name,
      first_name: arrival.firstName,
      last_name: arrival.lastName,
      is_unsorted: true,
      custom_fields_values: [
        contactValues.multitext(FIELD_IDS.contacts.phone, [[arrival.phone, 'MOB']]),
        ...(arrival.email ? [contactValues.multitext(FIELD_IDS.contacts.email, [[arrival.email, 'PRIV']])] : []),
      ],
    };
    store.leads.put(lead);
    store.contacts.put(contact);
    store.links.link({ type: 'leads', id: lead.id }, { type: 'contacts', id: contact.id }, { isMain: true });

    let company: CompanyRecord | null = null;
    if (arrival.company) {
      company = store.companies.put({ ...base, id: store.companies.nextId(), name: arrival.company, custom_fields_values: [] });
      store.links.link({ type: 'leads', id: lead.id }, { type: 'companies', id: company.id });
      store.links.link({ type: 'contacts', id: contact.id }, { type: 'companies', id: company.id });
    }

    const digits = arrival.phone.replace(/\D/g, '');
    const metadata: Record<string, unknown> =
      arrival.category === 'forms'
        ? {
            form_id: arrival.title === 'Запрос КП' ? 'quote' : arrival.title === 'Request a demo' ? 'demo' : 'callback',
            form_name: arrival.title,
            form_page: `https://demo-company.ru/${arrival.pipelineId === PIPELINE_IDS.corporate ? 'b2b' : 'contacts'}`,
            form_sent_at: createdAt,
            ip: `203.0.113.${10 + index}`,
            referer: 'https://www.google.com/',
          }
        : {
            from: `+${digits}`,
            phone: ACCOUNT_PHONE,
            called_at: createdAt,
            duration: 30 + index * 17,
            link: `https://pbx.demo-company.ru/records/${digits}.mp3`,
            service_code: 'demo_pbx',
            uniq: `call-${createdAt}-${digits}`,
          };
    const entry: UnsortedRecord = {
      uid: createHash('sha1').update(`unsorted:${seed}:${index}`).digest('hex'),
      source_uid: arrival.category === 'forms' ? 'demo-company.ru' : 'demo_pbx',
      source_name: arrival.category === 'forms' ? 'Сайт demo-company.ru' : 'Телефония',
      category: arrival.category,
      pipeline_id: pipeline.id,
      created_at: createdAt,
      metadata,
      lead_id: lead.id,
      contact_id: contact.id,
      company_id: company?.id ?? null,
      state: 'new',
      sorted_at: null,
    };
    store.unsorted.set(entry.uid, entry);
  });
}
