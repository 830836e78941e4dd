// Where an owner's field values live, so deleting a field drops them everywhere it was filled:
// on the rows of leads, contacts, companies and customers, and on the elements of each catalog.

import { catalogIdOf } from '../field-owners.js';
import type { FieldOwner, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';

/** A row that holds field values, and how to write it back. */
interface Holder {
  rows(): { custom_fields_values: StoredFieldValues[] }[];
  put(row: { custom_fields_values: StoredFieldValues[] }): void;
}

type HolderOf = (store: SandboxStore, owner: FieldOwner) => Holder | null;

const entityHolder: HolderOf = (store, owner) => {
  if (owner !== 'leads' && owner !== 'contacts' && owner !== 'companies') return null;
  const table = store.entities(owner) as unknown as { values(): { custom_fields_values: StoredFieldValues[] }[]; put(row: unknown): unknown };
  return { rows: () => table.values(), put: (row) => void table.put(row) };
};

const customerHolder: HolderOf = (store, owner) => {
  if (owner !== 'customers') return null;
  const table = store.customers.rows;
  return { rows: () => table.values(), put: (row) => void table.put(row as never) };
};

const elementHolder: HolderOf = (store, owner) => {
  const catalogId = catalogIdOf(owner);
  if (catalogId === null) return null;
  const table = store.catalogs.elements;
  return {
    rows: () => table.values().filter((element) => element.catalog_id === catalogId).map((element) => ({ ...element, custom_fields_values: element.custom_fields_values ?? [] })),
    put: (row) => void table.put(row as never),
  };
};

const HOLDERS: HolderOf[] = [entityHolder, customerHolder, elementHolder];

export function dropFieldValues(store: SandboxStore, owner: FieldOwner, fieldId: number): number {
  let changed = 0;
  for (const holderOf of HOLDERS) {
    const holder = holderOf(store, owner);
    if (!holder) continue;
    for (const row of holder.rows()) {
      if (!row.custom_fields_values.some((value) => value.field_id === fieldId)) continue;
      holder.put({ ...row, custom_fields_values: row.custom_fields_values.filter((value) => value.field_id !== fieldId) });
      changed++;
    }
  }
  return changed;
}
