// A long-lived token (or any fixed bearer token): amoCRM issues them for 1 day to 5 years with no
// refresh token, so a 401 is final and is reported, never retried.

import type { AuthStrategy } from './auth-strategy.js';

export function createTokenAuth(token: string): AuthStrategy {
  const trimmed = token.trim();
  if (!trimmed) throw new TypeError('createTokenAuth: the token is empty');
  const header = `Bearer ${trimmed}`;
  return {
    authorization: async () => header,
  };
}
