import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { useFreshSandbox } from './helpers.js';

const running = useFreshSandbox();

const buttons = () => running().sandbox.store.websiteButtons;
const snapshot = () => JSON.stringify([buttons().values(), running().sandbox.store.sources.values()]);
/** What amoCRM finishes "later": move the button's pending work into the past. */
const finish = (sourceId: number) => {
  const row = buttons().get(sourceId)!;
  buttons().put({ ...row, ready_at: 0, pending_websites: row.pending_websites && { ...row.pending_websites, at: 0 }, online_chat: row.online_chat && { at: 0 } });
};

describe('/api/v4/website_buttons', () => {
  it('lists the seeded buttons on the seeded sources, with scripts and deleted ones on request', async () => {
    const list = await running().api('/api/v4/website_buttons');
    expect(list.status).toBe(200);
    const rows = list.body._embedded.website_buttons;
    expect(rows.map((b: any) => b.source_id)).toEqual([11_001, 11_003]);
    expect(rows[0]).toEqual({
      account_id: running().sandbox.store.account.id,
      source_id: 11_001,
      button_id: 401_001,
      is_duplication_control_enabled: false,
      name: 'Сайт demo-company.ru',
      creation_status: 'created',
      pipeline_id: PIPELINE_IDS.sales,
    });
    for (const row of buttons().values()) expect(running().sandbox.store.sources.has(row.id)).toBe(true);
    const scripts = await running().api('/api/v4/website_buttons?with=scripts');
    expect(scripts.body._embedded.website_buttons[0].script).toContain('401001');

    buttons().put({ ...buttons().get(11_003)!, is_deleted: true });
    expect((await running().api('/api/v4/website_buttons')).body._embedded.website_buttons).toHaveLength(1);
    expect((await running().api('/api/v4/website_buttons?with=scripts,deleted')).body._embedded.website_buttons).toHaveLength(2);
    expect((await running().api('/api/v4/website_buttons/11003')).status).toBe(404);
  });

  it('gets one button by source id, 404 for an unknown one', async () => {
    expect((await running().api('/api/v4/website_buttons/11003?with=scripts')).body).toMatchObject({ source_id: 11_003, is_duplication_control_enabled: true, script: expect.any(String) });
    expect((await running().api('/api/v4/website_buttons/11002')).status).toBe(404);
    expect((await running().api('/api/v4/website_buttons/abc')).status).toBe(400);
  });

  it('creates the source at once and answers 202; the plugin reads as creation_pending until amoCRM is done', async () => {
    const response = await running().api('/api/v4/website_buttons', { method: 'POST', body: { pipeline_id: PIPELINE_IDS.partners, trusted_websites: ['shop.example.com', 'Example.org'] } });
    expect(response.status).toBe(202);
    const sourceId = response.body.source_id;
    expect(response.body).toEqual({ source_id: sourceId, trusted_websites: ['shop.example.com', 'example.org'] });
    expect(running().sandbox.store.sources.get(sourceId)).toMatchObject({ pipeline_id: PIPELINE_IDS.partners });
    const pending = await running().api(`/api/v4/website_buttons/${sourceId}?with=scripts`);
    expect(pending.body).toMatchObject({ creation_status: 'creation_pending', script: null });
    finish(sourceId);
    expect((await running().api(`/api/v4/website_buttons/${sourceId}`)).body.creation_status).toBe('created');
    const inApp = await running().api('/api/v4/website_buttons', { method: 'POST', body: { pipeline_id: PIPELINE_IDS.sales, is_used_in_app: true } });
    expect(inApp.status).toBe(202);
    expect(buttons().get(inApp.body.source_id)).toMatchObject({ is_used_in_app: true, trusted_websites: [] });
  });

  it('refuses a bad create (unknown pipeline, bad or too many domains, neither domains nor app) and writes nothing', async () => {
    const before = snapshot();
    const errors = async (body: unknown) => {
      const response = await running().api('/api/v4/website_buttons', { method: 'POST', body });
      expect(response.status).toBe(400);
      return response.body['validation-errors'][0].errors.map((e: any) => `${e.code} ${e.path}`);
    };
    expect(await errors({ pipeline_id: 1, trusted_websites: ['ok.com'] })).toEqual(['NotSupportedChoice pipeline_id']);
    expect(await errors({ pipeline_id: PIPELINE_IDS.sales, trusted_websites: ['not a domain'] })).toEqual(['InvalidType trusted_websites.0', 'NotBlank is_used_in_app']);
    expect(await errors({ pipeline_id: PIPELINE_IDS.sales, trusted_websites: Array.from({ length: 11 }, (_, i) => `s${i}.example.com`) })).toEqual(['TooMany trusted_websites']);
    expect(await errors({ trusted_websites: ['ok.com'] })).toEqual(['NotBlank pipeline_id']);
    expect(snapshot()).toBe(before);
  });

  it('adds trusted domains later, only to a button that trusts some, at most 10', async () => {
    const patched = await running().api('/api/v4/website_buttons/11001', { method: 'PATCH', body: { trusted_websites: { add: ['blog.demo-company.ru'] } } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ source_id: 11_001, button_id: 401_001, creation_status: 'created', script: expect.any(String) });
    expect(buttons().get(11_001)!.trusted_websites).toEqual(['demo-company.ru']);
    finish(11_001);
    await running().api('/api/v4/website_buttons/11001');
    expect(buttons().get(11_001)!.trusted_websites).toEqual(['demo-company.ru', 'blog.demo-company.ru']);

    const before = snapshot();
    const none = await running().api('/api/v4/website_buttons/11003', { method: 'PATCH', body: { trusted_websites: { add: ['a.com'] } } });
    expect(none.status).toBe(400);
    expect(none.body['validation-errors'][0].errors[0]).toMatchObject({ code: 'NotSupportedChoice', path: 'trusted_websites' });
    const many = await running().api('/api/v4/website_buttons/11001', { method: 'PATCH', body: { trusted_websites: { add: Array.from({ length: 9 }, (_, i) => `x${i}.com`) } } });
    expect(many.body['validation-errors'][0].errors[0].code).toBe('TooMany');
    expect((await running().api('/api/v4/website_buttons/11002', { method: 'PATCH', body: { trusted_websites: { add: ['a.com'] } } })).status).toBe(404);
    expect(snapshot()).toBe(before);
  });

  it('adds an online chat with 202 and connects it later', async () => {
    const response = await running().api('/api/v4/website_buttons/11003/online_chat', { method: 'POST' });
    expect(response.status).toBe(202);
    expect(buttons().get(11_003)!.online_chat).not.toBeNull();
    expect((await running().api('/api/v4/website_buttons/99/online_chat', { method: 'POST' })).status).toBe(404);
    buttons().put({ ...buttons().get(11_001)!, pipeline_id: null });
    expect((await running().api('/api/v4/website_buttons/11001/online_chat', { method: 'POST' })).status).toBe(400);
  });

  it('keeps every write for administrators (403) and changes nothing for others', async () => {
    const before = snapshot();
    const account = running().sandbox.store.account;
    const admin = account.current_user_id;
    account.current_user_id = USER_IDS.manager1;
    try {
      expect((await running().api('/api/v4/website_buttons', { method: 'POST', body: { pipeline_id: PIPELINE_IDS.sales, is_used_in_app: true } })).status).toBe(403);
      expect((await running().api('/api/v4/website_buttons/11001', { method: 'PATCH', body: { trusted_websites: { add: ['a.com'] } } })).status).toBe(403);
      expect((await running().api('/api/v4/website_buttons/11003/online_chat', { method: 'POST' })).status).toBe(403);
    } finally {
      account.current_user_id = admin;
    }
    expect(snapshot()).toBe(before);
  });
});
