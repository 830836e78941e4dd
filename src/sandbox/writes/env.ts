// What a write needs besides its body: the store, the request clock in unix seconds (amoCRM's unit;
// `ctx.now()` is ms) and the request log's notes, for what the sandbox ignored or bent.

import type { RequestContext } from '../http/context.js';
import type { EntityType } from '../records.js';
import type { SandboxStore } from '../store.js';

export interface WriteEnv {
  store: SandboxStore;
  /** Unix seconds at the request. */
  now: number;
  notes: string[];
}

/** The request clock in unix seconds. */
export const unixNow = (ctx: RequestContext): number => Math.floor(ctx.now() / 1000);

export function writeEnv(ctx: RequestContext): WriteEnv {
  return { store: ctx.store, now: unixNow(ctx), notes: ctx.notes };
}

/** Whether a write may name this entity: it exists and is not deleted. */
export function isLive(store: SandboxStore, type: EntityType, id: number): boolean {
  const row = store.entities(type).get(id);
  return row !== undefined && !row.is_deleted;
}
