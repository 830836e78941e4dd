// Puts the account's credentials on every request and gives the auth strategy one chance to
// recover from a 401 (an OAuth refresh). A 401 means amoCRM refused before acting, so replaying
// even a write is safe; a second 401 is final.

import type { AuthStrategy } from '../auth/auth-strategy.js';
import { AmoUnauthorizedError } from './errors.js';
import type { RequestLayer } from './request.js';

export function authLayer(auth: AuthStrategy): RequestLayer {
  return (next) => async (options) => {
    const authorization = await auth.authorization(options.signal);
    try {
      return await next({ ...options, headers: { ...options.headers, authorization } });
    } catch (error) {
      if (!(error instanceof AmoUnauthorizedError) || !auth.onUnauthorized) throw error;
      if (!(await auth.onUnauthorized(authorization))) throw error;
      const fresh = await auth.authorization(options.signal);
      return next({ ...options, headers: { ...options.headers, authorization: fresh } });
    }
  };
}
