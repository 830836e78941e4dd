// Makes the gateway an Apollo Federation v2 subgraph: Lead, Contact, Company and User are entities
// keyed by their global `id` and by `amoId`. A representation is turned into an amoCRM id and
// handed to the type's per-request DataLoader, so `_entities` batches exactly like `nodes(ids:)`.

import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { builder } from './builder.js';
import { CompanyRef, ContactRef, LeadRef, parseAmoId, UserRef } from './refs.js';

type Representation = { id: string } | { amoId: number };

function badRepresentation(typename: string, reason: string): GraphQLError {
  return new GraphQLError(`Invalid ${typename} representation: ${reason}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** The amoCRM id a representation names, from either key. */
function amoIdOf(typename: string, representation: Representation): number {
  if ('amoId' in representation) {
    // `_Any` carries whatever the router sends, so the Int is checked here rather than trusted.
    if (!Number.isSafeInteger(representation.amoId) || representation.amoId <= 0) throw badRepresentation(typename, 'amoId must be a positive integer');
    return representation.amoId;
  }
  if (typeof representation.id !== 'string') throw badRepresentation(typename, 'needs `id` or `amoId`');
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(representation.id);
  } catch {
    throw badRepresentation(typename, 'malformed id');
  }
  // Another type's global id would otherwise load an unrelated row with the same number.
  if (decoded.typename !== typename) throw badRepresentation(typename, `id belongs to ${decoded.typename}`);
  return parseAmoId(typename)(decoded.id);
}

// Both keys on every entity: routers that know the global id use it, others the amoCRM id.
const keys = () => [builder.selection<{ id: string }>('id'), builder.selection<{ amoId: number }>('amoId')];

// Each resolveReference is async so a bad representation fails its own item, not all of `_entities`.
for (const [typename, ref] of [
  ['Lead', LeadRef],
  ['Contact', ContactRef],
  ['Company', CompanyRef],
  ['User', UserRef],
] as const) {
  builder.asEntity(ref as typeof LeadRef, {
    key: keys(),
    resolveReference: async (representation, ctx) => (ref as typeof LeadRef).getDataloader(ctx).load(amoIdOf(typename, representation)),
  });
}
