// GET /api/v4/companies and /api/v4/companies/{id}.

import { renderCompany } from '../http/render.js';
import type { Route } from '../http/router.js';
import type { CompanyRecord } from '../records.js';
import { getEntity, listEntities, type EntitySpec } from './entity-routes.js';

const companies: EntitySpec<CompanyRecord> = {
  type: 'companies',
  table: (ctx) => ctx.store.companies,
  orderFields: ['updated_at', 'id'],
  render: renderCompany,
};

export const companyRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/companies', handler: (ctx) => listEntities(companies, ctx) },
  { method: 'GET', path: '/api/v4/companies/:id', handler: (ctx) => getEntity(companies, ctx) },
];
