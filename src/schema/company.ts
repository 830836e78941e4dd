// Companies: the type, its connection, the root fields that return companies, and the relations
// from leads and contacts to their company.

import { listCompanies } from '../loaders/entities.js';
import type { CompanyFilter } from '../rest/resources/companies.js';
import { builder } from './builder.js';
import { EMPTY_CONNECTION, resolveWindowConnection } from './connection.js';
import { multitextValues } from './contact.js';
import { orderInput, searchText } from './common.js';
import { commonFilter, commonFilterFields, entityFields, matchesNothing, type CommonFilterArgs } from './entity-fields.js';
import { CompanyRef, ContactRef, LeadRef } from './refs.js';

CompanyRef.implement({
  description: 'A company.',
  fields: (t) => ({
    ...entityFields(t, 'companies'),
    name: t.exposeString('name'),
    phones: t.stringList({ description: 'Values of the PHONE field.', resolve: (company) => multitextValues(company.custom_fields_values, 'PHONE') }),
    emails: t.stringList({ description: 'Values of the EMAIL field.', resolve: (company) => multitextValues(company.custom_fields_values, 'EMAIL') }),
  }),
});

export const CompanyConnection = builder.connectionObject({ type: CompanyRef, name: 'CompanyConnection' }, { name: 'CompanyEdge' });

const CompanyOrder = orderInput('Company', { UPDATED_AT: { value: 'updated_at' }, ID: { value: 'id' } });

const CompanyFilterInput = builder.inputType('CompanyFilter', {
  description: 'Filters amoCRM applies to companies. Every given condition must hold.',
  fields: (t) => commonFilterFields(t),
});

builder.queryFields((t) => ({
  company: t.field({
    type: CompanyRef,
    nullable: true,
    description: 'A company by its amoCRM id; null if it does not exist or was deleted.',
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.amoId > 0 ? args.amoId : null),
  }),
  companies: t.connection(
    {
      type: CompanyRef,
      nullable: true,
      description: 'Companies, paged with cursors (at most 250 per page). Null, with an error, when amoCRM could not answer.',
      args: {
        filter: t.arg({ type: CompanyFilterInput }),
        query: t.arg.string({ description: 'Full-text search over names, phones, e-mails and other fields.' }),
        orderBy: t.arg({ type: CompanyOrder }),
      },
      resolve: async (_root, args, ctx) => {
        const filter: CompanyFilter | undefined = commonFilter(args.filter as CommonFilterArgs | null);
        if (matchesNothing(filter)) return EMPTY_CONNECTION;
        return resolveWindowConnection(args, (window) =>
          listCompanies(ctx.upstream, { window, filter, query: searchText(args.query), order: args.orderBy ?? undefined }),
        );
      },
    },
    CompanyConnection,
  ),
}));

builder.objectField(LeadRef, 'company', (t) =>
  t.field({ type: CompanyRef, nullable: true, resolve: (lead) => lead._embedded?.companies?.[0]?.id ?? null }),
);

builder.objectField(ContactRef, 'company', (t) =>
  t.field({ type: CompanyRef, nullable: true, resolve: (contact) => contact._embedded?.companies?.[0]?.id ?? null }),
);
