// Logging calls: amoCRM finds who has the phone (by its last 10 digits) and writes a call note on
// that contact's or company's one active lead, else on the contact or company itself. A call whose
// phone no one has is not added; it fails on its own while the rest are written.

import { batchWrite, type ItemError, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import type { CallError, CallWrite, LoggedCall } from '../rest/resources/calls.js';
import { builder } from './builder.js';
import { toUnixSeconds } from './common.js';
import type { GraphQLContext } from './context.js';
import { checkUser } from './entity-inputs.js';
import { checkListSize } from './entity-writes.js';
import { CompanyRef, ContactRef, forgetEntity, LeadRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const CallDirection = builder.enumType('CallDirection', { values: { INBOUND: { value: 'inbound' }, OUTBOUND: { value: 'outbound' } } as const });

const CallStatus = builder.enumType('CallStatus', {
  description: "amoCRM's call outcomes (call_status 1 to 7).",
  values: {
    LEFT_MESSAGE: { value: 1 },
    CALL_BACK_LATER: { value: 2 },
    NOT_AVAILABLE: { value: 3 },
    TALKED: { value: 4 },
    WRONG_NUMBER: { value: 5 },
    NO_CONNECTION: { value: 6 },
    BUSY: { value: 7 },
  } as const,
});

const LogCallInput = builder.inputType('LogCallInput', {
  fields: (t) => ({
    direction: t.field({ type: CallDirection, required: true }),
    phone: t.string({ required: true, description: "The other side's number; amoCRM matches its last 10 digits." }),
    duration: t.int({ required: true, description: 'Seconds.' }),
    source: t.string({ required: true, description: 'The telephony integration, shown on the note.' }),
    uniq: t.string({ description: "The call's id on the telephony side." }),
    link: t.string({ description: 'The recording.' }),
    result: t.string({ description: 'What came of it (the call result note text).' }),
    status: t.field({ type: CallStatus }),
    responsibleUserId: t.int(),
    createdBy: t.int({ description: "Without it amoCRM's statistics count the call as a robot's." }),
    calledAt: t.field({ type: 'DateTime' }),
  }),
});

interface CallInputValue {
  direction: 'inbound' | 'outbound';
  phone: string;
  duration: number;
  source: string;
  uniq?: string | null;
  link?: string | null;
  result?: string | null;
  status?: number | null;
  responsibleUserId?: number | null;
  createdBy?: number | null;
  calledAt?: Date | null;
}

const PATHS: Record<string, string> = {
  direction: 'direction', phone: 'phone', duration: 'duration', source: 'source', uniq: 'uniq', link: 'link',
  call_result: 'result', call_status: 'status', responsible_user_id: 'responsibleUserId', created_by: 'createdBy', created_at: 'calledAt',
};

type Answer = { logged: LoggedCall } | { missed: CallError };

async function logCalls(ctx: GraphQLContext, inputs: readonly CallInputValue[]) {
  checkListSize(inputs);
  const users = await ctx.account.users();
  const items = inputs.map((input): Prepared<CallWrite> => {
    const errors: ItemError[] = [];
    if (input.phone.replace(/\D/g, '').length === 0) errors.push(inputError(['phone'], 'phone must hold digits'));
    if (input.duration < 0) errors.push(inputError(['duration'], 'duration is a number of seconds, not negative'));
    if (input.source.trim() === '') errors.push(inputError(['source'], 'source must not be empty'));
    checkUser(users, input.responsibleUserId, ['responsibleUserId'], errors);
    checkUser(users, input.createdBy, ['createdBy'], errors);
    if (errors.length > 0) return { errors };
    const body: CallWrite = { direction: input.direction, phone: input.phone, duration: input.duration, source: input.source };
    if (input.uniq != null) body.uniq = input.uniq;
    if (input.link != null) body.link = input.link;
    if (input.result != null) body.call_result = input.result;
    if (input.status != null) body.call_status = input.status;
    if (input.responsibleUserId != null) body.responsible_user_id = input.responsibleUserId;
    if (input.createdBy != null) body.created_by = input.createdBy;
    if (input.calledAt) body.created_at = toUnixSeconds(input.calledAt);
    return { body, inputPath: (amoPath) => (PATHS[amoPath.split('.')[0] ?? ''] ? [PATHS[amoPath.split('.')[0]!]!] : []) };
  });
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await batchWrite<CallWrite, Answer>(items, {
    send: async (bodies) => {
      const answer = await ctx.upstream.calls.add(bodies, { signal });
      return [...answer.calls.map((logged) => ({ logged })), ...answer.errors.map((missed) => ({ missed }))];
    },
    requestIdsOf: (answer) => [String('logged' in answer ? answer.logged.request_id : answer.missed.request_id)],
  });
  const results = outcomes.map((outcome): ItemOutcome<LoggedCall> => {
    if (outcome.status !== 'succeeded') return outcome;
    if ('missed' in outcome.value) {
      const missed = outcome.value.missed;
      return { status: 'failed', errors: [{ message: missed.detail || missed.title || 'amoCRM did not add the call', code: 'NOT_FOUND', path: ['phone'] }] };
    }
    const { logged } = outcome.value;
    // The call note changes the entity's feed.
    const type = ({ lead: 'leads', contact: 'contacts', company: 'companies' } as const)[logged.entity_type as 'lead'];
    if (type) forgetEntity(ctx, type, logged.entity_id);
    return { status: 'succeeded', value: logged };
  });
  return withIndexes(results);
}

const on = (type: string) => (r: { outcome: ItemOutcome<LoggedCall> }) =>
  r.outcome.status === 'succeeded' && r.outcome.value.entity_type === type ? r.outcome.value.entity_id : null;

const LogCallResult = writeResultType<LoggedCall>('LogCallResult', 'The outcome of one call of a logCalls call.', (t) => ({
  noteAmoId: t.int({ nullable: true, description: 'The call note amoCRM wrote.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  entityType: t.string({ nullable: true, description: 'Where the note went: lead, contact, company (or customer).', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.entity_type : null) }),
  entityAmoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.entity_id : null) }),
  lead: t.field({ type: LeadRef, nullable: true, resolve: on('lead') }),
  contact: t.field({ type: ContactRef, nullable: true, resolve: on('contact') }),
  company: t.field({ type: CompanyRef, nullable: true, resolve: on('company') }),
}));

builder.mutationFields((t) => ({
  logCalls: t.field({
    type: writePayloadType('LogCallsPayload', LogCallResult),
    description: 'Logs calls as call notes where amoCRM places them (see LogCallResult.entityType), 50 per upstream call. A phone no contact or company has fails with NOT_FOUND.',
    args: { input: t.arg({ type: [LogCallInput], required: true }) },
    resolve: (_root, args, ctx) => logCalls(ctx, args.input),
  }),
}));
