// Endpoints amoCRM keeps for account administrators answer 403 to anyone else. The sandbox's
// token acts as the account's current user (an admin in the seed; tests switch it to a manager).

import type { RequestContext } from './context.js';
import { HttpProblem } from './problem.js';

/** Throws amoCRM's 403 unless the current user is an admin; returns that user's id. */
export function requireAdmin(ctx: RequestContext, what: string): number {
  const userId = ctx.store.account.current_user_id;
  if (!ctx.store.users.get(userId)?.rights.is_admin) throw new HttpProblem(403, `Access denied: ${what} is for account administrators only`);
  return userId;
}
