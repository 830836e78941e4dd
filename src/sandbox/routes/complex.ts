// POST /api/v4/leads/complex: up to 50 leads, each with one new contact and company. The answer is
// a bare JSON array (not HAL) with `request_id` as a list and the duplicate-control `merged` flag.

import type { RequestContext } from '../http/context.js';
import type { Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { readBatch } from '../writes/body.js';
import { readComplexItem, MAX_COMPLEX } from '../writes/complex-items.js';
import { writeEnv } from '../writes/env.js';
import { requestIdOf, validateAll } from '../writes/issues.js';
import { applyBundle } from '../writes/lead-bundle.js';

function createComplex(ctx: RequestContext): Reply {
  const items = readBatch(ctx.body, MAX_COMPLEX);
  const env = writeEnv(ctx);
  const drafts = validateAll(items, (item, _index, issues) => readComplexItem(env, item, issues));
  const results = drafts.map((draft, index) => {
    const result = applyBundle(env, draft!);
    return { id: result.lead.id, contact_id: result.contactId, company_id: result.companyId, request_id: [requestIdOf(items[index], index)], merged: result.merged };
  });
  return { status: 200, body: results, contentType: 'application/json' };
}

export const complexRoutes: Route[] = [{ method: 'POST', path: '/api/v4/leads/complex', handler: createComplex }];
