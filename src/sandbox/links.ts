// Links between leads, contacts and companies, stored once per pair so both directions always
// agree. It also keeps amoCRM's cardinality rules: a lead or a contact has at most one company
// (linking another replaces it), and a lead with contacts has exactly one main contact.

import type { EntityType } from './records.js';

export interface EntityRef {
  type: EntityType;
  id: number;
}

export interface LinkedEntity {
  id: number;
  /** Only meaningful between a lead and a contact. */
  isMain: boolean;
}

export interface LinkRecord {
  from: EntityRef;
  to: EntityRef;
  isMain: boolean;
}

export interface LinkIndex {
  /** Links two entities (idempotent). `isMain` makes a contact its lead's main contact. */
  link(a: EntityRef, b: EntityRef, options?: { isMain?: boolean }): void;
  unlink(a: EntityRef, b: EntityRef): boolean;
  isLinked(a: EntityRef, b: EntityRef): boolean;
  /** What `ref` is linked to among `type`: main contact first, then ascending id. */
  linked(ref: EntityRef, type: EntityType): LinkedEntity[];
  /** Drops every link of an entity (it was removed from the store). */
  removeEntity(ref: EntityRef): void;
  /** Every link once, in a stable order. */
  all(): LinkRecord[];
  readonly size: number;
}

const RANK: Record<EntityType, number> = { leads: 0, contacts: 1, companies: 2 };
const ALLOWED = new Set(['leads|contacts', 'leads|companies', 'contacts|companies']);

const refKey = (ref: EntityRef) => `${ref.type}:${ref.id}`;

interface Edge {
  /** Ordered so that `a` ranks first (leads, then contacts, then companies). */
  a: EntityRef;
  b: EntityRef;
  isMain: boolean;
}

function order(x: EntityRef, y: EntityRef): [EntityRef, EntityRef] {
  return RANK[x.type] <= RANK[y.type] ? [x, y] : [y, x];
}

export function createLinkIndex(): LinkIndex {
  const edges = new Map<string, Edge>();
  const adjacency = new Map<string, Map<string, Edge>>();

  const edgeKey = (a: EntityRef, b: EntityRef) => `${refKey(a)}|${refKey(b)}`;
  const neighbours = (ref: EntityRef) => {
    let map = adjacency.get(refKey(ref));
    if (!map) adjacency.set(refKey(ref), (map = new Map()));
    return map;
  };
  const edgesOf = (ref: EntityRef, type: EntityType): Edge[] =>
    [...(adjacency.get(refKey(ref))?.values() ?? [])].filter((edge) => (edge.a.type === ref.type && edge.a.id === ref.id ? edge.b : edge.a).type === type);
  const other = (edge: Edge, ref: EntityRef) => (edge.a.type === ref.type && edge.a.id === ref.id ? edge.b : edge.a);

  const remove = (edge: Edge) => {
    edges.delete(edgeKey(edge.a, edge.b));
    adjacency.get(refKey(edge.a))?.delete(refKey(edge.b));
    adjacency.get(refKey(edge.b))?.delete(refKey(edge.a));
    if (edge.isMain) promoteMain(edge.a);
  };

  // A lead that still has contacts always has a main one: the lowest remaining id takes over.
  const promoteMain = (lead: EntityRef) => {
    const contacts = edgesOf(lead, 'contacts');
    if (contacts.length === 0 || contacts.some((edge) => edge.isMain)) return;
    contacts.sort((x, y) => x.b.id - y.b.id)[0]!.isMain = true;
  };

  const index: LinkIndex = {
    link(x, y, options = {}) {
      const [a, b] = order(x, y);
      if (!ALLOWED.has(`${a.type}|${b.type}`)) throw new TypeError(`amoCRM cannot link ${a.type} to ${b.type}`);
      if (b.type === 'companies') {
        for (const edge of edgesOf(a, 'companies')) if (edge.b.id !== b.id) remove(edge);
      }
      const key = edgeKey(a, b);
      let edge = edges.get(key);
      if (!edge) {
        edge = { a, b, isMain: false };
        edges.set(key, edge);
        neighbours(a).set(refKey(b), edge);
        neighbours(b).set(refKey(a), edge);
      }
      if (a.type === 'leads' && b.type === 'contacts') {
        if (options.isMain) for (const sibling of edgesOf(a, 'contacts')) sibling.isMain = sibling === edge;
        promoteMain(a);
      }
    },
    unlink(x, y) {
      const [a, b] = order(x, y);
      const edge = edges.get(edgeKey(a, b));
      if (!edge) return false;
      remove(edge);
      return true;
    },
    isLinked(x, y) {
      const [a, b] = order(x, y);
      return edges.has(edgeKey(a, b));
    },
    linked(ref, type) {
      return edgesOf(ref, type)
        .map((edge) => ({ id: other(edge, ref).id, isMain: edge.isMain }))
        .sort((x, y) => Number(y.isMain) - Number(x.isMain) || x.id - y.id);
    },
    removeEntity(ref) {
      for (const edge of [...(adjacency.get(refKey(ref))?.values() ?? [])]) remove(edge);
      adjacency.delete(refKey(ref));
    },
    all() {
      return [...edges.values()]
        .map((edge) => ({ from: edge.a, to: edge.b, isMain: edge.isMain }))
        .sort(
          (x, y) =>
            RANK[x.from.type] - RANK[y.from.type] ||
            x.from.id - y.from.id ||
            RANK[x.to.type] - RANK[y.to.type] ||
            x.to.id - y.to.id,
        );
    },
    get size() {
      return edges.size;
    },
  };
  return index;
}
