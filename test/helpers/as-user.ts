// Admin-only endpoints refuse anyone else: tests act as another user of the sandbox's account
// for one piece of work, and the account's current user is put back whatever happens.

import type { SandboxStore } from '../../src/sandbox/store.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';

export async function asUser<T>(store: SandboxStore, userId: number, work: () => Promise<T>): Promise<T> {
  const before = store.account.current_user_id;
  store.account.current_user_id = userId;
  try {
    return await work();
  } finally {
    store.account.current_user_id = before;
  }
}

/** As a manager of the seed: no admin rights. */
export function asManager<T>(store: SandboxStore, work: () => Promise<T>): Promise<T> {
  return asUser(store, USER_IDS.manager1, work);
}
