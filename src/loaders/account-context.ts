// Everything one amoCRM account needs to be served: its REST client and its metadata cache.
// One process can hold many of these (one per account); nothing in here is per request.

import type { AmoClient } from '../rest/client.js';
import { collect } from '../rest/paginate.js';
import type { Account, Company, Contact, Currency, CustomFieldDefinition, CustomFieldGroup, CustomFieldGroupOwner, CustomFieldOwner, Lead, LossReason, Pipeline, Role, User } from '../rest/types.js';
import type { Coalescer } from './coalescer.js';
import { COMPANY_WITH, CONTACT_WITH, entityCoalescer, LEAD_WITH } from './entities.js';
import { createMetadataCache, type MetadataCache } from './metadata-cache.js';

export interface AccountContextOptions {
  /** Identifies the account in caches and logs; the origin by default. */
  key?: string;
  client: AmoClient;
  /** How long pipelines, users, custom field definitions and the account stay cached. */
  metadataTtlMs?: number;
  /** A value naming an unknown custom field refreshes the definitions, at most this often. */
  unknownFieldRefreshMs?: number;
  /** Upstream calls one GraphQL operation may cause. */
  maxCallsPerOperation?: number;
  now?: () => number;
}

export interface AccountContext {
  readonly key: string;
  readonly client: AmoClient;
  readonly metadata: MetadataCache;
  /**
   * By-id loads shared by every concurrent operation of the account that acts as the same user
   * (`null`: the token's own user). Never shared across users: their rights differ.
   */
  coalesced(contextUserId: number | null): { leads: Coalescer<Lead>; contacts: Coalescer<Contact>; companies: Coalescer<Company> };
  /** The client for one GraphQL operation: cancelled with it, held to its upstream budget, acting as its user. */
  scoped(signal?: AbortSignal, contextUserId?: number | null): AmoClient;
  account(): Promise<Account>;
  pipelines(): Promise<Pipeline[]>;
  users(): Promise<User[]>;
  /** The field definitions of an entity type, of customers, or of one catalog. */
  customFields(owner: CustomFieldOwner): Promise<CustomFieldDefinition[]>;
  /** Drops the cached definitions of `owner` unless they are fresher than a few seconds. */
  refreshCustomFields(owner: CustomFieldOwner): boolean;
  /** The field groups (card tabs) of an entity type or of customers. */
  customFieldGroups(owner: CustomFieldGroupOwner): Promise<CustomFieldGroup[]>;
  lossReasons(): Promise<LossReason[]>;
  /** The account's roles with their users; amoCRM lets only administrators read them. */
  roles(): Promise<Role[]>;
  currencies(): Promise<Currency[]>;
}

export const DEFAULT_METADATA_TTL_MS = 60_000;

const ACCOUNT_WITH = [
  'amojo_id',
  'amojo_rights',
  'users_groups',
  'task_types',
  'version',
  'entity_names',
  'datetime_settings',
  'drive_url',
  'is_api_filter_enabled',
  'invoices_settings',
] as const;
const DEFAULT_UNKNOWN_FIELD_REFRESH_MS = 5_000;

/** The metadata cache key of one owner's field definitions; writes to definitions invalidate it. */
export function customFieldsKey(owner: CustomFieldOwner): string {
  return `custom_fields:${owner}`;
}

/** The metadata cache key of one owner's field groups; group writes and field moves invalidate it. */
export function customFieldGroupsKey(owner: CustomFieldGroupOwner): string {
  return `custom_field_groups:${owner}`;
}

function ownerFields(owner: CustomFieldOwner): Pick<CustomFieldDefinition, 'entity_type' | 'catalog_id'> {
  const catalog = /^catalogs\/(\d+)$/.exec(owner);
  return catalog ? { entity_type: 'catalogs', catalog_id: Number(catalog[1]) } : { entity_type: owner as Exclude<CustomFieldOwner, `catalogs/${number}`> };
}

export function createAccountContext(options: AccountContextOptions): AccountContext {
  const { client } = options;
  const coalescers = new Map<number | null, ReturnType<AccountContext['coalesced']>>();
  const metadata = createMetadataCache({ ttlMs: options.metadataTtlMs ?? DEFAULT_METADATA_TTL_MS, now: options.now });
  return {
    key: options.key ?? new URL(client.baseUrl).origin,
    client,
    metadata,
    coalesced: (contextUserId) => {
      let set = coalescers.get(contextUserId);
      if (!set) {
        const as = contextUserId ? client.withScope({ maxCalls: Number.POSITIVE_INFINITY, contextUserId }) : client;
        set = {
          leads: entityCoalescer(as.leads, LEAD_WITH),
          contacts: entityCoalescer(as.contacts, CONTACT_WITH),
          companies: entityCoalescer(as.companies, COMPANY_WITH),
        };
        coalescers.set(contextUserId, set);
      }
      return set;
    },
    scoped: (signal, contextUserId) =>
      client.withScope({ signal, maxCalls: options.maxCallsPerOperation ?? Number.POSITIVE_INFINITY, contextUserId }),
    account: () =>
      metadata.get('account', (signal) =>
        // Every extra in the one call: they cost amoCRM nothing more and the account is cached.
        client.account.get({ with: ACCOUNT_WITH, signal }),
      ),
    pipelines: () => metadata.get('pipelines', (signal) => client.pipelines.list({ signal })),
    users: () =>
      metadata.get('users', (signal) =>
        collect(client.users.iterate({ limit: 250, with: ['role', 'group', 'uuid', 'amojo_id', 'user_rank', 'phone_number'], signal })),
      ),
    customFields: (owner) =>
      metadata.get(customFieldsKey(owner), async (signal) => {
        const fields = await collect(client.customFields.iterate(owner, { limit: 250, signal }));
        // Some answers omit entity_type; field ids only make sense together with their owner.
        return fields.map((field) => ({ ...field, ...ownerFields(owner) }));
      }),
    refreshCustomFields: (owner) =>
      metadata.invalidateIfOlderThan(customFieldsKey(owner), options.unknownFieldRefreshMs ?? DEFAULT_UNKNOWN_FIELD_REFRESH_MS),
    customFieldGroups: (owner) => metadata.get(customFieldGroupsKey(owner), (signal) => client.customFields.groups.list(owner, { signal })),
    lossReasons: () => metadata.get('loss_reasons', (signal) => collect(client.lossReasons.iterate({ limit: 250, signal }))),
    roles: () => metadata.get('roles', (signal) => collect(client.roles.iterate({ limit: 250, with: ['users'], signal }))),
    currencies: () => metadata.get('currencies', (signal) => collect(client.currencies.iterate({ limit: 250, signal }))),
  };
}
