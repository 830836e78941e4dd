// A Map by id that iterates in ascending id order: the shape every sandbox collection shares, so
// later writes (POST/PATCH) are `put` and lists are `values()`.

export interface Table<T extends { id: number }> {
  readonly size: number;
  get(id: number): T | undefined;
  has(id: number): boolean;
  /** Inserts or replaces the row with this id. */
  put(row: T): T;
  delete(id: number): boolean;
  /** Every row, ascending id. The array is a copy. */
  values(): T[];
  /** One more than the largest id (or `firstId` when empty), for inserts. */
  nextId(): number;
  [Symbol.iterator](): Iterator<T>;
}

export interface TableOptions {
  firstId?: number;
  /** Runs after a row is removed (the store cascades links from here). */
  onDelete?: (id: number) => void;
}

export function createTable<T extends { id: number }>(rows: Iterable<T> = [], options: TableOptions = {}): Table<T> {
  const byId = new Map<number, T>();
  // Sorted lazily: rows are put in bulk by the seed and read many times by lists.
  let sorted: T[] | null = null;
  for (const row of rows) byId.set(row.id, row);

  const ordered = (): T[] => {
    sorted ??= [...byId.values()].sort((a, b) => a.id - b.id);
    return sorted;
  };

  return {
    get size() {
      return byId.size;
    },
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    put(row) {
      byId.set(row.id, row);
      sorted = null;
      return row;
    },
    delete(id) {
      const removed = byId.delete(id);
      if (removed) {
        sorted = null;
        options.onDelete?.(id);
      }
      return removed;
    },
    values: () => [...ordered()],
    nextId() {
      const all = ordered();
      return all.length === 0 ? (options.firstId ?? 1) : all[all.length - 1]!.id + 1;
    },
    [Symbol.iterator]: () => ordered()[Symbol.iterator](),
  };
}
