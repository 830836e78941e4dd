// /api/v4/talks/{id}: one chat conversation, and closing it. amoCRM has no list of talks, and
// answers 404 (not 204) for an unknown one.

import { assertId } from '../collection.js';
import { AmoNotFoundError } from '../errors.js';
import type { SendFn } from '../request.js';
import type { UnixSeconds } from '../types.js';

export interface Talk {
  talk_id: number;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  /** The client's rating from the NPS bot. */
  rate: number;
  contact_id: number;
  chat_id: string;
  entity_id: number | null;
  /** `lead` or `customer`. */
  entity_type: string | null;
  /** Open (not closed). */
  is_in_work: boolean;
  is_read: boolean;
  /** The channel: telegram, whatsapp… */
  origin: string;
  missed_at: UnixSeconds | null;
  account_id: number;
}

export function createTalksResource(send: SendFn) {
  return {
    async get(id: number, params: { signal?: AbortSignal } = {}): Promise<Talk | null> {
      try {
        const response = await send({ method: 'GET', path: `/api/v4/talks/${assertId(id)}`, signal: params.signal });
        return (response.data as Talk | undefined) ?? null;
      } catch (error) {
        if (error instanceof AmoNotFoundError) return null;
        throw error;
      }
    },
    /** Without `forceClose` amoCRM may start the NPS bot instead (where enabled and paid for). */
    async close(id: number, params: { forceClose?: boolean; signal?: AbortSignal } = {}): Promise<void> {
      await send({
        method: 'POST',
        path: `/api/v4/talks/${assertId(id)}/close`,
        body: params.forceClose === undefined ? {} : { force_close: params.forceClose },
        signal: params.signal,
      });
    },
  };
}
