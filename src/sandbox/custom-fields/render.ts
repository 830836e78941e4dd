// The JSON amoCRM answers for one field definition, on reads and writes alike.

import type { CustomFieldDefinition } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { link } from '../http/hal.js';
import { catalogIdOf } from '../field-owners.js';
import type { CustomFieldRecord, FieldOwner } from '../records.js';

export function renderField(ctx: RequestContext, entity: FieldOwner, field: CustomFieldRecord): CustomFieldDefinition & Record<string, unknown> {
  const catalogId = catalogIdOf(entity);
  return {
    id: field.id,
    name: field.name,
    type: field.type,
    account_id: ctx.store.account.id,
    code: field.code,
    sort: field.sort,
    is_api_only: field.is_api_only,
    enums: field.enums ? field.enums.map((item) => ({ ...item })) : null,
    group_id: field.group_id,
    required_statuses: field.required_statuses ? field.required_statuses.map((item) => ({ ...item })) : [],
    is_deletable: field.is_deletable,
    is_predefined: field.is_predefined,
    entity_type: catalogId === null ? (entity as CustomFieldDefinition['entity_type']) : 'catalogs',
    ...(catalogId === null ? {} : { catalog_id: catalogId }),
    tracking_callback: null,
    remind: field.remind ?? null,
    triggers: [],
    currency: field.currency ?? null,
    ...(entity === 'leads' ? { is_computed: field.is_computed ?? false, hidden_statuses: [...(field.hidden_statuses ?? [])] } : {}),
    chained_lists: null,
    search_in: null,
    _links: link(ctx, `/api/v4/${entity}/custom_fields/${field.id}`),
  };
}
