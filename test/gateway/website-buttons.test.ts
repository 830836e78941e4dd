// Website chat buttons end to end against the sandbox: list and get with pipelines and scripts,
// create (amoCRM answers 202 and finishes later), add trusted domains and an online chat, as the
// sandbox then holds them; bad input and non-admins refused with nothing written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_IDS, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const buttons = () => stack.sandbox.store.websiteButtons;
const snapshot = () => JSON.stringify([buttons().values(), stack.sandbox.store.sources.values()]);
const finish = (sourceId: number) => {
  const row = buttons().get(sourceId)!;
  buttons().put({ ...row, ready_at: 0, pending_websites: row.pending_websites && { ...row.pending_websites, at: 0 }, online_chat: row.online_chat && { at: 0 } });
};

describe('website buttons', () => {
  it('lists buttons with their pipelines and scripts in one list call, and reads one by source id', async () => {
    stack.resetLog();
    const data = dataOf(
      await stack.gql(`{ websiteButtons(withScripts: true) { sourceAmoId buttonAmoId name creationStatus isDuplicationControlEnabled pipeline { amoId name } script } }`),
    );
    expect(data.websiteButtons.map((b: any) => b.sourceAmoId)).toEqual([11_001, 11_003]);
    expect(data.websiteButtons[0]).toMatchObject({ buttonAmoId: 401_001, creationStatus: 'CREATED', pipeline: { amoId: PIPELINE_IDS.sales }, script: expect.stringContaining('<script>') });
    const lists = stack.upstreamCalls().filter((call) => call.path === '/api/v4/website_buttons');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.query).toContainEqual(['with', 'scripts']);
    // The list and the pipelines, however many buttons there are.
    expect(stack.upstreamCalls().length).toBeLessThanOrEqual(2);

    const one = dataOf(await stack.gql(`{ websiteButton(sourceAmoId: 11003) { isDuplicationControlEnabled script } none: websiteButton(sourceAmoId: 11002) { sourceAmoId } }`));
    expect(one).toEqual({ websiteButton: { isDuplicationControlEnabled: true, script: null }, none: null });
  });

  it('creates a button (202, pending until amoCRM is done), adds trusted domains and an online chat, as the sandbox then holds them', async () => {
    stack.resetLog();
    const created = dataOf(
      await stack.gql(
        `mutation ($input: CreateWebsiteButtonInput!) { createWebsiteButton(input: $input) { status errors { message } sourceAmoId trustedWebsites websiteButton { creationStatus pipeline { amoId } } } }`,
        { input: { pipelineAmoId: PIPELINE_IDS.partners, trustedWebsites: ['shop.example.com'] } },
      ),
    ).createWebsiteButton;
    expect(created).toMatchObject({ status: 'SUCCEEDED', errors: [], trustedWebsites: ['shop.example.com'], websiteButton: { creationStatus: 'CREATION_PENDING', pipeline: { amoId: PIPELINE_IDS.partners } } });
    const sourceId = created.sourceAmoId;
    expect(stack.sandbox.store.sources.get(sourceId)).toMatchObject({ pipeline_id: PIPELINE_IDS.partners });
    expect(buttons().get(sourceId)).toMatchObject({ trusted_websites: ['shop.example.com'], is_deleted: false });
    expect(stack.upstreamCalls().filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['POST /api/v4/website_buttons 202']);
    // The lead source exists at once, so the integration's sources list shows it.
    const sources = dataOf(await stack.gql(`{ sources { amoId pipeline { amoId } } }`)).sources;
    expect(sources).toContainEqual({ amoId: sourceId, pipeline: { amoId: PIPELINE_IDS.partners } });
    finish(sourceId);

    const added = dataOf(
      await stack.gql(`mutation ($id: Int!) { addWebsiteButtonTrustedWebsites(sourceAmoId: $id, domains: ["blog.example.com"]) { status websiteButton { sourceAmoId creationStatus } } }`, { id: sourceId }),
    ).addWebsiteButtonTrustedWebsites;
    expect(added).toEqual({ status: 'SUCCEEDED', websiteButton: { sourceAmoId: sourceId, creationStatus: 'CREATED' } });
    expect(buttons().get(sourceId)!.pending_websites?.domains).toEqual(['blog.example.com']);
    finish(sourceId);
    dataOf(await stack.gql(`{ websiteButton(sourceAmoId: ${sourceId}) { sourceAmoId } }`));
    expect(buttons().get(sourceId)!.trusted_websites).toEqual(['shop.example.com', 'blog.example.com']);

    const chat = dataOf(await stack.gql(`mutation ($id: Int!) { addWebsiteButtonOnlineChat(sourceAmoId: $id) { status sourceAmoId } }`, { id: sourceId })).addWebsiteButtonOnlineChat;
    expect(chat).toEqual({ status: 'SUCCEEDED', sourceAmoId: sourceId });
    expect(buttons().get(sourceId)!.online_chat).not.toBeNull();
  });

  it('refuses bad input before any call, maps amoCRM refusals to the input, and reports 403 for a non-admin; nothing is written', async () => {
    const before = snapshot();
    stack.resetLog();
    const local = dataOf(
      await stack.gql(`mutation ($input: CreateWebsiteButtonInput!) { createWebsiteButton(input: $input) { status errors { path } } }`, {
        input: { pipelineAmoId: PIPELINE_IDS.sales, trustedWebsites: ['ok.com', 'not a domain'] },
      }),
    ).createWebsiteButton;
    expect(local).toEqual({ status: 'FAILED', errors: [{ path: ['trustedWebsites', '1'] }] });
    const noSite = dataOf(await stack.gql(`mutation { createWebsiteButton(input: { pipelineAmoId: ${PIPELINE_IDS.sales} }) { status errors { path } } }`)).createWebsiteButton;
    expect(noSite.errors).toEqual([{ path: ['usedInApp'] }]);
    expect(stack.upstreamCalls()).toHaveLength(0);

    const upstream = dataOf(await stack.gql(`mutation { createWebsiteButton(input: { pipelineAmoId: 42, usedInApp: true }) { status errors { code path } } }`)).createWebsiteButton;
    expect(upstream).toEqual({ status: 'FAILED', errors: [{ code: 'NotSupportedChoice', path: ['pipelineAmoId'] }] });
    const noDomains = dataOf(await stack.gql(`mutation { addWebsiteButtonTrustedWebsites(sourceAmoId: 11003, domains: ["a.com"]) { status errors { code } } }`)).addWebsiteButtonTrustedWebsites;
    expect(noDomains).toEqual({ status: 'FAILED', errors: [{ code: 'NotSupportedChoice' }] });

    const account = stack.sandbox.store.account;
    account.current_user_id = USER_IDS.manager1;
    try {
      const denied = dataOf(await stack.gql(`mutation { addWebsiteButtonOnlineChat(sourceAmoId: 11003) { status errors { code } } }`)).addWebsiteButtonOnlineChat;
      expect(denied).toEqual({ status: 'FAILED', errors: [{ code: 'AMOCRM_FORBIDDEN' }] });
    } finally {
      account.current_user_id = USER_IDS.admin;
    }
    expect(snapshot()).toBe(before);
  });
});
