// The demo account has ~340 leads; W3 pages through 1,000. Copies of the seeded leads (same
// contacts, company, status, fields) fill the store up, so the extra pages have relations as
// dense as the first ones. Deterministic: the same store grows the same way.

import type { SandboxStore } from '../../src/sandbox/index.js';

/** Adds copies of the seeded leads until `visible` leads are not deleted; returns how many were added. */
export function growLeads(store: SandboxStore, visible: number): number {
  const originals = store.leads.values();
  let shown = originals.filter((lead) => !lead.is_deleted).length;
  let added = 0;
  for (let round = 1; shown < visible; round++) {
    for (const lead of originals) {
      if (shown >= visible) break;
      if (lead.is_deleted) continue;
      const id = store.leads.nextId();
      store.leads.put({ ...structuredClone(lead), id, name: `${lead.name} · ${round}` });
      const from = { type: 'leads' as const, id: lead.id };
      for (const contact of store.links.linked(from, 'contacts')) {
        store.links.link({ type: 'leads', id }, { type: 'contacts', id: contact.id }, { isMain: contact.isMain });
      }
      for (const company of store.links.linked(from, 'companies')) {
        store.links.link({ type: 'leads', id }, { type: 'companies', id: company.id });
      }
      shown++;
      added++;
    }
  }
  return added;
}
