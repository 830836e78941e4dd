// Batch create and update for leads, contacts and companies: `POST|PATCH /api/v4/{entity}` with an
// array. One call is one batch; the caller splits and retries by the no-duplicate rule.

import type { SendFn } from '../request.js';
import type { CreatedRef, UpdatedRef, WithId } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';

export interface EntityWrites<Body> {
  /** Answers `{ id, request_id }` per created item. */
  create(items: readonly Body[], params?: WriteParams): Promise<CreatedRef[]>;
  /** Answers `{ id, updated_at }` per updated item (request_id when amoCRM echoes it). */
  update(items: readonly WithId<Body>[], params?: WriteParams): Promise<UpdatedRef[]>;
}

export function createEntityWrites<Body>(send: SendFn, entity: 'leads' | 'contacts' | 'companies'): EntityWrites<Body> {
  const path = `/api/v4/${entity}`;
  return {
    create: (items, params = {}) => writeBatch<CreatedRef>(send, { method: 'POST', path, key: entity, items, ...params }),
    update: (items, params = {}) => writeBatch<UpdatedRef>(send, { method: 'PATCH', path, key: entity, items, ...params }),
  };
}
