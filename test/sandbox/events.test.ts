import { describe, expect, it } from 'vitest';
import { FIRST_LEAD_ID, ROLE_IDS, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { startSandbox, useSandbox } from './helpers.js';

const NOW_MS = 1_770_000_000_000;
const NOW = NOW_MS / 1000;

const running = useSandbox();

describe('sandbox /api/v4/events', () => {
  it('serves the seeded history newest first, 100 a page at most, with string ids and no totals', async () => {
    const { body, status } = await running().api('/api/v4/events?limit=250');
    expect(status).toBe(200);
    const events = body._embedded.events;
    expect(events).toHaveLength(100);
    expect(body._total_items).toBeUndefined();
    expect(body._links.next.href).toContain('page=2');
    for (const event of events) expect(event.id).toMatch(/^[0-9a-z]{26}$/);
    const times = events.map((event: { created_at: number }) => event.created_at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(running().sandbox.log.entries().at(-1)?.notes.join(' ')).toContain('above 100');
  });

  it('filters by comma strings and arrays alike, and answers 204 when nothing matches', async () => {
    const comma = await running().api('/api/v4/events?filter[type]=lead_added,lead_status_changed&filter[entity]=lead&filter[entity_id]=' + FIRST_LEAD_ID);
    const array = await running().api(
      `/api/v4/events?filter[type][]=lead_added&filter[type][]=lead_status_changed&filter[entity][]=lead&filter[entity_id][]=${FIRST_LEAD_ID}`,
    );
    expect(comma.status).toBe(200);
    expect(comma.body._embedded.events).toEqual(array.body._embedded.events);
    for (const event of comma.body._embedded.events) {
      expect(event.entity_id).toBe(FIRST_LEAD_ID);
      expect(['lead_added', 'lead_status_changed']).toContain(event.type);
    }
    const none = await running().api('/api/v4/events?filter[created_at][from]=4000000000');
    expect(none.status).toBe(204);
  });

  it('refuses entity_id without exactly one entity, plural entity names and unknown types', async () => {
    expect((await running().api(`/api/v4/events?filter[entity_id]=${FIRST_LEAD_ID}`)).status).toBe(400);
    expect((await running().api(`/api/v4/events?filter[entity]=lead,contact&filter[entity_id]=${FIRST_LEAD_ID}`)).status).toBe(400);
    expect((await running().api('/api/v4/events?filter[entity]=leads')).status).toBe(400);
    expect((await running().api('/api/v4/events?filter[type]=lead_exploded')).status).toBe(400);
  });

  it('reads one event by its string id (204 when unknown, 400 when not an id)', async () => {
    const first = (await running().api('/api/v4/events?limit=1')).body._embedded.events[0];
    const one = await running().api(`/api/v4/events/${first.id}`);
    expect(one.body).toEqual(first);
    expect((await running().api('/api/v4/events/0000000000000000000000000z')).status).toBe(204);
    expect((await running().api('/api/v4/events/123')).status).toBe(400);
  });

  it('lists event types in the asked language', async () => {
    const en = await running().api('/api/v4/events/types?language_code=en');
    expect(en.body._total_items).toBe(en.body._embedded.events_types.length);
    expect(en.body._embedded.events_types).toContainEqual(expect.objectContaining({ key: 'lead_added', lang: 'New lead' }));
    const pt = await running().api('/api/v4/events/types?language_code=pt');
    expect(pt.body._embedded.events_types).toContainEqual(expect.objectContaining({ key: 'lead_added', lang: 'Novo lead' }));
    expect((await running().api('/api/v4/events/types?language_code=xx')).status).toBe(400);
  });
});

describe('sandbox events recorded by writes', () => {
  it('logs a stage, sale, name and tag change of one PATCH, each with before and after, filterable by value_after', async () => {
    const own = await startSandbox({ now: () => NOW_MS });
    try {
      const lead = structuredClone(own.sandbox.store.leads.values().find((row) => !row.is_deleted && row.status_id !== 142)!);
      const patch = await own.api(`/api/v4/leads/${lead.id}`, {
        method: 'PATCH',
        body: { status_id: 142, price: lead.price + 1, name: 'Renamed', tags_to_add: [{ name: 'vip-new' }] },
      });
      expect(patch.status).toBe(200);
      const { body } = await own.api(`/api/v4/events?filter[entity]=lead&filter[entity_id]=${lead.id}&filter[created_at]=${NOW}`);
      const byType = Object.fromEntries(body._embedded.events.map((event: { type: string }) => [event.type, event]));
      expect(Object.keys(byType).sort()).toEqual(['entity_tag_added', 'lead_status_changed', 'name_field_changed', 'sale_field_changed']);
      expect(byType.lead_status_changed.value_before).toEqual([{ lead_status: { id: lead.status_id, pipeline_id: lead.pipeline_id } }]);
      expect(byType.lead_status_changed.value_after).toEqual([{ lead_status: { id: 142, pipeline_id: lead.pipeline_id } }]);
      expect(byType.sale_field_changed.value_after).toEqual([{ sale_field_value: { sale: lead.price + 1 } }]);
      expect(byType.entity_tag_added.value_after).toEqual([{ tag: { name: 'vip-new' } }]);
      expect(byType.lead_status_changed.created_by).toBe(USER_IDS.admin);

      const won = await own.api(
        `/api/v4/events?filter[type]=lead_status_changed&filter[value_after][leads_statuses][0][pipeline_id]=${lead.pipeline_id}&filter[value_after][leads_statuses][0][status_id]=142&filter[created_at]=${NOW}`,
      );
      expect(won.body._embedded.events.map((event: { entity_id: number }) => event.entity_id)).toEqual([lead.id]);
    } finally {
      await own.close();
    }
  });

  it('logs additions, links on both ends, notes and task changes; a repeated link is not logged twice', async () => {
    const own = await startSandbox({ now: () => NOW_MS });
    try {
      const created = await own.api('/api/v4/leads', { method: 'POST', body: [{ name: 'Fresh' }] });
      const leadId = created.body._embedded.leads[0].id;
      const contactId = own.sandbox.store.contacts.values().find((row) => !row.is_deleted)!.id;
      const link = { method: 'POST', body: [{ to_entity_id: contactId, to_entity_type: 'contacts' }] };
      await own.api(`/api/v4/leads/${leadId}/link`, link);
      await own.api(`/api/v4/leads/${leadId}/link`, link);
      await own.api(`/api/v4/leads/${leadId}/notes`, { method: 'POST', body: [{ note_type: 'common', params: { text: 'hi' } }] });
      const task = await own.api('/api/v4/tasks', { method: 'POST', body: [{ text: 'Call', complete_till: NOW + 3600, entity_type: 'leads', entity_id: leadId }] });
      const taskId = task.body._embedded.tasks[0].id;
      await own.api(`/api/v4/tasks/${taskId}`, { method: 'PATCH', body: { is_completed: true, result: { text: 'done' } } });

      const fresh = await own.api(`/api/v4/events?filter[created_at]=${NOW}&limit=100`);
      const seen = fresh.body._embedded.events.map((event: { type: string; entity_type: string; entity_id: number }) => `${event.entity_type}:${event.entity_id}:${event.type}`);
      expect(seen.sort()).toEqual(
        [
          `lead:${leadId}:lead_added`,
          `lead:${leadId}:entity_linked`,
          `contact:${contactId}:entity_linked`,
          `lead:${leadId}:common_note_added`,
          `task:${taskId}:task_added`,
          `task:${taskId}:task_completed`,
          `task:${taskId}:task_result_added`,
        ].sort(),
      );
    } finally {
      await own.close();
    }
  });
});

describe('sandbox roles and currencies', () => {
  it('lists roles with their users and totals, and one role by id', async () => {
    const { body } = await running().api('/api/v4/roles?with=users');
    expect(body._total_items).toBe(2);
    const manager = body._embedded.roles.find((role: { id: number }) => role.id === ROLE_IDS.manager);
    expect(manager._embedded.users.length).toBeGreaterThan(0);
    for (const id of manager._embedded.users) expect(running().sandbox.store.users.get(id)?.rights.role_id).toBe(ROLE_IDS.manager);
    expect(manager.rights.is_admin).toBeUndefined();
    const one = await running().api(`/api/v4/roles/${ROLE_IDS.head}`);
    expect(one.body.name).toBe('Руководитель отдела');
    expect(one.body._embedded).toBeUndefined();
    expect((await running().api('/api/v4/roles/999')).status).toBe(204);
  });

  it('lists currencies with totals', async () => {
    const { body } = await running().api('/api/v4/currencies');
    expect(body._total_items).toBe(body._embedded.currencies.length);
    expect(body._embedded.currencies).toContainEqual({ code: 'RUB', name: 'Российский рубль', symbol: '₽' });
  });
});
