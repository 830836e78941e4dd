// The sandbox's route table: one file per API area.

import type { Route } from '../http/router.js';
import { accountRoutes } from './account.js';
import { companyRoutes } from './companies.js';
import { complexRoutes } from './complex.js';
import { contactRoutes } from './contacts.js';
import { customFieldRoutes } from './custom-fields.js';
import { entityWriteRoutes } from './entity-writes.js';
import { leadRoutes } from './leads.js';
import { linkWriteRoutes } from './link-writes.js';
import { linkRoutes } from './links.js';
import { noteRoutes } from './notes.js';
import { pipelineRoutes } from './pipelines.js';
import { tagRoutes } from './tags.js';
import { taskRoutes } from './tasks.js';
import { unsortedRoutes } from './unsorted.js';
import { userRoutes } from './users.js';
import { webhookRoutes } from '../webhooks/routes.js';

export const apiRoutes: Route[] = [
  ...accountRoutes,
  ...userRoutes,
  ...pipelineRoutes,
  ...customFieldRoutes,
  ...tagRoutes,
  ...linkRoutes,
  ...leadRoutes,
  ...contactRoutes,
  ...companyRoutes,
  ...entityWriteRoutes,
  ...complexRoutes,
  ...linkWriteRoutes,
  ...unsortedRoutes,
  ...noteRoutes,
  ...taskRoutes,
  ...webhookRoutes,
];
