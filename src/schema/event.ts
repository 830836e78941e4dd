// Events (amoCRM's audit log): the type with typed before/after values where amoCRM's shape is
// known, the `events` connection with amoCRM's filters, one event by id, the event types, and
// each lead's, contact's and company's own events (batched for every entity of a response).

import { brandWithType } from '@pothos/core';
import { listEvents, loadEventsOf } from '../loaders/events.js';
import { statusKey } from '../loaders/metadata.js';
import type { EventEntity, EventFilter, EventValueFilter } from '../rest/resources/events.js';
import type { AmoEvent, EntityType } from '../rest/types.js';
import { builder } from './builder.js';
import { amoIds, badInput, DateTimeRange, timeRange, userId } from './common.js';
import { resolveWindowConnection } from './connection.js';
import { forEachEntityRef, loadEntity, PipelineRef, StatusRef, TaskRef, UserRef } from './refs.js';
import type { GraphQLContext } from './context.js';

const PLURAL: Partial<Record<string, EntityType>> = { lead: 'leads', contact: 'contacts', company: 'companies' };
/** amoCRM takes at most this many values in each list filter of events. */
const MAX_FILTER_VALUES = 10;
const MAX_EVENT_IDS = 100;

/** The lead, contact, company or task an event (or a link in it) names, through its loader. */
async function loadEventEntity(ctx: GraphQLContext, type: string, id: number) {
  const plural = PLURAL[type];
  if (plural) return loadEntity(ctx, plural, id);
  if (type === 'task') {
    const task = await (TaskRef.getDataloader(ctx) as { load(id: number): Promise<object | null> }).load(id);
    if (task) brandWithType(task, TaskRef as never);
    return task;
  }
  return null;
}

// Each entry of value_before/value_after is an object with one key naming its shape.
type Entry = Record<string, unknown>;
const inner = (entry: Entry, key: string) => (entry[key] ?? {}) as Record<string, unknown>;
const num = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null);

const LeadStatusValue = builder.objectRef<Entry>('EventLeadStatusValue').implement({
  description: 'A lead stage (lead_status_changed, lead_added).',
  fields: (t) => ({
    statusAmoId: t.int({ resolve: (e) => num(inner(e, 'lead_status').id) ?? 0 }),
    pipelineAmoId: t.int({ resolve: (e) => num(inner(e, 'lead_status').pipeline_id) ?? 0 }),
    status: t.field({
      type: StatusRef,
      nullable: true,
      resolve: (e) => {
        const [status, pipeline] = [num(inner(e, 'lead_status').id), num(inner(e, 'lead_status').pipeline_id)];
        return status && pipeline ? statusKey(pipeline, status) : null;
      },
    }),
    pipeline: t.field({ type: PipelineRef, nullable: true, resolve: (e) => num(inner(e, 'lead_status').pipeline_id) }),
  }),
});

const ResponsibleUserValue = builder.objectRef<Entry>('EventResponsibleUserValue').implement({
  description: 'A responsible user (entity_responsible_changed).',
  fields: (t) => ({
    userAmoId: t.int({ resolve: (e) => num(inner(e, 'responsible_user').id) ?? 0 }),
    user: t.field({ type: UserRef, nullable: true, resolve: (e) => userId(num(inner(e, 'responsible_user').id)) }),
  }),
});

const SaleValue = builder.objectRef<Entry>('EventSaleValue').implement({
  description: "A lead's sale amount (sale_field_changed).",
  fields: (t) => ({ sale: t.float({ nullable: true, resolve: (e) => num(inner(e, 'sale_field_value').sale) ?? (inner(e, 'sale_field_value').sale as number | null) ?? null }) }),
});

const NameValue = builder.objectRef<Entry>('EventNameValue').implement({
  description: 'A name (name_field_changed).',
  fields: (t) => ({ name: t.string({ nullable: true, resolve: (e) => (inner(e, 'name_field_value').name as string | undefined) ?? null }) }),
});

const TagValue = builder.objectRef<Entry>('EventTagValue').implement({
  description: 'A tag added or removed (entity_tag_added, entity_tag_deleted).',
  fields: (t) => ({ name: t.string({ resolve: (e) => String(inner(e, 'tag').name ?? '') }) }),
});

const LinkValue = builder.objectRef<Entry>('EventLinkValue').implement({
  description: 'The entity linked or unlinked (entity_linked, entity_unlinked).',
  fields: (t) => ({
    entityType: t.string({ description: "amoCRM's singular name: lead, contact, company…", resolve: (e) => String(inner(inner(e, 'link'), 'entity').type ?? '') }),
    entityAmoId: t.int({ resolve: (e) => num(inner(inner(e, 'link'), 'entity').id) ?? 0 }),
    entity: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      resolve: (e, _args, ctx) => {
        const target = inner(inner(e, 'link'), 'entity');
        const id = num(target.id);
        return id ? (loadEventEntity(ctx, String(target.type), id) as never) : null;
      },
    }),
  }),
});

const NoteValue = builder.objectRef<Entry>('EventNoteValue').implement({
  description: 'A note added to the entity (common_note_added and other note events).',
  fields: (t) => ({ noteAmoId: t.int({ resolve: (e) => num(inner(e, 'note').id) ?? 0 }) }),
});

const CustomFieldValue = builder.objectRef<Entry>('EventCustomFieldValue').implement({
  description: 'A custom field value (custom_field_value_changed, custom_field_{id}_value_changed).',
  fields: (t) => ({
    fieldId: t.int({ resolve: (e) => num(inner(e, 'custom_field_value').field_id) ?? 0 }),
    fieldType: t.string({ nullable: true, resolve: (e) => (inner(e, 'custom_field_value').field_type as string | undefined) ?? null }),
    enumId: t.int({ nullable: true, resolve: (e) => num(inner(e, 'custom_field_value').enum_id) }),
    text: t.string({ nullable: true, resolve: (e) => (inner(e, 'custom_field_value').text as string | undefined) ?? null }),
  }),
});

const TaskDeadlineValue = builder.objectRef<Entry>('EventTaskDeadlineValue').implement({
  description: "A task's due time (task_deadline_changed).",
  fields: (t) => ({ deadline: t.field({ type: 'DateTime', nullable: true, resolve: (e) => num(inner(e, 'task_deadline').timestamp) }) }),
});

const OtherValue = builder.objectRef<Entry>('EventOtherValue').implement({
  description: 'A value whose shape this gateway does not type (yet): amoCRM’s object as sent.',
  fields: (t) => ({ json: t.field({ type: 'JSON', resolve: (e) => e }) }),
});

const VALUE_TYPES = [
  ['lead_status', LeadStatusValue],
  ['responsible_user', ResponsibleUserValue],
  ['sale_field_value', SaleValue],
  ['name_field_value', NameValue],
  ['tag', TagValue],
  ['link', LinkValue],
  ['note', NoteValue],
  ['custom_field_value', CustomFieldValue],
  ['task_deadline', TaskDeadlineValue],
] as const;

const EventValue = builder.unionType('EventValue', {
  description: 'One entry of an event’s before or after value, typed by the shape amoCRM sent.',
  types: [...VALUE_TYPES.map(([, ref]) => ref), OtherValue],
  resolveType: (entry) => {
    const keys = Object.keys(entry);
    const match = keys.length === 1 ? VALUE_TYPES.find(([key]) => key === keys[0]) : undefined;
    return match ? match[1] : OtherValue;
  },
});

const valuesOf = (value: AmoEvent['value_before']): Entry[] => (Array.isArray(value) ? value.filter((entry) => entry && typeof entry === 'object') : []);

const EventRef = builder.objectRef<AmoEvent>('Event').implement({
  description: 'An entry of the account’s audit log: what changed, on what, by whom and when.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "amoCRM's event id: a string (e.g. 01j0abcd…), not a number and not a global id." }),
    type: t.exposeString('type', { description: 'lead_added, lead_status_changed, custom_field_123_value_changed… (see `eventTypes`).' }),
    entityType: t.exposeString('entity_type', { description: "amoCRM's singular name: lead, contact, company, customer, task…" }),
    entityAmoId: t.exposeInt('entity_id'),
    entity: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'The lead, contact, company or task it concerns (null for other entities, or when gone).',
      resolve: (event, _args, ctx) => loadEventEntity(ctx, event.entity_type, event.entity_id) as never,
    }),
    createdBy: t.field({ type: UserRef, nullable: true, description: 'Null for robots and the API without a user.', resolve: (event) => userId(event.created_by) }),
    createdAt: t.field({ type: 'DateTime', resolve: (event) => event.created_at }),
    valueBefore: t.field({ type: [EventValue], resolve: (event) => valuesOf(event.value_before) }),
    valueAfter: t.field({ type: [EventValue], resolve: (event) => valuesOf(event.value_after) }),
    valueBeforeJson: t.field({ type: 'JSON', nullable: true, description: 'value_before exactly as amoCRM sent it.', resolve: (event) => event.value_before }),
    valueAfterJson: t.field({ type: 'JSON', nullable: true, description: 'value_after exactly as amoCRM sent it.', resolve: (event) => event.value_after }),
  }),
});

const EventEntityTypeEnum = builder.enumType('EventEntityType', {
  description: 'What an event can be about, for filtering.',
  values: {
    LEAD: { value: 'lead' },
    CONTACT: { value: 'contact' },
    COMPANY: { value: 'company' },
    CUSTOMER: { value: 'customer' },
    TASK: { value: 'task' },
  } as const,
});

const LeadStatusInput = builder.inputType('EventLeadStatusInput', {
  fields: (t) => ({ pipelineAmoId: t.int({ required: true }), statusAmoId: t.int({ required: true }) }),
});

const EventValueFilterInput = builder.inputType('EventValueFilter', {
  description: 'Conditions on value_before or value_after. amoCRM applies each only to the event types it fits.',
  fields: (t) => ({
    leadStatuses: t.field({ type: [LeadStatusInput], description: 'lead_status_changed: into (or out of) one of these stages.' }),
    responsibleUserIds: t.intList({ description: 'entity_responsible_changed: to (or from) one of these users.' }),
    enumIds: t.intList({ description: 'custom_field_{id}_value_changed with a single such type: one of these list options.' }),
    value: t.string({ description: 'sale_field_changed, name_field_changed, custom_field_value_changed…: exactly this value.' }),
  }),
});

const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Filters amoCRM applies to events. Every given condition must hold.',
  fields: (t) => ({
    ids: t.idList({ description: `Event ids (at most ${MAX_EVENT_IDS}).` }),
    types: t.stringList({ description: `Event type keys (at most ${MAX_FILTER_VALUES}); see \`eventTypes\`.` }),
    entityTypes: t.field({ type: [EventEntityTypeEnum], description: `At most ${MAX_FILTER_VALUES}.` }),
    entityAmoIds: t.intList({ description: `Entities of the one type in \`entityTypes\` (at most ${MAX_EVENT_IDS}).` }),
    createdBy: t.intList({ description: `User amoIds (at most ${MAX_FILTER_VALUES}); 0 is robots and the API.` }),
    createdAt: t.field({ type: DateTimeRange }),
    valueBefore: t.field({ type: EventValueFilterInput }),
    valueAfter: t.field({ type: EventValueFilterInput }),
  }),
});

interface ValueFilterArgs {
  leadStatuses?: readonly { pipelineAmoId: number; statusAmoId: number }[] | null;
  responsibleUserIds?: readonly number[] | null;
  enumIds?: readonly number[] | null;
  value?: string | null;
}

interface EventFilterArgs {
  ids?: readonly (string | number)[] | null;
  types?: readonly string[] | null;
  entityTypes?: readonly EventEntity[] | null;
  entityAmoIds?: readonly number[] | null;
  createdBy?: readonly number[] | null;
  createdAt?: { from?: Date | null; to?: Date | null } | null;
  valueBefore?: ValueFilterArgs | null;
  valueAfter?: ValueFilterArgs | null;
}

function capped<T>(values: readonly T[] | null | undefined, name: string, max = MAX_FILTER_VALUES): T[] | undefined {
  if (!values || values.length === 0) return undefined;
  const unique = [...new Set(values)];
  if (unique.length > max) throw badInput(`${name} takes at most ${max} values, got ${unique.length}`);
  return unique;
}

function valueFilter(filter: ValueFilterArgs | null | undefined, name: string): EventValueFilter | undefined {
  if (!filter) return undefined;
  const statuses = capped(filter.leadStatuses, `${name}.leadStatuses`);
  for (const pair of statuses ?? []) if (pair.pipelineAmoId < 1 || pair.statusAmoId < 1) throw badInput(`${name}.leadStatuses: ids are positive integers`);
  return {
    leads_statuses: statuses?.map((pair) => ({ pipeline_id: pair.pipelineAmoId, status_id: pair.statusAmoId })),
    responsible_user_id: capped(amoIds(filter.responsibleUserIds, `${name}.responsibleUserIds`), `${name}.responsibleUserIds`),
    custom_field_values: capped(amoIds(filter.enumIds, `${name}.enumIds`), `${name}.enumIds`),
    value: filter.value ?? undefined,
  };
}

function eventFilter(filter: EventFilterArgs | null | undefined): EventFilter | undefined {
  if (!filter) return undefined;
  const ids = capped(filter.ids?.map(String), 'filter.ids', MAX_EVENT_IDS);
  for (const id of ids ?? []) if (!/^[0-9A-Za-z]{1,64}$/.test(id)) throw badInput(`filter.ids: "${id}" is not an event id`);
  const types = capped(filter.types, 'filter.types');
  for (const type of types ?? []) if (!/^[a-z0-9_]{1,100}$/.test(type)) throw badInput(`filter.types: "${type}" is not an event type key`);
  const entities = capped(filter.entityTypes, 'filter.entityTypes');
  if (filter.entityAmoIds?.length && entities?.length !== 1) throw badInput('filter.entityAmoIds needs exactly one filter.entityTypes');
  for (const user of filter.createdBy ?? []) if (user < 0) throw badInput(`filter.createdBy: user ids are 0 or positive, got ${user}`);
  return {
    id: ids,
    type: types,
    entity: entities,
    entity_id: capped(amoIds(filter.entityAmoIds, 'filter.entityAmoIds'), 'filter.entityAmoIds', MAX_EVENT_IDS),
    created_by: capped(filter.createdBy, 'filter.createdBy'),
    created_at: timeRange(filter.createdAt, 'filter.createdAt'),
    value_before: valueFilter(filter.valueBefore, 'filter.valueBefore'),
    value_after: valueFilter(filter.valueAfter, 'filter.valueAfter'),
  };
}

const EventTypeRef = builder.objectRef<{ key: string; type?: number; lang: string }>('EventType').implement({
  description: 'An event type amoCRM logs.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'What `Event.type` and `EventFilter.types` use.' }),
    name: t.exposeString('lang', { description: 'Its name in the asked language (the token user’s language by default).' }),
  }),
});

const EventLanguage = builder.enumType('EventTypeLanguage', {
  description: 'Languages amoCRM and Kommo name event types in.',
  values: { RU: { value: 'ru' }, EN: { value: 'en' }, ES: { value: 'es' }, PT: { value: 'pt' } } as const,
});

export const EventConnection = builder.connectionObject({ type: EventRef, name: 'EventConnection' }, { name: 'EventEdge' });

builder.queryFields((t) => ({
  events: t.connection(
    {
      type: EventRef,
      nullable: true,
      description:
        'The audit log, newest first, paged with cursors (at most 250 per page; amoCRM serves events 100 at a time, so a page of 250 costs three calls). Null, with an error, when amoCRM could not answer.',
      args: { filter: t.arg({ type: EventFilterInput }) },
      resolve: (_root, args, ctx) => {
        const filter = eventFilter(args.filter as EventFilterArgs | null | undefined);
        return resolveWindowConnection(args, (window) => listEvents(ctx.upstream, { window, filter }));
      },
    },
    EventConnection,
  ),
  event: t.field({
    type: EventRef,
    nullable: true,
    description: 'One event by its amoCRM id (a string); null if it does not exist.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const id = String(args.id);
      if (!/^[0-9A-Za-z]{1,64}$/.test(id)) throw badInput(`"${id}" is not an event id`);
      return ctx.upstream.events.get(id);
    },
  }),
  eventTypes: t.field({
    type: [EventTypeRef],
    nullable: true,
    description: 'The event types amoCRM logs, named in `language` (the token user’s language by default).',
    args: { language: t.arg({ type: EventLanguage }) },
    resolve: (_root, args, ctx) => ctx.upstream.events.types({ languageCode: args.language ?? undefined }),
  }),
}));

// Each entity's own events: one batched read per 100 entities of a response, not one each.
forEachEntityRef((ref, entity) =>
  builder.objectField(ref, 'events', (t) =>
    t.loadableList({
      type: EventRef,
      description: 'Its audit log, newest first (every event amoCRM keeps for it).',
      load: (ids: number[], ctx) => loadEventsOf(ctx.upstream, ({ leads: 'lead', contacts: 'contact', companies: 'company' } as const)[entity], ids),
      resolve: (row) => row.id,
    }),
  ),
);
