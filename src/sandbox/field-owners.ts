// Custom field definitions belong to an entity type, to customers, or to one catalog; every part
// of the sandbox that reads or writes definitions finds an owner's table here.

import type { CustomFieldRecord, FieldOwner } from './records.js';
import type { SandboxStore } from './store.js';
import { createTable, type Table } from './table.js';

export function catalogIdOf(owner: FieldOwner): number | null {
  const match = /^catalogs\/(\d+)$/.exec(owner);
  return match ? Number(match[1]) : null;
}

/** The owner's definitions; null for a catalog the account does not have. */
export function fieldTable(store: SandboxStore, owner: FieldOwner): Table<CustomFieldRecord> | null {
  const catalogId = catalogIdOf(owner);
  if (catalogId === null) return store.customFields[owner as keyof SandboxStore['customFields']];
  if (!store.catalogs.catalogs.get(catalogId)) return null;
  let table = store.catalogFields.get(catalogId);
  if (!table) {
    table = createTable<CustomFieldRecord>();
    store.catalogFields.set(catalogId, table);
  }
  return table;
}

/** Every definition in the account, with its owner: field ids are unique across owners. */
export function allFields(store: SandboxStore): { owner: FieldOwner; field: CustomFieldRecord }[] {
  const owned = Object.entries(store.customFields).map(([owner, table]) => ({ owner: owner as FieldOwner, table }));
  for (const [catalogId, table] of store.catalogFields) owned.push({ owner: `catalogs/${catalogId}`, table });
  return owned.flatMap(({ owner, table }) => table.values().map((field) => ({ owner, field })));
}
