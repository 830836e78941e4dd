// The sandbox's route table: one file per API area.

import type { Route } from '../http/router.js';
import { accountRoutes } from './account.js';
import { companyRoutes } from './companies.js';
import { contactRoutes } from './contacts.js';
import { customFieldRoutes } from './custom-fields.js';
import { leadRoutes } from './leads.js';
import { linkRoutes } from './links.js';
import { pipelineRoutes } from './pipelines.js';
import { tagRoutes } from './tags.js';
import { userRoutes } from './users.js';

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
];
