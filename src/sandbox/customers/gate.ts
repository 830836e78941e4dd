// Customer endpoints answer only while the account's customers mode is on. amoCRM's docs do not
// show the answer for a switched-off mode; the sandbox answers 402 with a detail that says why,
// and the mode switch itself is for account admins only (403 otherwise), as the docs state.

import type { RequestContext } from '../http/context.js';
import { HttpProblem } from '../http/problem.js';

export const ENABLED_MODES = new Set(['periodicity', 'segments', 'dynamic']);

export function requireCustomers(ctx: RequestContext, mode?: 'periodicity' | 'segments'): void {
  const current = ctx.store.account.customers_mode;
  if (!ENABLED_MODES.has(current)) throw new HttpProblem(402, 'Customers are disabled in this account: an admin turns them on with PATCH /api/v4/customers/mode');
  if (mode === 'periodicity' && current !== 'periodicity') throw new HttpProblem(402, `Customer statuses exist in the periodicity mode only; this account uses ${current}`);
  if (mode === 'segments' && current === 'periodicity') throw new HttpProblem(402, 'Customer segments exist in the segments mode only; this account uses periodicity');
}
