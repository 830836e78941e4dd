// Tests change one setting of the sandbox's account for one piece of work (the acting user: admin-
// only endpoints refuse anyone else; the customers mode) and put it back whatever happens.

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

/** In another customers mode (segments, or off), then back to the one before. */
export async function inCustomersMode<T>(store: SandboxStore, mode: 'periodicity' | 'segments' | 'disabled', work: () => Promise<T>): Promise<T> {
  const before = store.account.customers_mode;
  store.account.customers_mode = mode;
  try {
    return await work();
  } finally {
    store.account.customers_mode = before;
  }
}
