// amoCRM's per-stage required fields: a lead field whose `required_statuses` lists a
// {pipeline_id, status_id} must be filled when a lead is created in, or moved to, that stage.
// Checked against the values the lead will have after the write.

import type { StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import type { Issues } from './issues.js';

export function checkRequiredForStage(
  store: SandboxStore,
  stage: { pipeline_id: number; status_id: number },
  values: readonly StoredFieldValues[],
  issues: Issues,
): void {
  const filled = new Set(values.filter((item) => item.values.length > 0).map((item) => item.field_id));
  for (const field of store.customFields.leads.values()) {
    const required = field.required_statuses?.some((item) => item.pipeline_id === stage.pipeline_id && item.status_id === stage.status_id);
    if (required && !filled.has(field.id)) {
      issues.add('NotBlank', 'custom_fields_values', `field ${field.id} (${field.name}) is required in status ${stage.status_id} of pipeline ${stage.pipeline_id}`);
    }
  }
}
