// Contacts: the type, its connection, the root fields that return contacts, and the relations
// from leads and companies to their contacts.

import { listContacts } from '../loaders/entities.js';
import type { ContactFilter } from '../rest/resources/contacts.js';
import type { CustomFieldValues } from '../rest/types.js';
import { builder } from './builder.js';
import { orderInput, searchText } from './common.js';
import { EMPTY_CONNECTION, resolveListConnection, resolveWindowConnection, withLoadedNodes, type ConnectionShape } from './connection.js';
import { commonFilter, commonFilterFields, entityFields, matchesNothing, type CommonFilterArgs } from './entity-fields.js';
import { CompanyRef, ContactRef, LeadRef } from './refs.js';

/** Values of a predefined multitext field (PHONE, EMAIL) as plain strings. */
export function multitextValues(values: CustomFieldValues[] | null, code: string): string[] {
  return (values ?? [])
    .filter((field) => field.field_code === code)
    .flatMap((field) => field.values.map((item) => (typeof item.value === 'string' ? item.value : String(item.value ?? ''))))
    .filter((value) => value !== '');
}

ContactRef.implement({
  description: 'A contact (person).',
  fields: (t) => ({
    ...entityFields(t, 'contacts'),
    name: t.exposeString('name'),
    firstName: t.string({ nullable: true, resolve: (contact) => contact.first_name || null }),
    lastName: t.string({ nullable: true, resolve: (contact) => contact.last_name || null }),
    isUnsorted: t.boolean({ description: 'Still in the incoming (unsorted) stage.', resolve: (contact) => contact.is_unsorted ?? false }),
    phones: t.stringList({ description: 'Values of the PHONE field.', resolve: (contact) => multitextValues(contact.custom_fields_values, 'PHONE') }),
    emails: t.stringList({ description: 'Values of the EMAIL field.', resolve: (contact) => multitextValues(contact.custom_fields_values, 'EMAIL') }),
  }),
});

export const ContactConnection = builder.connectionObject({ type: ContactRef, name: 'ContactConnection' }, { name: 'ContactEdge' });

const ContactOrder = orderInput('Contact', { UPDATED_AT: { value: 'updated_at' }, ID: { value: 'id' } });

const ContactFilterInput = builder.inputType('ContactFilter', {
  description: 'Filters amoCRM applies to contacts. Every given condition must hold.',
  fields: (t) => commonFilterFields(t),
});

builder.queryFields((t) => ({
  contact: t.field({
    type: ContactRef,
    nullable: true,
    description: 'A contact by its amoCRM id; null if it does not exist or was deleted.',
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.amoId > 0 ? args.amoId : null),
  }),
  contacts: t.connection(
    {
      type: ContactRef,
      nullable: true,
      description: 'Contacts, paged with cursors (at most 250 per page). Null, with an error, when amoCRM could not answer.',
      args: {
        filter: t.arg({ type: ContactFilterInput }),
        query: t.arg.string({ description: 'Full-text search over names, phones, e-mails and other fields.' }),
        orderBy: t.arg({ type: ContactOrder }),
      },
      resolve: async (_root, args, ctx) => {
        const filter: ContactFilter | undefined = commonFilter(args.filter as CommonFilterArgs | null);
        if (matchesNothing(filter)) return EMPTY_CONNECTION;
        return resolveWindowConnection(args, (window) =>
          listContacts(ctx.upstream, { window, filter, query: searchText(args.query), order: args.orderBy ?? undefined }),
        );
      },
    },
    ContactConnection,
  ),
}));

/** Edges of a lead's contacts carry whether the contact is the lead's main one. */
type LeadContactEdgeShape = { cursor: string; node: number; isMain: boolean };

const LeadContactConnection = builder.connectionObject(
  { type: ContactRef, name: 'LeadContactConnection' },
  {
    name: 'LeadContactEdge',
    fields: (t) => ({
      isMain: t.boolean({ resolve: (edge) => (edge as unknown as LeadContactEdgeShape).isMain }),
    }),
  },
);

builder.objectFields(LeadRef, (t) => ({
  contacts: t.connection(
    {
      type: ContactRef,
      description: "The lead's contacts; the edge says which one is main.",
      resolve: (lead, args, ctx) => {
        const refs = lead._embedded?.contacts ?? [];
        const main = new Set(refs.filter((ref) => ref.is_main).map((ref) => ref.id));
        const connection = resolveListConnection(args, refs.map((ref) => ref.id)) as ConnectionShape<number>;
        const edges: LeadContactEdgeShape[] = connection.edges.map((edge) => ({ ...edge, isMain: main.has(edge.node) }));
        return withLoadedNodes({ ...connection, edges }, ContactRef.getDataloader(ctx));
      },
    },
    LeadContactConnection,
  ),
  mainContact: t.field({
    type: ContactRef,
    nullable: true,
    resolve: (lead) => lead._embedded?.contacts?.find((ref) => ref.is_main)?.id ?? null,
  }),
}));

builder.objectField(CompanyRef, 'contacts', (t) =>
  t.connection(
    {
      type: ContactRef,
      description: "The company's contacts.",
      resolve: (company, args, ctx) =>
        withLoadedNodes(resolveListConnection(args, (company._embedded?.contacts ?? []).map((ref) => ref.id)), ContactRef.getDataloader(ctx)),
    },
    ContactConnection,
  ),
);
