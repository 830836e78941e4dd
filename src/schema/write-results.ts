// What every mutation answers per input item, in input order: its status (written, failed, or
// unknown when amoCRM may have written it but did not say), its errors with the input path they
// belong to, and the written entity. One builder makes the result and payload types of each
// mutation alike.

import type { ObjectRef } from '@pothos/core';
import type { InputPath, ItemError, ItemOutcome } from '../loaders/batch-write.js';
import { builder, type SchemaTypes } from './builder.js';

export const WriteStatus = builder.enumType('WriteStatus', {
  description: 'What happened to one input item of a mutation.',
  values: {
    SUCCEEDED: { description: 'amoCRM wrote it.' },
    FAILED: { description: 'Nothing was written; `errors` says why.' },
    UNKNOWN: { description: 'amoCRM may have written it but gave no answer; it was not sent again. Check before retrying.' },
  } as const,
});

export const WriteErrorRef = builder.objectRef<ItemError>('WriteError').implement({
  description: 'A problem with one input item.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: "amoCRM's validation code (NotSupportedChoice…) or one of the gateway's error codes." }),
    path: t.stringList({
      description: 'Where in the input item, e.g. ["customFields", "2", "option"]; empty for the item as a whole.',
      resolve: (error) => error.path.map(String),
    }),
  }),
});

/** One item's outcome, with what the result type needs to resolve. */
export interface WriteResultShape<V> {
  index: number;
  outcome: ItemOutcome<V>;
}

export function statusOf(outcome: ItemOutcome<unknown>): 'SUCCEEDED' | 'FAILED' | 'UNKNOWN' {
  return outcome.status === 'succeeded' ? 'SUCCEEDED' : outcome.status === 'failed' ? 'FAILED' : 'UNKNOWN';
}

export function errorsOf(outcome: ItemOutcome<unknown>): ItemError[] {
  return outcome.status === 'succeeded' ? [] : outcome.errors;
}

/** An error for an input item refused before any upstream call. */
export function inputError(path: InputPath, message: string, code = 'BAD_USER_INPUT'): ItemError {
  return { message, code, path };
}

/**
 * `<Name>Result { index status errors … }` for one mutation kind; `fields` adds what the written
 * value offers (its amoCRM id, the entity to read back).
 */
export function writeResultType<V>(
  name: string,
  description: string,
  fields: (t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, WriteResultShape<V>>) => Record<string, unknown>,
): ObjectRef<SchemaTypes, WriteResultShape<V>> {
  return builder.objectRef<WriteResultShape<V>>(name).implement({
    description,
    fields: (t) => ({
      index: t.exposeInt('index', { description: 'The position of the item in the input list.' }),
      status: t.field({ type: WriteStatus, resolve: (result) => statusOf(result.outcome) }),
      errors: t.field({ type: [WriteErrorRef], resolve: (result) => errorsOf(result.outcome) }),
      ...(fields(t) as object),
    }),
  });
}

/** `<Name>Payload { results, succeededCount, failedCount, unknownCount }`. */
export function writePayloadType<V>(name: string, result: ObjectRef<SchemaTypes, WriteResultShape<V>>) {
  return builder.objectRef<WriteResultShape<V>[]>(name).implement({
    fields: (t) => ({
      results: t.field({ type: [result], description: 'One per input item, in input order.', resolve: (results) => results }),
      succeededCount: t.int({ resolve: (results) => results.filter((r) => r.outcome.status === 'succeeded').length }),
      failedCount: t.int({ resolve: (results) => results.filter((r) => r.outcome.status === 'failed').length }),
      unknownCount: t.int({ resolve: (results) => results.filter((r) => r.outcome.status === 'unknown').length }),
    }),
  });
}

export function withIndexes<V>(outcomes: ItemOutcome<V>[]): WriteResultShape<V>[] {
  return outcomes.map((outcome, index) => ({ index, outcome }));
}
