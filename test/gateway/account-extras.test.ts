// The account with every `with=` extra in one call, currencies, and the read-only escape hatch
// (`amocrmRequest`): off by default, GET only, refusing paths outside /api/v4/.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LEAD_ID } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let open: Stack;

beforeAll(async () => {
  [stack, open] = await Promise.all([startStack(), startStack({ rawRequests: true })]);
});
afterAll(() => Promise.all([stack.close(), open.close()]));

describe('account extras', () => {
  it('answers every extra from one /api/v4/account call', async () => {
    stack.resetLog();
    const { account } = dataOf<any>(
      await stack.gql(`query { account {
        amoId amojoId version driveUrl isApiFilterEnabled mobileFeatureVersion entityNames
        amojoRights { canDirect canCreateGroups }
        datetimeSettings { datePattern timezone timezoneOffset }
        invoicesSettings { lang invoicesCatalogAmoId }
        userGroups { amoId name } taskTypes { amoId name }
        createdBy { amoId } updatedAt
      } }`),
    );
    const stored = stack.sandbox.store.account;
    expect(account).toMatchObject({
      amoId: stored.id,
      amojoId: stored.amojo_id,
      version: stored.version,
      driveUrl: stored.drive_url,
      amojoRights: { canDirect: stored.amojo_rights.can_direct, canCreateGroups: stored.amojo_rights.can_create_groups },
      datetimeSettings: { timezone: stored.timezone, timezoneOffset: stored.timezone_offset },
    });
    expect(account.entityNames.leads.en.singular_form.default).toBe('lead');
    expect(account.invoicesSettings).not.toBeNull();
    expect(account.userGroups.length).toBeGreaterThan(0);
    const calls = stack.upstreamCalls().filter((call) => call.path === '/api/v4/account');
    expect(calls).toHaveLength(1);
    const withs = String(Object.fromEntries(calls[0]!.query).with).split(',');
    for (const extra of ['amojo_id', 'amojo_rights', 'users_groups', 'task_types', 'version', 'entity_names', 'datetime_settings', 'drive_url', 'is_api_filter_enabled', 'invoices_settings']) {
      expect(withs).toContain(extra);
    }
  });

  it('lists currencies', async () => {
    const { currencies } = dataOf<any>(await stack.gql(`query { currencies { code name symbol } }`));
    expect(currencies).toContainEqual({ code: 'RUB', name: 'Российский рубль', symbol: '₽' });
  });
});

describe('amocrmRequest', () => {
  const RAW = `query ($path: String!, $query: JSON) { amocrmRequest(path: $path, query: $query) }`;

  it('is off unless AMOCRM_RAW_REQUESTS is set, and then calls nothing upstream', async () => {
    stack.resetLog();
    const response = await stack.gql(RAW, { path: '/api/v4/leads' });
    expect(response.data?.amocrmRequest).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('RAW_REQUESTS_DISABLED');
    expect(response.errors?.[0]?.message).toContain('AMOCRM_RAW_REQUESTS=true');
    expect(stack.upstreamCalls()).toHaveLength(0);
  });

  it('when on, GETs the path with its query through the REST core and returns the JSON body', async () => {
    open.resetLog();
    const { amocrmRequest } = dataOf<any>(await open.gql(RAW, { path: '/api/v4/leads', query: { filter: { id: [FIRST_LEAD_ID] }, limit: 5 } }));
    expect(amocrmRequest._embedded.leads.map((lead: any) => lead.id)).toEqual([FIRST_LEAD_ID]);
    const [call] = open.upstreamCalls();
    expect(call).toMatchObject({ method: 'GET', path: '/api/v4/leads' });
    expect(call!.query).toContainEqual(['filter[id][]', String(FIRST_LEAD_ID)]);
    expect(call!.query).toContainEqual(['limit', '5']);
    const empty = dataOf<any>(await open.gql(RAW, { path: '/api/v4/leads/1' }));
    expect(empty.amocrmRequest).toBeNull();
  });

  it.each([
    ['https://evil.example/api/v4/leads'],
    ['//evil.example/api/v4/leads'],
    ['/api/v4/../../oauth2/access_token'],
    ['/api/v4/leads?with=contacts'],
    ['/api/v4/%2e%2e/secret'],
    ['/__sandbox/faults'],
    ['/api/v3/leads'],
    ['api/v4/leads'],
  ])('refuses %s before calling amoCRM', async (path) => {
    open.resetLog();
    const response = await open.gql(RAW, { path });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(open.upstreamCalls()).toHaveLength(0);
    expect(open.sandbox.log.entries()).toHaveLength(0);
  });

  it('refuses a query that is not a JSON object', async () => {
    const response = await open.gql(RAW, { path: '/api/v4/leads', query: [1, 2] });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
