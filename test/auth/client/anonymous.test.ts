// Anonymous access exists only when the operator turns it on, and never answers a request that
// carries credentials (those belong to the other strategies, which refuse rather than downgrade).

import { describe, expect, it } from 'vitest';
import { createAnonymousAuth } from '../../../src/auth/client/anonymous.js';

describe('anonymous strategy', () => {
  it('gives the anonymous principal of the default account when allowed', async () => {
    expect(await createAnonymousAuth({ allow: true }).authenticate(new Headers())).toEqual({
      ok: true,
      principal: { accountId: null, userId: null, method: 'anonymous' },
    });
  });

  it('gives nothing when not allowed, so the request needs credentials', async () => {
    expect(await createAnonymousAuth({ allow: false }).authenticate(new Headers())).toBeNull();
  });

  it('never claims a credential header', () => {
    expect(createAnonymousAuth({ allow: true }).present(new Headers({ authorization: 'Bearer x', 'x-api-key': 'k' }))).toBe(false);
  });

  it('hands out a fresh principal each time, so no request can change another\'s', async () => {
    const auth = createAnonymousAuth({ allow: true });
    const a = await auth.authenticate(new Headers());
    const b = await auth.authenticate(new Headers());
    expect(a).not.toBe(b);
    if (a?.ok && b?.ok) expect(a.principal).not.toBe(b.principal);
  });
});
