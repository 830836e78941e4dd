// Widgets end to end against the sandbox: the paged list and one by code, install with settings
// and uninstall as the sandbox then holds them; bad settings and non-admins refused per call with
// nothing written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { WIDGET_IDS } from '../../src/sandbox/widgets/seed.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const widgets = () => stack.sandbox.store.widgets;
const snapshot = () => JSON.stringify(widgets().values());

describe('widgets', () => {
  it('pages through the visible widgets in one upstream call per page and reads one by code', async () => {
    stack.resetLog();
    const first = dataOf(
      await stack.gql(`{ widgets(first: 2) { pageInfo { hasNextPage endCursor } nodes { amoId code version rating isLeadSource isWorkWithDigitalPipeline isInstalled pipeline { amoId } settingsTemplate { key type isRequired } settings } } }`),
    ).widgets;
    expect(first.nodes.map((w: any) => w.code)).toEqual(['demo_telephony', 'dp_helper']);
    expect(first.nodes[0]).toMatchObject({ amoId: WIDGET_IDS.telephony, rating: 4.6, isLeadSource: true, isInstalled: false, pipeline: null, settings: null });
    expect(first.nodes[0].settingsTemplate[0]).toEqual({ key: 'login', type: 'text', isRequired: true });
    expect(first.nodes[1]).toMatchObject({ rating: 4.1, isWorkWithDigitalPipeline: true, isInstalled: true, pipeline: { amoId: widgets().get(WIDGET_IDS.dpHelper)!.pipeline_id } });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(await stack.gql(`query ($after: String) { widgets(first: 2, after: $after) { pageInfo { hasNextPage } nodes { code settings } } }`, { after: first.pageInfo.endCursor })).widgets;
    expect(rest).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ code: 'amocrm_graphql_demo', settings: { endpoint: 'https://gateway.example.test/graphql' } }] });
    expect(stack.upstreamCalls().filter((call) => call.path === '/api/v4/widgets')).toHaveLength(2);

    const one = dataOf(await stack.gql(`{ widget(code: "dp_helper") { amoId } hidden: widget(code: "someone_elses_draft") { amoId } bad: widget(code: "a/b") { amoId } }`));
    expect(one).toEqual({ widget: { amoId: WIDGET_IDS.dpHelper }, hidden: null, bad: null });
  });

  it('installs a widget with its settings and uninstalls it, as the sandbox then holds it', async () => {
    stack.resetLog();
    const settings = { login: 'pbx', password: 'secret', phones: { [USER_IDS.manager1]: '101' } };
    const installed = dataOf(
      await stack.gql(`mutation ($settings: JSON) { installWidget(code: "demo_telephony", settings: $settings) { status errors { message } widget { code isInstalled settings } } }`, { settings }),
    ).installWidget;
    expect(installed).toEqual({ status: 'SUCCEEDED', errors: [], widget: { code: 'demo_telephony', isInstalled: true, settings } });
    expect(widgets().get(WIDGET_IDS.telephony)).toMatchObject({ is_active_in_account: true, settings });
    expect(stack.upstreamCalls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v4/widgets/demo_telephony']);

    const removed = dataOf(await stack.gql(`mutation { uninstallWidget(code: "demo_telephony") { status code } }`)).uninstallWidget;
    expect(removed).toEqual({ status: 'SUCCEEDED', code: 'demo_telephony' });
    expect(widgets().get(WIDGET_IDS.telephony)).toMatchObject({ is_active_in_account: false, settings: null });
    expect(stack.upstreamCalls()).toHaveLength(2);
  });

  it('maps amoCRM validation errors to settings paths, refuses bad input before any call, and reports 403 for a non-admin', async () => {
    const before = snapshot();
    stack.resetLog();
    const bad = dataOf(
      await stack.gql(`mutation ($settings: JSON) { installWidget(code: "demo_telephony", settings: $settings) { status errors { code path } widget { code } } }`, {
        settings: { password: 'x', colour: 'red' },
      }),
    ).installWidget;
    expect(bad.status).toBe('FAILED');
    expect(bad.errors).toEqual([
      { code: 'NotBlank', path: ['settings', 'login'] },
      { code: 'NotSupportedChoice', path: ['settings', 'colour'] },
    ]);
    const refused = dataOf(await stack.gql(`mutation ($settings: JSON) { installWidget(code: "a b", settings: $settings) { status errors { path } } }`, { settings: [1] })).installWidget;
    expect(refused).toEqual({ status: 'FAILED', errors: [{ path: ['code'] }, { path: ['settings'] }] });
    expect(stack.upstreamCalls()).toHaveLength(1);

    const account = stack.sandbox.store.account;
    account.current_user_id = USER_IDS.manager1;
    try {
      const denied = dataOf(await stack.gql(`mutation { uninstallWidget(code: "dp_helper") { status errors { code message } } }`)).uninstallWidget;
      expect(denied.status).toBe('FAILED');
      expect(denied.errors[0].code).toBe('AMOCRM_FORBIDDEN');
      expect(denied.errors[0].message).toMatch(/administrators/);
    } finally {
      account.current_user_id = USER_IDS.admin;
    }
    expect(snapshot()).toBe(before);
  });
});
