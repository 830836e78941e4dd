// Persisted operations: a manifest (`{ "<sha256>": "<document>" }`, as GraphQL Code Generator's
// client preset writes it) names the operations a frontend may run by hash. In allow-list mode
// nothing else runs; otherwise arbitrary queries are still accepted (development).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

export type PersistedManifest = ReadonlyMap<string, DocumentNode>;

/** Reads and checks a manifest: every key must be the sha256 of its document, every document parse. */
export function loadPersistedManifest(file: string): PersistedManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS_FILE ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`PERSISTED_OPERATIONS_FILE ${file} must hold a JSON object of hash -> document`);
  const manifest = new Map<string, DocumentNode>();
  for (const [hash, document] of Object.entries(raw)) {
    if (typeof document !== 'string') throw new Error(`persisted operation ${hash} in ${file} is not a string`);
    // A key that is not the document's hash would let a manifest edit change what a hash runs.
    if (createHash('sha256').update(document).digest('hex') !== hash) throw new Error(`persisted operation ${hash} in ${file} is not the sha256 of its document`);
    try {
      manifest.set(hash, parse(document));
    } catch (error) {
      throw new Error(`persisted operation ${hash} in ${file} does not parse: ${(error as Error).message}`);
    }
  }
  return manifest;
}

/** Apollo's `extensions.persistedQuery.sha256Hash`, or the GraphQL-over-HTTP draft's `documentId`. */
function operationId(params: GraphQLParams): string | null {
  const documentId = (params as GraphQLParams & { documentId?: unknown }).documentId;
  if (typeof documentId === 'string') return documentId.replace(/^sha256:/, '');
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

export function usePersistedManifest(options: { manifest: PersistedManifest; allowArbitrary: boolean }): Plugin {
  const status400 = { http: { status: 400 } };
  return usePersistedOperations({
    getPersistedOperation: (hash) => options.manifest.get(hash) ?? null,
    allowArbitraryOperations: options.allowArbitrary,
    extractPersistedOperationId: operationId,
    customErrors: {
      notFound: {
        message: 'This gateway has no persisted operation with that hash; ship the operation manifest with the client build',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', ...status400 },
      },
      persistedQueryOnly: {
        message: 'This gateway runs persisted operations only: send extensions.persistedQuery.sha256Hash (or documentId) instead of a query',
        extensions: { code: 'PERSISTED_QUERY_ONLY', ...status400 },
      },
      keyNotFound: {
        message: 'A GraphQL request needs a query, or the hash of a persisted operation',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', ...status400 },
      },
    },
  }) as Plugin;
}
