// Talks: chat conversations with a contact (and maybe about a lead). amoCRM reads them one id at a
// time and has no list and no batch close, so closeTalks makes one call per talk and takes at
// most MAX_CLOSE at once.

import type { ItemOutcome } from '../loaders/batch-write.js';
import { AmoError } from '../rest/errors.js';
import type { Talk } from '../rest/resources/talks.js';
import { builder } from './builder.js';
import { badInput } from './common.js';
import type { GraphQLContext } from './context.js';
import { ContactRef, LeadRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

export const MAX_CLOSE = 50;

export const TalkRef = builder.objectRef<Talk>('Talk').implement({
  description: 'A chat conversation with a contact. What amoCRM shows depends on the rights on that contact.',
  fields: (t) => ({
    amoId: t.exposeInt('talk_id'),
    chatId: t.exposeString('chat_id'),
    origin: t.exposeString('origin', { description: 'The channel: telegram, whatsapp…' }),
    isOpen: t.exposeBoolean('is_in_work', { description: 'Not closed yet.' }),
    isRead: t.exposeBoolean('is_read'),
    rate: t.int({ nullable: true, description: "The client's rating from the NPS bot.", resolve: (talk) => talk.rate || null }),
    contact: t.field({ type: ContactRef, nullable: true, resolve: (talk) => talk.contact_id || null }),
    lead: t.field({ type: LeadRef, nullable: true, resolve: (talk) => (talk.entity_type === 'lead' ? talk.entity_id : null) }),
    entityType: t.string({ nullable: true, description: 'What the talk is about: lead or customer.', resolve: (talk) => talk.entity_type }),
    entityAmoId: t.int({ nullable: true, resolve: (talk) => talk.entity_id }),
    missedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it went unanswered past the account\'s limit.', resolve: (talk) => talk.missed_at }),
    createdAt: t.field({ type: 'DateTime', resolve: (talk) => talk.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (talk) => talk.updated_at }),
  }),
});

builder.queryFields((t) => ({
  talk: t.field({
    type: TalkRef,
    nullable: true,
    description: 'One chat conversation by its talk id; null when amoCRM has none.',
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => (args.amoId < 1 ? null : ctx.upstream.talks.get(args.amoId, { signal: ctx.upstream.scope?.signal })),
  }),
}));

const CloseTalkInput = builder.inputType('CloseTalkInput', {
  fields: (t) => ({
    amoId: t.int({ required: true }),
    forceClose: t.boolean({
      description: 'Close without starting the NPS bot. Without it amoCRM starts the bot instead where the account has it enabled (a paid feature).',
    }),
  }),
});

async function closeTalks(ctx: GraphQLContext, inputs: readonly { amoId: number; forceClose?: boolean | null }[]) {
  if (inputs.length > MAX_CLOSE) throw badInput(`closeTalks closes at most ${MAX_CLOSE} talks at once (one upstream call each), got ${inputs.length}`);
  const signal = ctx.upstream.scope?.signal;
  const seen = new Set<number>();
  const outcomes = await Promise.all(
    inputs.map(async (input): Promise<ItemOutcome<{ id: number }>> => {
      if (input.amoId < 1) return { status: 'failed', errors: [inputError(['amoId'], 'amoId must be a positive id')] };
      if (seen.has(input.amoId)) return { status: 'failed', errors: [inputError(['amoId'], `talk ${input.amoId} is already closed by an earlier item of this call`)] };
      seen.add(input.amoId);
      try {
        await ctx.upstream.talks.close(input.amoId, { forceClose: input.forceClose ?? undefined, signal });
        return { status: 'succeeded', value: { id: input.amoId } };
      } catch (error) {
        if (!(error instanceof AmoError)) throw error;
        const status = error.status ?? 0;
        // A 4xx is amoCRM saying no (unknown talk, no rights): nothing changed.
        const refused = status >= 400 && status < 500 && status !== 408;
        return { status: refused || !error.reachedUpstream ? 'failed' : 'unknown', errors: [{ message: error.message, code: error.code, path: refused ? ['amoId'] : [] }] };
      }
    }),
  );
  return withIndexes(outcomes);
}

const CloseTalkResult = writeResultType<{ id: number }>('CloseTalkResult', 'The outcome of one talk of a closeTalks call.', (t) => ({
  talk: t.field({
    type: TalkRef,
    nullable: true,
    description: 'The talk as amoCRM has it now (read after the close).',
    resolve: (r, _args, ctx) => (r.outcome.status === 'succeeded' ? ctx.upstream.talks.get(r.outcome.value.id, { signal: ctx.upstream.scope?.signal }) : null),
  }),
}));

builder.mutationFields((t) => ({
  closeTalks: t.field({
    type: writePayloadType('CloseTalksPayload', CloseTalkResult),
    description: `Closes chat conversations, one upstream call each (amoCRM has no batch close), at most ${MAX_CLOSE} at once.`,
    args: { input: t.arg({ type: [CloseTalkInput], required: true }) },
    resolve: (_root, args, ctx) => closeTalks(ctx, args.input),
  }),
}));
