import { describe, expect, it } from 'vitest';
import { createSandbox, LOST_STATUS_ID, WON_STATUS_ID, type EntityType, type SandboxStore } from '../../src/sandbox/index.js';
import { seedDemoAccount } from '../../src/sandbox/seed/index.js';
import { SEED_EPOCH, SEED_START } from '../../src/sandbox/seed/ids.js';

/** Everything seeded, as one string: tables in id order plus every link. */
function snapshot(store: SandboxStore): string {
  return JSON.stringify({
    account: store.account,
    users: store.users.values(),
    pipelines: store.pipelines.values(),
    fields: (['leads', 'contacts', 'companies'] as const).map((entity) => store.customFields[entity].values()),
    tags: (['leads', 'contacts', 'companies'] as const).map((entity) => store.tags[entity].values()),
    leads: store.leads.values(),
    contacts: store.contacts.values(),
    companies: store.companies.values(),
    links: store.links.all(),
  });
}

const store = seedDemoAccount({ seed: 1 });
const ENTITIES: EntityType[] = ['leads', 'contacts', 'companies'];

describe('the demo account seed', () => {
  it('is byte-identical for the same seed', () => {
    expect(snapshot(seedDemoAccount({ seed: 1 }))).toBe(snapshot(store));
    expect(snapshot(createSandbox({ seed: 7 }).store)).toBe(snapshot(createSandbox({ seed: 7 }).store));
  });

  it('differs for a different seed but keeps the metadata ids', () => {
    const other = seedDemoAccount({ seed: 2 });
    expect(snapshot(other)).not.toBe(snapshot(store));
    expect(other.leads.values().map((lead) => lead.name)).not.toEqual(store.leads.values().map((lead) => lead.name));
    expect(other.pipelines.values()).toEqual(store.pipelines.values());
    expect(other.customFields.leads.values()).toEqual(store.customFields.leads.values());
  });

  it('never reads the wall clock: every timestamp lies in the year before the seed epoch', () => {
    for (const entity of ENTITIES) {
      for (const row of store.entities(entity).values()) {
        expect(row.created_at).toBeGreaterThanOrEqual(SEED_START);
        expect(row.updated_at).toBeLessThanOrEqual(SEED_EPOCH);
        expect(row.created_at).toBeLessThan(row.updated_at);
      }
    }
  });

  it('has the account the brief describes', () => {
    expect(store.account).toMatchObject({ id: 31_000_001, subdomain: 'demo', currency: 'RUB', timezone: 'Europe/Moscow', is_api_filter_enabled: true });
    expect(seedDemoAccount({ subdomain: 'acme' }).account.subdomain).toBe('acme');
    expect(store.taskTypes.size).toBeGreaterThanOrEqual(2);
    expect(store.userGroups.size).toBeGreaterThanOrEqual(2);
  });

  it('has at least six users, exactly one of them an admin', () => {
    const users = store.users.values();
    expect(users.length).toBeGreaterThanOrEqual(6);
    expect(users.filter((user) => user.rights.is_admin)).toHaveLength(1);
    expect(users.every((user) => user.rights.group_id !== null && store.userGroups.has(user.rights.group_id))).toBe(true);
  });

  it('has 2-3 pipelines, one main, each with incoming, working, won 142 and lost 143 stages', () => {
    const pipelines = store.pipelines.values();
    expect(pipelines.length).toBeGreaterThanOrEqual(2);
    expect(pipelines.length).toBeLessThanOrEqual(3);
    expect(pipelines.filter((pipeline) => pipeline.is_main)).toHaveLength(1);
    for (const pipeline of pipelines) {
      const [incoming, ...rest] = pipeline.statuses;
      expect(incoming).toMatchObject({ type: 1, is_editable: false, sort: 10 });
      const working = rest.filter((status) => status.id !== WON_STATUS_ID && status.id !== LOST_STATUS_ID);
      expect(working.length).toBeGreaterThanOrEqual(3);
      expect(working.length).toBeLessThanOrEqual(5);
      expect(pipeline.statuses.find((status) => status.id === WON_STATUS_ID)?.name).toBe('Успешно реализовано');
      expect(pipeline.statuses.find((status) => status.id === LOST_STATUS_ID)?.name).toBe('Закрыто и не реализовано');
    }
    expect(store.lossReasons.size).toBeGreaterThanOrEqual(3);
  });

  it('has enough leads, contacts and companies, a few of them deleted', () => {
    expect(store.leads.values().filter((lead) => !lead.is_deleted).length).toBeGreaterThanOrEqual(320);
    expect(store.contacts.values().filter((contact) => !contact.is_deleted).length).toBeGreaterThanOrEqual(220);
    expect(store.companies.values().filter((company) => !company.is_deleted).length).toBeGreaterThanOrEqual(60);
    for (const entity of ENTITIES) expect(store.entities(entity).values().some((row) => row.is_deleted)).toBe(true);
  });

  it('spreads leads over every pipeline and stage, closing won and lost ones', () => {
    const leads = store.leads.values();
    for (const pipeline of store.pipelines.values()) {
      const inPipeline = leads.filter((lead) => lead.pipeline_id === pipeline.id);
      expect(new Set(inPipeline.map((lead) => lead.status_id)).size).toBe(pipeline.statuses.length);
    }
    for (const lead of leads) {
      const closed = lead.status_id === WON_STATUS_ID || lead.status_id === LOST_STATUS_ID;
      expect(lead.closed_at !== null).toBe(closed);
      if (lead.closed_at !== null) expect(lead.closed_at).toBeLessThanOrEqual(lead.updated_at);
      expect(lead.loss_reason_id !== null).toBe(lead.status_id === LOST_STATUS_ID);
      if (lead.loss_reason_id !== null) expect(store.lossReasons.has(lead.loss_reason_id)).toBe(true);
    }
    expect(new Set(leads.map((lead) => lead.responsible_user_id)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(leads.map((lead) => lead.price)).size).toBeGreaterThan(100);
  });

  it('covers every required custom field type with values on many entities', () => {
    const filledByType = new Map<string, number>();
    for (const entity of ENTITIES) {
      for (const row of store.entities(entity).values()) {
        for (const stored of row.custom_fields_values) {
          const type = store.customFields[entity].get(stored.field_id)!.type;
          filledByType.set(type, (filledByType.get(type) ?? 0) + 1);
        }
      }
    }
    const required = ['text', 'numeric', 'checkbox', 'select', 'multiselect', 'multitext', 'date', 'date_time', 'url', 'textarea', 'birthday', 'smart_address', 'legal_entity'];
    for (const type of required) expect(filledByType.get(type) ?? 0, type).toBeGreaterThanOrEqual(10);
  });

  it('leaves some entities with no custom field values at all', () => {
    for (const entity of ENTITIES) {
      expect(store.entities(entity).values().some((row) => row.custom_fields_values.length === 0)).toBe(true);
    }
  });

  it('gives field definitions distinct ids, enums for select-like types and codes for predefined ones', () => {
    const ids = ENTITIES.flatMap((entity) => store.customFields[entity].values().map((field) => field.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const entity of ENTITIES) {
      for (const field of store.customFields[entity].values()) {
        const selectLike = ['select', 'multiselect', 'radiobutton', 'multitext', 'smart_address'].includes(field.type);
        expect(field.enums !== null, `${field.id} ${field.type}`).toBe(selectLike);
      }
    }
    const codes = (entity: EntityType) => store.customFields[entity].values().map((field) => field.code).filter(Boolean);
    expect(codes('contacts')).toEqual(expect.arrayContaining(['PHONE', 'EMAIL', 'POSITION']));
    expect(codes('companies')).toEqual(expect.arrayContaining(['PHONE', 'EMAIL', 'WEB', 'ADDRESS']));
    const phone = store.customFields.contacts.values().find((field) => field.code === 'PHONE')!;
    expect(phone.enums!.map((item) => item.value)).toEqual(['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER']);
  });

  it('links leads to 1-3 contacts with exactly one main, and to at most one company', () => {
    let withContacts = 0;
    let withCompany = 0;
    for (const lead of store.leads.values()) {
      const contacts = store.links.linked({ type: 'leads', id: lead.id }, 'contacts');
      const companies = store.links.linked({ type: 'leads', id: lead.id }, 'companies');
      expect(contacts.length).toBeLessThanOrEqual(3);
      expect(companies.length).toBeLessThanOrEqual(1);
      if (contacts.length > 0) {
        withContacts++;
        expect(contacts.filter((contact) => contact.isMain)).toHaveLength(1);
      }
      if (companies.length > 0) withCompany++;
    }
    expect(withContacts).toBeGreaterThan(store.leads.size / 2);
    expect(withContacts).toBeLessThan(store.leads.size);
    expect(withCompany).toBeGreaterThan(store.leads.size / 3);
  });

  it('gives contacts at most one company, companies several contacts, and leaves some contacts without leads', () => {
    for (const contact of store.contacts.values()) {
      expect(store.links.linked({ type: 'contacts', id: contact.id }, 'companies').length).toBeLessThanOrEqual(1);
    }
    const staffSizes = store.companies.values().map((company) => store.links.linked({ type: 'companies', id: company.id }, 'contacts').length);
    expect(staffSizes.filter((size) => size >= 2).length).toBeGreaterThan(20);
    const leadless = store.contacts.values().filter((contact) => store.links.linked({ type: 'contacts', id: contact.id }, 'leads').length === 0);
    expect(leadless.length).toBeGreaterThan(0);
  });

  it('mixes Russian and international names', () => {
    const names = store.contacts.values().map((contact) => contact.name);
    expect(names.some((name) => /[А-Яа-я]/.test(name))).toBe(true);
    expect(names.some((name) => /^[A-Za-z]/.test(name))).toBe(true);
    expect(store.companies.values().some((company) => company.name.startsWith('ООО'))).toBe(true);
  });

  it('tags entities from per-type dictionaries, with colors only on leads tags', () => {
    for (const entity of ENTITIES) {
      expect(store.entities(entity).values().some((row) => row.tag_ids.length > 0)).toBe(true);
      for (const row of store.entities(entity).values()) for (const id of row.tag_ids) expect(store.tags[entity].has(id)).toBe(true);
    }
    expect(store.tags.leads.values().some((tag) => tag.color !== null)).toBe(true);
    expect(store.tags.contacts.values().every((tag) => tag.color === null)).toBe(true);
  });
});
