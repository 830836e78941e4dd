// The account's audit log (§3.14): events with string, ULID-shaped ids, appended as data changes
// through the API and by the seed. Ids sort by time, then by arrival, and never depend on the
// wall clock beyond the event's own created_at, so a seed always gives the same log.

export type EventEntityType = 'lead' | 'contact' | 'company' | 'task';

export interface EventRecord {
  id: string;
  type: string;
  entity_id: number;
  entity_type: EventEntityType;
  /** 0 is a robot or the API without a user. */
  created_by: number;
  created_at: number;
  value_before: Record<string, unknown>[];
  value_after: Record<string, unknown>[];
}

export type NewEvent = Omit<EventRecord, 'id'>;

export interface EventLog {
  readonly size: number;
  record(event: NewEvent): EventRecord;
  get(id: string): EventRecord | undefined;
  /** Newest first (amoCRM's order), ties broken by the later id first. */
  values(): EventRecord[];
  clear(): void;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

function base32(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(value % 32n)] + out;
    value /= 32n;
  }
  return out;
}

/** 10 characters of milliseconds and 16 of sequence: 26 lowercase Crockford characters, like amoCRM's. */
export function eventId(createdAt: number, sequence: number): string {
  return base32(BigInt(createdAt) * 1000n, 10) + base32(BigInt(sequence), 16);
}

export function createEventLog(): EventLog {
  const byId = new Map<string, EventRecord>();
  let sequence = 0;
  let sorted: EventRecord[] | null = null;
  return {
    get size() {
      return byId.size;
    },
    record(event) {
      sequence += 1;
      const row = { ...event, id: eventId(event.created_at, sequence) };
      byId.set(row.id, row);
      sorted = null;
      return row;
    },
    get: (id) => byId.get(id),
    values() {
      sorted ??= [...byId.values()].sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      return [...sorted];
    },
    clear() {
      byId.clear();
      sorted = null;
    },
  };
}
