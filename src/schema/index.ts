// Assembles the schema: importing each type file registers its types and fields on the builder.

import { isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder, nodeTypeNames } from './builder.js';
import './account.js';
import './company.js';
import './contact.js';
import './custom-field-definition.js';
import './custom-field-value.js';
import './lead.js';
import './loss-reason.js';
import './pipeline.js';
import './tag.js';
import './user.js';

export type { GraphQLContext } from './context.js';

export const schema: GraphQLSchema = builder.toSchema({ sortSchema: false });

for (const type of Object.values(schema.getTypeMap())) {
  if (isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node')) nodeTypeNames.add(type.name);
}

/** The SDL committed as schema.graphql: sorted, so the diff shows real changes only. */
export function printSortedSchema(target: GraphQLSchema = schema): string {
  return `${printSchema(lexicographicSortSchema(target))}\n`;
}
