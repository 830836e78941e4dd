// From a parsed webhook body to typed events. amoCRM names fields the v2 way (status_id,
// last_modified, element_id); events carry our names. One POST may hold several entity/action
// groups (`leads[update]` and `leads[status]` together) and several items in each.

import { FormParseError, parseForm, type FormValue } from './form.js';

export type EventEntity = 'lead' | 'contact' | 'company' | 'task';
export type EventAction = 'add' | 'update' | 'delete' | 'restore' | 'status' | 'responsible' | 'note';

export interface EntityEvent {
  entity: EventEntity;
  action: EventAction;
  /** The lead, contact, company or task; for `note`, the entity the note is on. */
  amoId: number;
  /** The account that sent it, as the body says (null when it does not). */
  accountId: number | null;
  /** Unix seconds: last_modified, else date_create, else when the gateway received it. */
  occurredAt: number;
  statusId: number | null;
  oldStatusId: number | null;
  pipelineId: number | null;
  oldPipelineId: number | null;
  responsibleUserId: number | null;
  oldResponsibleUserId: number | null;
  /** The note's id, for `note` events. */
  noteId: number | null;
}

export interface WebhookBody {
  events: EntityEvent[];
  /** `account[id]` and `account[subdomain]`, when sent. */
  account: { id: number | null; subdomain: string | null };
}

const ACTIONS: ReadonlySet<string> = new Set(['add', 'update', 'delete', 'restore', 'status', 'responsible', 'note']);

// Groups amoCRM sends that are not (yet) events here: customers, catalogs, unsorted, talk, message.
const ENTITY_OF_GROUP: Record<string, EventEntity> = {
  leads: 'lead',
  contacts: 'contact',
  companies: 'company',
  task: 'task',
  tasks: 'task',
};

export class WebhookBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookBodyError';
  }
}

/** Parses a form-encoded webhook body; throws WebhookBodyError when it holds no usable event. */
export function parseWebhookBody(body: string, receivedAt: number = Math.floor(Date.now() / 1000)): WebhookBody {
  let form: Record<string, FormValue>;
  try {
    form = parseForm(body);
  } catch (error) {
    if (error instanceof FormParseError) throw new WebhookBodyError(error.message);
    throw error;
  }
  const accountPart = form.account;
  const account = isRecord(accountPart)
    ? { id: optionalId(accountPart.id, 'account[id]'), subdomain: typeof accountPart.subdomain === 'string' ? accountPart.subdomain : null }
    : { id: null, subdomain: null };

  const events: EntityEvent[] = [];
  for (const [group, actions] of Object.entries(form)) {
    const groupEntity = ENTITY_OF_GROUP[group];
    if (!groupEntity) continue;
    if (!isRecord(actions)) throw new WebhookBodyError(`"${group}" holds no actions`);
    for (const [action, items] of Object.entries(actions)) {
      if (!ACTIONS.has(action)) continue;
      if (!Array.isArray(items)) throw new WebhookBodyError(`${group}[${action}] holds no items`);
      for (const [index, item] of items.entries()) {
        if (item === undefined) continue;
        if (!isRecord(item)) throw new WebhookBodyError(`${group}[${action}][${index}] is not an item`);
        events.push(toEvent(groupEntity, action as EventAction, item, `${group}[${action}][${index}]`, account.id, receivedAt));
      }
    }
  }
  if (events.length === 0) throw new WebhookBodyError('no lead, contact, company or task events in the body');
  return { events, account };
}

function toEvent(
  groupEntity: EventEntity,
  action: EventAction,
  item: Record<string, FormValue>,
  where: string,
  bodyAccountId: number | null,
  receivedAt: number,
): EntityEvent {
  // Companies arrive among contacts, told apart by `type`.
  const entity = groupEntity === 'contact' && item.type === 'company' ? 'company' : groupEntity;
  // A note event carries the note under `note`; the entity it is on is its element_id.
  const note = action === 'note' && isRecord(item.note) ? item.note : null;
  const source = note ?? item;
  const amoId = note ? requiredId(note.element_id ?? item.element_id ?? item.id, `${where}[note][element_id]`) : requiredId(item.id, `${where}[id]`);
  const occurredAt = optionalInt(source.last_modified) ?? optionalInt(source.date_create) ?? optionalInt(source.updated_at) ?? receivedAt;
  return {
    entity,
    action,
    amoId,
    accountId: optionalInt(source.account_id) ?? bodyAccountId,
    occurredAt,
    statusId: optionalInt(item.status_id),
    oldStatusId: optionalInt(item.old_status_id),
    pipelineId: optionalInt(item.pipeline_id),
    oldPipelineId: optionalInt(item.old_pipeline_id),
    responsibleUserId: optionalInt(item.responsible_user_id),
    oldResponsibleUserId: optionalInt(item.old_responsible_user_id),
    noteId: note ? optionalInt(note.id) : null,
  };
}

function isRecord(value: FormValue | undefined): value is Record<string, FormValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalInt(value: FormValue | undefined): number | null {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

function optionalId(value: FormValue | undefined, where: string): number | null {
  if (value === undefined || value === '') return null;
  const id = optionalInt(value);
  if (id === null || id === 0) throw new WebhookBodyError(`${where} is not an id`);
  return id;
}

function requiredId(value: FormValue | undefined, where: string): number {
  const id = optionalId(value, where);
  if (id === null) throw new WebhookBodyError(`${where} is missing`);
  return id;
}
