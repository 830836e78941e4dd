// Chat reply templates (§3.18): only the integration's own, admin only. The list pages by at most
// 50 and filters by external_id; `with=reviews` adds the WhatsApp review fields. Batch add, batch
// edit (a waba template only while not yet reviewed) and batch delete, all or nothing.

import type { RequestContext } from '../http/context.js';
import { filterTree, readWith, stringList } from '../http/filters.js';
import { countedPage, selfHref } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { NOT_A_CHOICE, readFields } from '../notes/fields.js';
import type { ChatTemplateRecord } from '../records.js';
import { readBatch } from '../writes/body.js';
import { unixNow } from '../writes/env.js';
import { isRecord, requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { has, readItem } from '../writes/scalars.js';

const PAGE_MAX = 50;

function render(ctx: RequestContext, row: ChatTemplateRecord, withReviews: boolean) {
  const { review_status, ...rest } = row;
  return {
    ...rest,
    account_id: ctx.store.account.id,
    attachment: null,
    ...(withReviews ? { review_status, is_on_review: row.type === 'waba' ? review_status === 'review' : null } : {}),
    _links: { self: { href: `${ctx.origin}/api/v4/chats/templates/${row.id}` } },
  };
}

function listTemplates(ctx: RequestContext): Reply {
  const given = filterTree(ctx.query).get('external_id');
  const wanted = given === undefined ? null : new Set(stringList(given, 'filter[external_id]'));
  const rows = ctx.store.chatTemplates.values().filter((row) => wanted === null || (row.external_id !== null && wanted.has(row.external_id)));
  const reviews = readWith(ctx.query).has('reviews');
  return countedPage(ctx, 'chat_templates', rows, readPaging(ctx, { maxLimit: PAGE_MAX }), (row) => render(ctx, row, reviews));
}

function checkButtons(item: Record<string, unknown>, issues: Issues): ChatTemplateRecord['buttons'] | undefined {
  if (!has(item, 'buttons')) return undefined;
  if (!Array.isArray(item.buttons)) {
    issues.add('InvalidType', 'buttons', 'buttons must be an array.');
    return undefined;
  }
  return item.buttons.flatMap((button, index) => {
    const at = issues.under('buttons').under(index);
    if (!isRecord(button)) {
      at.add('InvalidType', '', 'each button must be an object.');
      return [];
    }
    const read = readFields(button, at);
    const type = read.text('type', { required: true });
    const text = read.text('text', { required: true });
    if (type !== undefined && type !== 'inline' && type !== 'url') read.fail('NotSupportedChoice', 'type', `${NOT_A_CHOICE} Use inline or url.`);
    const url = type === 'url' ? read.text('url', { required: true }) : undefined;
    return type && text ? [{ type: type as 'inline' | 'url', text, ...(url ? { url } : {}) }] : [];
  });
}

function checkTemplate(ctx: RequestContext, raw: unknown, issues: Issues, current: ChatTemplateRecord | null): ChatTemplateRecord | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const creating = current === null;
  const name = creating || has(item, 'name') ? read.text('name', { required: true }) : undefined;
  const content = creating || has(item, 'content') ? read.text('content', { required: true }) : undefined;
  const type = read.text('type');
  if (type !== undefined && type !== 'amocrm' && type !== 'waba') read.fail('NotSupportedChoice', 'type', `${NOT_A_CHOICE} Use amocrm or waba.`);
  if (current && current.type === 'waba' && current.review_status !== null && current.review_status !== 'draft') {
    read.fail('NotSupportedChoice', 'id', 'A WhatsApp template can be edited only as a draft.');
  }
  const now = unixNow(ctx);
  const finalType = (type as ChatTemplateRecord['type'] | undefined) ?? current?.type ?? 'amocrm';
  return {
    id: current?.id ?? 0,
    name: name ?? current?.name ?? '',
    content: content ?? current?.content ?? '',
    is_editable: read.bool('is_editable') ?? current?.is_editable ?? false,
    type: finalType,
    buttons: checkButtons(item, issues) ?? current?.buttons ?? [],
    external_id: read.text('external_id') ?? current?.external_id ?? null,
    created_at: current?.created_at ?? now,
    updated_at: now,
    review_status: current?.review_status ?? (finalType === 'waba' ? 'draft' : null),
  };
}

function batchAnswer(ctx: RequestContext, items: unknown[], rows: ChatTemplateRecord[]): Reply {
  const chat_templates = rows.map((row, index) => ({ ...render(ctx, row, false), request_id: requestIdOf(items[index], index) }));
  return hal({ _total_items: rows.length, _links: { self: { href: selfHref(ctx) } }, _embedded: { chat_templates } });
}

function addTemplates(ctx: RequestContext): Reply {
  const items = readBatch(ctx.body, PAGE_MAX);
  const drafts = validateAll(items, (item, _index, issues) => checkTemplate(ctx, item, issues, null));
  const rows = drafts.map((draft) => ctx.store.chatTemplates.put({ ...draft!, id: ctx.store.chatTemplates.nextId() }));
  return batchAnswer(ctx, items, rows);
}

function editTemplates(ctx: RequestContext): Reply {
  const items = readBatch(ctx.body, PAGE_MAX);
  const drafts = validateAll(items, (raw, _index, issues) => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const id = readFields(item, issues).int('id', { required: true, min: 1 });
    if (id === undefined) return undefined;
    const current = ctx.store.chatTemplates.get(id);
    if (!current) {
      issues.add('NotFound', 'id', 'No template of this integration with this id.');
      return undefined;
    }
    return checkTemplate(ctx, item, issues, current);
  });
  const rows = drafts.map((draft) => ctx.store.chatTemplates.put(draft!));
  return batchAnswer(ctx, items, rows);
}

function deleteTemplates(ctx: RequestContext): Reply {
  const items = readBatch(ctx.body, PAGE_MAX);
  const ids = validateAll(
    items,
    (raw, _index, issues) => {
      const item = readItem(raw, issues);
      if (!item) return undefined;
      const id = readFields(item, issues).int('id', { required: true, min: 1 });
      if (id !== undefined && !ctx.store.chatTemplates.has(id)) issues.add('NotFound', 'id', 'No template of this integration with this id.');
      return id;
    },
    { byPosition: true },
  );
  for (const id of ids) ctx.store.chatTemplates.delete(id!);
  return noContent();
}

export const chatTemplateRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/chats/templates', handler: listTemplates },
  { method: 'POST', path: '/api/v4/chats/templates', handler: addTemplates },
  { method: 'PATCH', path: '/api/v4/chats/templates', handler: editTemplates },
  { method: 'DELETE', path: '/api/v4/chats/templates', handler: deleteTemplates },
];
