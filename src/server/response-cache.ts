// The response cache: whole GraphQL results kept per account and acting user, in memory or in
// Redis, with a TTL per type and invalidation by entity (mutations through the gateway, and
// webhooks through `invalidate`). Yoga's response-cache plugin does the caching; this file decides
// who shares what, how long it lives and what a write makes stale.

import { LRUCache } from 'lru-cache';
import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  isObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { createRedisCache } from '@envelop/response-cache-redis';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { schema, type GraphQLContext } from '../schema/index.js';
import { principalOf } from './client-auth.js';
import { GRAPHQL_WS_TRANSPORT } from './graphql-ws.js';

export type InvalidatableType = 'Lead' | 'Contact' | 'Company' | 'Task' | 'Note';
export interface EntityRef {
  typename: InvalidatableType;
  amoId: number;
}

export interface ResponseCacheOptions {
  /** Answers of types not listed in `ttlPerTypeMs` (and answers with no typed entity) live this long. */
  entityTtlMs: number;
  /** Pipelines, statuses, custom field definitions, users, loss reasons, tags: they rarely change. */
  metadataTtlMs: number;
  /** Per-type overrides, e.g. `{ Lead: 5000 }`; 0 never caches an answer holding that type. */
  ttlPerTypeMs?: Record<string, number>;
  /** Entries the in-memory cache holds (least recently used go first). */
  maxEntries?: number;
  /** Shared by every instance when given; in memory otherwise. */
  redis?: Redis | null;
  redisPrefix?: string;
  /** Injectable clock (tests): an entry older than its TTL by this clock is a miss. */
  now?: () => number;
  /** Counts hits and misses (metrics). */
  onLookup?: (hit: boolean) => void;
}

const TYPENAME_OF_EVENT = { lead: 'Lead', contact: 'Contact', company: 'Company', task: 'Task' } as const;

/** What a webhook's events make stale: each entity, and the notes of those that got one. */
export function cacheRefsOf(events: readonly { entity: keyof typeof TYPENAME_OF_EVENT; amoId: number; action: string; noteId: number | null }[]): EntityRef[] {
  const refs: EntityRef[] = [];
  for (const event of events) {
    refs.push({ typename: TYPENAME_OF_EVENT[event.entity], amoId: event.amoId });
    if (event.noteId !== null) refs.push({ typename: 'Note', amoId: event.noteId });
  }
  return refs;
}

export interface ResponseCache {
  plugin: Plugin;
  /** Makes every cached answer of the account holding one of `refs`, and its type's lists, stale. */
  invalidate(accountKey: string, refs: EntityRef[]): Promise<void>;
}

const METADATA_TYPES = ['Pipeline', 'Status', 'CustomFieldDefinition', 'User', 'LossReason', 'Tag'];

// Which entity types a root mutation may change. A mutation invalidates whole types of its
// account: payloads need not select what they wrote, and writes are rare next to reads.
const MUTATION_TYPES: [RegExp, InvalidatableType[] | string[]][] = [
  [/Complex|Unsorted|Entities/, ['Lead', 'Contact', 'Company', 'Unsorted', 'Note', 'Tag']],
  [/Leads$/, ['Lead', 'Tag']],
  [/Contacts$/, ['Contact', 'Tag']],
  [/Companies$/, ['Company', 'Tag']],
  [/Tasks$/, ['Task']],
  [/Notes$/, ['Note']],
];
const ALL_WRITABLE = ['Lead', 'Contact', 'Company', 'Task', 'Note', 'Unsorted', 'Tag'];

/**
 * The types a root mutation field may change, or null when it is not one of the above: then
 * anything may have changed (catalogs, customers, settings…) and the caller drops every type.
 * Every write also lands in amoCRM's audit log, so events go too.
 */
export function typesTouchedBy(mutationField: string): string[] | null {
  for (const [pattern, types] of MUTATION_TYPES) if (pattern.test(mutationField)) return [...types, 'Event'];
  return null;
}

/**
 * Every object type an operation's selections can return, read off the document: the plugin tags
 * an answer only with the types of entities that carry an id, so an answer listing id-less
 * objects (events, currencies, roles' users…) would otherwise survive its type's invalidation.
 */
function typesSelectedBy(schema: GraphQLSchema, documentString: string): string[] {
  const types = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    parse(documentString),
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (!type) return;
        const named = getNamedType(type);
        if (isObjectType(named)) types.add(named.name);
        else if (isAbstractType(named)) for (const possible of schema.getPossibleTypes(named)) types.add(possible.name);
      },
    }),
  );
  return [...types];
}

function everyObjectType(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .map((type) => type.name);
}

interface Stamped extends ExecutionResult {
  extensions?: { cachedAt?: number; cachedTtl?: number; [key: string]: unknown };
}

interface Lookup {
  /** The account a request speaks for (its AccountContext key), or null when it has none. */
  accountKeyOf(request: Request): Promise<string | null>;
}

export function createResponseCache(options: ResponseCacheOptions & Lookup): ResponseCache {
  const now = options.now ?? Date.now;
  const prefix = `${options.redisPrefix ?? 'amocrm-graphql'}:response-cache:`;
  const store: Cache = options.redis
    ? createRedisCache({
        redis: options.redis,
        buildRedisEntityId: (typename, id) => `${typename}:${id}`,
        buildRedisOperationResultCacheKey: (responseId) => `${responseId}:entities`,
      })
    : createInMemoryCache({ max: options.maxEntries ?? 1_000 });

  // Every key and entity name starts with the account's scope, so one account's invalidation
  // never reaches another (two accounts' Relay ids can coincide) and Redis keys stay under the
  // deployment's prefix. The ':' in it also keeps the Redis store from scanning KEYS.
  const scopeOf = async (accountKey: string) => `${prefix}${(await sha256(accountKey)).slice(0, 16)}`;
  const scopeOfResponse = (responseId: string) => responseId.slice(0, responseId.lastIndexOf(':'));
  // The types each answer may hold, from its key's making (once per document) to its storing.
  const typesByDocument = new LRUCache<string, string[]>({ max: 500 });
  const typesByResponse = new LRUCache<string, string[]>({ max: 5_000 });
  const scoped = (scope: string, entities: Iterable<{ typename: string; id?: string | number }>) =>
    [...entities].map((e) => ({ typename: `${scope}|${e.typename}`, ...(e.id === undefined ? {} : { id: e.id }) }));

  // Yoga hands the plugin one cache object, looked up before the GraphQL context exists: the
  // account comes from the key, which the session built.
  const cache: Cache = {
    set(responseId, result, entities, ttl) {
      const stamped: Stamped = { ...result, extensions: { ...result.extensions, cachedAt: now(), cachedTtl: ttl } };
      const selected = (typesByResponse.get(responseId) ?? []).map((typename) => ({ typename }));
      typesByResponse.delete(responseId);
      return store.set(responseId, stamped, scoped(scopeOfResponse(responseId), [...entities, ...selected]), ttl);
    },
    async get(responseId) {
      const found = (await store.get(responseId)) as Stamped | null | undefined;
      if (!found) return undefined;
      const { cachedAt, cachedTtl, ...extensions } = found.extensions ?? {};
      // The stores expire by wall time; the stamp lets an injected clock expire entries too.
      if (cachedAt !== undefined && cachedTtl !== undefined && now() - cachedAt >= cachedTtl) return undefined;
      options.onLookup?.(true);
      return { ...found, extensions };
    },
    // The plugin's own invalidation after mutations cannot name the account; `writes` below does it.
    invalidate() {},
  };

  const ttlPerSchemaCoordinate: Record<string, number> = {};
  for (const type of METADATA_TYPES) ttlPerSchemaCoordinate[type] = options.metadataTtlMs;
  for (const type of ALL_WRITABLE) ttlPerSchemaCoordinate[type] = options.entityTtlMs;
  Object.assign(ttlPerSchemaCoordinate, options.ttlPerTypeMs);

  const cachePlugin = useResponseCache<GraphQLContext>({
    // Yoga's cache keys its work by the HTTP request; operations over graphql-ws bypass it.
    enabled: (_request, context) => (context as { transport?: string } | undefined)?.transport !== GRAPHQL_WS_TRANSPORT,
    // Account and acting user: data differs per account, rights per user. A request whose account
    // is unknown gets a session nobody else has (it is refused later anyway).
    session: async (request) => {
      const accountKey = await options.accountKeyOf(request).catch(() => null);
      const principal = principalOf(request);
      if (accountKey === null || !principal) return JSON.stringify([null, crypto.randomUUID()]);
      return JSON.stringify([await scopeOf(accountKey), principal.method, principal.userId]);
    },
    cache,
    ttl: options.entityTtlMs,
    ttlPerSchemaCoordinate,
    // Entities are tracked by amoCRM's id, which every type has (Note has no Relay id) and webhooks
    // carry; the plugin adds it, aliased and stripped again, to every selection it caches.
    idFields: ['amoId'],
    includeExtensionMetadata: false,
    // Errors and partial results are never kept: the next read must try again.
    shouldCacheResult: ({ result }) => !result.errors?.length,
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, sessionId }) => {
      const [scope] = JSON.parse(sessionId ?? '[null]') as [string | null];
      const hash = await sha256(JSON.stringify([documentString, variableValues ?? {}, operationName ?? null, sessionId]));
      const key = `${scope ?? `${prefix}none`}:${hash}`;
      let types = typesByDocument.get(documentString);
      if (!types) typesByDocument.set(documentString, (types = typesSelectedBy(schema, documentString)));
      typesByResponse.set(key, types);
      return key;
    },
  });

  // After every mutation, whole types of its account: payloads need not select what they wrote
  // (the plugin would only see what they select), and both sides of a link are covered.
  const writes: Plugin<GraphQLContext> = {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation === 'query') {
        // A query that executes was not answered from the cache.
        options.onLookup?.(false);
        return;
      }
      if (operation?.operation !== 'mutation') return;
      const types = new Set<string>();
      for (const selection of operation.selectionSet.selections) {
        if (selection.kind !== 'Field') continue;
        for (const type of typesTouchedBy(selection.name.value) ?? everyObjectType(args.schema)) types.add(type);
      }
      const accountKey = args.contextValue.account.key;
      return {
        // Also after failures: a batch may have been written before another went wrong.
        onExecuteDone: async () => {
          await store.invalidate(scoped(await scopeOf(accountKey), [...types].map((typename) => ({ typename }))));
        },
      };
    },
  };

  return {
    plugin: {
      onPluginInit({ addPlugin }) {
        addPlugin(writes as Plugin);
        addPlugin(cachePlugin);
      },
    },
    async invalidate(accountKey, refs) {
      if (refs.length === 0) return;
      const types = new Set(refs.map((ref) => ref.typename));
      await store.invalidate(
        scoped(await scopeOf(accountKey), [
          ...refs.map((ref) => ({ typename: ref.typename, id: ref.amoId })),
          // A changed entity may enter or leave any filtered list of its type, and the plugin tags
          // list answers only by the entities in them: the type as a whole goes too.
          ...[...types].map((typename) => ({ typename })),
        ]),
      );
    },
  };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('base64url');
}
