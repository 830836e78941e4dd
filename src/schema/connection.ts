// Relay connections over amoCRM lists. Cursors are offsets (opaque to clients); a window maps
// onto amoCRM's page/limit in the loaders. `first`/`last` above amoCRM's page size are refused
// with a clear error rather than silently cut.

import { offsetForArgs, offsetToCursor, resolveArrayConnection } from '@pothos/plugin-relay';
import { MAX_LIMIT } from '../rest/collection.js';
import type { ListWindow, WindowResult } from '../loaders/list-window.js';
import { badInput } from './common.js';

export const MAX_PAGE_SIZE = MAX_LIMIT;
export const DEFAULT_PAGE_SIZE = 50;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function checkSizes(args: ConnectionArgs): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badInput(`"${name}" must be between 0 and ${MAX_PAGE_SIZE} (amoCRM's page size), got ${value}`);
    }
  }
}

function windowFor(args: ConnectionArgs) {
  checkSizes(args);
  if (args.last != null && !args.before && args.first == null) {
    throw badInput('"last" needs "before": amoCRM reports no totals, so a list can only be paged back from a cursor');
  }
  try {
    return offsetForArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  } catch (error) {
    throw badInput(error instanceof Error ? error.message : 'Invalid connection arguments');
  }
}

/** A connection over a paged upstream list; `fetch` gets the window and answers its rows. */
export async function resolveWindowConnection<T>(
  args: ConnectionArgs,
  fetch: (window: ListWindow) => Promise<WindowResult<T>>,
): Promise<ConnectionShape<T>> {
  const { offset, expectedSize, hasPreviousPage } = windowFor(args);
  const result = expectedSize > 0 ? await fetch({ offset, count: expectedSize }) : { rows: [], hasNextPage: false };
  const edges = result.rows.map((node, index) => ({ cursor: offsetToCursor(offset + index), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A connection over a list already in hand (embedded relation ids, cached metadata). */
export function resolveListConnection<T>(args: ConnectionArgs, items: readonly T[]): ConnectionShape<T> {
  checkSizes(args);
  try {
    return resolveArrayConnection({ args, defaultSize: MAX_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, items) as ConnectionShape<T>;
  } catch (error) {
    throw badInput(error instanceof Error ? error.message : 'Invalid connection arguments');
  }
}

export const EMPTY_CONNECTION: ConnectionShape<never> = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
};

/**
 * A relation's page with its nodes loaded through the type's DataLoader (every parent's page goes
 * out in one batch). amoCRM can name a linked entity and then leave it out of its answer (deleted
 * meanwhile, or not visible to this user): that edge is dropped, so one missing node never fails
 * the whole list. Cursors stay offsets into the full list.
 */
export async function withLoadedNodes<N, E extends { cursor: string; node: number }>(
  connection: { edges: E[]; pageInfo: ConnectionShape<unknown>['pageInfo'] },
  loader: { loadMany(ids: readonly number[]): Promise<(N | null | Error)[]> },
): Promise<{ edges: (Omit<E, 'node'> & { node: N })[]; pageInfo: ConnectionShape<unknown>['pageInfo'] }> {
  const nodes = await loader.loadMany(connection.edges.map((edge) => edge.node));
  const edges = connection.edges.flatMap((edge, index) => {
    const node = nodes[index];
    return node == null || node instanceof Error ? [] : [{ ...edge, node }];
  });
  return { ...connection, edges };
}
