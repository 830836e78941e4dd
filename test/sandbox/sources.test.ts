import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS } from '../../src/sandbox/seed/ids.js';
import { useFreshSandbox } from './helpers.js';

const running = useFreshSandbox();

const store = () => running().sandbox.store.sources;
const snapshot = () => JSON.stringify(store().values());

describe('/api/v4/sources', () => {
  it('lists the seeded sources with a total and filters by external_id', async () => {
    const all = await running().api('/api/v4/sources');
    expect(all.status).toBe(200);
    expect(all.body._total_items).toBe(store().size);
    expect(all.body._embedded.sources.map((row: any) => row.external_id)).toEqual(store().values().map((row) => row.external_id));
    const one = await running().api('/api/v4/sources?filter[external_id][]=telegram-bot');
    expect(one.body._embedded.sources).toHaveLength(1);
    expect(one.body._embedded.sources[0]).toMatchObject({ id: 11_002, name: 'Telegram-бот', pipeline_id: PIPELINE_IDS.sales, services: [], default: false });
    expect((await running().api('/api/v4/sources?filter[external_id]=nothing')).status).toBe(204);
  });

  it('gets one source by id and answers 204 for an unknown one', async () => {
    expect((await running().api('/api/v4/sources/11001')).body.external_id).toBe('site-demo-company');
    expect((await running().api('/api/v4/sources/99')).status).toBe(204);
  });

  it('adds sources to the main pipeline by default, with WhatsApp services, echoing request_id', async () => {
    const response = await running().api('/api/v4/sources', {
      method: 'POST',
      body: [
        { name: 'WhatsApp', external_id: 'wa-1', request_id: 'a', services: [{ type: 'whatsapp', params: { waba: true }, pages: [{ name: '+7 900', id: 'p1', link: '79000000000' }] }] },
        { name: 'Chat', external_id: 'chat-1', pipeline_id: PIPELINE_IDS.partners, default: true, origin_code: 'demo.chat' },
      ],
    });
    expect(response.status).toBe(200);
    const [wa, chat] = response.body._embedded.sources;
    expect(wa.request_id).toBe('a');
    expect(store().get(wa.id)).toMatchObject({ pipeline_id: PIPELINE_IDS.sales, services: [{ type: 'whatsapp', params: { waba: true }, pages: [{ id: 'p1' }] }] });
    expect(store().get(chat.id)).toMatchObject({ pipeline_id: PIPELINE_IDS.partners, default: true, origin_code: 'demo.chat' });
  });

  it('refuses a batch with a taken external_id, a bad pipeline, a bad origin_code or service and writes nothing', async () => {
    const before = snapshot();
    const response = await running().api('/api/v4/sources', {
      method: 'POST',
      body: [
        { name: 'ok', external_id: 'fine' },
        { name: 'dup', external_id: 'telegram-bot' },
        { name: 'pipe', external_id: 'p', pipeline_id: 1 },
        { name: 'code', external_id: 'c', origin_code: '12345' },
        { name: 'svc', external_id: 's', services: [{ type: 'telegram' }] },
        { external_id: 'no-name' },
        { name: 'twice', external_id: 'fine' },
      ],
    });
    expect(response.status).toBe(400);
    const failed = response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)]);
    expect(failed).toEqual([
      ['1', ['NotSupportedChoice external_id']],
      ['2', ['NotSupportedChoice pipeline_id']],
      ['3', ['InvalidType origin_code']],
      ['4', ['NotSupportedChoice services.0.type']],
      ['5', ['NotBlank name']],
      ['6', ['NotSupportedChoice external_id']],
    ]);
    expect(snapshot()).toBe(before);
  });

  it('updates in batch and by path, and deletes in batch and by path', async () => {
    const patched = await running().api('/api/v4/sources', { method: 'PATCH', body: [{ id: 11_001, name: 'Сайт', pipeline_id: PIPELINE_IDS.corporate }] });
    expect(patched.status).toBe(200);
    expect(store().get(11_001)).toMatchObject({ name: 'Сайт', pipeline_id: PIPELINE_IDS.corporate, external_id: 'site-demo-company' });
    expect((await running().api('/api/v4/sources/11002', { method: 'PATCH', body: { default: true } })).body.default).toBe(true);
    const before = snapshot();
    const bad = await running().api('/api/v4/sources', { method: 'DELETE', body: [{ id: 11_001 }, { id: 5 }] });
    expect(bad.status).toBe(400);
    expect(snapshot()).toBe(before);
    expect((await running().api('/api/v4/sources', { method: 'DELETE', body: [{ id: 11_001 }] })).status).toBe(204);
    expect((await running().api('/api/v4/sources/11003', { method: 'DELETE' })).status).toBe(204);
    expect(store().values().map((row) => row.id)).toEqual([11_002]);
  });
});
