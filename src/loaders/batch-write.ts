// Writes a list of any length to amoCRM in batches of 50 and reports every input item on its
// own: written, failed (with amoCRM's validation errors mapped back to the item and the input
// field it came from), or unknown. amoCRM validates a batch as a whole and writes nothing when
// one item is invalid, so the valid rest of that batch is sent again without it. A batch that
// may have reached amoCRM and got no clear answer (a 5xx, a reset, a timeout after sending) is
// never sent again: its items are reported as unknown, because a retried POST creates twice.

import { AmoError, AmoValidationError } from '../rest/errors.js';

/** A path into the client's input, e.g. `['customFields', 2, 'text']`. */
export type InputPath = (string | number)[];

export interface ItemError {
  message: string;
  /** Stable: amoCRM's validation code (`NotSupportedChoice`…), or one of ours. */
  code: string;
  /** Where in the item the problem is, in the client's terms; empty for the whole item. */
  path: InputPath;
}

export type ItemOutcome<T> =
  | { status: 'succeeded'; value: T }
  | { status: 'failed'; errors: ItemError[] }
  /** The write may or may not have happened; it was not repeated. */
  | { status: 'unknown'; errors: ItemError[] };

/** One item ready to send: its body for amoCRM, and how to name its body paths for the client. */
export interface PreparedItem<Body> {
  body: Body;
  /** Maps a dotted amoCRM path inside the item (`custom_fields_values.3.values.0.value`) to an input path. */
  inputPath(amoPath: string): InputPath;
}

/** An item is either ready to send, or already refused before any upstream call. */
export type Prepared<Body> = PreparedItem<Body> | { errors: ItemError[] };

export interface BatchWriteOptions<Body, Result> {
  /** amoCRM recommends 50 per write (and accepts 50 at most for complex leads). */
  batchSize?: number;
  /** Sends one batch; each body carries `request_id`. Answers the results it got. */
  send(bodies: (Body & { request_id: string })[]): Promise<Result[]>;
  /** Which request ids a result answers (complex leads answer several per result). */
  requestIdsOf(result: Result): string[];
  /** How many times a batch is sent again after validation errors removed items from it. */
  maxResubmits?: number;
  /**
   * `in-body` (default): each body carries its item's `request_id`, which amoCRM echoes.
   * `by-position`: the endpoint takes no `request_id` (links); amoCRM then names items by their
   * position in the request, and `send` gets bodies without one.
   */
  requestIds?: 'in-body' | 'by-position';
}

export const WRITE_BATCH_SIZE = 50;

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The problem of an upstream failure, for every item it touched. */
function itemError(error: unknown): ItemError {
  if (error instanceof AmoError) return { message: error.message, code: error.code, path: [] };
  const code = (error as { code?: unknown })?.code;
  return {
    message: error instanceof Error ? error.message : 'the write failed',
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    path: [],
  };
}

export async function batchWrite<Body extends object, Result>(
  items: Prepared<Body>[],
  options: BatchWriteOptions<Body, Result>,
): Promise<ItemOutcome<Result>[]> {
  const outcomes: (ItemOutcome<Result> | undefined)[] = items.map((item) =>
    'errors' in item ? { status: 'failed', errors: item.errors } : undefined,
  );
  const ready = items.flatMap((item, index) => ('errors' in item ? [] : [{ index, item }]));

  const runBatch = async (batch: { index: number; item: PreparedItem<Body> }[]) => {
    let pending = batch;
    const positional = options.requestIds === 'by-position';
    for (let attempt = 0; pending.length > 0; attempt++) {
      const byRequestId = new Map(pending.map((entry, position) => [String(positional ? position : entry.index), entry]));
      const requestIdOf = (entry: { index: number }) => String(positional ? pending.indexOf(entry as (typeof pending)[number]) : entry.index);
      try {
        const bodies = pending.map(({ index, item }) => (positional ? { ...item.body } : { ...item.body, request_id: String(index) }));
        const results = await options.send(bodies as (Body & { request_id: string })[]);
        for (const result of results) {
          for (const requestId of options.requestIdsOf(result)) {
            const entry = byRequestId.get(requestId);
            if (entry) outcomes[entry.index] = { status: 'succeeded', value: result };
          }
        }
        for (const { index } of pending) {
          outcomes[index] ??= {
            status: 'unknown',
            errors: [{ message: 'amoCRM accepted the batch but did not answer for this item', code: 'AMOCRM_BAD_RESPONSE', path: [] }],
          };
        }
        return;
      } catch (error) {
        const named = error instanceof AmoValidationError ? error.validationErrors : [];
        const rejected = new Set<string>();
        for (const group of named) {
          const entry = byRequestId.get(String(group.request_id));
          if (!entry) continue;
          rejected.add(String(group.request_id));
          outcomes[entry.index] = {
            status: 'failed',
            errors: group.errors.map((problem) => ({
              message: problem.detail || problem.code,
              code: problem.code,
              path: entry.item.inputPath(problem.path ?? ''),
            })),
          };
        }
        const untouched = pending.filter((entry) => !rejected.has(requestIdOf(entry)));
        // A validation error that named items means amoCRM wrote nothing: send the rest again.
        if (rejected.size > 0 && attempt < (options.maxResubmits ?? 3)) {
          pending = untouched;
          continue;
        }
        // Anything else: nothing was written only if the request provably never arrived.
        const reached = !(error instanceof AmoError) || error.reachedUpstream;
        const detail = itemError(error);
        for (const { index } of untouched) {
          outcomes[index] = reached && !(error instanceof AmoValidationError) && !isRefusal(error)
            ? { status: 'unknown', errors: [{ ...detail, message: `${detail.message}; the item may or may not have been written, and was not sent again` }] }
            : { status: 'failed', errors: [detail] };
        }
        return;
      }
    }
  };

  await Promise.all(chunk(ready, options.batchSize ?? WRITE_BATCH_SIZE).map(runBatch));
  return outcomes.map((outcome) => outcome!);
}

/** amoCRM answered "no" (4xx other than a timeout-like one): it did not write. */
function isRefusal(error: unknown): boolean {
  if (!(error instanceof AmoError)) return false;
  const status = error.status ?? 0;
  return status >= 400 && status < 500 && status !== 408;
}
