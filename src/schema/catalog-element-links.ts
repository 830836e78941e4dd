// CatalogElement.leads, .contacts and .companies: the entities an element is linked to, with each
// link's quantity and price field. One batch per request and entity type (loadElementLinks), so a
// page of 100 elements costs the same few calls as one element.

import { elementKey, loadElementLinks, type ElementEntityLink } from '../loaders/catalogs.js';
import { builder } from './builder.js';
import { CatalogElementRef } from './catalog.js';
import { forEachEntityRef } from './refs.js';

const NAMES = { leads: 'Lead', contacts: 'Contact', companies: 'Company' } as const;

forEachEntityRef((ref, entity) => {
  const name = NAMES[entity];
  const field = name.toLowerCase();
  const LinkRef = builder.objectRef<ElementEntityLink>(`CatalogElement${name}Link`).implement({
    description: `A ${field} a catalog element is linked to, with how many of the element and at which price.`,
    fields: (t) => ({
      [field]: t.field({ type: ref, description: `The ${field}, read with the link (no further upstream call).`, resolve: (link) => link.row as never }),
      quantity: t.exposeFloat('quantity'),
      priceId: t.exposeInt('price_id', { nullable: true, description: 'The price field the quantity is priced by, if one was chosen.' }),
    }),
  });
  builder.objectField(CatalogElementRef, entity, (t) =>
    t.loadableList({
      type: LinkRef,
      description:
        `The ${entity} this element is linked to, ascending id. amoCRM reads links only from the ${field} side, so the elements of a ` +
        `response share one pass over the account's ${entity} (one upstream call per 250 ${entity}, however many elements).`,
      load: (keys: string[], ctx) => loadElementLinks(ctx.upstream, entity, keys),
      resolve: (element) => elementKey(element.catalog_id, element.id),
    }),
  );
});
