// Segment writes of the segments mode (§3.17): POST /api/v4/customers/segments (a batch),
// PATCH and DELETE /api/v4/customers/segments/{id}. amoCRM's docs let the API set a segment's name
// and colour only: its entry conditions cannot be created or edited through the API, and an account
// holds at most 100 segments. Deleting a segment takes it off its customers.

import type { RequestContext } from '../http/context.js';
import { link } from '../http/hal.js';
import { HttpProblem } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { readFields } from '../notes/fields.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { unixNow } from '../writes/env.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { readItem } from '../writes/scalars.js';
import { requireCustomers } from './gate.js';
import { renderSegment } from './render.js';

export const MAX_SEGMENTS = 100;
const COLOR = /^#?[0-9A-Fa-f]{6}$/;

interface SegmentDraft {
  id?: number;
  name?: string;
  color?: string;
}

function checkSegment(ctx: RequestContext, raw: unknown, issues: Issues, mode: 'create' | 'update'): SegmentDraft | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const name = read.text('name', { required: mode === 'create' });
  if (name !== undefined && name.trim() === '') read.fail('NotBlank', 'name', 'This value should not be blank.');
  const color = read.text('color');
  if (color !== undefined && !COLOR.test(color)) read.fail('InvalidType', 'color', 'A colour is six hex digits, e.g. "ffce5a".');
  for (const key of ['conditions', 'filter']) if (key in item) read.fail('NotSupportedChoice', key, 'Segment conditions cannot be set through the API.');
  if (mode === 'update' && name === undefined && color === undefined && issues.count === 0) issues.add('NotBlank', '', 'Nothing to update.');
  return { name: name?.trim(), color: color?.replace(/^#/, '').toLowerCase() };
}

export function createSegments(ctx: RequestContext): Reply {
  requireCustomers(ctx, 'segments');
  const items = readBatch(ctx.body);
  const table = ctx.store.customers.segments;
  if (table.size + items.length > MAX_SEGMENTS) {
    throw new HttpProblem(400, `An account has at most ${MAX_SEGMENTS} segments; it has ${table.size}`);
  }
  const drafts = validateAll(items, (raw, _index, issues) => checkSegment(ctx, raw, issues, 'create'));
  const now = unixNow(ctx);
  const rows = drafts.map((draft) => table.put({ id: table.nextId(), name: draft!.name!, color: draft!.color ?? 'd5d8db', created_at: now, updated_at: now }));
  const opts = { store: ctx.store, origin: ctx.origin };
  return hal({
    _links: link(ctx, '/api/v4/customers/segments'),
    _embedded: { segments: rows.map((row, index) => ({ ...renderSegment(opts, row), request_id: requestIdOf(items[index], index) })) },
  });
}

export function updateSegment(ctx: RequestContext, id: number): Reply {
  requireCustomers(ctx, 'segments');
  const current = ctx.store.customers.segments.get(id);
  if (!current) throw new HttpProblem(404, 'No segment with this id');
  const [draft] = validateAll([readObjectBody(ctx.body)], (raw, _index, issues) => checkSegment(ctx, raw, issues, 'update'));
  const row = ctx.store.customers.segments.put({
    ...current,
    name: draft!.name ?? current.name,
    color: draft!.color ?? current.color,
    updated_at: unixNow(ctx),
  });
  return hal(renderSegment({ store: ctx.store, origin: ctx.origin }, row));
}

export function deleteSegment(ctx: RequestContext, id: number): Reply {
  requireCustomers(ctx, 'segments');
  if (!ctx.store.customers.segments.delete(id)) throw new HttpProblem(404, 'No segment with this id');
  for (const customer of ctx.store.customers.rows.values()) {
    if (customer.segment_ids.includes(id)) customer.segment_ids = customer.segment_ids.filter((segment) => segment !== id);
  }
  return noContent();
}
