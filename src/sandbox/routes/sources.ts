// Sources (§3.18): an integration's lead sources. The list is unpaged with a total and filters by
// `filter[external_id]`; get by id (204 when unknown); batch and single writes and deletes.

import type { RequestContext } from '../http/context.js';
import { filterTree, stringList } from '../http/filters.js';
import { totalCollection } from '../http/hal.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { createSources, deleteSources, renderSource, updateSources } from '../sources/writes.js';
import { idParam } from './params.js';

function listSources(ctx: RequestContext): Reply {
  const given = filterTree(ctx.query).get('external_id');
  const wanted = given === undefined ? null : new Set(stringList(given, 'filter[external_id]'));
  const rows = ctx.store.sources.values().filter((row) => wanted === null || wanted.has(row.external_id));
  if (rows.length === 0) return noContent();
  return totalCollection(ctx, 'sources', rows.map((row) => renderSource(ctx, row)));
}

function getSource(ctx: RequestContext): Reply {
  const source = ctx.store.sources.get(idParam(ctx));
  return source ? hal(renderSource(ctx, source)) : noContent();
}

export const sourceRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/sources', handler: listSources },
  { method: 'POST', path: '/api/v4/sources', handler: createSources },
  { method: 'PATCH', path: '/api/v4/sources', handler: (ctx) => updateSources(ctx, null) },
  { method: 'DELETE', path: '/api/v4/sources', handler: (ctx) => deleteSources(ctx, null) },
  { method: 'GET', path: '/api/v4/sources/:id', handler: getSource },
  { method: 'PATCH', path: '/api/v4/sources/:id', handler: (ctx) => updateSources(ctx, idParam(ctx)) },
  { method: 'DELETE', path: '/api/v4/sources/:id', handler: (ctx) => deleteSources(ctx, idParam(ctx)) },
];
