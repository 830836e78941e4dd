import { describe, expect, it } from 'vitest';
import { FIELD_IDS, PIPELINE_IDS, USER_IDS } from '../../src/sandbox/index.js';
import { startSandbox, useSandbox } from './helpers.js';

const running = useSandbox();

describe('GET /api/v4/account', () => {
  it('answers the account with its base fields and no extras by default', async () => {
    const { body } = await running().api('/api/v4/account');
    expect(body).toMatchObject({
      id: 31_000_001,
      subdomain: 'demo',
      currency: 'RUB',
      current_user_id: USER_IDS.admin,
      is_loss_reason_enabled: true,
      contact_name_display_order: 1,
      _links: { self: { href: `${running().url}/api/v4/account` } },
    });
    expect(body).not.toHaveProperty('_embedded');
    expect(body).not.toHaveProperty('is_api_filter_enabled');
  });

  it('adds every with= extra it is asked for', async () => {
    const withs = 'amojo_id,amojo_rights,users_groups,task_types,version,entity_names,datetime_settings,drive_url,is_api_filter_enabled,invoices_settings,uuid';
    const { body } = await running().api(`/api/v4/account?with=${withs}`);
    expect(body).toMatchObject({ amojo_id: expect.any(String), uuid: expect.any(String), version: expect.any(Number), drive_url: expect.stringMatching(/^https:/), is_api_filter_enabled: true });
    expect(body.invoices_settings).toHaveProperty('lang');
    expect(body._embedded.amojo_rights).toEqual({ can_direct: true, can_create_groups: true });
    expect(body._embedded.users_groups.length).toBeGreaterThanOrEqual(2);
    expect(body._embedded.task_types).toEqual(expect.arrayContaining([expect.objectContaining({ id: 1, code: 'FOLLOW_UP' }), expect.objectContaining({ id: 2, code: 'MEETING' })]));
    expect(body._embedded.datetime_settings).toMatchObject({ timezone: 'Europe/Moscow', timezone_offset: '+03:00' });
    expect(body._embedded.entity_names.leads).toBeDefined();
  });

  it('uses the subdomain it was created with', async () => {
    const own = await startSandbox({ subdomain: 'acme' });
    try {
      expect((await own.api('/api/v4/account')).body.subdomain).toBe('acme');
    } finally {
      await own.close();
    }
  });
});

describe('users', () => {
  it('lists users with rights, and roles, groups and ids on request', async () => {
    const { body } = await running().api('/api/v4/users?with=role,group,uuid,amojo_id,user_rank,phone_number');
    const admin = body._embedded.users.find((user: { id: number }) => user.id === USER_IDS.admin);
    expect(admin.rights).toMatchObject({ is_admin: true, is_active: true });
    const manager = body._embedded.users.find((user: { id: number }) => user.id === USER_IDS.manager1);
    expect(manager._embedded.roles).toEqual([expect.objectContaining({ id: 501_001, name: 'Менеджер' })]);
    expect(manager._embedded.groups).toEqual([{ id: 401_001, name: 'Розница' }]);
    expect(manager).toMatchObject({ uuid: expect.any(String), amojo_id: expect.any(String), user_rank: expect.any(String) });
    expect(manager).toHaveProperty('phone_number');
  });

  it('leaves roles and groups out unless asked', async () => {
    const { body } = await running().api(`/api/v4/users/${USER_IDS.manager1}`);
    expect(body).not.toHaveProperty('_embedded');
    expect(body).not.toHaveProperty('uuid');
    expect(body._links.self.href).toBe(`${running().url}/api/v4/users/${USER_IDS.manager1}`);
  });
});

describe('pipelines and statuses', () => {
  it('lists every pipeline with its statuses and a _total_items, unpaged', async () => {
    const { body } = await running().api('/api/v4/leads/pipelines');
    expect(body._total_items).toBe(3);
    expect(body).not.toHaveProperty('_page');
    expect(body._links.self.href).toBe(`${running().url}/api/v4/leads/pipelines`);
    const main = body._embedded.pipelines.find((pipeline: { is_main: boolean }) => pipeline.is_main);
    expect(main.id).toBe(PIPELINE_IDS.sales);
    for (const pipeline of body._embedded.pipelines) {
      const ids = pipeline._embedded.statuses.map((status: { id: number }) => status.id);
      expect(ids).toContain(142);
      expect(ids).toContain(143);
      for (const status of pipeline._embedded.statuses) {
        expect(status.pipeline_id).toBe(pipeline.id);
        expect(status.color).toMatch(/^#[0-9a-fA-F]{6}$/);
        expect(status._links.self.href).toBe(`${running().url}/api/v4/leads/pipelines/${pipeline.id}/statuses/${status.id}`);
      }
    }
  });

  it('answers one pipeline, its statuses, and one status by pipeline and id', async () => {
    const pipeline = await running().api(`/api/v4/leads/pipelines/${PIPELINE_IDS.corporate}`);
    expect(pipeline.body).toMatchObject({ id: PIPELINE_IDS.corporate, is_main: false });
    const statuses = await running().api(`/api/v4/leads/pipelines/${PIPELINE_IDS.corporate}/statuses`);
    expect(statuses.body._total_items).toBe(pipeline.body._embedded.statuses.length);
    const won = await running().api(`/api/v4/leads/pipelines/${PIPELINE_IDS.partners}/statuses/142`);
    expect(won.body).toMatchObject({ id: 142, pipeline_id: PIPELINE_IDS.partners, is_editable: false, type: 0 });
  });

  it('lists loss reasons', async () => {
    const { body } = await running().api('/api/v4/leads/loss_reasons');
    expect(body._embedded.loss_reasons.length).toBeGreaterThanOrEqual(3);
    expect(body._embedded.loss_reasons[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), sort: expect.any(Number) });
  });
});

describe('custom field definitions', () => {
  it('lists definitions with entity_type, enums and codes', async () => {
    const { body } = await running().api('/api/v4/contacts/custom_fields');
    const phone = body._embedded.custom_fields.find((field: { code: string }) => field.code === 'PHONE');
    expect(phone).toMatchObject({ id: FIELD_IDS.contacts.phone, type: 'multitext', entity_type: 'contacts', is_predefined: true, account_id: 31_000_001 });
    expect(phone.enums.map((item: { value: string }) => item.value)).toEqual(['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER']);
    expect(phone._links.self.href).toBe(`${running().url}/api/v4/contacts/custom_fields/${FIELD_IDS.contacts.phone}`);
  });

  it('filters by type and by id, in both array forms', async () => {
    const byType = await running().api('/api/v4/leads/custom_fields?filter[type][]=select&filter[type][]=multiselect');
    expect(byType.body._embedded.custom_fields.map((field: { type: string }) => field.type).sort()).toEqual(['multiselect', 'select']);
    expect(byType.body._total_items).toBe(2);
    const byId = await running().api(`/api/v4/leads/custom_fields?filter[id][0]=${FIELD_IDS.leads.paid}`);
    expect(byId.body._embedded.custom_fields).toEqual([expect.objectContaining({ id: FIELD_IDS.leads.paid, type: 'checkbox' })]);
    expect((await running().api('/api/v4/leads/custom_fields?filter[type]=legal_entity')).status).toBe(204);
  });

  it('answers one definition by id, with the monetary currency and birthday reminder', async () => {
    const monetary = await running().api(`/api/v4/leads/custom_fields/${FIELD_IDS.leads.clientBudget}`);
    expect(monetary.body).toMatchObject({ type: 'monetary', currency: 'RUB', is_computed: false });
    const birthday = await running().api(`/api/v4/contacts/custom_fields/${FIELD_IDS.contacts.birthday}`);
    expect(birthday.body).toMatchObject({ type: 'birthday', remind: 'day' });
    expect((await running().api(`/api/v4/companies/custom_fields/${FIELD_IDS.leads.paid}`)).status).toBe(204);
  });
});

describe('tags', () => {
  it('lists each entity type\'s tags, colors only on leads', async () => {
    const leads = await running().api('/api/v4/leads/tags');
    expect(leads.body._embedded.tags.some((tag: { color: string | null }) => tag.color !== null)).toBe(true);
    const contacts = await running().api('/api/v4/contacts/tags');
    expect(contacts.body._embedded.tags.every((tag: { color: string | null }) => tag.color === null)).toBe(true);
    expect(contacts.body._links.next).toBeDefined();
  });

  it('searches by query and filters by id and name', async () => {
    const byQuery = await running().api(`/api/v4/leads/tags?query=${encodeURIComponent('реком')}`);
    expect(byQuery.body._embedded.tags.map((tag: { name: string }) => tag.name)).toEqual(['Рекомендация']);
    const tag = running().sandbox.store.tags.companies.values()[1]!;
    const byId = await running().api(`/api/v4/companies/tags?filter[id][]=${tag.id}`);
    expect(byId.body._embedded.tags).toEqual([{ id: tag.id, name: tag.name, color: null }]);
    const byName = await running().api(`/api/v4/companies/tags?filter[name]=${encodeURIComponent(tag.name)}`);
    expect(byName.body._embedded.tags).toHaveLength(1);
    expect((await running().api('/api/v4/leads/tags?query=zzz')).status).toBe(204);
  });

  it('embeds tags on entities as {id, name, color}', async () => {
    const store = running().sandbox.store;
    const lead = store.leads.values().find((row) => !row.is_deleted && row.tag_ids.length > 0)!;
    const { body } = await running().api(`/api/v4/leads/${lead.id}`);
    expect(body._embedded.tags).toEqual(lead.tag_ids.map((id) => ({ id, name: store.tags.leads.get(id)!.name, color: store.tags.leads.get(id)!.color })));
  });
});
