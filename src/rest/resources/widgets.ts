// /api/v4/widgets: the widgets an account can use (public ones, the installed ones, private ones
// the current user uploaded), paged by at most 250; install with settings and uninstall by code,
// both for administrators only.

import { getCollection } from '../collection.js';
import { AmoNotFoundError } from '../errors.js';
import { collect, paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { WriteParams } from './batch.js';

export type WidgetSettingType = 'text' | 'pass' | 'custom' | 'users' | 'users_lp';

export interface WidgetSettingTemplate {
  key: string;
  name: string;
  type: WidgetSettingType | string;
  is_required: boolean;
}

export interface Widget {
  id: number;
  code: string;
  version: string;
  rating: string | number | null;
  settings_template: WidgetSettingTemplate[] | null;
  is_lead_source: boolean;
  is_work_with_dp: boolean;
  is_crm_template: boolean;
  client_uuid: string | null;
  is_active_in_account: boolean;
  pipeline_id: number | null;
  /** Only when the integration reads its own widget, and in the answer to an install. */
  settings?: Record<string, unknown> | unknown[] | null;
}

/**
 * Install settings by the widget's `settings_template` keys: `text`/`pass` are strings, `users`
 * maps user ids to extension numbers, `users_lp` maps user ids to `{ login, password }`.
 */
export type WidgetSettings = Record<string, unknown>;

const PATH = '/api/v4/widgets';
const codePath = (code: string) => {
  if (!/^[\w.-]+$/.test(code)) throw new RangeError(`a widget code is letters, digits, "_", "-" or ".", got "${code}"`);
  return `${PATH}/${code}`;
};

export function createWidgetsResource(send: SendFn) {
  const list = (params: { page?: number; limit?: number; signal?: AbortSignal } = {}) =>
    getCollection<Widget>(send, { path: PATH, key: 'widgets', page: params.page, limit: params.limit, signal: params.signal });
  return {
    list,
    all: (params: { signal?: AbortSignal } = {}) => collect(paginate((page) => list({ ...params, page }))),
    /** null when amoCRM does not know the code or this user may not see it (404). */
    async get(code: string, params: { signal?: AbortSignal } = {}): Promise<Widget | null> {
      try {
        const response = await send({ method: 'GET', path: codePath(code), signal: params.signal });
        return (response.data as Widget | undefined) ?? null;
      } catch (error) {
        if (error instanceof AmoNotFoundError) return null;
        throw error;
      }
    },
    /** Installs (or re-installs with new settings) and answers the widget with its settings. */
    async install(code: string, settings: WidgetSettings, params: WriteParams = {}): Promise<Widget> {
      const response = await send({ method: 'POST', path: codePath(code), body: settings, signal: params.signal });
      return response.data as Widget;
    },
    async uninstall(code: string, params: WriteParams = {}): Promise<void> {
      await send({ method: 'DELETE', path: codePath(code), signal: params.signal });
    },
  };
}
