// Loss reasons: why a lead was lost (status 143).

import { builder } from './builder.js';
import { LossReasonRef } from './refs.js';

LossReasonRef.implement({
  description: 'A reason a lead was lost.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    sort: t.int({ nullable: true, resolve: (reason) => reason.sort ?? null }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (reason) => reason.created_at ?? null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (reason) => reason.updated_at ?? null }),
  }),
});

builder.queryFields((t) => ({
  lossReasons: t.field({
    type: [LossReasonRef],
    nullable: true,
    description: "The account's loss reasons. Null, with an error, when amoCRM could not answer.",
    resolve: async (_root, _args, ctx) => [...(await ctx.account.lossReasons())].sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0)),
  }),
}));
