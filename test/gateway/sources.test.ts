// Lead sources end to end against the sandbox: list and get with their pipelines, create with a
// WhatsApp service, update, delete; bad input refused per item with nothing written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store.sources;
const snapshot = () => JSON.stringify(store().values());
const writes = () => stack.upstreamCalls().filter((call) => call.method !== 'GET');

describe('sources', () => {
  it('lists sources with their pipelines and filters by external id', async () => {
    stack.resetLog();
    const data = dataOf(await stack.gql(`{ sources { amoId name externalId isDefault pipeline { amoId name } services { type } } }`));
    expect(data.sources.map((s: any) => s.amoId)).toEqual(store().values().map((row) => row.id));
    expect(data.sources[0].pipeline.amoId).toBe(store().values()[0]!.pipeline_id);
    // One list call and the pipelines once, however many sources there are.
    expect(stack.upstreamCalls().length).toBeLessThanOrEqual(2);
    const one = dataOf(await stack.gql(`{ sources(externalIds: ["telegram-bot"]) { amoId } source(amoId: 11003) { externalId } none: source(amoId: 5) { amoId } }`));
    expect(one).toEqual({ sources: [{ amoId: 11_002 }], source: { externalId: 'callback-widget' }, none: null });
  });

  it('creates, updates and deletes sources, as the sandbox then holds them', async () => {
    const created = dataOf(
      await stack.gql(
        `mutation ($input: [CreateSourceInput!]!) { createSources(input: $input) { succeededCount results { status errors { message } source { amoId externalId pipeline { amoId } services { waba pages { pageId link } } } } } }`,
        { input: [{ name: 'WhatsApp', externalId: 'wa-main', pipelineAmoId: PIPELINE_IDS.partners, whatsapp: [{ waba: true, pages: [{ name: 'Sales', pageId: 's1', link: '79001112233' }] }] }] },
      ),
    ).createSources;
    expect(created.succeededCount).toBe(1);
    const id = created.results[0].source.amoId;
    expect(created.results[0].source).toMatchObject({ pipeline: { amoId: PIPELINE_IDS.partners }, services: [{ waba: true, pages: [{ pageId: 's1', link: '79001112233' }] }] });
    expect(store().get(id)).toMatchObject({ external_id: 'wa-main', services: [{ type: 'whatsapp', params: { waba: true } }] });

    const updated = dataOf(
      await stack.gql(`mutation ($input: [UpdateSourceInput!]!) { updateSources(input: $input) { succeededCount results { source { name } } } }`, {
        input: [{ amoId: id, name: 'WhatsApp 2', isDefault: true }],
      }),
    ).updateSources;
    expect(updated.succeededCount).toBe(1);
    expect(store().get(id)).toMatchObject({ name: 'WhatsApp 2', default: true });

    const deleted = dataOf(await stack.gql(`mutation { deleteSources(amoIds: [${id}]) { succeededCount results { amoId status } } }`)).deleteSources;
    expect(deleted.results).toEqual([{ amoId: id, status: 'SUCCEEDED' }]);
    expect(store().has(id)).toBe(false);
  });

  it('refuses bad items on their own: a taken external id, a bad origin code, an unknown pipeline; nothing of them is written', async () => {
    const before = snapshot();
    stack.resetLog();
    const result = dataOf(
      await stack.gql(`mutation ($input: [CreateSourceInput!]!) { createSources(input: $input) { succeededCount failedCount results { status errors { path code } } } }`, {
        input: [
          { name: 'a', externalId: 'telegram-bot' },
          { name: 'b', externalId: 'x', originCode: '123' },
          { name: 'c', externalId: 'z', pipelineAmoId: 42 },
          { name: 'd', externalId: 'y' },
        ],
      }),
    ).createSources;
    expect(result.results.map((r: any) => [r.status, r.errors.map((e: any) => e.path.join('.'))])).toEqual([
      ['FAILED', ['externalId']],
      ['FAILED', ['originCode']],
      ['FAILED', ['pipelineAmoId']],
      ['SUCCEEDED', []],
    ]);
    // amoCRM named the bad items and wrote nothing; the valid rest went again on its own.
    expect(store().values().filter((row) => row.external_id === 'y')).toHaveLength(1);
    expect(writes()).toHaveLength(2);
    await stack.gql(`mutation { deleteSources(amoIds: [${store().values().find((row) => row.external_id === 'y')!.id}]) { succeededCount } }`);
    expect(snapshot()).toBe(before);

    const missing = dataOf(await stack.gql(`mutation { deleteSources(amoIds: [11001, 77]) { results { status errors { code } } } }`)).deleteSources;
    expect(missing.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(missing.results[1].errors[0].code).toBe('NotFound');
    expect(store().has(11_001)).toBe(false);
  });
});
