// Calls (§3.18): `POST /api/v4/calls` logs calls in batch. amoCRM finds the contact, else the
// company, whose phone ends in the same last 10 digits, and writes a call_in/call_out note where
// its algorithm says: the one active lead when there is exactly one, otherwise the contact or
// company card (customers are not emulated). A call whose phone matches nothing is not added: it
// is answered under `errors` by request_id while the others are written (a malformed item fails
// the whole batch with validation-errors, as elsewhere).

import type { RequestContext } from '../http/context.js';
import { selfHref } from '../http/hal.js';
import { hal, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { checkUser, NOT_A_CHOICE, readFields } from '../notes/fields.js';
import type { EntityType } from '../records.js';
import { groupOf } from '../seed/metadata.js';
import { FIELD_IDS } from '../seed/custom-fields.js';
import { LOST_STATUS_ID, WON_STATUS_ID } from '../seed/ids.js';
import type { SandboxStore } from '../store.js';
import { readBatch } from '../writes/body.js';
import { isLive, unixNow } from '../writes/env.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { readItem } from '../writes/scalars.js';

const DIRECTIONS = { inbound: 'call_in', outbound: 'call_out' } as const;

const lastTen = (phone: string) => phone.replace(/\D/g, '').slice(-10);

/** Where amoCRM puts a call for this phone: a lead, a contact or a company; null when no one has it. */
export function callTarget(store: SandboxStore, phone: string): { type: EntityType; id: number } | null {
  const wanted = lastTen(phone);
  if (wanted.length === 0) return null;
  for (const type of ['contacts', 'companies'] as const) {
    const owner = store
      .entities(type)
      .values()
      .find(
        (row) =>
          !row.is_deleted &&
          row.custom_fields_values.some((field) => field.field_id === FIELD_IDS[type].phone && field.values.some((item) => lastTen(String(item.value)) === wanted)),
      );
    if (!owner) continue;
    const active = store.links
      .linked({ type, id: owner.id }, 'leads')
      .map((link) => store.leads.get(link.id))
      .filter((lead) => lead && !lead.is_deleted && lead.status_id !== WON_STATUS_ID && lead.status_id !== LOST_STATUS_ID);
    return active.length === 1 ? { type: 'leads', id: active[0]!.id } : { type, id: owner.id };
  }
  return null;
}

interface CallDraft {
  noteType: 'call_in' | 'call_out';
  params: Record<string, unknown>;
  responsible: number;
  createdBy: number;
  createdAt: number | undefined;
}

function checkCall(store: SandboxStore, raw: unknown, issues: Issues): CallDraft | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const direction = read.text('direction', { required: true });
  if (direction !== undefined && !(direction in DIRECTIONS)) read.fail('NotSupportedChoice', 'direction', `${NOT_A_CHOICE} Use inbound or outbound.`);
  const duration = read.int('duration', { required: true, min: 0 });
  const source = read.text('source', { required: true });
  const phone = read.text('phone', { required: true });
  const status = read.int('call_status');
  if (status !== undefined && (status < 1 || status > 7)) read.fail('NotSupportedChoice', 'call_status', `${NOT_A_CHOICE} Use 1 to 7.`);
  const current = store.account.current_user_id;
  // Without created_by amoCRM's statistics show the call as made by a robot (0).
  const createdBy = checkUser(read, 'created_by', store.users, { allowRobot: true }) ?? 0;
  const responsible = checkUser(read, 'responsible_user_id', store.users) ?? current;
  checkUser(read, 'updated_by', store.users, { allowRobot: true });
  const createdAt = read.int('created_at', { min: 0 });
  read.int('updated_at', { min: 0 });
  const params: Record<string, unknown> = {
    uniq: read.text('uniq') ?? '',
    duration: duration ?? 0,
    source: source ?? '',
    link: read.text('link') ?? '',
    phone: phone ?? '',
    call_result: read.text('call_result') ?? '',
    call_status: status ?? null,
  };
  return { noteType: DIRECTIONS[(direction ?? 'inbound') as keyof typeof DIRECTIONS] ?? 'call_in', params, responsible, createdBy, createdAt };
}

function addCalls(ctx: RequestContext): Reply {
  const { store } = ctx;
  const items = readBatch(ctx.body);
  const drafts = validateAll(items, (item, _index, issues) => checkCall(store, item, issues));
  const now = unixNow(ctx);
  const calls: unknown[] = [];
  const errors: unknown[] = [];
  drafts.forEach((draft, index) => {
    const requestId = requestIdOf(items[index], index);
    const target = callTarget(store, String(draft!.params.phone));
    if (!target || !isLive(store, target.type, target.id)) {
      errors.push({ request_id: requestId, status: 404, title: 'Not Found', detail: 'No contact or company has this phone number; the call was not added' });
      return;
    }
    const table = store.notes[target.type];
    const at = draft!.createdAt ?? now;
    const note = table.put({
      id: table.nextId(),
      entity_id: target.id,
      note_type: draft!.noteType,
      params: draft!.params,
      created_by: draft!.createdBy,
      updated_by: draft!.createdBy,
      created_at: at,
      updated_at: at,
      responsible_user_id: draft!.responsible,
      group_id: groupOf(store, draft!.responsible),
      is_pinned: false,
    });
    const entityType = target.type.slice(0, -1).replace('companie', 'company');
    calls.push({ id: note.id, entity_id: target.id, entity_type: entityType, account_id: store.account.id, request_id: requestId });
  });
  return hal({ _total_items: calls.length, errors, _links: { self: { href: selfHref(ctx) } }, _embedded: { calls } });
}

export const callRoutes: Route[] = [{ method: 'POST', path: '/api/v4/calls', handler: addCalls }];
