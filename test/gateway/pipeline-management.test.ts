// Managing pipelines, statuses and loss reasons end to end against the sandbox: every write is
// answered per item, lands in the sandbox, drops the cached metadata so the next read (in the same
// request or a later one) is fresh; a non-admin and bad input change nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_IDS, USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  // A long TTL: only the writes' invalidation can make reads fresh.
  stack = await startStack({ metadataTtlMs: 600_000 });
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const snapshot = () => JSON.stringify([store().pipelines.values(), store().lossReasons.values(), store().leads.values()]);
const calls = (method?: string) => stack.upstreamCalls().filter((call) => method === undefined || call.method === method);

const CREATE_PIPELINES = `mutation ($input: [CreatePipelineInput!]!) {
  createPipelines(input: $input) { succeededCount failedCount results { status errors { code path message } pipeline { amoId name isMain statuses { name color kind } } } }
}`;
const CREATE_STATUSES = `mutation ($input: [CreateStatusInput!]!) {
  createStatuses(input: $input) { succeededCount failedCount results { status errors { code path } leadStatus { amoId name color pipeline { amoId statuses { name } } } } }
}`;

describe('pipelines and statuses', () => {
  it('creates a pipeline; the cached pipelines list shows it at once, with one upstream read', async () => {
    dataOf(await stack.gql(`{ pipelines { amoId } }`)); // warm the cache
    stack.resetLog();
    const created = dataOf(
      await stack.gql(CREATE_PIPELINES, {
        input: [{ name: 'Export', sort: 40, statuses: [{ name: 'Offer', sort: 20, color: '#DEFF81' }, { name: 'Contract', sort: 30 }], lostStatusName: 'Lost abroad' }],
      }),
    ).createPipelines;
    expect(created.succeededCount).toBe(1);
    const pipeline = created.results[0].pipeline;
    expect(pipeline.statuses).toEqual([
      { name: 'Неразобранное', color: '#c1c1c1', kind: 'INCOMING' },
      { name: 'Offer', color: '#deff81', kind: 'OPEN' },
      { name: 'Contract', color: '#fffeb2', kind: 'OPEN' },
      { name: 'Успешно реализовано', color: '#CCFF66', kind: 'WON' },
      { name: 'Lost abroad', color: '#D5D8DB', kind: 'LOST' },
    ]);
    expect(store().pipelines.get(pipeline.amoId)).toMatchObject({ name: 'Export', is_main: false, is_unsorted_on: true });
    expect(calls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v4/leads/pipelines']);

    stack.resetLog();
    const read = dataOf(await stack.gql(`{ pipelines { amoId } pipeline(amoId: ${pipeline.amoId}) { name } }`));
    expect(read.pipelines.map((p: any) => p.amoId)).toContain(pipeline.amoId);
    expect(read.pipeline.name).toBe('Export');
    expect(calls().map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/v4/leads/pipelines']);
  });

  it('adds statuses to two pipelines, one call each; the status read back through the cache in the same request is fresh', async () => {
    dataOf(await stack.gql(`{ pipelines { amoId } }`));
    stack.resetLog();
    const result = dataOf(
      await stack.gql(CREATE_STATUSES, {
        input: [
          { pipelineAmoId: PIPELINE_IDS.sales, name: 'Demo', sort: 25, color: '#87f2c0' },
          { pipelineAmoId: PIPELINE_IDS.partners, name: 'Audit', sort: 45 },
          { pipelineAmoId: PIPELINE_IDS.sales, name: 'Trial', sort: 26 },
        ],
      }),
    ).createStatuses;
    expect(result.results.map((r: any) => [r.status, r.leadStatus?.name, r.leadStatus?.pipeline.amoId])).toEqual([
      ['SUCCEEDED', 'Demo', PIPELINE_IDS.sales],
      ['SUCCEEDED', 'Audit', PIPELINE_IDS.partners],
      ['SUCCEEDED', 'Trial', PIPELINE_IDS.sales],
    ]);
    // `status.pipeline` comes from the cached pipelines, reloaded after the write.
    expect(result.results[0].leadStatus.pipeline.statuses.map((s: any) => s.name)).toEqual(expect.arrayContaining(['Demo', 'Trial']));
    expect(calls('POST').map((call) => call.path)).toEqual([
      `/api/v4/leads/pipelines/${PIPELINE_IDS.sales}/statuses`,
      `/api/v4/leads/pipelines/${PIPELINE_IDS.partners}/statuses`,
    ]);
    expect(calls('GET')).toHaveLength(1);
    const names = store().pipelines.get(PIPELINE_IDS.sales)!.statuses.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Demo', 'Trial']));
  });

  it('updates a pipeline and a status, one upstream call each, and reads them back fresh', async () => {
    const stage = store().pipelines.get(PIPELINE_IDS.partners)!.statuses.find((s) => s.is_editable)!;
    stack.resetLog();
    const data = dataOf(
      await stack.gql(
        `mutation ($p: [UpdatePipelineInput!]!, $s: [UpdateStatusInput!]!) {
          updatePipelines(input: $p) { succeededCount results { pipeline { name sort isMain } } }
          updateStatuses(input: $s) { succeededCount results { leadStatus { name color sort } } }
        }`,
        {
          p: [{ amoId: PIPELINE_IDS.partners, name: 'Partners', sort: 7 }],
          s: [{ pipelineAmoId: PIPELINE_IDS.partners, statusAmoId: stage.id, name: 'Lead in', color: '#ff8f92' }],
        },
      ),
    );
    expect(data.updatePipelines.results[0].pipeline).toEqual({ name: 'Partners', sort: 7, isMain: false });
    expect(data.updateStatuses.results[0].leadStatus).toMatchObject({ name: 'Lead in', color: '#ff8f92' });
    expect(calls('PATCH').map((call) => call.path)).toEqual([
      `/api/v4/leads/pipelines/${PIPELINE_IDS.partners}`,
      `/api/v4/leads/pipelines/${PIPELINE_IDS.partners}/statuses/${stage.id}`,
    ]);
    expect(store().pipelines.get(PIPELINE_IDS.partners)).toMatchObject({ name: 'Partners', sort: 7 });
    const read = dataOf(await stack.gql(`{ status(pipelineId: ${PIPELINE_IDS.partners}, statusId: ${stage.id}) { name color } }`));
    expect(read.status).toEqual({ name: 'Lead in', color: '#ff8f92' });
  });

  it('deletes a status (its leads move to the first stage) and an empty pipeline; refusals are per item', async () => {
    const sales = store().pipelines.get(PIPELINE_IDS.sales)!;
    const [first, second] = sales.statuses.filter((s) => s.is_editable);
    const leads = store().leads.values().filter((l) => !l.is_deleted && l.pipeline_id === PIPELINE_IDS.sales && l.status_id === second!.id).map((l) => l.id);
    const empty = dataOf(await stack.gql(CREATE_PIPELINES, { input: [{ name: 'Temp', sort: 90, statuses: [{ name: 'Only', sort: 20 }] }] })).createPipelines.results[0].pipeline.amoId;
    stack.resetLog();
    const data = dataOf(
      await stack.gql(
        `mutation ($s: [StatusKeyInput!]!, $p: [Int!]!) {
          deleteStatuses(input: $s) { succeededCount results { status statusAmoId errors { code message } } }
          deletePipelines(amoIds: $p) { succeededCount results { status amoId errors { code message } } }
        }`,
        { s: [{ pipelineAmoId: PIPELINE_IDS.sales, statusAmoId: second!.id }], p: [empty, PIPELINE_IDS.corporate] },
      ),
    );
    expect(data.deleteStatuses.results).toEqual([{ status: 'SUCCEEDED', statusAmoId: second!.id, errors: [] }]);
    expect(leads.map((id) => store().leads.get(id)!.status_id)).toEqual(leads.map(() => first!.id));
    expect(data.deletePipelines.results[0]).toEqual({ status: 'SUCCEEDED', amoId: empty, errors: [] });
    expect(data.deletePipelines.results[1].status).toBe('FAILED');
    expect(data.deletePipelines.results[1].errors[0].message).toMatch(/still has \d+ leads/);
    expect(store().pipelines.has(empty)).toBe(false);
    expect(store().pipelines.has(PIPELINE_IDS.corporate)).toBe(true);
    expect(calls('DELETE')).toHaveLength(3);

    stack.resetLog();
    const read = dataOf(await stack.gql(`{ pipelines { amoId statuses { amoId } } }`));
    expect(read.pipelines.map((p: any) => p.amoId)).not.toContain(empty);
    expect(read.pipelines.find((p: any) => p.amoId === PIPELINE_IDS.sales).statuses.map((s: any) => s.amoId)).not.toContain(second!.id);
    expect(calls()).toHaveLength(1);
  });

  it('refuses bad input before any upstream call and changes nothing', async () => {
    const before = snapshot();
    stack.resetLog();
    const data = dataOf(
      await stack.gql(
        `mutation ($p: [CreatePipelineInput!]!, $s: [UpdateStatusInput!]!, $d: [StatusKeyInput!]!) {
          createPipelines(input: $p) { failedCount results { errors { path } } }
          updateStatuses(input: $s) { failedCount results { errors { path } } }
          deleteStatuses(input: $d) { failedCount results { errors { path } } }
        }`,
        {
          p: [
            { name: ' ', sort: 1, statuses: [{ name: 'a', sort: 1 }] },
            { name: 'x', sort: 1, statuses: [] },
            { name: 'y', sort: 1, statuses: [{ name: 'a', sort: 1, color: '#ff0000' }] },
          ],
          s: [{ pipelineAmoId: PIPELINE_IDS.sales, statusAmoId: 142, name: 'Won!' }, { pipelineAmoId: PIPELINE_IDS.sales, statusAmoId: 4_000_102 }],
          d: [{ pipelineAmoId: PIPELINE_IDS.sales, statusAmoId: 143 }],
        },
      ),
    );
    expect(data.createPipelines.results.map((r: any) => r.errors.map((e: any) => e.path.join('.')))).toEqual([['name'], ['statuses'], ['statuses.0.color']]);
    expect(data.updateStatuses.results.map((r: any) => r.errors.map((e: any) => e.path.join('.')))).toEqual([['statusAmoId'], ['']]);
    expect(data.deleteStatuses.failedCount).toBe(1);
    expect(calls()).toHaveLength(0);
    expect(snapshot()).toBe(before);
  });

  it("maps amoCRM's validation errors back to the input item and field", async () => {
    const before = snapshot();
    const incoming = store().pipelines.get(PIPELINE_IDS.sales)!.statuses.find((s) => s.type === 1)!.id;
    stack.resetLog();
    const data = dataOf(
      await stack.gql(`mutation ($s: [UpdateStatusInput!]!) { updateStatuses(input: $s) { failedCount results { status errors { code path } } } }`, {
        s: [{ pipelineAmoId: PIPELINE_IDS.sales, statusAmoId: incoming, name: 'Inbox' }],
      }),
    );
    expect(data.updateStatuses.results[0]).toEqual({ status: 'FAILED', errors: [{ code: 'NotSupportedChoice', path: ['statusAmoId'] }] });
    expect(calls()).toHaveLength(1);
    expect(snapshot()).toBe(before);
  });
});

describe('loss reasons', () => {
  it('creates and deletes loss reasons; lossReasons reads fresh after each', async () => {
    dataOf(await stack.gql(`{ lossReasons { amoId } }`));
    stack.resetLog();
    const created = dataOf(
      await stack.gql(`mutation { createLossReasons(input: [{ name: "Too slow" }, { name: "No stock", sort: 1 }]) { succeededCount results { lossReason { amoId name sort } } } }`),
    ).createLossReasons;
    expect(created.succeededCount).toBe(2);
    const [slow, stock] = created.results.map((r: any) => r.lossReason);
    expect(store().lossReasons.get(slow.amoId)?.name).toBe('Too slow');
    expect(stock.sort).toBe(1);
    expect(calls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v4/leads/loss_reasons']);

    stack.resetLog();
    const names = dataOf(await stack.gql(`{ lossReasons { name } }`)).lossReasons.map((r: any) => r.name);
    expect(names[0]).toBe('No stock');
    expect(names).toContain('Too slow');
    expect(calls()).toHaveLength(1);

    stack.resetLog();
    const deleted = dataOf(await stack.gql(`mutation { deleteLossReasons(amoIds: [${slow.amoId}, 99, ${slow.amoId}]) { results { status amoId errors { code } } } }`)).deleteLossReasons;
    expect(deleted.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'FAILED']);
    expect(deleted.results[1].errors[0].code).toBe('AMOCRM_NOT_FOUND');
    expect(calls('DELETE')).toHaveLength(2);
    expect(store().lossReasons.has(slow.amoId)).toBe(false);
    const after = dataOf(await stack.gql(`{ lossReasons { amoId } }`)).lossReasons.map((r: any) => r.amoId);
    expect(after).not.toContain(slow.amoId);
  });
});

describe('a non-admin', () => {
  // Only two distinct endpoints: JSON 403s on three within a minute open the gateway's ban breaker
  // (src/rest/ban-breaker.ts). Every write's 403 is covered in test/sandbox/pipeline-writes.test.ts.
  it('is refused per item with the 403, said to be admin only, and nothing changes', async () => {
    const before = snapshot();
    store().account.current_user_id = USER_IDS.manager1;
    try {
      stack.resetLog();
      const data = dataOf(
        await stack.gql(`mutation {
          createPipelines(input: [{ name: "x", sort: 1, statuses: [{ name: "a", sort: 1 }] }]) { failedCount results { status errors { code message } } }
          createLossReasons(input: [{ name: "x" }, { name: "y" }]) { failedCount results { status errors { code } } }
        }`),
      );
      expect(data.createPipelines.results[0]).toMatchObject({ status: 'FAILED', errors: [{ code: 'AMOCRM_FORBIDDEN', message: expect.stringMatching(/administrators only/) }] });
      expect(data.createLossReasons.failedCount).toBe(2);
      expect(data.createLossReasons.results.map((r: any) => r.errors[0].code)).toEqual(['AMOCRM_FORBIDDEN', 'AMOCRM_FORBIDDEN']);
      // One refused call each, never repeated.
      expect(calls().map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual([
        'POST /api/v4/leads/pipelines 403',
        'POST /api/v4/leads/loss_reasons 403',
      ]);
    } finally {
      store().account.current_user_id = USER_IDS.admin;
    }
    expect(snapshot()).toBe(before);
  });
});
