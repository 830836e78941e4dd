// Tags: embedded on every lead, contact and company; also listed per entity type.

import type { Tag } from '../rest/types.js';
import { builder } from './builder.js';
import { EntityTypeEnum, searchText } from './common.js';
import { resolveWindowConnection } from './connection.js';
import { listTags } from '../loaders/tags.js';

export const TagRef = builder.objectRef<Tag>('Tag').implement({
  description: 'A tag. Tag ids are per entity type: lead tags and contact tags are separate dictionaries.',
  fields: (t) => ({
    amoId: t.exposeInt('id', { description: "amoCRM's numeric id of the tag." }),
    name: t.exposeString('name'),
    color: t.string({
      nullable: true,
      description: 'Hex colour without "#", e.g. "FFCE5A". Only lead tags have colours.',
      resolve: (tag) => tag.color ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  tags: t.connection({
    type: TagRef,
    nullable: true,
    description: 'The tag dictionary of one entity type. Null, with an error, when amoCRM could not answer.',
    args: {
      entity: t.arg({ type: EntityTypeEnum, required: true }),
      query: t.arg.string({ description: 'Full-text search over tag names.' }),
    },
    resolve: (_root, args, ctx) =>
      resolveWindowConnection(args, (window) => listTags(ctx.upstream, args.entity, { window, query: searchText(args.query) })),
  }, { name: 'TagConnection' }, { name: 'TagEdge' }),
}));
