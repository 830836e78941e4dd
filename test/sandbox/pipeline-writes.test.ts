// Pipeline, status and loss-reason writes of the sandbox: admin only, amoCRM's limits and system
// stages, the palette, and what happens to leads.

import { describe, expect, it } from 'vitest';
import { MAX_PIPELINES } from '../../src/sandbox/pipelines/writes.js';
import { LOST_STATUS_ID, PIPELINE_IDS, WON_STATUS_ID } from '../../src/sandbox/seed/ids.js';
import { useFreshSandbox } from './helpers.js';
import { asManager as actAsManager } from '../helpers/sandbox-state.js';

const running = useFreshSandbox();

const store = () => running().sandbox.store;
const snapshot = () => JSON.stringify([store().pipelines.values(), store().lossReasons.values(), store().leads.values()]);
const PIPES = '/api/v4/leads/pipelines';
const newPipeline = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  sort: 50,
  is_main: false,
  is_unsorted_on: true,
  _embedded: { statuses: [{ name: 'First', sort: 20, color: '#fffeb2' }, { name: 'Second', sort: 30, color: '#98cbff' }] },
  ...extra,
});

const asManager = <T>(work: () => Promise<T>) => actAsManager(store(), work);

describe('pipelines', () => {
  it('adds pipelines with their stages, the incoming stage, won and lost (renamed), echoing request_id', async () => {
    const response = await running().api(PIPES, {
      method: 'POST',
      body: [newPipeline('Export', { request_id: 'x', _embedded: { statuses: [{ name: 'Offer', sort: 20, color: '#FFFEB2' }, { id: WON_STATUS_ID, name: 'Shipped' }] } })],
    });
    expect(response.status).toBe(200);
    const [pipeline] = response.body._embedded.pipelines;
    expect(pipeline).toMatchObject({ name: 'Export', is_main: false, is_unsorted_on: true, request_id: 'x' });
    expect(pipeline._embedded.statuses.map((s: any) => [s.name, s.type, s.is_editable, s.color])).toEqual([
      ['Неразобранное', 1, false, '#c1c1c1'],
      ['Offer', 0, true, '#fffeb2'],
      ['Shipped', 0, false, '#CCFF66'],
      ['Закрыто и не реализовано', 0, false, '#D5D8DB'],
    ]);
    expect(pipeline._embedded.statuses.map((s: any) => s.pipeline_id)).toEqual([pipeline.id, pipeline.id, pipeline.id, pipeline.id]);
    // New status ids are account-wide, after every existing one.
    const existing = store().pipelines.values().flatMap((p) => p.statuses.map((s) => s.id)).filter((id) => id > 143 && id < pipeline._embedded.statuses[0].id);
    expect(existing.length).toBeGreaterThan(0);
    expect(store().pipelines.get(pipeline.id)?.statuses).toHaveLength(4);
  });

  it('refuses a batch with missing required fields, no stages, a color outside the palette or two main pipelines; nothing is written', async () => {
    const before = snapshot();
    const response = await running().api(PIPES, {
      method: 'POST',
      body: [
        newPipeline('ok'),
        { name: 'bare' },
        newPipeline('no stages', { _embedded: { statuses: [{ id: LOST_STATUS_ID, name: 'Gone' }] } }),
        newPipeline('red', { _embedded: { statuses: [{ name: 'Hot', sort: 10, color: '#ff0000' }] } }),
        newPipeline('main 1', { is_main: true }),
        newPipeline('main 2', { is_main: true }),
      ],
    });
    expect(response.status).toBe(400);
    const failed = response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((e: any) => `${e.code}:${e.path}`)]);
    expect(failed).toEqual([
      ['1', ['NotBlank:sort', 'NotBlank:is_main', 'NotBlank:is_unsorted_on', 'NotBlank:_embedded']],
      ['2', ['NotBlank:_embedded.statuses']],
      ['3', ['NotSupportedChoice:_embedded.statuses.0.color']],
      ['5', ['NotSupportedChoice:is_main']],
    ]);
    expect(snapshot()).toBe(before);
  });

  it('keeps at most 50 pipelines', async () => {
    const room = MAX_PIPELINES - store().pipelines.size;
    const response = await running().api(PIPES, { method: 'POST', body: Array.from({ length: room + 1 }, (_, i) => newPipeline(`p${i}`)) });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/at most 50 pipelines/);
  });

  it('updates name, sort, unsorted and the main mark, which moves from the old main pipeline', async () => {
    const response = await running().api(`${PIPES}/${PIPELINE_IDS.partners}`, { method: 'PATCH', body: { name: 'Partners', sort: 9, is_main: true, is_unsorted_on: true } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: PIPELINE_IDS.partners, name: 'Partners', sort: 9, is_main: true, is_unsorted_on: true });
    expect(store().pipelines.get(PIPELINE_IDS.sales)?.is_main).toBe(false);
    expect(store().pipelines.values().filter((p) => p.is_main)).toHaveLength(1);
    const unmark = await running().api(`${PIPES}/${PIPELINE_IDS.partners}`, { method: 'PATCH', body: { is_main: false } });
    expect(unmark.status).toBe(400);
    expect(unmark.body['validation-errors'][0].errors[0]).toMatchObject({ code: 'NotSupportedChoice', path: 'is_main' });
    expect((await running().api(`${PIPES}/${PIPELINE_IDS.sales}`, { method: 'PATCH', body: {} })).status).toBe(400);
    expect((await running().api(`${PIPES}/77`, { method: 'PATCH', body: { name: 'x' } })).status).toBe(404);
  });

  it('deletes an empty pipeline; refuses one with leads, the main one and an unknown one', async () => {
    const created = (await running().api(PIPES, { method: 'POST', body: [newPipeline('Temp')] })).body._embedded.pipelines[0];
    expect((await running().api(`${PIPES}/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(store().pipelines.has(created.id)).toBe(false);

    const withLeads = store().leads.values().find((lead) => !lead.is_deleted && lead.pipeline_id === PIPELINE_IDS.corporate);
    expect(withLeads).toBeDefined();
    const refused = await running().api(`${PIPES}/${PIPELINE_IDS.corporate}`, { method: 'DELETE' });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/still has \d+ leads/);
    expect((await running().api(`${PIPES}/${PIPELINE_IDS.sales}`, { method: 'DELETE' })).body.detail).toMatch(/main pipeline/);
    expect((await running().api(`${PIPES}/77`, { method: 'DELETE' })).status).toBe(404);
    expect(store().pipelines.has(PIPELINE_IDS.corporate)).toBe(true);
  });

  it('answers 403 to a non-admin for every write and changes nothing', async () => {
    const before = snapshot();
    const sales = store().pipelines.get(PIPELINE_IDS.sales)!;
    const stage = sales.statuses.find((s) => s.is_editable)!;
    const calls: [string, string, unknown?][] = [
      ['POST', PIPES, [newPipeline('x')]],
      ['PATCH', `${PIPES}/${PIPELINE_IDS.sales}`, { name: 'x' }],
      ['DELETE', `${PIPES}/${PIPELINE_IDS.partners}`],
      ['POST', `${PIPES}/${PIPELINE_IDS.sales}/statuses`, [{ name: 'x', sort: 1 }]],
      ['PATCH', `${PIPES}/${PIPELINE_IDS.sales}/statuses/${stage.id}`, { name: 'x' }],
      ['DELETE', `${PIPES}/${PIPELINE_IDS.sales}/statuses/${stage.id}`],
      ['POST', '/api/v4/leads/loss_reasons', [{ name: 'x' }]],
      ['DELETE', `/api/v4/leads/loss_reasons/${store().lossReasons.values()[0]!.id}`],
    ];
    const statuses = await asManager(() => Promise.all(calls.map(([method, path, body]) => running().api(path, { method, body }).then((r) => r.status))));
    expect(statuses).toEqual(calls.map(() => 403));
    expect(snapshot()).toBe(before);
  });
});

describe('statuses', () => {
  const path = `${PIPES}/${PIPELINE_IDS.sales}/statuses`;

  it('adds statuses in sort order with palette colors and request_id', async () => {
    const response = await running().api(path, { method: 'POST', body: [{ name: 'Demo', sort: 25, color: '#87f2c0', request_id: 'd' }, { name: 'Plain', sort: 65 }] });
    expect(response.status).toBe(200);
    const [demo, plain] = response.body._embedded.statuses;
    expect(demo).toMatchObject({ name: 'Demo', color: '#87f2c0', pipeline_id: PIPELINE_IDS.sales, type: 0, is_editable: true, request_id: 'd' });
    expect(plain.request_id).toBe('1');
    const names = store().pipelines.get(PIPELINE_IDS.sales)!.statuses.map((s) => s.name);
    expect(names.indexOf('Demo')).toBe(2);
    const bad = await running().api(path, { method: 'POST', body: [{ name: 'x' }, { name: 'y', sort: 1, color: 'red' }] });
    expect(bad.status).toBe(400);
    expect(bad.body['validation-errors'].map((i: any) => i.errors[0].path)).toEqual(['sort', 'color']);
    // A sort below the incoming stage's still lands after it.
    await running().api(path, { method: 'POST', body: [{ name: 'Early', sort: 1 }] });
    expect(store().pipelines.get(PIPELINE_IDS.sales)!.statuses.map((s) => s.name).slice(0, 2)).toEqual(['Неразобранное', 'Early']);
  });

  it('edits name, sort and color of an ordinary status, never a system one', async () => {
    const sales = store().pipelines.get(PIPELINE_IDS.sales)!;
    const stage = sales.statuses.find((s) => s.is_editable)!;
    const response = await running().api(`${path}/${stage.id}`, { method: 'PATCH', body: { name: 'Call', color: '#ff8f92', sort: 99 } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: stage.id, name: 'Call', color: '#ff8f92', sort: 99 });
    for (const id of [WON_STATUS_ID, sales.statuses.find((s) => s.type === 1)!.id]) {
      const refused = await running().api(`${path}/${id}`, { method: 'PATCH', body: { name: 'x' } });
      expect(refused.status).toBe(400);
      expect(refused.body['validation-errors'][0].errors[0].path).toBe('id');
    }
    expect((await running().api(`${path}/${stage.id}`, { method: 'PATCH', body: { color: '#123456' } })).status).toBe(400);
    expect((await running().api(`${path}/999`, { method: 'PATCH', body: { name: 'x' } })).status).toBe(404);
  });

  it('deletes a status and moves its leads to the first stage of the pipeline; system stages stay', async () => {
    const sales = store().pipelines.get(PIPELINE_IDS.sales)!;
    const [first, second] = sales.statuses.filter((s) => s.is_editable);
    const moved = store().leads.values().filter((lead) => !lead.is_deleted && lead.pipeline_id === PIPELINE_IDS.sales && lead.status_id === second!.id).map((lead) => lead.id);
    expect(moved.length).toBeGreaterThan(0);
    expect((await running().api(`${path}/${second!.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(store().pipelines.get(PIPELINE_IDS.sales)!.statuses.some((s) => s.id === second!.id)).toBe(false);
    expect(moved.map((id) => store().leads.get(id)!.status_id)).toEqual(moved.map(() => first!.id));
    for (const id of [WON_STATUS_ID, LOST_STATUS_ID, sales.statuses.find((s) => s.type === 1)!.id]) {
      expect((await running().api(`${path}/${id}`, { method: 'DELETE' })).status).toBe(400);
    }
  });

  it('keeps the last ordinary stage of a pipeline', async () => {
    const created = (await running().api(PIPES, { method: 'POST', body: [newPipeline('One', { _embedded: { statuses: [{ name: 'Only', sort: 20 }] } })] })).body._embedded.pipelines[0];
    const only = created._embedded.statuses.find((s: any) => s.name === 'Only');
    const refused = await running().api(`${PIPES}/${created.id}/statuses/${only.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/last stage/);
  });
});

describe('loss reasons', () => {
  const path = '/api/v4/leads/loss_reasons';

  it('adds loss reasons after the last sort and deletes one, clearing it from its leads', async () => {
    const response = await running().api(path, { method: 'POST', body: [{ name: 'Too slow', request_id: 'a' }, { name: 'Closed', sort: 5 }] });
    expect(response.status).toBe(200);
    const [slow, closed] = response.body._embedded.loss_reasons;
    expect(slow).toMatchObject({ name: 'Too slow', sort: 70, request_id: 'a' });
    expect(closed).toMatchObject({ name: 'Closed', sort: 5, request_id: '1' });
    expect(store().lossReasons.get(slow.id)?.name).toBe('Too slow');

    const reason = store().leads.values().find((lead) => lead.loss_reason_id !== null)!.loss_reason_id!;
    expect((await running().api(`${path}/${reason}`, { method: 'DELETE' })).status).toBe(204);
    expect(store().lossReasons.has(reason)).toBe(false);
    expect(store().leads.values().some((lead) => lead.loss_reason_id === reason)).toBe(false);
    expect((await running().api(`${path}/${reason}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a reason without a name and writes nothing', async () => {
    const before = snapshot();
    const response = await running().api(path, { method: 'POST', body: [{ name: 'fine' }, { sort: 1 }] });
    expect(response.status).toBe(400);
    expect(response.body['validation-errors']).toEqual([{ request_id: '1', errors: [expect.objectContaining({ code: 'NotBlank', path: 'name' })] }]);
    expect(snapshot()).toBe(before);
  });
});
