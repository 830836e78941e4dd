// The sandbox's route table: one file per API area.

import type { Route } from '../http/router.js';
import { accountRoutes } from './account.js';
import { catalogRoutes } from './catalogs.js';
import { callRoutes } from './calls.js';
import { chatTemplateRoutes } from './chat-templates.js';
import { companyRoutes } from './companies.js';
import { complexRoutes } from './complex.js';
import { contactRoutes } from './contacts.js';
import { currencyRoutes } from './currencies.js';
import { customerRoutes } from './customers.js';
import { customFieldRoutes } from './custom-fields.js';
import { entityFileRoutes } from './entity-files.js';
import { entityWriteRoutes } from './entity-writes.js';
import { eventRoutes } from './events.js';
import { leadRoutes } from './leads.js';
import { linkWriteRoutes } from './link-writes.js';
import { linkRoutes } from './links.js';
import { noteRoutes } from './notes.js';
import { pipelineRoutes } from './pipelines.js';
import { productsSettingsRoutes } from './products-settings.js';
import { roleRoutes } from './roles.js';
import { shortLinkRoutes } from './short-links.js';
import { sourceRoutes } from './sources.js';
import { subscriptionRoutes } from './subscriptions.js';
import { talkRoutes } from './talks.js';
import { tagRoutes } from './tags.js';
import { taskRoutes } from './tasks.js';
import { unsortedRoutes } from './unsorted.js';
import { userRoutes } from './users.js';
import { websiteButtonRoutes } from './website-buttons.js';
import { widgetRoutes } from './widgets.js';
import { webhookRoutes } from '../webhooks/routes.js';

export const apiRoutes: Route[] = [
  ...accountRoutes,
  ...userRoutes,
  ...roleRoutes,
  ...currencyRoutes,
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
  ...eventRoutes,
  ...customerRoutes,
  ...catalogRoutes,
  ...productsSettingsRoutes,
  ...sourceRoutes,
  ...widgetRoutes,
  ...websiteButtonRoutes,
  ...shortLinkRoutes,
  ...talkRoutes,
  ...callRoutes,
  ...subscriptionRoutes,
  ...entityFileRoutes,
  ...chatTemplateRoutes,
  ...webhookRoutes,
];
