// The webhook body parser, on bodies built the way amoCRM sends them: PHP-style nested form keys
// with v2 field names, custom fields, tags, and several entity/action groups per POST.

import { describe, expect, it } from 'vitest';
import { parseWebhookBody, WebhookBodyError } from '../../src/webhooks/events.js';
import { FormParseError, parseForm } from '../../src/webhooks/form.js';
import { tokenLabel, verifyWebhookToken, webhookToken } from '../../src/webhooks/token.js';

/** Encodes pairs exactly as a PHP form post: keys with brackets, percent-encoded. */
function form(pairs: [string, string | number][]): string {
  return new URLSearchParams(pairs.map(([key, value]) => [key, String(value)])).toString();
}

const STATUS_CHANGE: [string, string | number][] = [
  ['leads[status][0][id]', 700501],
  ['leads[status][0][name]', 'Website order #77'],
  ['leads[status][0][status_id]', 142],
  ['leads[status][0][old_status_id]', 3000011],
  ['leads[status][0][pipeline_id]', 3000001],
  ['leads[status][0][old_pipeline_id]', 3000001],
  ['leads[status][0][price]', 12500],
  ['leads[status][0][responsible_user_id]', 900001],
  ['leads[status][0][last_modified]', 1718001000],
  ['leads[status][0][date_create]', 1718000000],
  ['leads[status][0][account_id]', 31000001],
  ['leads[status][0][tags][0][id]', 51],
  ['leads[status][0][tags][0][name]', 'web'],
  ['leads[status][0][custom_fields][0][id]', 555002],
  ['leads[status][0][custom_fields][0][name]', 'Source'],
  ['leads[status][0][custom_fields][0][values][0][value]', 'Website'],
  ['leads[status][0][custom_fields][0][values][0][enum]', 7001],
  ['leads[status][0][custom_fields][1][id]', 555003],
  ['leads[status][0][custom_fields][1][values][0]', 1542067200],
  ['account[subdomain]', 'demo'],
  ['account[id]', 31000001],
];

describe('parseForm', () => {
  it('nests PHP-style keys, digit segments as array indexes', () => {
    const parsed = parseForm(form(STATUS_CHANGE)) as any;
    expect(parsed.account).toEqual({ subdomain: 'demo', id: '31000001' });
    const lead = parsed.leads.status[0];
    expect(lead.tags).toEqual([{ id: '51', name: 'web' }]);
    expect(lead.custom_fields[0].values).toEqual([{ value: 'Website', enum: '7001' }]);
    expect(lead.custom_fields[1].values).toEqual(['1542067200']);
  });

  it.each([
    ['a prototype key', 'leads[__proto__][0][id]=1'],
    ['an unclosed bracket', 'leads[add][0][id=1'],
    ['a value and a container under one key', 'leads[add][0][id]=1&leads[add][0][id][x]=2'],
    ['an index where a name was used', 'leads[add][0][id]=1&leads[0]=2'],
    ['a huge index', 'leads[add][100000][id]=1'],
    ['deep nesting', `a${'[b]'.repeat(20)}=1`],
  ])('refuses %s', (_name, body) => {
    expect(() => parseForm(body)).toThrow(FormParseError);
  });
});

describe('parseWebhookBody', () => {
  it('maps a status change to a typed lead event with our names', () => {
    const { events, account } = parseWebhookBody(form(STATUS_CHANGE));
    expect(account).toEqual({ id: 31000001, subdomain: 'demo' });
    expect(events).toEqual([
      {
        entity: 'lead',
        action: 'status',
        amoId: 700501,
        accountId: 31000001,
        occurredAt: 1718001000,
        statusId: 142,
        oldStatusId: 3000011,
        pipelineId: 3000001,
        oldPipelineId: 3000001,
        responsibleUserId: 900001,
        oldResponsibleUserId: null,
        noteId: null,
      },
    ]);
  });

  it('reads several groups and items in one POST: leads, contacts, companies among contacts, tasks, notes', () => {
    const body = form([
      ['leads[update][0][id]', 1],
      ['leads[update][0][date_create]', 1718000000],
      ['leads[update][1][id]', 2],
      ['leads[update][1][last_modified]', 1718000500],
      ['leads[delete][0][id]', 3],
      ['contacts[add][0][id]', 10],
      ['contacts[add][0][type]', 'contact'],
      ['contacts[add][1][id]', 20],
      ['contacts[add][1][type]', 'company'],
      ['contacts[responsible][0][id]', 11],
      ['contacts[responsible][0][responsible_user_id]', 900002],
      ['contacts[responsible][0][old_responsible_user_id]', 900001],
      ['task[add][0][id]', 30],
      ['task[add][0][element_id]', 1],
      ['task[add][0][element_type]', 2],
      ['leads[note][0][note][id]', 40],
      ['leads[note][0][note][element_id]', 2],
      ['leads[note][0][note][note_type]', 4],
      ['leads[note][0][note][text]', 'called'],
      ['customers[add][0][id]', 99],
      ['account[subdomain]', 'demo'],
    ]);
    const { events } = parseWebhookBody(body, 1_800_000_000);
    expect(events.map((e) => [e.entity, e.action, e.amoId, e.occurredAt])).toEqual([
      ['lead', 'update', 1, 1718000000],
      ['lead', 'update', 2, 1718000500],
      ['lead', 'delete', 3, 1_800_000_000],
      ['lead', 'note', 2, 1_800_000_000],
      ['contact', 'add', 10, 1_800_000_000],
      ['company', 'add', 20, 1_800_000_000],
      ['contact', 'responsible', 11, 1_800_000_000],
      ['task', 'add', 30, 1_800_000_000],
    ]);
    expect(events[3]!.noteId).toBe(40);
    expect(events[6]).toMatchObject({ responsibleUserId: 900002, oldResponsibleUserId: 900001 });
  });

  it('reads a batch of 50 items in one group', () => {
    const pairs: [string, number][] = [];
    for (let i = 0; i < 50; i += 1) pairs.push([`leads[update][${i}][id]`, 1000 + i]);
    expect(parseWebhookBody(form(pairs)).events.map((e) => e.amoId)).toEqual(Array.from({ length: 50 }, (_, i) => 1000 + i));
  });

  it.each([
    ['an empty body', ''],
    ['only the account', 'account[subdomain]=demo&account[id]=1'],
    ['only groups it does not know', 'customers[add][0][id]=1'],
    ['an item without an id', 'leads[update][0][name]=x'],
    ['a non-numeric id', 'leads[update][0][id]=abc'],
    ['a non-numeric account id', 'leads[update][0][id]=1&account[id]=x'],
    ['a group that is a plain value', 'leads=1'],
    ['JSON instead of a form', '{"leads":{"update":[{"id":1}]}}'],
  ])('refuses %s', (_name, body) => {
    expect(() => parseWebhookBody(body)).toThrow(WebhookBodyError);
  });
});

describe('webhook tokens', () => {
  const secret = 'x'.repeat(32);
  it('verifies only the token of the same account and secret', () => {
    const token = webhookToken(secret, 's', 'http://127.0.0.1:1234');
    expect(tokenLabel(token)).toBe('s');
    expect(verifyWebhookToken(secret, token, 'http://127.0.0.1:1234')).toBe(true);
    expect(verifyWebhookToken(secret, token, 'http://127.0.0.1:1235')).toBe(false);
    expect(verifyWebhookToken('y'.repeat(32), token, 'http://127.0.0.1:1234')).toBe(false);
    expect(verifyWebhookToken(secret, `${token.slice(0, -1)}A`, 'http://127.0.0.1:1234')).toBe(token.endsWith('A'));
    expect(tokenLabel('s.short')).toBeNull();
  });
});
