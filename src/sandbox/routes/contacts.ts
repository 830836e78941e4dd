// GET /api/v4/contacts and /api/v4/contacts/{id}. `with=social_profiles` is accepted and has
// nothing to add here.

import { renderContact } from '../http/render.js';
import type { Route } from '../http/router.js';
import type { ContactRecord } from '../records.js';
import { getEntity, listEntities, type EntitySpec } from './entity-routes.js';

const contacts: EntitySpec<ContactRecord> = {
  type: 'contacts',
  table: (ctx) => ctx.store.contacts,
  orderFields: ['updated_at', 'id'],
  render: renderContact,
};

export const contactRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/contacts', handler: (ctx) => listEntities(contacts, ctx) },
  { method: 'GET', path: '/api/v4/contacts/:id', handler: (ctx) => getEntity(contacts, ctx) },
];
