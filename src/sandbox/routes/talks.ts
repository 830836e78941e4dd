// Talks (chat conversations, §3.18): get one by talk_id (404, not 204, when unknown: amoCRM's docs
// list 404 here) and close one. Closing without `force_close` would start the NPS bot where the
// account has one enabled and paid for; the sandbox has none, so every close closes. 202, no body.

import type { RequestContext } from '../http/context.js';
import { HttpProblem } from '../http/problem.js';
import { hal, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { TalkRecord } from '../records.js';
import { readObjectBody } from '../writes/body.js';
import { isRecord } from '../writes/issues.js';
import { idParam } from './params.js';

export const talkPath = (id: number) => `/api/v4/talks/${id}`;

function findTalk(ctx: RequestContext): TalkRecord {
  const talk = ctx.store.talks.get(idParam(ctx));
  if (!talk) throw new HttpProblem(404, 'Talk not found');
  return talk;
}

export function renderTalk(ctx: RequestContext, talk: TalkRecord) {
  const { id, ...rest } = talk;
  return {
    talk_id: id,
    ...rest,
    account_id: ctx.store.account.id,
    _embedded: {
      contacts: [{ id: talk.contact_id }],
      leads: talk.entity_type === 'lead' && talk.entity_id !== null ? [{ id: talk.entity_id }] : [],
    },
    _links: { self: { href: `${ctx.origin}${talkPath(id)}` } },
  };
}

function closeTalk(ctx: RequestContext): Reply {
  const talk = findTalk(ctx);
  const body = readObjectBody(ctx.body, { optional: true });
  if (isRecord(body) && body.force_close !== undefined && typeof body.force_close !== 'boolean') {
    throw new HttpProblem(400, 'force_close must be a boolean');
  }
  ctx.store.talks.put({ ...talk, is_in_work: false, updated_at: Math.floor(ctx.now() / 1000) });
  return { status: 202 };
}

export const talkRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/talks/:id', handler: (ctx) => hal(renderTalk(ctx, findTalk(ctx))) },
  { method: 'POST', path: '/api/v4/talks/:id/close', handler: closeTalk },
];
