// Events (§3.14): the audit log, newest first, at most 100 a page, 204 when nothing matches; one
// event by its string id (204 when unknown); and the event types in the asked language.

import type { RequestContext } from '../http/context.js';
import { readWith } from '../http/filters.js';
import { link, uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { badRequest } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { eventFilter } from '../events/filters.js';
import type { EventRecord } from '../events/log.js';
import { EVENT_TYPES } from '../events/types.js';

/** amoCRM pages events by at most 100, not 250. */
export const EVENTS_MAX_LIMIT = 100;

const NAMED = { lead: 'leads', contact: 'contacts', company: 'companies' } as const;

function renderEvent(ctx: RequestContext, withs: ReadonlySet<string>, event: EventRecord) {
  const entity: Record<string, unknown> = { id: event.entity_id };
  const table = event.entity_type in NAMED ? NAMED[event.entity_type as keyof typeof NAMED] : null;
  if (table) {
    entity._links = link(ctx, `/api/v4/${table}/${event.entity_id}`);
    // with=lead_name (contact_name, company_name) adds the entity's name.
    if (withs.has(`${event.entity_type}_name`)) entity.name = ctx.store.entities(table).get(event.entity_id)?.name ?? null;
  } else if (event.entity_type === 'task') {
    entity._links = link(ctx, `/api/v4/tasks/${event.entity_id}`);
  }
  return {
    id: event.id,
    type: event.type,
    entity_id: event.entity_id,
    entity_type: event.entity_type,
    created_by: event.created_by,
    created_at: event.created_at,
    value_after: structuredClone(event.value_after),
    value_before: structuredClone(event.value_before),
    account_id: ctx.store.account.id,
    _links: link(ctx, `/api/v4/events/${event.id}`),
    _embedded: { entity },
  };
}

function listEvents(ctx: RequestContext): Reply {
  const paging = readPaging(ctx, { maxLimit: EVENTS_MAX_LIMIT });
  const withs = readWith(ctx.query);
  const rows = ctx.store.events.values().filter(eventFilter(ctx));
  return uncountedPage(ctx, 'events', rows, paging, (event) => renderEvent(ctx, withs, event));
}

function getEvent(ctx: RequestContext): Reply {
  const id = ctx.params.id ?? '';
  if (!/^[0-9a-z]{26}$/.test(id)) throw badRequest(`id in the path must be an event id (26 characters), got "${id}"`);
  const event = ctx.store.events.get(id);
  return event ? hal(renderEvent(ctx, readWith(ctx.query), event)) : noContent();
}

const LANGUAGES = ['ru', 'en', 'es', 'pt'] as const;

function listTypes(ctx: RequestContext): Reply {
  const asked = ctx.query.get('language_code');
  if (asked !== undefined && (typeof asked !== 'string' || !(LANGUAGES as readonly string[]).includes(asked))) {
    throw badRequest(`language_code must be one of ${LANGUAGES.join(', ')}`);
  }
  // Without a language the names come in the token user's language.
  const own = ctx.store.users.get(ctx.store.account.current_user_id)?.lang;
  const lang = (asked ?? ((LANGUAGES as readonly string[]).includes(own ?? '') ? own : 'ru')) as (typeof LANGUAGES)[number];
  const types = EVENT_TYPES.map((entry, index) => ({ key: entry.key, type: index + 1, lang: entry.names[lang] }));
  return hal({ _total_items: types.length, _links: link(ctx, '/api/v4/events/types'), _embedded: { events_types: types } });
}

export const eventRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/events', handler: listEvents },
  { method: 'GET', path: '/api/v4/events/types', handler: listTypes },
  { method: 'GET', path: '/api/v4/events/:id', handler: getEvent },
];
