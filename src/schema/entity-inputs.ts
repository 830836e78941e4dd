// What lead, contact and company writes share: tag inputs, the checks against cached account
// metadata that catch bad input before any upstream call, and the map from amoCRM's error paths
// back to the client's input fields.

import type { AccountContext } from '../loaders/account-context.js';
import type { InputPath, ItemError, PreparedItem } from '../loaders/batch-write.js';
import type { CustomFieldDefinition, EntityType, LossReason, Pipeline, TagWrite, User } from '../rest/types.js';
import { builder } from './builder.js';
import { customFieldPath, type CustomFieldInputValue } from './custom-field-input.js';
import { inputError } from './write-results.js';

export const TagInput = builder.inputType('TagInput', {
  description: 'A tag by its amoCRM id, or by name (amoCRM creates a tag it does not know).',
  fields: (t) => ({
    amoId: t.int(),
    name: t.string(),
  }),
});

export interface TagInputValue {
  amoId?: number | null;
  name?: string | null;
}

/** Most items one mutation may write: 20 batches of 50. */
export const MAX_WRITE_ITEMS = 1_000;

/** The account metadata writes are checked against (all cached per account). */
export interface WriteMetadata {
  fields: CustomFieldDefinition[];
  pipelines: Pipeline[];
  users: User[];
  lossReasons: LossReason[];
}

export async function writeMetadata(account: AccountContext, entity: EntityType, needs: { pipelines?: boolean } = {}): Promise<WriteMetadata> {
  const [fields, users, pipelines, lossReasons] = await Promise.all([
    account.customFields(entity),
    account.users(),
    needs.pipelines ? account.pipelines() : Promise.resolve([]),
    needs.pipelines ? account.lossReasons() : Promise.resolve([]),
  ]);
  return { fields, users, pipelines, lossReasons };
}

export function tagsToAmo(tags: readonly TagInputValue[], at: InputPath, errors: ItemError[]): TagWrite[] {
  return tags.flatMap((tag, index) => {
    if ((tag.amoId == null) === (tag.name == null || tag.name.trim() === '')) {
      errors.push(inputError([...at, index], 'give exactly one of amoId or a non-empty name'));
      return [];
    }
    return [tag.amoId != null ? { id: tag.amoId } : { name: tag.name!.trim() }];
  });
}

export function checkUser(users: readonly User[], id: number | null | undefined, at: InputPath, errors: ItemError[]): void {
  if (id == null) return;
  if (!users.some((user) => user.id === id)) errors.push(inputError(at, `no user ${id} in this account`));
}

/** Status ids repeat across pipelines (142, 143): a status is checked within its pipeline. */
export function checkStatus(
  pipelines: readonly Pipeline[],
  pipelineId: number | null | undefined,
  statusId: number | null | undefined,
  errors: ItemError[],
): void {
  if (pipelineId == null && statusId == null) return;
  const pipeline = pipelineId != null ? pipelines.find((p) => p.id === pipelineId) : pipelines.find((p) => p.is_main);
  if (!pipeline) {
    errors.push(inputError(['pipelineId'], `no pipeline ${pipelineId} in this account`));
    return;
  }
  if (statusId != null && !pipeline._embedded.statuses.some((status) => status.id === statusId)) {
    errors.push(inputError(['statusId'], `no status ${statusId} in pipeline ${pipeline.id}`));
  }
}

/** amoCRM's snake_case item fields and the input fields they came from. */
const FIELD_NAMES: Record<string, string> = {
  id: 'amoId',
  name: 'name',
  price: 'price',
  status_id: 'statusId',
  pipeline_id: 'pipelineId',
  responsible_user_id: 'responsibleUserId',
  loss_reason_id: 'lossReasonId',
  closed_at: 'closedAt',
  created_at: 'createdAt',
  first_name: 'firstName',
  last_name: 'lastName',
  tags_to_add: 'addTags',
  tags_to_delete: 'removeTags',
};

/** Where an amoCRM validation path (`custom_fields_values.3.values.0.value`) points in the input. */
export function entityInputPath(
  amoPath: string,
  custom: { sources: readonly number[]; inputs: readonly CustomFieldInputValue[] },
  embedded: Record<string, string> = { tags: 'tags', contacts: 'contacts', companies: 'companyId' },
): InputPath {
  const [head, ...rest] = amoPath.split('.').filter(Boolean);
  if (head === undefined) return [];
  if (head === 'custom_fields_values') return customFieldPath(custom.sources, custom.inputs, ['customFields'], rest);
  if (head === '_embedded' && rest[0] && embedded[rest[0]]) {
    const index = rest[1] !== undefined && embedded[rest[0]] !== 'companyId' ? [Number(rest[1])] : [];
    return [embedded[rest[0]]!, ...index];
  }
  const name = FIELD_NAMES[head];
  if (!name) return [];
  return rest[0] !== undefined && /^\d+$/.test(rest[0]) ? [name, Number(rest[0])] : [name];
}

/** An item ready to send, or its errors: the common end of every `prepare…` function. */
export function prepared<Body>(body: Body, errors: ItemError[], inputPath: (amoPath: string) => InputPath): PreparedItem<Body> | { errors: ItemError[] } {
  return errors.length > 0 ? { errors } : { body, inputPath };
}
