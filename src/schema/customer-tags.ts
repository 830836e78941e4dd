// Customer tags: `Customer.tags` comes embedded in every customer read (no call of its own), and
// `customerTags` lists the customers' own dictionary. A separate root field rather than a CUSTOMERS
// value on `EntityType`: that enum also types notes, tasks, custom fields and links, which would
// all have to accept customers at once.

import { listTags } from '../loaders/tags.js';
import { searchText } from './common.js';
import { resolveWindowConnection } from './connection.js';
import { builder } from './builder.js';
import { CustomerRef } from './customer.js';
import { customersCall } from './customer-status.js';
import { TagRef } from './tag.js';

builder.objectField(CustomerRef, 'tags', (t) =>
  t.field({ type: [TagRef], description: 'Its tags (from the customers\' own dictionary).', resolve: (customer) => customer._embedded?.tags ?? [] }),
);

builder.queryFields((t) => ({
  customerTags: t.connection(
    {
      type: TagRef,
      nullable: true,
      description: "The customers' tag dictionary (tag ids are per entity type). An error while the customers mode is off.",
      args: { query: t.arg.string({ description: 'Full-text search over tag names.' }) },
      resolve: (_root, args, ctx) =>
        customersCall(() => resolveWindowConnection(args, (window) => listTags(ctx.upstream, 'customers', { window, query: searchText(args.query) }))),
    },
    { name: 'CustomerTagConnection' },
    { name: 'CustomerTagEdge' },
  ),
}));
