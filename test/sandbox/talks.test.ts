import { describe, expect, it } from 'vitest';
import { FIRST_TALK_ID } from '../../src/sandbox/seed/talks.js';
import { useFreshSandbox } from './helpers.js';

const running = useFreshSandbox();

const store = () => running().sandbox.store;

describe('/api/v4/talks', () => {
  it('answers a seeded talk with its contact and lead, and 404 for an unknown one', async () => {
    const talk = store().talks.get(FIRST_TALK_ID)!;
    const response = await running().api(`/api/v4/talks/${FIRST_TALK_ID}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ talk_id: FIRST_TALK_ID, contact_id: talk.contact_id, is_in_work: true, account_id: store().account.id });
    expect(response.body._embedded.contacts).toEqual([{ id: talk.contact_id }]);
    if (talk.entity_type === 'lead') expect(response.body._embedded.leads).toEqual([{ id: talk.entity_id }]);
    expect((await running().api('/api/v4/talks/9')).status).toBe(404);
  });

  it('closes a talk with 202 and no body; a bad force_close or an unknown talk changes nothing', async () => {
    expect((await running().api(`/api/v4/talks/${FIRST_TALK_ID}/close`, { method: 'POST', body: { force_close: 'yes' } })).status).toBe(400);
    expect((await running().api('/api/v4/talks/9/close', { method: 'POST', body: { force_close: true } })).status).toBe(404);
    expect(store().talks.get(FIRST_TALK_ID)!.is_in_work).toBe(true);
    const closed = await running().api(`/api/v4/talks/${FIRST_TALK_ID}/close`, { method: 'POST', body: { force_close: true } });
    expect(closed.status).toBe(202);
    expect(closed.text).toBe('');
    expect(store().talks.get(FIRST_TALK_ID)!.is_in_work).toBe(false);
  });
});
