// amoCRM's lists methods are "for users with access to lists" (rights.catalog_access): anyone
// else gets 403, admin or not being beside the point.

import type { RequestContext } from '../http/context.js';
import { HttpProblem } from '../http/problem.js';

export function requireCatalogAccess(ctx: RequestContext, what: string): void {
  const user = ctx.store.users.get(ctx.store.account.current_user_id);
  if (!user?.rights.catalog_access) throw new HttpProblem(403, `Access denied: ${what} needs access to lists`);
}
