// Seeded history for the audit log: every seeded lead, contact and company was added by its
// creator, and every lead that left its first stage moved there once, when it last changed (or
// closed). No PRNG: the log follows from the entities, so the entities' seed is untouched.

import { recordAdded } from '../events/record.js';
import type { EntityType, LeadRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { firstWorkingStage } from '../writes/lead-stage.js';

export function seedEvents(store: SandboxStore): void {
  for (const type of ['companies', 'contacts', 'leads'] as const satisfies readonly EntityType[]) {
    for (const row of store.entities(type).values()) {
      if (row.is_deleted) continue;
      if (type !== 'leads') {
        recordAdded(store, type, row, { by: row.created_by, at: row.created_at });
        continue;
      }
      const lead = row as LeadRecord;
      const pipeline = store.pipelines.get(lead.pipeline_id)!;
      const incoming = pipeline.statuses.find((status) => status.type === 1);
      const first = lead.status_id === incoming?.id ? incoming : firstWorkingStage(pipeline);
      recordAdded(store, type, { ...lead, status_id: first.id }, { by: lead.created_by, at: lead.created_at });
      if (first.id === lead.status_id) continue;
      store.events.record({
        type: 'lead_status_changed',
        entity_id: lead.id,
        entity_type: 'lead',
        created_by: lead.updated_by,
        created_at: lead.closed_at ?? lead.updated_at,
        value_before: [{ lead_status: { id: first.id, pipeline_id: lead.pipeline_id } }],
        value_after: [{ lead_status: { id: lead.status_id, pipeline_id: lead.pipeline_id } }],
      });
    }
  }
}
