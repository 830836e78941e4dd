// GET /api/v4/leads and /api/v4/leads/{id}.

import { renderLead } from '../http/render.js';
import type { Route } from '../http/router.js';
import type { LeadRecord } from '../records.js';
import { getEntity, listEntities, type EntitySpec } from './entity-routes.js';

const leads: EntitySpec<LeadRecord> = {
  type: 'leads',
  table: (ctx) => ctx.store.leads,
  orderFields: ['created_at', 'updated_at', 'id'],
  render: renderLead,
};

export const leadRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/leads', handler: (ctx) => listEntities(leads, ctx) },
  { method: 'GET', path: '/api/v4/leads/:id', handler: (ctx) => getEntity(leads, ctx) },
];
