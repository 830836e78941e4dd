// Seeded contacts: employees of seeded companies (linked, e-mail on the company domain) and private
// persons, Russian and international, with phones, e-mails and the other contact fields.

import type { Random } from '../random.js';
import type { ContactRecord, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import type { SeededCompany } from './companies.js';
import { FIELD_IDS } from './custom-fields.js';
import { COUNTS, FIRST_CONTACT_ID, SEED_EPOCH, SEED_START } from './ids.js';
import { ACTIVE_SELLERS, groupOf } from './metadata.js';
import { emailLocalPart, internationalPerson, phoneNumber, russianPerson, smartAddress, type Person } from './people.js';
import { createdAndUpdated } from './timeline.js';
import { createValueBuilder } from './values.js';
import { EN_POSITIONS, FREE_MAIL_DOMAINS, RU_POSITIONS, latin } from './vocabulary.js';

export interface SeededContact {
  id: number;
  name: string;
  companyId: number | null;
  createdAt: number;
  deleted: boolean;
}

export function seedContacts(store: SandboxStore, random: Random, companies: readonly SeededCompany[]): SeededContact[] {
  const fields = FIELD_IDS.contacts;
  const build = createValueBuilder(store, 'contacts');

  // Employees first: each company gets 0..6 people, the rest of the quota are private persons.
  const employer: (SeededCompany | null)[] = [];
  for (const company of companies) {
    const count = random.weighted([[0, 8], [1, 25], [2, 30], [3, 20], [4, 9], [5, 5], [6, 3]]);
    for (let i = 0; i < count && employer.length < COUNTS.contacts - 60; i++) employer.push(company);
  }
  while (employer.length < COUNTS.contacts) employer.push(null);
  const plan = random.shuffle(employer);
  const deleted = new Set(random.sample(plan.map((_, index) => index), 4));
  const bare = new Set(random.sample(plan.map((_, index) => index), 14));

  return plan.map((company, index): SeededContact => {
    const id = FIRST_CONTACT_ID + index;
    const country = company?.country ?? (random.chance(0.75) ? 'RU' : internationalPerson(random).country);
    const person: Person = country === 'RU' ? russianPerson(random) : internationalPerson(random, country);
    // Chats and quick calls leave contacts with a first name only.
    const firstOnly = random.chance(0.06);
    const lastName = firstOnly ? '' : person.lastName;
    const name = lastName ? `${person.firstName} ${lastName}` : person.firstName;

    const values: StoredFieldValues[] = [];
    if (!bare.has(index)) {
      if (random.chance(0.85)) {
        const phones: [string, string][] = [[phoneNumber(random, country), company ? random.pick(['WORK', 'MOB', 'WORKDD']) : 'MOB']];
        if (random.chance(0.2)) phones.push([phoneNumber(random, country), random.pick(['HOME', 'WORK', 'OTHER'])]);
        values.push(build.multitext(fields.phone, phones));
      }
      if (random.chance(0.7)) {
        const local = emailLocalPart(random, person);
        const address = company && random.chance(0.8) ? `${local}@${company.domain}` : `${local}@${random.pick(FREE_MAIL_DOMAINS)}`;
        values.push(build.multitext(fields.email, [[address, company ? 'WORK' : random.pick(['PRIV', 'WORK', 'OTHER'])]]));
      }
      if (company && random.chance(0.65)) values.push(build.text(fields.position, random.pick(country === 'RU' ? RU_POSITIONS : EN_POSITIONS)));
      if (random.chance(0.2)) values.push(build.date(fields.birthday, random.int(-15_000, 12_000) * 86_400 + 43_200));
      if (random.chance(0.2)) values.push(build.smartAddress(fields.address, smartAddress(random, country)));
      if (random.chance(0.4)) values.push(build.select(fields.clientType, random.weighted([['Новый', 5], ['Постоянный', 3], ['VIP', 1], ['Партнёр', 1]])));
      if (random.chance(0.35)) values.push(build.checkbox(fields.newsletter, random.chance(0.7)));
      if (random.chance(0.3)) values.push(build.date(fields.firstContactDate, random.int(SEED_START - 200 * 86_400, SEED_EPOCH)));
      if (random.chance(0.15)) {
        const handle = latin(`${person.firstName}${lastName}`) || `user${id}`;
        values.push(build.text(fields.profileUrl, random.pick([`https://t.me/${handle}`, `https://vk.com/${handle}`, `https://www.linkedin.com/in/${handle}`])));
      }
    }

    const owner = random.pick(ACTIVE_SELLERS);
    const { created, updated } = createdAndUpdated(random, SEED_START, SEED_EPOCH - 40 * 86_400);
    const row: ContactRecord = {
      id,
      name,
      first_name: person.firstName,
      last_name: lastName,
      responsible_user_id: owner,
      group_id: groupOf(store, owner),
      created_by: random.chance(0.8) ? owner : 0,
      updated_by: random.chance(0.75) ? owner : random.pick([...ACTIVE_SELLERS, 0]),
      created_at: created,
      updated_at: updated,
      // Tasks cluster around the seed epoch: a few overdue, most upcoming.
      closest_task_at: random.chance(0.15) ? random.int(SEED_EPOCH - 3 * 86_400, SEED_EPOCH + 10 * 86_400) : null,
      is_deleted: deleted.has(index),
      is_unsorted: false,
      custom_fields_values: values.sort((a, b) => a.field_id - b.field_id),
      tag_ids: random.chance(0.3) ? random.sample(store.tags.contacts.values(), random.int(1, 2)).map((tag) => tag.id).sort((a, b) => a - b) : [],
    };
    store.contacts.put(row);
    if (company) store.links.link({ type: 'contacts', id }, { type: 'companies', id: company.id });
    return { id, name, companyId: company?.id ?? null, createdAt: created, deleted: deleted.has(index) };
  });
}
