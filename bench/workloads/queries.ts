// The GraphQL documents of the workloads. The bench and the deterministic gates in
// test/bench/ send exactly these, so the call counts the tests pin are the ones the report shows.

const CONTACT_NAMES = /* GraphQL */ `contacts { edges { isMain node { amoId name } } }`;

const EVERYTHING = /* GraphQL */ `
  amoId
  name
  price
  status { amoId name kind pipeline { amoId name } }
  responsibleUser { amoId name }
  ${CONTACT_NAMES}
  company { amoId name }
  customFields { fieldId fieldName displayValues }
`;

/** W1: 50 leads with the names of their contacts. */
export const W1_QUERY = /* GraphQL */ `
  query W1($first: Int!, $after: String) {
    leads(first: $first, after: $after) { nodes { amoId name ${CONTACT_NAMES} } pageInfo { hasNextPage endCursor } }
  }
`;

/** W2 (and W6, W8, W9): 50 leads with contacts, company, status/pipeline, user and custom fields. */
export const W2_QUERY = /* GraphQL */ `
  query W2($first: Int!, $after: String) {
    leads(first: $first, after: $after) { nodes { ${EVERYTHING} } pageInfo { hasNextPage endCursor } }
  }
`;

/** W4: one lead card, as a widget opens it. */
export const W4_QUERY = /* GraphQL */ `
  query W4($id: Int!) { lead(amoId: $id) { amoId name price } }
`;

/** W5: a batch of new leads, answered per item. */
export const W5_MUTATION = /* GraphQL */ `
  mutation W5($input: [CreateLeadInput!]!) {
    createLeads(input: $input) { succeededCount failedCount unknownCount results { index status amoId } }
  }
`;

/** The floor: a round trip through HTTP and Yoga that resolves nothing upstream. */
export const FLOOR_QUERY = /* GraphQL */ `query Floor { __typename }`;

/** The selection a workload reads: W4's card, W1's contact names, or W2's everything. */
export type Shape = 'card' | 'names' | 'full';
