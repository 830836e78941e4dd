// Demo widgets: two public ones (one installed), the sandbox integration's own widget (installed,
// with settings) and a private widget uploaded by another user, which this account cannot see.

import { PIPELINE_IDS, USER_IDS } from '../seed/ids.js';
import type { SandboxStore } from '../store.js';
import type { WidgetRecord } from './records.js';

export const WIDGET_IDS = { telephony: 771_001, dpHelper: 771_002, own: 771_003, foreign: 771_004 } as const;

export function seedWidgets(store: SandboxStore): void {
  const base = { is_lead_source: false, is_work_with_dp: false, is_crm_template: false, client_uuid: null, pipeline_id: null, settings: null, uploaded_by: null, own: false } as const;
  const rows: WidgetRecord[] = [
    {
      ...base,
      id: WIDGET_IDS.telephony,
      code: 'demo_telephony',
      version: '1.4.2',
      rating: 4.6,
      settings_template: [
        { key: 'login', name: 'Логин', type: 'text', is_required: true },
        { key: 'password', name: 'Пароль', type: 'pass', is_required: true },
        { key: 'phones', name: 'Внутренние номера', type: 'users', is_required: false },
        { key: 'script_path', name: 'Адрес АТС', type: 'text', is_required: false },
      ],
      is_lead_source: true,
      client_uuid: '5b7c1d2e-0000-4000-8000-00000000a001',
      is_active_in_account: false,
      visibility: 'public',
    },
    {
      ...base,
      id: WIDGET_IDS.dpHelper,
      code: 'dp_helper',
      version: '0.9.0',
      rating: '4.1',
      settings_template: [{ key: 'api_key', name: 'API-ключ', type: 'text', is_required: true }],
      is_work_with_dp: true,
      is_active_in_account: true,
      pipeline_id: PIPELINE_IDS.sales,
      settings: { api_key: 'dp-demo-key' },
      visibility: 'public',
    },
    {
      ...base,
      id: WIDGET_IDS.own,
      code: 'amocrm_graphql_demo',
      version: '0.1.0',
      rating: 0,
      settings_template: [
        { key: 'endpoint', name: 'GraphQL endpoint', type: 'text', is_required: true },
        { key: 'accounts', name: 'Доступы', type: 'users_lp', is_required: false },
      ],
      client_uuid: '5b7c1d2e-0000-4000-8000-00000000a003',
      is_active_in_account: true,
      settings: { endpoint: 'https://gateway.example.test/graphql' },
      visibility: 'private',
      uploaded_by: USER_IDS.admin,
      own: true,
    },
    {
      ...base,
      id: WIDGET_IDS.foreign,
      code: 'someone_elses_draft',
      version: '0.0.1',
      rating: 0,
      settings_template: [],
      is_active_in_account: false,
      visibility: 'private',
      uploaded_by: 1,
    },
  ];
  for (const row of rows) store.widgets.put(row);
}
