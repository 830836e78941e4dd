// Leads: the type, its connection, the root fields that return leads, and the relations from
// contacts and companies to their leads.

import { listLeads } from '../loaders/entities.js';
import { statusKey } from '../loaders/metadata.js';
import type { LeadFilter } from '../rest/resources/leads.js';
import { builder } from './builder.js';
import { amoIds, badInput, DateTimeRange, intRange, IntRange, orderInput, timeRange, searchText } from './common.js';
import { EMPTY_CONNECTION, resolveListConnection, resolveWindowConnection, withLoadedNodes } from './connection.js';
import { commonFilter, commonFilterFields, entityFields, matchesNothing, type CommonFilterArgs } from './entity-fields.js';
import { CompanyRef, ContactRef, LeadRef, LossReasonRef, PipelineRef, StatusRef } from './refs.js';

LeadRef.implement({
  description: 'A lead (deal).',
  fields: (t) => ({
    ...entityFields(t, 'leads'),
    name: t.exposeString('name'),
    price: t.exposeInt('price', { description: 'The budget, in the account currency.' }),
    status: t.field({
      type: StatusRef,
      nullable: true,
      description: 'The status within the lead pipeline (resolved by the pair, never by status id alone).',
      resolve: (lead) => statusKey(lead.pipeline_id, lead.status_id),
    }),
    pipeline: t.field({ type: PipelineRef, nullable: true, resolve: (lead) => lead.pipeline_id }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (lead) => lead.closed_at ?? null }),
    lossReason: t.field({
      type: LossReasonRef,
      nullable: true,
      description: 'Why the lead was lost, as amoCRM records it (set when a lead is closed as lost, status 143).',
      resolve: (lead) => lead._embedded?.loss_reason?.[0] ?? lead.loss_reason_id ?? null,
    }),
    score: t.int({ nullable: true, resolve: (lead) => lead.score ?? null }),
    laborCost: t.int({ nullable: true, description: 'Seconds spent on the lead.', resolve: (lead) => lead.labor_cost ?? null }),
  }),
});

export const LeadConnection = builder.connectionObject({ type: LeadRef, name: 'LeadConnection' }, { name: 'LeadEdge' });

const LeadOrder = orderInput('Lead', { CREATED_AT: { value: 'created_at' }, UPDATED_AT: { value: 'updated_at' }, ID: { value: 'id' } });

const PipelineStatusInput = builder.inputType('PipelineStatusInput', {
  description: 'A status of a pipeline. Status ids 142 (won) and 143 (lost) exist in every pipeline, so both ids are required.',
  fields: (t) => ({
    pipelineId: t.int({ required: true }),
    statusId: t.int({ required: true }),
  }),
});

const LeadFilterInput = builder.inputType('LeadFilter', {
  description: 'Filters amoCRM applies to leads. Every given condition must hold.',
  fields: (t) => ({
    ...commonFilterFields(t),
    price: t.field({ type: IntRange, description: 'Budget range; give equal ends for an exact price.' }),
    statuses: t.field({ type: [PipelineStatusInput], description: 'Leads in any of these statuses.' }),
    pipelineIds: t.intList({ description: 'Leads in any of these pipelines.' }),
    closedAt: t.field({ type: DateTimeRange }),
  }),
});

type LeadFilterArgs = CommonFilterArgs & {
  price?: { from?: number | null; to?: number | null } | null;
  statuses?: readonly { pipelineId: number; statusId: number }[] | null;
  pipelineIds?: readonly number[] | null;
  closedAt?: { from?: Date | null; to?: Date | null } | null;
};

function leadFilter(filter: LeadFilterArgs | null | undefined): LeadFilter | undefined {
  if (!filter) return undefined;
  return {
    ...commonFilter(filter),
    price: intRange(filter.price, 'filter.price'),
    statuses: filter.statuses?.map((pair, index) => {
      if (pair.pipelineId < 1 || pair.statusId < 1) throw badInput(`filter.statuses[${index}]: ids must be positive`);
      return { pipeline_id: pair.pipelineId, status_id: pair.statusId };
    }),
    pipeline_id: amoIds(filter.pipelineIds, 'filter.pipelineIds'),
    closed_at: timeRange(filter.closedAt, 'filter.closedAt'),
  };
}

builder.queryFields((t) => ({
  lead: t.field({
    type: LeadRef,
    nullable: true,
    description: 'A lead by its amoCRM id; null if it does not exist or was deleted.',
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.amoId > 0 ? args.amoId : null),
  }),
  leads: t.connection(
    {
      type: LeadRef,
      nullable: true,
      description: 'Leads, paged with cursors (at most 250 per page). Null, with an error, when amoCRM could not answer.',
      args: {
        filter: t.arg({ type: LeadFilterInput }),
        query: t.arg.string({ description: 'Full-text search over names and custom field values (phones, e-mails…).' }),
        orderBy: t.arg({ type: LeadOrder }),
      },
      resolve: async (_root, args, ctx) => {
        const filter = leadFilter(args.filter);
        if (matchesNothing(filter)) return EMPTY_CONNECTION;
        return resolveWindowConnection(args, (window) =>
          listLeads(ctx.upstream, { window, filter, query: searchText(args.query), order: args.orderBy ?? undefined }),
        );
      },
    },
    LeadConnection,
  ),
}));

builder.objectField(ContactRef, 'leads', (t) =>
  t.connection({ type: LeadRef, description: "The contact's leads.", resolve: (contact, args, ctx) => withLoadedNodes(resolveListConnection(args, (contact._embedded?.leads ?? []).map((ref) => ref.id)), LeadRef.getDataloader(ctx)) }, LeadConnection),
);

builder.objectField(CompanyRef, 'leads', (t) =>
  t.connection({ type: LeadRef, description: "The company's leads.", resolve: (company, args, ctx) => withLoadedNodes(resolveListConnection(args, (company._embedded?.leads ?? []).map((ref) => ref.id)), LeadRef.getDataloader(ctx)) }, LeadConnection),
);
