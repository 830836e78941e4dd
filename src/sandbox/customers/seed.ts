// The demo account runs customers in periodic mode: five stages (amoCRM's first and three closing
// system stages plus one of the account's own), three segments, three tags, 30 customers on the first contacts
// (every third also on a company) and a few purchases each. Pure arithmetic, no PRNG, so adding
// customers changed none of the other seeded data.

import { SEED_EPOCH, USER_IDS } from '../seed/ids.js';
import type { SandboxStore } from '../store.js';
import { recount } from './records.js';

const STATUSES = [
  { name: 'Ожидается покупка', color: '#99ccff', type: 1, is_editable: false },
  { name: 'Повторная покупка', color: '#fffd7f', type: 0, is_editable: true },
  { name: 'Купили', color: '#ccff66', type: 2, is_editable: false },
  { name: 'Просрочена покупка', color: '#ff8f92', type: 3, is_editable: false },
  { name: 'Не купили', color: '#d5d8db', type: 4, is_editable: false },
];

const SEGMENTS = [
  { name: 'Постоянные', color: '10599d' },
  { name: 'Оптовые', color: 'ffce5a' },
  { name: 'Спящие', color: 'd5d8db' },
];

/** The customers' own tag dictionary (ids apart from leads, contacts and companies tags). */
const TAGS = ['Опт', 'Розница', 'Лояльный'];

export const SEEDED_CUSTOMERS = 30;

export function seedCustomers(store: SandboxStore): void {
  const data = store.customers;
  store.account.customers_mode = 'periodicity';
  STATUSES.forEach((status, index) => data.statuses.put({ id: data.statuses.nextId(), sort: (index + 1) * 10, ...status }));
  const statuses = data.statuses.values();
  for (const segment of SEGMENTS) {
    data.segments.put({ id: data.segments.nextId(), ...segment, created_at: SEED_EPOCH - 200 * 86_400, updated_at: SEED_EPOCH - 100 * 86_400 });
  }
  const segments = data.segments.values();
  for (const name of TAGS) store.tags.customers.put({ id: store.tags.customers.nextId(), name, color: null });
  const tags = store.tags.customers.values();
  const contacts = store.contacts.values().filter((contact) => !contact.is_deleted);
  const companies = store.companies.values().filter((company) => !company.is_deleted);
  const managers = [USER_IDS.manager1, USER_IDS.manager2, USER_IDS.manager3];
  for (let i = 0; i < SEEDED_CUSTOMERS; i++) {
    const contact = contacts[i % contacts.length]!;
    const createdAt = SEED_EPOCH - (300 - i * 7) * 86_400;
    const customer = data.rows.put({
      id: data.rows.nextId(),
      name: `Покупатель ${contact.name}`,
      next_price: 5_000 + (i % 7) * 2_500,
      next_date: SEED_EPOCH + ((i % 10) + 1) * 86_400,
      responsible_user_id: managers[i % managers.length]!,
      status_id: statuses[i % 2]!.id,
      periodicity: [7, 14, 30][i % 3]!,
      created_by: USER_IDS.admin,
      updated_by: USER_IDS.admin,
      created_at: createdAt,
      updated_at: createdAt + 86_400,
      closest_task_at: null,
      is_deleted: false,
      custom_fields_values: [],
      ltv: 0,
      purchases_count: 0,
      average_check: 0,
      bonus_points: (i % 4) * 100,
      segment_ids: [segments[i % segments.length]!.id],
      // Two of every three customers carry a tag.
      tag_ids: i % 3 === 2 ? [] : [tags[i % 3]!.id],
      // Every fifth customer shares a second contact with its neighbour: a contact can buy twice.
      contact_ids: i % 5 === 0 ? [contact.id, contacts[(i + 1) % contacts.length]!.id] : [contact.id],
      company_id: i % 3 === 0 ? companies[i % companies.length]!.id : null,
    });
    for (let n = 0; n < (i % 4) + 1; n++) {
      const at = createdAt + (n + 1) * 20 * 86_400;
      data.transactions.put({
        id: data.transactions.nextId(),
        customer_id: customer.id,
        price: 3_000 + ((i + n) % 5) * 1_500,
        comment: n === 0 ? 'Первая покупка' : null,
        completed_at: at,
        created_by: customer.responsible_user_id,
        updated_by: customer.responsible_user_id,
        created_at: at,
        updated_at: at,
      });
    }
    recount(data, customer.id);
  }
}
