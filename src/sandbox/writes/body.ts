// The envelope of a write: batch endpoints take a JSON array of 1..max items, single ones an
// object. A wrong envelope is a plain 400 (no `validation-errors`): there is no item to name.

import { badRequest } from '../http/problem.js';
import { isRecord } from './issues.js';

/** amoCRM's ceiling for one plain batch write (the SDK recommends 50). */
export const MAX_BATCH = 250;

export function readBatch(body: unknown, max = MAX_BATCH): unknown[] {
  if (body === undefined) throw badRequest('The request body is empty; send a JSON array');
  if (!Array.isArray(body)) throw badRequest('The request body must be a JSON array');
  if (body.length === 0) throw badRequest('The request body is an empty array; nothing to write');
  if (body.length > max) throw badRequest(`At most ${max} items per request, got ${body.length}`);
  return body;
}

/** A single-object body; `undefined` (no body) counts as `{}` where `optional`. */
export function readObjectBody(body: unknown, options: { optional?: boolean } = {}): Record<string, unknown> {
  if (body === undefined && options.optional) return {};
  if (!isRecord(body)) throw badRequest('The request body must be a JSON object');
  return body;
}
