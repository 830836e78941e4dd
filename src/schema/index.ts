// Assembles the schema: importing each type file registers its types and fields on the builder.

import { isObjectType, type GraphQLSchema } from 'graphql';
import { builder, nodeTypeNames } from './builder.js';
import { forgetBuiltinAstNodes } from './builtin-ast.js';
import { printPublicSchema } from './public-sdl.js';
import './account.js';
import './catalog.js';
import './catalog-element.js';
import './catalog-element-links.js';
import './catalog-link-mutations.js';
import './catalog-mutations.js';
import './catalog-create-update.js';
import './call.js';
import './chat-template.js';
import './company.js';
import './company-mutations.js';
import './complex-mutations.js';
import './contact.js';
import './contact-mutations.js';
import './currency.js';
import './customer.js';
import './customer-mutations.js';
import './customer-status.js';
import './customer-tags.js';
import './customer-segment-mutations.js';
import './custom-field-definition.js';
import './custom-field-group.js';
import './custom-field-mutations.js';
import './custom-field-value.js';
import './owner-custom-fields.js';
import './event.js';
import './entity-events.js';
import './entity-subscription.js';
import './federation.js';
import './file.js';
import './lead.js';
import './lead-mutations.js';
import './link-mutations.js';
import './loss-reason.js';
import './note.js';
import './note-mutations.js';
import './note-edits.js';
import './pipeline.js';
import './pipeline-mutations.js';
import './products-settings.js';
import './raw-request.js';
import './role.js';
import './role-mutations.js';
import './source.js';
import './short-link.js';
import './tag.js';
import './tag-mutations.js';
import './talk.js';
import './task.js';
import './task-mutations.js';
import './unsorted.js';
import './unsorted-mutations.js';
import './user.js';
import './user-mutations.js';
import './webhook.js';
import './website-button.js';
import './widget.js';

export type { GraphQLContext } from './context.js';

/**
 * The one schema served: the public API plus the federation subgraph fields (`_entities`,
 * `_service`), so a federation router can compose this gateway as it is. The plugin returns it
 * sorted by name, so introspection lists types and fields alphabetically.
 */
export const schema: GraphQLSchema = builder.toSubGraphSchema({ sortSchema: false });
forgetBuiltinAstNodes();

for (const type of Object.values(schema.getTypeMap())) {
  if (isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node')) nodeTypeNames.add(type.name);
}

/** The SDL committed as schema.graphql: the public API, without `_entities`/`_service`. */
export function printSortedSchema(target: GraphQLSchema = schema): string {
  return printPublicSchema(target);
}
