// Look-ups answered from the account's cached metadata: no upstream call while the cache is warm.

import type { CustomFieldDefinition, CustomFieldOwner, LossReason, Pipeline, Status, User } from '../rest/types.js';
import type { AccountContext } from './account-context.js';

export async function loadUsers(account: AccountContext, ids: readonly number[]): Promise<User[]> {
  const wanted = new Set(ids);
  return (await account.users()).filter((user) => wanted.has(user.id));
}

export async function loadPipelines(account: AccountContext, ids: readonly number[]): Promise<Pipeline[]> {
  const wanted = new Set(ids);
  return (await account.pipelines()).filter((pipeline) => wanted.has(pipeline.id));
}

/** Status ids 142 and 143 repeat in every pipeline, so a status is keyed by the pair. */
export function statusKey(pipelineId: number, statusId: number): string {
  return `${pipelineId}:${statusId}`;
}

export function parseStatusKey(key: string): { pipelineId: number; statusId: number } | null {
  const match = /^(\d+):(\d+)$/.exec(key);
  return match ? { pipelineId: Number(match[1]), statusId: Number(match[2]) } : null;
}

export async function loadStatuses(account: AccountContext, keys: readonly string[]): Promise<Status[]> {
  const wanted = new Set(keys);
  return (await account.pipelines())
    .flatMap((pipeline) => pipeline._embedded?.statuses ?? [])
    .filter((status) => wanted.has(statusKey(status.pipeline_id, status.id)));
}

/** Custom field definitions are per owner (entity type, customers, a catalog); the key is `owner:fieldId`. */
/** Whose definition a field is, from the `entity_type` (and `catalog_id`) amoCRM answers with. */
export function fieldOwnerOf(field: Pick<CustomFieldDefinition, 'entity_type' | 'catalog_id'>): CustomFieldOwner {
  return field.entity_type === 'catalogs' ? `catalogs/${field.catalog_id ?? 0}` : field.entity_type;
}

export function customFieldKey(owner: CustomFieldOwner, fieldId: number): string {
  return `${owner}:${fieldId}`;
}

export async function loadCustomFields(account: AccountContext, keys: readonly string[]): Promise<CustomFieldDefinition[]> {
  const byEntity = new Map<CustomFieldOwner, Set<string>>();
  for (const key of keys) {
    const entity = key.split(':')[0] as CustomFieldOwner;
    byEntity.set(entity, (byEntity.get(entity) ?? new Set()).add(key));
  }
  const lists = await Promise.all(
    [...byEntity].map(async ([entity, wanted]) => {
      const find = async () => (await account.customFields(entity)).filter((field) => wanted.has(customFieldKey(entity, field.id)));
      const fields = await find();
      // A value naming a field we do not know: the field is newer than our cached catalogue.
      return fields.length < wanted.size && account.refreshCustomFields(entity) ? find() : fields;
    }),
  );
  return lists.flat();
}

export async function loadLossReasons(account: AccountContext, ids: readonly number[]): Promise<LossReason[]> {
  const wanted = new Set(ids);
  return (await account.lossReasons()).filter((reason) => wanted.has(reason.id));
}
