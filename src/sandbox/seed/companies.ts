// Seeded companies: Russian legal forms and international firms, with their custom fields.

import type { Random } from '../random.js';
import type { CompanyRecord, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import { FIELD_IDS } from './custom-fields.js';
import { COUNTS, FIRST_COMPANY_ID } from './ids.js';
import { ACTIVE_SELLERS, groupOf } from './metadata.js';
import { digits, phoneNumber, postalAddress, russianPerson, smartAddress } from './people.js';
import { createdAndUpdated } from './timeline.js';
import { createValueBuilder } from './values.js';
import { INTERNATIONAL_COMPANIES, RU_COMPANY_CORES, RU_COMPANY_FORMS } from './vocabulary.js';

export interface SeededCompany {
  id: number;
  /** How lead names refer to it. */
  shortName: string;
  domain: string;
  country: string;
  deleted: boolean;
}

const FORM_NAMES: Record<string, string> = {
  ООО: 'Общество с ограниченной ответственностью',
  АО: 'Акционерное общество',
  ПАО: 'Публичное акционерное общество',
};

export function seedCompanies(store: SandboxStore, random: Random): SeededCompany[] {
  const fields = FIELD_IDS.companies;
  const build = createValueBuilder(store, 'companies');
  const international = INTERNATIONAL_COMPANIES.length;
  const russian = random.shuffle(RU_COMPANY_CORES).slice(0, COUNTS.companies - international);
  const plans = random.shuffle([
    ...russian.map((core) => ({ kind: 'ru' as const, core })),
    ...INTERNATIONAL_COMPANIES.map((info) => ({ kind: 'intl' as const, info })),
  ]);
  const deleted = new Set(random.sample(plans.map((_, index) => index), 2));
  const bare = new Set(random.sample(plans.map((_, index) => index), 5));

  return plans.map((plan, index): SeededCompany => {
    const id = FIRST_COMPANY_ID + index;
    let name: string;
    let shortName: string;
    let legalName: string;
    let domain: string;
    let country: string;
    let form: string = '';
    if (plan.kind === 'ru') {
      const [core, slug] = plan.core;
      form = random.pick(RU_COMPANY_FORMS);
      country = 'RU';
      domain = `${slug}.ru`;
      if (form === 'ИП') {
        const owner = russianPerson(random);
        name = `ИП ${owner.lastName} ${owner.firstName}`;
        shortName = `ИП ${owner.lastName}`;
        legalName = `Индивидуальный предприниматель ${owner.lastName} ${owner.firstName}`;
      } else {
        name = random.chance(0.7) ? `${form} «${core}»` : core;
        shortName = core;
        legalName = `${FORM_NAMES[form]} «${core}»`;
      }
    } else {
      const [core, suffix, site, home] = plan.info;
      country = home;
      domain = site;
      name = random.chance(0.6) ? `${core} ${suffix}` : core;
      shortName = core;
      legalName = `${core} ${suffix}`;
    }

    const values: StoredFieldValues[] = [];
    if (!bare.has(index)) {
      if (random.chance(0.85)) {
        const phones: [string, string][] = [[phoneNumber(random, country), 'WORK']];
        if (random.chance(0.25)) phones.push([phoneNumber(random, country), random.pick(['FAX', 'OTHER', 'WORKDD'])]);
        values.push(build.multitext(fields.phone, phones));
      }
      if (random.chance(0.75)) values.push(build.multitext(fields.email, [[`${random.pick(['info', 'office', 'sales', 'hello'])}@${domain}`, 'WORK']]));
      if (random.chance(0.7)) values.push(build.text(fields.web, `https://${domain}`));
      if (random.chance(0.5)) values.push(build.text(fields.address, postalAddress(random, country)));
      if (country === 'RU' && random.chance(0.55)) {
        const sole = form === 'ИП';
        values.push(
          build.legalEntity(fields.requisites, {
            name: legalName,
            entity_type: sole ? 1 : 2,
            vat_id: digits(random, sole ? 12 : 10),
            kpp: sole ? null : digits(random, 9),
            tax_registration_reason_code: null,
            address: postalAddress(random, 'RU'),
            real_address: random.chance(0.5) ? postalAddress(random, 'RU') : null,
            bank_code: `04${digits(random, 7)}`,
            bank_account_number: `40702810${digits(random, 12)}`,
            director: sole ? null : `${russianPerson(random).lastName} ${russianPerson(random).firstName}`,
            external_uid: null,
          }),
        );
      }
      if (random.chance(0.4)) values.push(build.text(fields.legalName, legalName));
      if (random.chance(0.35)) values.push(build.smartAddress(fields.legalAddress, smartAddress(random, country)));
      if (random.chance(0.45)) values.push(build.multiselect(fields.interests, random.sample(['CRM', 'Телефония', 'Аналитика', 'Интеграции'], random.int(1, 3))));
      if (random.chance(0.5)) values.push(build.numeric(fields.employees, random.pick([5, 12, 25, 40, 80, 150, 320, 1200, 5000])));
      if (random.chance(0.55)) values.push(build.select(fields.segment, random.weighted([['Малый бизнес', 5], ['Средний бизнес', 3], ['Enterprise', 1]])));
    }

    const owner = random.pick(ACTIVE_SELLERS);
    const { created, updated } = createdAndUpdated(random);
    const tags = random.chance(0.4) ? random.sample(store.tags.companies.values(), random.int(1, 2)).map((tag) => tag.id) : [];
    if (country !== 'RU' && random.chance(0.5)) {
      const international = store.tags.companies.values().find((tag) => tag.name === 'Международная');
      if (international && !tags.includes(international.id)) tags.push(international.id);
    }
    const row: CompanyRecord = {
      id,
      name,
      responsible_user_id: owner,
      group_id: groupOf(store, owner),
      created_by: random.chance(0.85) ? owner : 0,
      updated_by: random.chance(0.8) ? owner : random.pick(ACTIVE_SELLERS),
      created_at: created,
      updated_at: updated,
      closest_task_at: null,
      is_deleted: deleted.has(index),
      custom_fields_values: values.sort((a, b) => a.field_id - b.field_id),
      tag_ids: tags.sort((a, b) => a - b),
    };
    store.companies.put(row);
    return { id, shortName, domain, country, deleted: row.is_deleted };
  });
}
