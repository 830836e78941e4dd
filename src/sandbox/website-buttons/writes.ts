// Website chat buttons (CRM plugin, /api/v4/website_buttons). amoCRM creates the button's source at
// once but sets the plugin up after answering (202): reads say `creation_pending` until then. Added
// trusted domains and online chats are applied the same way, later. Writes are for administrators;
// a button trusts at most 10 domains, and domains can only be added to a button that has some.

import { requireAdmin } from '../http/admin.js';
import type { RequestContext } from '../http/context.js';
import { HttpProblem } from '../http/problem.js';
import { hal, type Reply } from '../http/reply.js';
import { readFields } from '../notes/fields.js';
import { readObjectBody } from '../writes/body.js';
import { isRecord, validateAll, type Issues } from '../writes/issues.js';
import type { SandboxStore } from '../store.js';
import type { WebsiteButtonRecord } from './records.js';

export const MAX_TRUSTED_WEBSITES = 10;
/** How long the sandbox takes to finish what it accepted with a 202 (tests may move `ready_at`). */
export const SETUP_DELAY_MS = 300;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Applies whatever amoCRM would have finished by now. */
export function settleButtons(store: SandboxStore, now: number): void {
  for (const row of store.websiteButtons.values()) {
    if (row.pending_websites && row.pending_websites.at <= now) {
      store.websiteButtons.put({ ...row, trusted_websites: [...new Set([...row.trusted_websites, ...row.pending_websites.domains])], pending_websites: null });
    }
  }
}

export function renderButton(ctx: RequestContext, row: WebsiteButtonRecord, withScripts: boolean) {
  const ready = row.ready_at <= ctx.now();
  return {
    account_id: ctx.store.account.id,
    source_id: row.id,
    button_id: row.button_id,
    is_duplication_control_enabled: row.is_duplication_control_enabled,
    name: row.name,
    creation_status: ready ? 'created' : 'creation_pending',
    pipeline_id: row.pipeline_id,
    ...(withScripts ? { script: ready ? `<script>(function(a,m,o,c,r,m){/* crm plugin ${row.button_id} */})(window,document,"amo_crm_plugin","${row.button_id}");</script>` : null } : {}),
  };
}

/** The live button named by `source_id` in the path; 404 for an unknown or deleted one. */
export function findButton(ctx: RequestContext, sourceId: number): WebsiteButtonRecord {
  settleButtons(ctx.store, ctx.now());
  const row = ctx.store.websiteButtons.get(sourceId);
  if (!row || row.is_deleted) throw new HttpProblem(404, `No website button for source ${sourceId}`);
  return row;
}

function checkDomains(raw: unknown, issues: Issues, key: string): string[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    issues.add('InvalidType', key, 'This value should be an array of domains.');
    return undefined;
  }
  const out: string[] = [];
  raw.forEach((domain, index) => {
    if (typeof domain !== 'string' || !DOMAIN.test(domain)) issues.add('InvalidType', `${key}.${index}`, 'This value should be a domain such as example.com.');
    else out.push(domain.toLowerCase());
  });
  return [...new Set(out)];
}

/** `POST /api/v4/website_buttons`: 202 with the new source id and the trusted domains. */
export function createButton(ctx: RequestContext): Reply {
  requireAdmin(ctx, 'adding website buttons');
  const { store } = ctx;
  const body = readObjectBody(ctx.body);
  const [draft] = validateAll([body], (raw, _index, issues) => {
    const item = raw as Record<string, unknown>;
    const read = readFields(item, issues);
    const pipelineId = read.int('pipeline_id', { required: true, min: 1 });
    if (pipelineId !== undefined && !store.pipelines.has(pipelineId)) read.fail('NotSupportedChoice', 'pipeline_id', 'No pipeline with this id.');
    const websites = checkDomains(item.trusted_websites, issues, 'trusted_websites') ?? [];
    if (websites.length > MAX_TRUSTED_WEBSITES) issues.add('TooMany', 'trusted_websites', `A button trusts at most ${MAX_TRUSTED_WEBSITES} domains.`);
    const inApp = read.bool('is_used_in_app');
    if (websites.length === 0 && inApp !== true) issues.add('NotBlank', 'is_used_in_app', 'Without trusted_websites, is_used_in_app must be true.');
    return { pipelineId: pipelineId ?? 0, websites, inApp: inApp ?? false };
  });
  const now = ctx.now();
  const sourceId = store.sources.nextId();
  const name = 'Кнопка на сайт';
  store.sources.put({ id: sourceId, name, pipeline_id: draft!.pipelineId, external_id: `crm_plugin_${sourceId}`, default: false, origin_code: null, services: [] });
  const buttonId = Math.max(401_000, ...store.websiteButtons.values().map((row) => row.button_id)) + 1;
  store.websiteButtons.put({
    id: sourceId,
    button_id: buttonId,
    name,
    pipeline_id: draft!.pipelineId,
    is_duplication_control_enabled: false,
    trusted_websites: draft!.websites,
    is_used_in_app: draft!.inApp,
    ready_at: now + SETUP_DELAY_MS,
    pending_websites: null,
    online_chat: null,
    is_deleted: false,
  });
  return hal({ source_id: sourceId, trusted_websites: draft!.websites }, 202);
}

/** `PATCH /api/v4/website_buttons/{source_id}` with `{ trusted_websites: { add: [...] } }`. */
export function updateButton(ctx: RequestContext, sourceId: number): Reply {
  requireAdmin(ctx, 'changing website buttons');
  const row = findButton(ctx, sourceId);
  const body = readObjectBody(ctx.body);
  const [added] = validateAll([body], (raw, _index, issues) => {
    const item = raw as Record<string, unknown>;
    if (!isRecord(item.trusted_websites)) {
      issues.add('NotBlank', 'trusted_websites', 'trusted_websites must be an object with an `add` list.');
      return [];
    }
    const add = checkDomains(item.trusted_websites.add, issues, 'trusted_websites.add') ?? [];
    if (add.length === 0 && issues.count === 0) issues.add('NotBlank', 'trusted_websites.add', 'Name at least one domain to add.');
    if (row.trusted_websites.length === 0) issues.add('NotSupportedChoice', 'trusted_websites', 'Domains can only be added to a button that already trusts at least one.');
    const total = new Set([...row.trusted_websites, ...(row.pending_websites?.domains ?? []), ...add]).size;
    if (total > MAX_TRUSTED_WEBSITES) issues.add('TooMany', 'trusted_websites.add', `A button trusts at most ${MAX_TRUSTED_WEBSITES} domains.`);
    return add;
  });
  const pending = [...new Set([...(row.pending_websites?.domains ?? []), ...added!])];
  const updated = ctx.store.websiteButtons.put({ ...row, pending_websites: { domains: pending, at: ctx.now() + SETUP_DELAY_MS } });
  return hal(renderButton(ctx, updated, true));
}

/** `POST /api/v4/website_buttons/{source_id}/online_chat`: 202; the chat is connected later. */
export function addOnlineChat(ctx: RequestContext, sourceId: number): Reply {
  requireAdmin(ctx, 'adding an online chat to a website button');
  const row = findButton(ctx, sourceId);
  if (row.pipeline_id === null) throw new HttpProblem(400, 'The website button must belong to a pipeline to get an online chat');
  // One online chat per pipeline: asking again, or for another button of a pipeline that has one,
  // connects the existing chat rather than failing.
  ctx.store.websiteButtons.put({ ...row, online_chat: row.online_chat ?? { at: ctx.now() + SETUP_DELAY_MS } });
  return { status: 202 };
}
