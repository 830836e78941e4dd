// `amocrmRequest`: the official SDK's getRequest as one read-only query, for amoCRM data the
// graph does not model yet. It stays in the schema whatever the configuration (so the schema
// never depends on it) and answers only when AMOCRM_RAW_REQUESTS=true.

import { GraphQLError } from 'graphql';
import { RawPathError } from '../rest/resources/raw.js';
import { builder } from './builder.js';
import { badInput } from './common.js';

builder.queryFields((t) => ({
  amocrmRequest: t.field({
    type: 'JSON',
    nullable: true,
    description: [
      'GET any amoCRM API v4 path and return its JSON body as it is (null when amoCRM answers 204, i.e. nothing there).',
      'Read-only: always a GET. `path` must start with /api/v4/ and hold only letters, digits, "_", "-" and "/" (no "..", no host, no scheme, no query); parameters go in `query` as a JSON object, nested PHP-style, e.g. {"filter": {"id": [1, 2]}, "limit": 50}.',
      'Goes through the same rate limit, authentication, retries and per-operation budget as every other field; amoCRM’s own limits apply (some endpoints are for administrators or paid plans only).',
      'Off unless the gateway runs with AMOCRM_RAW_REQUESTS=true; otherwise it fails with RAW_REQUESTS_DISABLED.',
    ].join(' '),
    args: {
      path: t.arg.string({ required: true, description: 'e.g. /api/v4/leads/123 or /api/v4/customers' }),
      query: t.arg({ type: 'JSON', description: 'Query parameters as a JSON object.' }),
    },
    resolve: async (_root, args, ctx) => {
      if (!ctx.rawRequests) {
        throw new GraphQLError('amocrmRequest is disabled on this gateway; its operator can enable it with AMOCRM_RAW_REQUESTS=true', {
          extensions: { code: 'RAW_REQUESTS_DISABLED' },
        });
      }
      try {
        return await ctx.upstream.raw.get(args.path, args.query ?? undefined);
      } catch (error) {
        if (error instanceof RawPathError) throw badInput(error.message);
        throw error;
      }
    },
  }),
}));
