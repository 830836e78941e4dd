// /api/v4/leads/unsorted (§3.9): the list of entries still waiting (paged, no totals, 204 when
// empty), one entry by uid, the summary over every entry (sorted ones included), creating forms
// and sip entries, and sorting one: accept, decline (a DELETE with a JSON body), link.

import type { RequestContext } from '../http/context.js';
import { filterTree, inRange, intList, range, readOrder, stringList, type Range } from '../http/filters.js';
import { link, uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { badRequest } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { UnsortedCategoryName, UnsortedRecord } from '../records.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { writeEnv } from '../writes/env.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { applyBundle } from '../writes/lead-bundle.js';
import { readUnsortedItem } from '../writes/unsorted-items.js';
import type { CreatableCategory } from '../writes/unsorted-metadata.js';
import { acceptEntry, declineEntry, linkEntry, openEntry, readAccept, readDecline, readLinkToLead } from '../writes/unsorted-sorting.js';

const BASE = '/api/v4/leads/unsorted';
const CATEGORIES: readonly UnsortedCategoryName[] = ['sip', 'mail', 'forms', 'chats'];

const refs = (ctx: RequestContext, type: 'leads' | 'contacts' | 'companies', id: number | null) =>
  id === null ? [] : [{ id, _links: link(ctx, `/api/v4/${type}/${id}`) }];

function embedded(ctx: RequestContext, entry: UnsortedRecord) {
  return {
    leads: refs(ctx, 'leads', entry.lead_id),
    contacts: refs(ctx, 'contacts', entry.contact_id),
    companies: refs(ctx, 'companies', entry.company_id),
  };
}

function renderEntry(ctx: RequestContext, entry: UnsortedRecord) {
  return {
    uid: entry.uid,
    source_uid: entry.source_uid,
    source_name: entry.source_name,
    category: entry.category,
    pipeline_id: entry.pipeline_id,
    created_at: entry.created_at,
    metadata: entry.metadata,
    account_id: ctx.store.account.id,
    _links: link(ctx, `${BASE}/${entry.uid}`),
    _embedded: embedded(ctx, entry),
  };
}

function categories(value: Parameters<typeof stringList>[0], name: string): Set<string> {
  const wanted = stringList(value, name);
  for (const category of wanted) {
    if (!CATEGORIES.includes(category as UnsortedCategoryName)) throw badRequest(`${name}: ${category} is not one of ${CATEGORIES.join(', ')}`);
  }
  return new Set(wanted);
}

function list(ctx: RequestContext): Reply {
  const paging = readPaging(ctx);
  const order = readOrder(ctx.query, ['created_at']);
  let entries = [...ctx.store.unsorted.values()].filter((entry) => entry.state === 'new');
  for (const [key, value] of filterTree(ctx.query)) {
    if (key === 'uid') {
      const uids = new Set(stringList(value, 'filter[uid]'));
      entries = entries.filter((entry) => uids.has(entry.uid));
    } else if (key === 'category') {
      const wanted = categories(value, 'filter[category]');
      entries = entries.filter((entry) => wanted.has(entry.category));
    } else if (key === 'pipeline_id') {
      const ids = new Set(intList(value, 'filter[pipeline_id]'));
      entries = entries.filter((entry) => ids.has(entry.pipeline_id));
    } else {
      ctx.notes.push(`filter[${key}] is not an unsorted filter; ignored`);
    }
  }
  // Arrival order unless asked; the sort is stable, so equal times keep it.
  if (order) entries.sort((a, b) => (a.created_at - b.created_at) * order.direction);
  return uncountedPage(ctx, 'unsorted', entries, paging, (entry) => renderEntry(ctx, entry));
}

function getOne(ctx: RequestContext): Reply {
  const entry = ctx.store.unsorted.get(ctx.params.uid ?? '');
  return entry ? hal(renderEntry(ctx, entry)) : noContent();
}

function counts(entries: readonly UnsortedRecord[]) {
  const sorted = entries.filter((entry) => entry.sorted_at !== null);
  const time = sorted.reduce((sum, entry) => sum + (entry.sorted_at! - entry.created_at), 0);
  return {
    total: entries.length,
    accepted: entries.filter((entry) => entry.state === 'accepted').length,
    declined: entries.filter((entry) => entry.state === 'declined').length,
    // Seconds from arrival to sorting, over the sorted entries.
    average_sort_time: sorted.length === 0 ? 0 : Math.round(time / sorted.length),
  };
}

function summary(ctx: RequestContext): Reply {
  let entries = [...ctx.store.unsorted.values()];
  for (const [key, value] of filterTree(ctx.query)) {
    if (key === 'created_at') {
      const bounds: Range = range(value, 'filter[created_at]');
      entries = entries.filter((entry) => inRange(entry.created_at, bounds));
    } else if (key === 'pipeline_id') {
      const ids = new Set(intList(value, 'filter[pipeline_id]'));
      entries = entries.filter((entry) => ids.has(entry.pipeline_id));
    } else {
      ctx.notes.push(`filter[${key}] is not an unsorted summary filter; ignored`);
    }
  }
  return hal({
    ...counts(entries),
    categories: Object.fromEntries(CATEGORIES.map((category) => [category, counts(entries.filter((entry) => entry.category === category))])),
  });
}

function create(category: CreatableCategory, ctx: RequestContext): Reply {
  const items = readBatch(ctx.body);
  const env = writeEnv(ctx);
  const drafts = validateAll(items, (item, _index, issues) => readUnsortedItem(env, category, item, issues));
  const created = drafts.map((draft) => applyBundle(env, draft!));
  return hal({
    _total_items: created.length,
    _links: link(ctx, `${BASE}/${category}`),
    _embedded: {
      unsorted: created.map((result, index) => ({
        uid: result.entry!.uid,
        account_id: ctx.store.account.id,
        request_id: requestIdOf(items[index], index),
        _embedded: {
          leads: [{ id: result.lead.id }],
          contacts: result.contactId === null ? [] : [{ id: result.contactId }],
          companies: result.companyId === null ? [] : [{ id: result.companyId }],
        },
      })),
    },
  });
}

/** One sort: the entry must be waiting, the body is checked whole, then the entry is sorted. */
function sortOne<D>(
  ctx: RequestContext,
  read: (entry: UnsortedRecord, body: Record<string, unknown>, issues: Issues) => D | undefined,
  apply: (entry: UnsortedRecord, draft: D) => void,
): UnsortedRecord {
  const entry = openEntry(ctx.store, ctx.params.uid ?? '');
  const body = readObjectBody(ctx.body, { optional: true });
  const [draft] = validateAll([body], (item, _index, issues) => read(entry, item as Record<string, unknown>, issues));
  apply(entry, draft!);
  return entry;
}

function sortedAnswer(ctx: RequestContext, entry: UnsortedRecord): Reply {
  return hal({
    uid: entry.uid,
    category: entry.category,
    pipeline_id: entry.pipeline_id,
    created_at: entry.created_at,
    _embedded: embedded(ctx, entry),
    _links: link(ctx, `${BASE}/${entry.uid}`),
  });
}

function accept(ctx: RequestContext): Reply {
  const env = writeEnv(ctx);
  const entry = sortOne(ctx, (found, body, issues) => readAccept(ctx.store, found, body, issues), (found, draft) => acceptEntry(env, found, draft));
  return sortedAnswer(ctx, entry);
}

function decline(ctx: RequestContext): Reply {
  const env = writeEnv(ctx);
  const entry = sortOne(ctx, (_found, body, issues) => readDecline(ctx.store, body, issues), (found, draft) => declineEntry(env, found, draft));
  return sortedAnswer(ctx, entry);
}

function linkToLead(ctx: RequestContext): Reply {
  const env = writeEnv(ctx);
  const entry = sortOne(ctx, (found, body, issues) => readLinkToLead(ctx.store, found, body, issues), (found, draft) => linkEntry(env, found, draft));
  const ids = (id: number | null) => (id === null ? [] : [{ id }]);
  return hal({ uid: entry.uid, _embedded: { leads: ids(entry.lead_id), contacts: ids(entry.contact_id), companies: ids(entry.company_id) } });
}

export const unsortedRoutes: Route[] = [
  { method: 'GET', path: BASE, handler: list },
  { method: 'GET', path: `${BASE}/summary`, handler: summary },
  { method: 'GET', path: `${BASE}/:uid`, handler: getOne },
  { method: 'POST', path: `${BASE}/forms`, handler: (ctx) => create('forms', ctx) },
  { method: 'POST', path: `${BASE}/sip`, handler: (ctx) => create('sip', ctx) },
  { method: 'POST', path: `${BASE}/:uid/accept`, handler: accept },
  { method: 'DELETE', path: `${BASE}/:uid/decline`, handler: decline },
  { method: 'POST', path: `${BASE}/:uid/link`, handler: linkToLead },
];
