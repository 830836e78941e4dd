// Short links: one short address per contact for a URL, to send that contact. amoCRM adds a note
// to the contact when the link is followed, so a link is made per contact even for the same URL.

import { batchWrite, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { ShortLink, ShortLinkWrite } from '../rest/resources/short-links.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { checkListSize } from './entity-writes.js';
import { ContactRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const CreateShortLinkInput = builder.inputType('CreateShortLinkInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'An http(s) address to shorten.' }),
    contactAmoId: t.int({ required: true, description: 'The contact the link is for (amoCRM makes short links for contacts only).' }),
  }),
});

function isWebAddress(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function prepare(input: { url: string; contactAmoId: number }): Prepared<ShortLinkWrite> {
  const errors: ItemError[] = [];
  if (!isWebAddress(input.url)) errors.push(inputError(['url'], 'url must be an http or https address'));
  if (input.contactAmoId < 1) errors.push(inputError(['contactAmoId'], 'contactAmoId must be a positive id'));
  if (errors.length > 0) return { errors };
  return {
    body: { url: input.url, metadata: { entity_type: 'contacts', entity_id: input.contactAmoId } },
    inputPath: (amoPath) => (amoPath === 'url' ? ['url'] : amoPath.startsWith('metadata') ? ['contactAmoId'] : []),
  };
}

interface Made {
  link: ShortLink;
  position: string;
  url: string;
}

async function createShortLinks(ctx: GraphQLContext, inputs: readonly { url: string; contactAmoId: number }[]) {
  checkListSize(inputs);
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await batchWrite<ShortLinkWrite, Made>(inputs.map(prepare), {
    // amoCRM takes no request_id here: it answers in the order sent and names bad items by position.
    requestIds: 'by-position',
    send: async (bodies) => {
      const links = await ctx.upstream.shortLinks.create(bodies, { signal });
      return links.map((link, position) => ({ link, position: String(position), url: bodies[position]!.url }));
    },
    requestIdsOf: (made) => [made.position],
  });
  return withIndexes(outcomes);
}

const ShortLinkResult = writeResultType<Made>('ShortLinkResult', 'The outcome of one link of a createShortLinks call.', (t) => ({
  shortUrl: t.string({ nullable: true, description: 'The address to send the contact.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.link.url : null) }),
  url: t.string({ nullable: true, description: 'The address it leads to.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.url : null) }),
  contact: t.field({
    type: ContactRef,
    nullable: true,
    resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.link.metadata.entity_id : null),
  }),
}));

builder.mutationFields((t) => ({
  createShortLinks: t.field({
    type: writePayloadType('CreateShortLinksPayload', ShortLinkResult),
    description: 'Makes a short link per item for a contact, 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [CreateShortLinkInput], required: true }) },
    resolve: (_root, args, ctx) => createShortLinks(ctx, args.input),
  }),
}));
