// Reads and writes of /api/v4/widgets. A user sees public widgets, the widgets installed in the
// account and private widgets they uploaded; anything else answers 404 as if it did not exist.
// Installing (POST /{code}) and uninstalling (DELETE /{code}) are for administrators; install
// checks the settings against the widget's settings_template before storing anything.

import { requireAdmin } from '../http/admin.js';
import type { RequestContext } from '../http/context.js';
import { HttpProblem } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { readObjectBody } from '../writes/body.js';
import { isRecord, validateAll, type Issues } from '../writes/issues.js';
import type { WidgetRecord, WidgetSettingTemplate } from './records.js';

export const widgetPath = (code: string) => `/api/v4/widgets/${encodeURIComponent(code)}`;

export function visibleWidgets(ctx: RequestContext): WidgetRecord[] {
  const userId = ctx.store.account.current_user_id;
  return ctx.store.widgets.values().filter((row) => row.visibility === 'public' || row.is_active_in_account || row.uploaded_by === userId);
}

export function renderWidget(ctx: RequestContext, row: WidgetRecord) {
  const { visibility: _v, uploaded_by: _u, own: _o, settings, ...shown } = row;
  return {
    ...shown,
    ...(row.own && row.is_active_in_account ? { settings: settings ?? {} } : {}),
    _links: { self: { href: `${ctx.origin}${widgetPath(row.code)}` } },
  };
}

/** The widget named by the path, if this user may see it; 404 otherwise. */
export function findWidget(ctx: RequestContext): WidgetRecord {
  const code = ctx.params.code ?? '';
  const row = visibleWidgets(ctx).find((widget) => widget.code === code);
  if (!row) throw new HttpProblem(404, `Widget "${code}" not found`);
  return row;
}

function checkSetting(template: WidgetSettingTemplate, value: unknown, issues: Issues, users: { has(id: number): boolean }): void {
  const { key } = template;
  if (value === undefined || value === null || value === '') {
    if (template.is_required) issues.add('NotBlank', key, `${template.name} is required to install this widget.`);
    return;
  }
  if (template.type === 'text' || template.type === 'pass') {
    if (typeof value !== 'string') issues.add('InvalidType', key, 'This value should be of type string.');
    return;
  }
  if (template.type === 'custom') return;
  if (!isRecord(value)) {
    issues.add('InvalidType', key, 'This value should be an object keyed by user id.');
    return;
  }
  for (const [userId, entry] of Object.entries(value)) {
    if (!/^\d+$/.test(userId) || !users.has(Number(userId))) issues.add('NotFound', `${key}.${userId}`, 'No user with this id.');
    else if (template.type === 'users' && typeof entry !== 'string') issues.add('InvalidType', `${key}.${userId}`, 'An extension number is a string.');
    else if (template.type === 'users_lp' && (!isRecord(entry) || typeof entry.login !== 'string' || typeof entry.password !== 'string')) {
      issues.add('InvalidType', `${key}.${userId}`, 'Each user needs { login, password } strings.');
    }
  }
}

/** `POST /api/v4/widgets/{code}`: the body is the settings object. */
export function installWidget(ctx: RequestContext): Reply {
  requireAdmin(ctx, 'installing widgets');
  const row = findWidget(ctx);
  const body = readObjectBody(ctx.body, { optional: true });
  const [settings] = validateAll([body], (raw, _index, issues) => {
    const given = raw as Record<string, unknown>;
    for (const template of row.settings_template) checkSetting(template, given[template.key], issues, ctx.store.users);
    const known = new Set(row.settings_template.map((template) => template.key));
    for (const key of Object.keys(given)) if (!known.has(key)) issues.add('NotSupportedChoice', key, 'This widget has no such setting.');
    return given;
  });
  const installed = ctx.store.widgets.put({ ...row, is_active_in_account: true, settings: settings! });
  return hal({ ...renderWidget(ctx, installed), settings: installed.settings });
}

/** `DELETE /api/v4/widgets/{code}`: 204, also for a widget that was not installed. */
export function uninstallWidget(ctx: RequestContext): Reply {
  requireAdmin(ctx, 'uninstalling widgets');
  const row = findWidget(ctx);
  ctx.store.widgets.put({ ...row, is_active_in_account: false, settings: null, pipeline_id: null });
  return noContent();
}
