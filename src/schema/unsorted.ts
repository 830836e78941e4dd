// Unsorted (incoming) entries: the type with its form or call details, the list of entries
// waiting to be sorted, and amoCRM's summary counts.

import { listUnsorted } from '../loaders/unsorted.js';
import type { UnsortedFilter } from '../rest/resources/unsorted.js';
import type { Unsorted, UnsortedCategory, UnsortedSummary } from '../rest/types.js';
import { builder } from './builder.js';
import { badInput, DateTimeRange, OrderDirection, timeRange } from './common.js';
import { resolveWindowConnection } from './connection.js';
import { CompanyRef, ContactRef, LeadRef, PipelineRef } from './refs.js';

export const UnsortedCategoryEnum = builder.enumType('UnsortedCategory', {
  description: 'Where an incoming entry came from. Only FORMS and SIP entries can be created through the API.',
  values: {
    FORMS: { value: 'forms', description: 'A web form.' },
    SIP: { value: 'sip', description: 'A phone call.' },
    MAIL: { value: 'mail', description: 'An e-mail.' },
    CHATS: { value: 'chats', description: 'A chat message.' },
  } as const,
});

type Metadata = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;

const UnsortedFormRef = builder.objectRef<Metadata>('UnsortedForm').implement({
  description: 'The web form an entry came from.',
  fields: (t) => ({
    formId: t.string({ nullable: true, resolve: (m) => str(m.form_id) }),
    formName: t.string({ nullable: true, resolve: (m) => str(m.form_name) }),
    formPage: t.string({ nullable: true, resolve: (m) => str(m.form_page) }),
    // amoCRM has been seen answering this as a string of digits.
    sentAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => num(m.form_sent_at) }),
    ip: t.string({ nullable: true, resolve: (m) => str(m.ip) }),
    referer: t.string({ nullable: true, resolve: (m) => str(m.referer) }),
    visitorUid: t.string({ nullable: true, resolve: (m) => str(m.visitor_uid) }),
  }),
});

const UnsortedCallRef = builder.objectRef<Metadata>('UnsortedCall').implement({
  description: 'The phone call an entry came from.',
  fields: (t) => ({
    from: t.string({ nullable: true, description: 'Who called.', resolve: (m) => str(m.from) }),
    phone: t.string({ nullable: true, description: 'The number that was called.', resolve: (m) => str(m.phone) }),
    calledAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => num(m.called_at) }),
    duration: t.int({ nullable: true, description: 'Seconds.', resolve: (m) => num(m.duration) }),
    link: t.string({ nullable: true, description: 'The recording.', resolve: (m) => str(m.link) }),
    serviceCode: t.string({ nullable: true, resolve: (m) => str(m.service_code) }),
    uniq: t.string({ nullable: true, description: "The telephony's call id.", resolve: (m) => str(m.uniq) }),
  }),
});

const firstId = (refs: { id: number }[] | undefined): number | null => refs?.[0]?.id ?? null;

export const UnsortedRef = builder.objectRef<Unsorted>('Unsorted').implement({
  description: "An incoming entry waiting in a pipeline's first stage until someone accepts, declines or links it.",
  fields: (t) => ({
    uid: t.exposeString('uid', { description: "amoCRM's id of the entry (a string)." }),
    category: t.field({ type: UnsortedCategoryEnum, resolve: (u) => u.category }),
    sourceName: t.string({ nullable: true, resolve: (u) => u.source_name ?? null }),
    sourceUid: t.string({ nullable: true, resolve: (u) => u.source_uid ?? null }),
    pipeline: t.field({ type: PipelineRef, nullable: true, resolve: (u) => u.pipeline_id || null }),
    createdAt: t.field({ type: 'DateTime', resolve: (u) => u.created_at }),
    form: t.field({ type: UnsortedFormRef, nullable: true, resolve: (u) => (u.category === 'forms' ? (u.metadata ?? {}) : null) }),
    call: t.field({ type: UnsortedCallRef, nullable: true, resolve: (u) => (u.category === 'sip' ? (u.metadata ?? {}) : null) }),
    metadata: t.field({ type: 'JSON', description: "amoCRM's metadata as sent (mail and chats details live here).", resolve: (u) => u.metadata ?? {} }),
    lead: t.field({ type: LeadRef, nullable: true, resolve: (u) => firstId(u._embedded?.leads) }),
    contact: t.field({ type: ContactRef, nullable: true, resolve: (u) => firstId(u._embedded?.contacts) }),
    company: t.field({ type: CompanyRef, nullable: true, resolve: (u) => firstId(u._embedded?.companies) }),
  }),
});

export const UnsortedConnection = builder.connectionObject({ type: UnsortedRef, name: 'UnsortedConnection' }, { name: 'UnsortedEdge' });

const UnsortedFilterInput = builder.inputType('UnsortedFilter', {
  fields: (t) => ({
    uids: t.stringList(),
    categories: t.field({ type: [UnsortedCategoryEnum] }),
    pipelineId: t.int(),
  }),
});

interface CategoryCounts {
  category: UnsortedCategory;
  counts: { total: number; accepted: number; declined: number; average_sort_time: number };
}

const CategorySummaryRef = builder.objectRef<CategoryCounts>('UnsortedCategorySummary').implement({
  fields: (t) => ({
    category: t.field({ type: UnsortedCategoryEnum, resolve: (c) => c.category }),
    total: t.int({ resolve: (c) => c.counts.total ?? 0 }),
    accepted: t.int({ resolve: (c) => c.counts.accepted ?? 0 }),
    declined: t.int({ resolve: (c) => c.counts.declined ?? 0 }),
    averageSortTime: t.int({ description: 'Seconds from arrival to sorting, on average.', resolve: (c) => Math.round(c.counts.average_sort_time ?? 0) }),
  }),
});

const UnsortedSummaryRef = builder.objectRef<UnsortedSummary>('UnsortedSummary').implement({
  description: 'Counts of incoming entries, as amoCRM computes them.',
  fields: (t) => ({
    total: t.int({ resolve: (s) => s.total ?? 0 }),
    accepted: t.int({ resolve: (s) => s.accepted ?? 0 }),
    declined: t.int({ resolve: (s) => s.declined ?? 0 }),
    averageSortTime: t.int({ description: 'Seconds, on average.', resolve: (s) => Math.round(s.average_sort_time ?? 0) }),
    categories: t.field({
      type: [CategorySummaryRef],
      resolve: (s) =>
        Object.entries(s.categories ?? {}).flatMap(([category, counts]) =>
          counts && ['forms', 'sip', 'mail', 'chats'].includes(category) ? [{ category: category as UnsortedCategory, counts }] : [],
        ),
    }),
  }),
});

const UID = /^[A-Za-z0-9_-]{1,64}$/;

function unsortedFilter(filter: { uids?: readonly string[] | null; categories?: readonly UnsortedCategory[] | null; pipelineId?: number | null } | null | undefined): UnsortedFilter | undefined {
  if (!filter) return undefined;
  for (const uid of filter.uids ?? []) if (!UID.test(uid)) throw badInput(`filter.uids: not an unsorted uid: ${JSON.stringify(uid)}`);
  if (filter.pipelineId != null && filter.pipelineId < 1) throw badInput('filter.pipelineId must be positive');
  return {
    uid: filter.uids ? [...new Set(filter.uids)] : undefined,
    category: filter.categories ? [...new Set(filter.categories)] : undefined,
    pipeline_id: filter.pipelineId ?? undefined,
  };
}

builder.queryFields((t) => ({
  unsorted: t.connection(
    {
      type: UnsortedRef,
      nullable: true,
      description: 'Incoming entries still waiting to be sorted, paged with cursors.',
      args: { filter: t.arg({ type: UnsortedFilterInput }), createdAtOrder: t.arg({ type: OrderDirection, description: 'Sort by arrival.' }) },
      resolve: (_root, args, ctx) => {
        const filter = unsortedFilter(args.filter);
        const order = args.createdAtOrder ? { field: 'created_at' as const, direction: args.createdAtOrder } : undefined;
        return resolveWindowConnection(args, (window) => listUnsorted(ctx.upstream, { window, filter, order }));
      },
    },
    UnsortedConnection,
  ),
  unsortedSummary: t.field({
    type: UnsortedSummaryRef,
    description: 'How many entries arrived, were accepted and declined, and how fast they were sorted.',
    args: { createdAt: t.arg({ type: DateTimeRange }), pipelineId: t.arg.int() },
    resolve: (_root, args, ctx) => {
      if (args.pipelineId != null && args.pipelineId < 1) throw badInput('pipelineId must be positive');
      const createdAt = timeRange(args.createdAt, 'createdAt');
      return ctx.upstream.unsorted.summary({
        filter: { ...(createdAt ? { created_at: createdAt } : {}), ...(args.pipelineId != null ? { pipeline_id: args.pipelineId } : {}) },
      });
    },
  }),
}));
