// What a person does in amoCRM's UI that the API cannot: delete and restore leads, contacts and
// companies. The API has no DELETE for them, yet amoCRM sends delete_*/restore_* webhooks, so
// tests of a webhook receiver need a way to cause them.

import type { EntityType } from '../records.js';
import type { SandboxStore } from '../store.js';
import type { WebhookEmitter } from './emitter.js';

export interface SandboxActions {
  /** Marks the entity deleted (as the UI's bin does) and sends delete_* webhooks. False if unknown or already deleted. */
  deleteEntity(type: EntityType, id: number): boolean;
  /** Brings a deleted entity back and sends restore_* webhooks. False if unknown or not deleted. */
  restoreEntity(type: EntityType, id: number): boolean;
}

export function createSandboxActions(options: { store: SandboxStore; emitter: WebhookEmitter; now: () => number }): SandboxActions {
  const { store, emitter } = options;
  const setDeleted = (type: EntityType, id: number, deleted: boolean): boolean => {
    const row = store.entities(type).get(id);
    if (!row || row.is_deleted === deleted) return false;
    const done = emitter.observe();
    // In place, like the store's other UI-style changes; the snapshot already holds the old state.
    Object.assign(row, { is_deleted: deleted, updated_at: Math.floor(options.now() / 1000), updated_by: store.account.current_user_id });
    done();
    return true;
  };
  return {
    deleteEntity: (type, id) => setDeleted(type, id, true),
    restoreEntity: (type, id) => setDeleted(type, id, false),
  };
}
