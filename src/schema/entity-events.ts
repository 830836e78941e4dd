// Subscriptions to what happens in amoCRM, fed by its webhooks: leadEvents, contactEvents,
// companyEvents, taskEvents. Each event names the entity, which loads through the usual
// DataLoaders (null once deleted). One webhook's events arrive together; their entities are loaded
// in one batch before the first is sent, and each batch gets a fresh upstream budget, since a
// subscription outlives any single operation's allowance.

import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';
import { statusKey } from '../loaders/metadata.js';
import type { EntityEvent, EventAction, EventEntity } from '../webhooks/events.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { CompanyRef, ContactRef, LeadRef, StatusRef, TaskRef, UserRef } from './refs.js';
import { userId } from './common.js';

const EventActionEnum = builder.enumType('EntityEventAction', {
  description: 'What happened, as amoCRM names its webhook events.',
  values: {
    ADD: { value: 'add', description: 'Created.' },
    UPDATE: { value: 'update', description: 'Changed.' },
    DELETE: { value: 'delete', description: 'Deleted: the entity no longer loads.' },
    RESTORE: { value: 'restore', description: 'Restored from the deleted ones.' },
    STATUS: { value: 'status', description: 'A lead moved to another status or pipeline.' },
    RESPONSIBLE: { value: 'responsible', description: 'Handed to another responsible user.' },
    NOTE: { value: 'note', description: 'A note was added to it.' },
  } as const satisfies Record<string, { value: EventAction; description: string }>,
});

interface FilterArgs {
  actions?: EventAction[] | null;
  pipelineIds?: number[] | null;
  statusIds?: number[] | null;
  responsibleUserIds?: number[] | null;
}

/**
 * A filter condition holds when the event carries the value and it is listed; an event that does
 * not carry it (a deletion sends only ids) does not pass a condition on it.
 */
function accepts(filter: FilterArgs | null | undefined, event: EntityEvent): boolean {
  if (!filter) return true;
  const within = (list: readonly number[] | null | undefined, value: number | null) => !list || (value !== null && list.includes(value));
  return (
    (!filter.actions || filter.actions.includes(event.action)) &&
    within(filter.pipelineIds, event.pipelineId) &&
    within(filter.statusIds, event.statusId) &&
    within(filter.responsibleUserIds, event.responsibleUserId)
  );
}

function loaderFor(ctx: GraphQLContext, entity: EventEntity): { load(id: number): Promise<unknown>; clear(id: number): unknown } {
  const ref = entity === 'task' ? TaskRef : { lead: LeadRef, contact: ContactRef, company: CompanyRef }[entity];
  return ref.getDataloader(ctx) as never;
}

/** The event's entity through the subscription's loader; null once deleted or gone. */
async function entityOf(ctx: GraphQLContext, event: EntityEvent): Promise<unknown> {
  if (event.action === 'delete') return null;
  return (await loaderFor(ctx, event.entity).load(event.amoId)) ?? null;
}

/** The account's events of one entity type that pass the filter, one at a time. */
function subscribeTo(entity: EventEntity, filter: FilterArgs | null | undefined, ctx: GraphQLContext): AsyncIterable<EntityEvent> {
  if (!ctx.events) throw new GraphQLError('This gateway serves no subscriptions', { extensions: { code: 'SUBSCRIPTIONS_UNAVAILABLE' } });
  const source = ctx.events.subscribe(ctx.account.key)[Symbol.asyncIterator]();
  return new Repeater<EntityEvent>(async (push, stop) => {
    // Ending the subscription must end the bus subscription too, even while it waits.
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    void stopped.then(() => source.return?.());
    for (;;) {
      const next = await Promise.race([source.next(), stopped]);
      if (next.done) break;
      const chosen = next.value.filter((event) => event.entity === entity && accepts(filter, event));
      if (chosen.length === 0) continue;
      const scope = ctx.upstream.scope;
      ctx.upstream = ctx.account.scoped(scope?.signal, scope?.contextUserId ?? null);
      const loader = loaderFor(ctx, entity);
      for (const event of chosen) loader.clear(event.amoId);
      // One batch for the whole webhook; a failed load shows as that event's field error later.
      await Promise.allSettled(chosen.map((event) => entityOf(ctx, event)));
      for (const event of chosen) await push(event);
    }
    stop();
  });
}

const LeadEventFilter = builder.inputType('LeadEventFilter', {
  description: 'Which lead events to receive; every given condition must hold.',
  fields: (t) => ({
    actions: t.field({ type: [EventActionEnum], required: false, description: 'Only these actions.' }),
    pipelineIds: t.intList({ required: false, description: 'Only leads in these pipelines (as the event reports them).' }),
    statusIds: t.intList({ required: false, description: 'Only leads now in these statuses.' }),
    responsibleUserIds: t.intList({ required: false, description: 'Only leads these users are responsible for.' }),
  }),
});

function simpleFilter(name: string, what: string) {
  return builder.inputType(name, {
    description: `Which ${what} events to receive; every given condition must hold.`,
    fields: (t) => ({
      actions: t.field({ type: [EventActionEnum], required: false, description: 'Only these actions.' }),
      responsibleUserIds: t.intList({ required: false, description: `Only ${what}s these users are responsible for.` }),
    }),
  });
}

const ContactEventFilter = simpleFilter('ContactEventFilter', 'contact');
const CompanyEventFilter = simpleFilter('CompanyEventFilter', 'company');
const TaskEventFilter = simpleFilter('TaskEventFilter', 'task');

function eventType<Ref>(name: string, description: string, entityField: string, entityRef: Ref, extra?: 'lead') {
  return builder.objectRef<EntityEvent>(name).implement({
    description,
    fields: (t) => ({
      action: t.field({ type: EventActionEnum, resolve: (event) => event.action }),
      amoId: t.int({ description: 'The amoCRM id of the entity.', resolve: (event) => event.amoId }),
      occurredAt: t.field({
        type: 'DateTime',
        description: 'When amoCRM says it happened (its last change), else when the gateway heard of it.',
        resolve: (event) => event.occurredAt,
      }),
      [entityField]: t.field({
        type: entityRef as typeof LeadRef,
        nullable: true,
        description: 'The entity as it is now; null once deleted.',
        resolve: async (event, _args, ctx) => (await entityOf(ctx, event)) as never,
      }),
      responsibleUser: t.field({ type: UserRef, nullable: true, resolve: (event) => userId(event.responsibleUserId) }),
      previousResponsibleUser: t.field({
        type: UserRef,
        nullable: true,
        description: 'For RESPONSIBLE events, when amoCRM says who it was.',
        resolve: (event) => userId(event.oldResponsibleUserId),
      }),
      ...(entityField === 'task'
        ? {}
        : { noteAmoId: t.int({ nullable: true, description: 'For NOTE events, the note added.', resolve: (event) => event.noteId }) }),
      ...(extra === 'lead'
        ? {
            status: t.field({
              type: StatusRef,
              nullable: true,
              description: 'The status the event reports the lead in.',
              resolve: (event) => (event.statusId && event.pipelineId ? statusKey(event.pipelineId, event.statusId) : null),
            }),
            previousStatus: t.field({
              type: StatusRef,
              nullable: true,
              description: 'For STATUS events, the status the lead left.',
              resolve: (event) =>
                event.oldStatusId && (event.oldPipelineId ?? event.pipelineId)
                  ? statusKey((event.oldPipelineId ?? event.pipelineId)!, event.oldStatusId)
                  : null,
            }),
          }
        : {}),
    }),
  });
}

const LeadEvent = eventType('LeadEvent', 'Something that happened to a lead, from amoCRM’s webhooks.', 'lead', LeadRef, 'lead');
const ContactEvent = eventType('ContactEvent', 'Something that happened to a contact, from amoCRM’s webhooks.', 'contact', ContactRef);
const CompanyEvent = eventType('CompanyEvent', 'Something that happened to a company, from amoCRM’s webhooks.', 'company', CompanyRef);
const TaskEvent = eventType('TaskEvent', 'Something that happened to a task, from amoCRM’s webhooks.', 'task', TaskRef);

builder.subscriptionType({ description: 'Live events of the account, as amoCRM reports them through webhooks.' });

const SUBSCRIPTIONS = [
  ['leadEvents', 'lead', LeadEvent, LeadEventFilter],
  ['contactEvents', 'contact', ContactEvent, ContactEventFilter],
  ['companyEvents', 'company', CompanyEvent, CompanyEventFilter],
  ['taskEvents', 'task', TaskEvent, TaskEventFilter],
] as const;

for (const [name, entity, type, filterInput] of SUBSCRIPTIONS) {
  builder.subscriptionField(name, (t) =>
    t.field({
      type: type as typeof LeadEvent,
      description: `The account's ${entity} events as they arrive.`,
      args: { filter: t.arg({ type: filterInput as typeof LeadEventFilter, required: false }) },
      subscribe: (_root, args, ctx) => subscribeTo(entity, args.filter as FilterArgs | null, ctx),
      resolve: (event) => event,
    }),
  );
}
