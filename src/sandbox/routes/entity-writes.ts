// POST and PATCH /api/v4/{leads|contacts|companies} (batches) and PATCH /api/v4/{type}/{id}
// (one object). The whole batch is validated first; one bad item answers 400 with every bad
// item's errors and nothing is written (§2.5, §6.1).

import type { RequestContext } from '../http/context.js';
import { link } from '../http/hal.js';
import { hal, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { EntityType } from '../records.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { createRow, updateRow } from '../writes/entity-apply.js';
import { readEntityDraft, type EntityRow } from '../writes/entity-draft.js';
import { writeEnv } from '../writes/env.js';
import { requestIdOf, validateAll } from '../writes/issues.js';
import { idParam } from './params.js';

/** An update's answer item; contacts echo their name too, as amoCRM's docs show. */
function updated(ctx: RequestContext, type: EntityType, row: EntityRow) {
  return {
    id: row.id,
    ...(type === 'contacts' ? { name: row.name } : {}),
    updated_at: row.updated_at,
    _links: link(ctx, `/api/v4/${type}/${row.id}`),
  };
}

function create(type: EntityType, ctx: RequestContext): Reply {
  const items = readBatch(ctx.body);
  const env = writeEnv(ctx);
  const drafts = validateAll(items, (item, _index, issues) => readEntityDraft(env, type, item, issues, { mode: 'create', embeddedLinks: true }));
  const rows = drafts.map((draft) => createRow(env, draft!));
  return hal({
    _links: link(ctx, `/api/v4/${type}`),
    _embedded: {
      [type]: rows.map((row, index) => ({ id: row.id, request_id: requestIdOf(items[index], index), _links: link(ctx, `/api/v4/${type}/${row.id}`) })),
    },
  });
}

function updateMany(type: EntityType, ctx: RequestContext): Reply {
  const items = readBatch(ctx.body);
  const env = writeEnv(ctx);
  const drafts = validateAll(items, (item, _index, issues) => readEntityDraft(env, type, item, issues, { mode: 'update' }));
  const rows = drafts.map((draft) => updateRow(env, draft!));
  return hal({
    _links: link(ctx, `/api/v4/${type}`),
    _embedded: { [type]: rows.map((row, index) => ({ ...updated(ctx, type, row), request_id: requestIdOf(items[index], index) })) },
  });
}

function updateOne(type: EntityType, ctx: RequestContext): Reply {
  const id = idParam(ctx);
  const item = readObjectBody(ctx.body);
  const env = writeEnv(ctx);
  const [draft] = validateAll([item], (raw, _index, issues) => readEntityDraft(env, type, raw, issues, { mode: 'update', id }));
  return hal(updated(ctx, type, updateRow(env, draft!)));
}

export const entityWriteRoutes: Route[] = (['leads', 'contacts', 'companies'] as const).flatMap((type): Route[] => [
  { method: 'POST', path: `/api/v4/${type}`, handler: (ctx) => create(type, ctx) },
  { method: 'PATCH', path: `/api/v4/${type}`, handler: (ctx) => updateMany(type, ctx) },
  { method: 'PATCH', path: `/api/v4/${type}/:id`, handler: (ctx) => updateOne(type, ctx) },
]);
