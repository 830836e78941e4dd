// One comparable view of a lead, whoever fetched it: the gateway's GraphQL answer, the direct
// REST baseline or the naive client. Correctness checks compare these views with the store.

export interface Ref {
  id: number;
  name: string;
}

export interface LeadView {
  id: number;
  name: string;
  contacts: (Ref & { isMain: boolean })[];
  /** The rest only for W2's "full" shape. */
  price?: number;
  status?: (Ref & { kind: string; pipeline: Ref }) | null;
  user?: Ref | null;
  company?: Ref | null;
  fields?: { id: number; name: string; values: number }[];
}

const ref = (node: any): Ref | null => (node ? { id: node.amoId, name: node.name } : null);

/** A `leads.nodes[]` or `lead` object of the gateway's answer. */
export function viewOfNode(node: any): LeadView {
  const view: LeadView = {
    id: node.amoId,
    name: node.name,
    contacts: (node.contacts?.edges ?? []).map((edge: any) => ({ id: edge.node?.amoId, name: edge.node?.name, isMain: edge.isMain })),
  };
  if ('price' in node) view.price = node.price;
  if ('status' in node) {
    view.status = node.status ? { id: node.status.amoId, name: node.status.name, kind: node.status.kind, pipeline: ref(node.status.pipeline)! } : null;
  }
  if ('responsibleUser' in node) view.user = ref(node.responsibleUser);
  if ('company' in node) view.company = ref(node.company);
  if ('customFields' in node) {
    view.fields = node.customFields.map((field: any) => ({ id: field.fieldId, name: field.fieldName, values: field.displayValues.length }));
  }
  return view;
}

/** How the gateway and the baselines name a status kind; amoCRM reuses 142/143 in every pipeline. */
export function statusKind(statusId: number, type: number): string {
  if (statusId === 142) return 'WON';
  if (statusId === 143) return 'LOST';
  return type === 1 ? 'INCOMING' : 'OPEN';
}
