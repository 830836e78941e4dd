import { describe, expect, it } from 'vitest';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { WIDGET_IDS } from '../../src/sandbox/widgets/seed.js';
import { useFreshSandbox } from './helpers.js';
import { asManager as actAsManager } from '../helpers/sandbox-state.js';

const running = useFreshSandbox();

const widgets = () => running().sandbox.store.widgets;
const snapshot = () => JSON.stringify(widgets().values());
const asManager = <T>(work: () => Promise<T>) => actAsManager(running().sandbox.store, work);

describe('/api/v4/widgets', () => {
  it('lists the widgets this user can see, paged, with amoCRM fields and no private widget of another user', async () => {
    const all = await running().api('/api/v4/widgets');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('application/hal+json');
    const codes = all.body._embedded.widgets.map((w: any) => w.code);
    expect(codes).toEqual(['demo_telephony', 'dp_helper', 'amocrm_graphql_demo']);
    expect(all.body._embedded.widgets[0]).toMatchObject({
      id: WIDGET_IDS.telephony,
      version: '1.4.2',
      rating: 4.6,
      is_lead_source: true,
      is_work_with_dp: false,
      is_crm_template: false,
      is_active_in_account: false,
      pipeline_id: null,
      settings_template: [{ key: 'login', name: 'Логин', type: 'text', is_required: true }, expect.anything(), expect.anything(), expect.anything()],
    });
    // Settings only for the integration's own widget.
    expect(all.body._embedded.widgets[1]).not.toHaveProperty('settings');
    expect(all.body._embedded.widgets[2].settings).toEqual({ endpoint: 'https://gateway.example.test/graphql' });
    expect(all.body._embedded.widgets[0]).not.toHaveProperty('visibility');

    const page = await running().api('/api/v4/widgets?limit=2&page=1');
    expect(page.body._embedded.widgets).toHaveLength(2);
    expect(page.body._links.next.href).toContain('page=2');
    const last = await running().api('/api/v4/widgets?limit=2&page=2');
    expect(last.body._embedded.widgets.map((w: any) => w.code)).toEqual(['amocrm_graphql_demo']);
    expect(last.body._links.prev.href).toContain('page=1');
    expect((await running().api('/api/v4/widgets?limit=2&page=3')).status).toBe(204);
    // Another user does not see the private widget the admin uploaded unless it is installed.
    widgets().put({ ...widgets().get(WIDGET_IDS.own)!, is_active_in_account: false });
    const seen = await asManager(() => running().api('/api/v4/widgets'));
    expect(seen.body._embedded.widgets.map((w: any) => w.code)).toEqual(['demo_telephony', 'dp_helper']);
  });

  it('gets a widget by code and answers 404 for an unknown or invisible one', async () => {
    expect((await running().api('/api/v4/widgets/dp_helper')).body).toMatchObject({ code: 'dp_helper', is_work_with_dp: true, is_active_in_account: true });
    expect((await running().api('/api/v4/widgets/nope')).status).toBe(404);
    const foreign = await running().api('/api/v4/widgets/someone_elses_draft');
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
  });

  it('installs with settings checked against the template, answering the widget with its settings', async () => {
    const settings = { login: 'pbx', password: 'secret', phones: { [USER_IDS.manager1]: '101' } };
    const response = await running().api('/api/v4/widgets/demo_telephony', { method: 'POST', body: settings });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 'demo_telephony', is_active_in_account: true, settings });
    expect(widgets().get(WIDGET_IDS.telephony)).toMatchObject({ is_active_in_account: true, settings });
  });

  it('refuses bad settings with validation-errors and changes nothing', async () => {
    const before = snapshot();
    const response = await running().api('/api/v4/widgets/demo_telephony', {
      method: 'POST',
      body: { password: 5, phones: { '1': '101', [USER_IDS.manager1]: 7 }, colour: 'red' },
    });
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'][0].errors.map((e: any) => `${e.code} ${e.path}`)).toEqual([
      'NotBlank login',
      'InvalidType password',
      'NotFound phones.1',
      `InvalidType phones.${USER_IDS.manager1}`,
      'NotSupportedChoice colour',
    ]);
    expect(snapshot()).toBe(before);
    expect((await running().api('/api/v4/widgets/someone_elses_draft', { method: 'POST', body: {} })).status).toBe(404);
  });

  it('uninstalls with 204 and drops the settings', async () => {
    expect((await running().api('/api/v4/widgets/dp_helper', { method: 'DELETE' })).status).toBe(204);
    expect(widgets().get(WIDGET_IDS.dpHelper)).toMatchObject({ is_active_in_account: false, settings: null, pipeline_id: null });
    expect((await running().api('/api/v4/widgets/nope', { method: 'DELETE' })).status).toBe(404);
  });

  it('lets only administrators install or uninstall (403), while anyone may read', async () => {
    const before = snapshot();
    await asManager(async () => {
      expect((await running().api('/api/v4/widgets/demo_telephony', { method: 'POST', body: { login: 'a', password: 'b' } })).status).toBe(403);
      expect((await running().api('/api/v4/widgets/dp_helper', { method: 'DELETE' })).status).toBe(403);
      expect((await running().api('/api/v4/widgets/dp_helper')).status).toBe(200);
    });
    expect(snapshot()).toBe(before);
  });
});
