// Custom field values through the gateway: every field type the sandbox seeds arrives as its own
// `<Type>CustomFieldValue` with typed, normalised values (numbers from strings, ISO dates from
// unix seconds, enums, address parts, requisites), narrowed by field id or code, resolved to its
// definition from the cached catalogue, and the catalogue itself matches the sandbox.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomFieldValueItem } from '../../src/rest/types.js';
import type { EntityType, StoredFieldValues } from '../../src/sandbox/records.js';
import { dataOf, startStack, TEST_TOKEN, type Stack } from '../helpers/stack.js';

const ENTITIES = ['leads', 'contacts', 'companies'] as const;
const ENTITY_ENUM = { leads: 'LEADS', contacts: 'CONTACTS', companies: 'COMPANIES' } as const;

/** The types the custom fields issue asks the gateway to cover. */
const COVERAGE = [
  'text',
  'numeric',
  'checkbox',
  'select',
  'multiselect',
  'multitext',
  'date',
  'date_time',
  'url',
  'textarea',
  'birthday',
  'smart_address',
  'legal_entity',
] as const;

// Every implementation selected once. Aliases keep GraphQL's overlapping-fields rule happy: one
// alias per value shape (`text` is always a String, `options` always [CustomFieldEnumValue]…).
const VALUES = /* GraphQL */ `
  fragment EnumValue on CustomFieldEnumValue { value enumId enumCode }
  fragment Values on CustomFieldValue {
    __typename
    fieldId
    fieldCode
    fieldName
    fieldType
    ... on TextCustomFieldValue { text: value texts: values }
    ... on TextareaCustomFieldValue { text: value texts: values }
    ... on UrlCustomFieldValue { text: value texts: values }
    ... on StreetaddressCustomFieldValue { text: value texts: values }
    ... on TrackingDataCustomFieldValue { text: value texts: values }
    ... on OrgLegalNameCustomFieldValue { text: value texts: values }
    ... on NumericCustomFieldValue { number: value numbers: values }
    ... on MonetaryCustomFieldValue { number: value numbers: values }
    ... on CheckboxCustomFieldValue { flag: value flags: values }
    ... on DateCustomFieldValue { date: value dates: values }
    ... on DateTimeCustomFieldValue { date: value dates: values }
    ... on BirthdayCustomFieldValue { date: value dates: values }
    ... on SelectCustomFieldValue { option: value { ...EnumValue } options: values { ...EnumValue } }
    ... on RadiobuttonCustomFieldValue { option: value { ...EnumValue } options: values { ...EnumValue } }
    ... on MultiselectCustomFieldValue { options: values { ...EnumValue } }
    ... on MultitextCustomFieldValue { options: values { ...EnumValue } }
    ... on SmartAddressCustomFieldValue {
      options: values { ...EnumValue }
      address { addressLine1 addressLine2 city state zip country }
    }
    ... on LegalEntityCustomFieldValue {
      requisites: values {
        name entityType vatId kpp taxRegistrationReasonCode address realAddress bankCode
        bankAccountNumber director externalUid unp bin egrpou mfo oked
      }
    }
  }
`;

const LIST_FIELD = { leads: 'leads', contacts: 'contacts', companies: 'companies' } as const;

// --- what the gateway should make of amoCRM's raw values -------------------------------------

type Items = CustomFieldValueItem[];

const iso = (unixSeconds: unknown) => new Date(Number(unixSeconds) * 1000).toISOString();
const enumValue = (item: CustomFieldValueItem) => ({ value: String(item.value), enumId: item.enum_id ?? null, enumCode: item.enum_code ?? null });
const strings = (items: Items) => ({ text: String(items[0]!.value), texts: items.map((item) => String(item.value)) });
const numbers = (items: Items) => ({ number: Number(items[0]!.value), numbers: items.map((item) => Number(item.value)) });
const dates = (items: Items) => ({ date: iso(items[0]!.value), dates: items.map((item) => iso(item.value)) });
const options = (items: Items) => ({ options: items.map(enumValue) });
const chosen = (items: Items) => ({ option: enumValue(items[0]!), ...options(items) });

const ADDRESS_PARTS = {
  addressLine1: 'address_line_1',
  addressLine2: 'address_line_2',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
} as const;

const REQUISITES = {
  name: 'name',
  entityType: 'entity_type',
  vatId: 'vat_id',
  kpp: 'kpp',
  taxRegistrationReasonCode: 'tax_registration_reason_code',
  address: 'address',
  realAddress: 'real_address',
  bankCode: 'bank_code',
  bankAccountNumber: 'bank_account_number',
  director: 'director',
  externalUid: 'external_uid',
  unp: 'unp',
  bin: 'bin',
  egrpou: 'egrpou',
  mfo: 'mfo',
  oked: 'oked',
} as const;

/** The GraphQL type and the expected typed values of each seeded amoCRM field type. */
const TYPES: Record<string, { typename: string; behaviour: string; expected: (items: Items) => object }> = {
  text: { typename: 'TextCustomFieldValue', behaviour: 'strings', expected: strings },
  textarea: { typename: 'TextareaCustomFieldValue', behaviour: 'strings', expected: strings },
  url: { typename: 'UrlCustomFieldValue', behaviour: 'strings', expected: strings },
  streetaddress: { typename: 'StreetaddressCustomFieldValue', behaviour: 'strings', expected: strings },
  tracking_data: { typename: 'TrackingDataCustomFieldValue', behaviour: 'strings', expected: strings },
  org_legal_name: { typename: 'OrgLegalNameCustomFieldValue', behaviour: 'strings', expected: strings },
  numeric: { typename: 'NumericCustomFieldValue', behaviour: 'numbers amoCRM sends as strings become Floats', expected: numbers },
  monetary: { typename: 'MonetaryCustomFieldValue', behaviour: 'amounts become Floats', expected: numbers },
  checkbox: { typename: 'CheckboxCustomFieldValue', behaviour: 'booleans', expected: (items) => ({ flag: items[0]!.value, flags: items.map((item) => item.value) }) },
  date: { typename: 'DateCustomFieldValue', behaviour: 'unix seconds become ISO DateTimes', expected: dates },
  date_time: { typename: 'DateTimeCustomFieldValue', behaviour: 'unix seconds become ISO DateTimes', expected: dates },
  birthday: { typename: 'BirthdayCustomFieldValue', behaviour: 'unix seconds (also before 1970) become ISO DateTimes', expected: dates },
  select: { typename: 'SelectCustomFieldValue', behaviour: 'the chosen option with its enumId', expected: chosen },
  radiobutton: { typename: 'RadiobuttonCustomFieldValue', behaviour: 'the chosen option with its enumId', expected: chosen },
  multiselect: { typename: 'MultiselectCustomFieldValue', behaviour: 'every chosen option with its enumId', expected: options },
  multitext: { typename: 'MultitextCustomFieldValue', behaviour: 'every phone or e-mail with its enumId and enumCode', expected: options },
  smart_address: {
    typename: 'SmartAddressCustomFieldValue',
    behaviour: 'parts by enumCode, assembled into address { city … }',
    expected: (items) => ({
      ...options(items),
      address: Object.fromEntries(
        Object.entries(ADDRESS_PARTS).map(([field, code]) => [field, items.find((item) => item.enum_code === code)?.value ?? null]),
      ),
    }),
  },
  legal_entity: {
    typename: 'LegalEntityCustomFieldValue',
    behaviour: 'each requisite under its camelCase name',
    expected: (items) => ({
      requisites: items.map((item) => {
        const value = item.value as Record<string, unknown>;
        return Object.fromEntries(
          Object.entries(REQUISITES).map(([field, key]) => [field, value[key] === null || value[key] === undefined ? null : String(value[key])]),
        );
      }),
    }),
  },
};

// --- the sandbox's side ----------------------------------------------------------------------

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ unknownFieldRefreshMs: 0 });
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const definition = (entity: EntityType, fieldId: number) => store().customFields[entity].get(fieldId)!;
const liveRows = (entity: EntityType) => store().entities(entity).values().filter((row) => !row.is_deleted);

/** The filled fields of a row as amoCRM shows them (a field with no values is not shown). */
const filled = (row: { custom_fields_values: StoredFieldValues[] }) => row.custom_fields_values.filter((stored) => stored.values.length > 0);

/** The seeded field types that some visible entity has a value for. */
function seededTypes(): Set<string> {
  const types = new Set<string>();
  for (const entity of ENTITIES) {
    for (const row of liveRows(entity)) for (const stored of filled(row)) types.add(definition(entity, stored.field_id).type);
  }
  return types;
}

/** One field's values on one entity, as the `Values` fragment should answer them. */
function expectedValue(entity: EntityType, stored: StoredFieldValues) {
  const field = definition(entity, stored.field_id);
  const type = TYPES[field.type];
  if (!type) throw new Error(`no expectation for ${field.type}: add it to TYPES`);
  return {
    __typename: type.typename,
    fieldId: field.id,
    fieldCode: field.code,
    fieldName: field.name,
    fieldType: field.type.toUpperCase(),
    ...type.expected(stored.values),
  };
}

const byFieldId = (a: { fieldId: number }, b: { fieldId: number }) => a.fieldId - b.fieldId;

/** A list of entities by id with a selection; spreads of `Values` bring the fragment along. */
function listQuery(entity: EntityType, selection: string) {
  const variables = selection.includes('$fieldIds') ? '$ids: [Int!], $fieldIds: [Int!]' : '$ids: [Int!]';
  const fragments = selection.includes('...Values') ? VALUES : '';
  return /* GraphQL */ `
    query List(${variables}) {
      list: ${LIST_FIELD[entity]}(filter: { amoIds: $ids }, first: 250) { nodes { amoId ${selection} } }
    }
    ${fragments}
  `;
}

/** Every visible entity of a type, 250 ids (amoCRM's page size) per request. */
async function allOf(entity: EntityType, selection: string, variables: Record<string, unknown> = {}) {
  const rows = liveRows(entity);
  const nodes: any[] = [];
  for (let start = 0; start < rows.length; start += 250) {
    const ids = rows.slice(start, start + 250).map((row) => row.id);
    const { list } = dataOf(await stack.gql(listQuery(entity, selection), { ids, ...variables }));
    nodes.push(...list.nodes);
  }
  expect(nodes.map((node) => node.amoId)).toEqual(rows.map((row) => row.id));
  return nodes;
}

// --- the specification -----------------------------------------------------------------------

describe('seeded coverage', () => {
  it('seeds values of every type the custom fields issue lists', () => {
    const seeded = seededTypes();
    expect(COVERAGE.filter((type) => !seeded.has(type))).toEqual([]);
  });

  it('has a typed expectation here for every field type the sandbox seeds', () => {
    expect([...seededTypes()].filter((type) => !TYPES[type])).toEqual([]);
  });

  it('sends the loose shapes the gateway has to normalise', () => {
    const raw = (type: string) =>
      ENTITIES.flatMap((entity) =>
        liveRows(entity).flatMap((row) => filled(row).filter((stored) => definition(entity, stored.field_id).type === type)),
      ).flatMap((stored) => stored.values);
    expect(raw('numeric').every((item) => typeof item.value === 'string')).toBe(true);
    expect(raw('date').every((item) => typeof item.value === 'number')).toBe(true);
    expect(raw('birthday').some((item) => (item.value as number) < 0)).toBe(true);
    expect(raw('checkbox').some((item) => item.value === false)).toBe(true);
    expect(raw('select').every((item) => item.enum_code === null && typeof item.enum_id === 'number')).toBe(true);
    expect(raw('multitext').every((item) => typeof item.enum_code === 'string')).toBe(true);
    expect(raw('smart_address').some((item) => item.enum_code === 'address_line_2')).toBe(true);
    expect(raw('legal_entity').some((item) => (item.value as { kpp: unknown }).kpp === null)).toBe(true);
  });
});

describe('typed values', () => {
  it.each(Object.entries(TYPES).map(([type, spec]) => [type, spec.typename, spec.behaviour] as const))(
    '%s arrives as %s: %s',
    async (type) => {
      let compared = 0;
      let multiValued = 0;
      for (const entity of ENTITIES) {
        const fieldIds = store().customFields[entity].values().filter((field) => field.type === type).map((field) => field.id);
        const rows = liveRows(entity).filter((row) => filled(row).some((stored) => fieldIds.includes(stored.field_id)));
        if (rows.length === 0) continue;

        const { list } = dataOf(
          await stack.gql(listQuery(entity, `customFields(fieldIds: $fieldIds) { ...Values }`), {
            ids: rows.map((row) => row.id),
            fieldIds,
          }),
        );
        expect(list.nodes.map((node: any) => node.amoId)).toEqual(rows.map((row) => row.id));
        for (const node of list.nodes) {
          const row = store().entities(entity).get(node.amoId)!;
          const stored = filled(row).filter((field) => fieldIds.includes(field.field_id));
          expect([...node.customFields].sort(byFieldId), `${entity} ${row.id}`).toEqual(
            stored.map((field) => expectedValue(entity, field)).sort(byFieldId),
          );
          compared += stored.length;
          multiValued += stored.filter((field) => field.values.length > 1).length;
        }
      }
      expect(compared, `entities with a ${type} value`).toBeGreaterThan(10);
      if (['multiselect', 'multitext', 'smart_address'].includes(type)) expect(multiValued).toBeGreaterThan(0);
    },
  );

  it.each(ENTITIES)('gives all %s all of their filled fields, each typed and normalised', async (entity) => {
    const nodes = await allOf(entity, `customFields { ...Values }`);
    for (const node of nodes) {
      const row = store().entities(entity).get(node.amoId)!;
      expect([...node.customFields].sort(byFieldId), `${entity} ${row.id}`).toEqual(
        filled(row).map((stored) => expectedValue(entity, stored)).sort(byFieldId),
      );
    }
  });

  it('names each value type <PascalCase amoCRM type>CustomFieldValue', () => {
    const pascal = (type: string) => type.split('_').map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
    for (const [type, spec] of Object.entries(TYPES)) expect(spec.typename).toBe(`${pascal(type)}CustomFieldValue`);
  });
});

describe('phones and emails shortcuts', () => {
  const multitext = (entity: EntityType, row: { custom_fields_values: StoredFieldValues[] }, code: string) =>
    filled(row)
      .filter((stored) => definition(entity, stored.field_id).code === code)
      .flatMap((stored) => stored.values.map((item) => String(item.value)));

  it.each(['contacts', 'companies'] as const)('lists the PHONE and EMAIL values of all %s, in order', async (entity) => {
    const nodes = await allOf(entity, 'phones emails');
    let withTwoPhones = 0;
    for (const node of nodes) {
      const row = store().entities(entity).get(node.amoId)!;
      expect(node.phones, `${entity} ${row.id}`).toEqual(multitext(entity, row, 'PHONE'));
      expect(node.emails, `${entity} ${row.id}`).toEqual(multitext(entity, row, 'EMAIL'));
      if (node.phones.length > 1) withTwoPhones++;
    }
    expect(withTwoPhones).toBeGreaterThan(0);
    expect(nodes.filter((node) => node.phones.length === 0).length).toBeGreaterThan(0);
  });
});

describe('narrowing with fieldIds and fieldCodes', () => {
  it('keeps only the fields asked for, by code, by id, by both, and none for an empty id list', async () => {
    const contactField = (match: (field: { code: string | null; type: string }) => boolean) =>
      store().customFields.contacts.values().find(match)!.id;
    const ids = {
      phone: contactField((field) => field.code === 'PHONE'),
      position: contactField((field) => field.code === 'POSITION'),
      birthday: contactField((field) => field.type === 'birthday'),
      address: contactField((field) => field.type === 'smart_address'),
    };
    const nodes = await allOf(
      'contacts',
      `
        phone: customFields(fieldCodes: ["PHONE"]) { fieldId fieldCode ... on MultitextCustomFieldValue { values { value enumCode } } }
        phoneAndEmail: customFields(fieldCodes: ["PHONE", "EMAIL"]) { fieldId fieldCode }
        position: customFields(fieldCodes: ["POSITION"]) { fieldId ... on TextCustomFieldValue { value } }
        byIds: customFields(fieldIds: [${ids.birthday}, ${ids.address}]) { fieldId }
        both: customFields(fieldIds: [${ids.phone}, ${ids.position}], fieldCodes: ["PHONE"]) { fieldId }
        noIds: customFields(fieldIds: []) { fieldId }
        unknownCode: customFields(fieldCodes: ["NO_SUCH_CODE"]) { fieldId }
      `,
    );
    const fieldIdsOf = (row: { custom_fields_values: StoredFieldValues[] }, keep: (fieldId: number) => boolean) =>
      filled(row)
        .map((stored) => stored.field_id)
        .filter(keep)
        .sort((a, b) => a - b)
        .map((fieldId) => ({ fieldId }));
    const codeOf = (fieldId: number) => definition('contacts', fieldId).code;

    for (const node of nodes) {
      const row = store().contacts.get(node.amoId)!;
      const context = `contact ${row.id}`;
      const phone = filled(row).find((stored) => stored.field_id === ids.phone);
      expect(node.phone, context).toEqual(
        phone
          ? [{ fieldId: ids.phone, fieldCode: 'PHONE', values: phone.values.map((item) => ({ value: item.value, enumCode: item.enum_code })) }]
          : [],
      );
      expect([...node.phoneAndEmail].sort(byFieldId), context).toEqual(
        fieldIdsOf(row, (fieldId) => ['PHONE', 'EMAIL'].includes(codeOf(fieldId) ?? '')).map((field) => ({ ...field, fieldCode: codeOf(field.fieldId) })),
      );
      expect(node.position.map((field: any) => field.fieldId), context).toEqual(fieldIdsOf(row, (id) => id === ids.position).map((f) => f.fieldId));
      expect([...node.byIds].sort(byFieldId), context).toEqual(fieldIdsOf(row, (id) => id === ids.birthday || id === ids.address));
      expect(node.both, context).toEqual(fieldIdsOf(row, (id) => id === ids.phone));
      expect(node.noIds, context).toEqual([]);
      expect(node.unknownCode, context).toEqual([]);
    }
    // Each narrowing had something to keep and something to drop.
    expect(nodes.filter((node) => node.phone.length > 0).length).toBeGreaterThan(0);
    expect(nodes.filter((node) => node.phone.length === 0 && node.phoneAndEmail.length > 0).length).toBeGreaterThan(0);
    expect(nodes.filter((node) => node.position.length > 0).length).toBeGreaterThan(0);
    expect(nodes.filter((node) => node.byIds.length === 2).length).toBeGreaterThan(0);
    expect(nodes.filter((node) => node.both.length === 1).length).toBeGreaterThan(0);
  });
});

describe('entities without custom fields', () => {
  it.each(ENTITIES)('gives [] for a %s amoCRM sends with custom_fields_values: null', async (entity) => {
    const bare = liveRows(entity).find((row) => filled(row).length === 0)!;
    expect(bare, `a ${entity} row without custom fields`).toBeDefined();

    const wire = await fetch(`${stack.sandboxUrl}/api/v4/${entity}/${bare.id}`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    expect(((await wire.json()) as { custom_fields_values: unknown }).custom_fields_values).toBeNull();

    const shortcuts = entity === 'leads' ? '' : 'phones emails';
    const { list } = dataOf(await stack.gql(listQuery(entity, `customFields { ...Values } ${shortcuts}`), { ids: [bare.id] }));
    const [node] = list.nodes;
    expect(node).toEqual({ amoId: bare.id, customFields: [], ...(entity === 'leads' ? {} : { phones: [], emails: [] }) });
  });
});

describe('field definitions', () => {
  const DEFINITION = /* GraphQL */ `
    fragment Definition on CustomFieldDefinition {
      id amoId entityType name type code sort isApiOnly isPredefined isDeletable groupId remind currency
      enums { amoId value sort code }
      requiredStatuses { id }
    }
  `;

  const expectedDefinition = (entity: EntityType, fieldId: number) => {
    const field = definition(entity, fieldId);
    return {
      amoId: field.id,
      entityType: ENTITY_ENUM[entity],
      name: field.name,
      type: field.type.toUpperCase(),
      code: field.code,
      sort: field.sort,
      isApiOnly: field.is_api_only,
      isPredefined: field.is_predefined,
      isDeletable: field.is_deletable,
      groupId: field.group_id,
      remind: field.remind ?? null,
      currency: field.currency ?? null,
      enums: (field.enums ?? []).map((option) => ({ amoId: option.id, value: option.value, sort: option.sort, code: option.code ?? null })),
      requiredStatuses: [],
    };
  };

  it.each(ENTITIES)('lists every field definition of %s the sandbox holds, in sort order', async (entity) => {
    const { definitions } = dataOf(
      await stack.gql(`query { definitions: customFieldDefinitions(entity: ${ENTITY_ENUM[entity]}) { ...Definition } } ${DEFINITION}`),
    );
    const fields = store().customFields[entity].values().sort((a, b) => a.sort - b.sort || a.id - b.id);
    expect(definitions.map(({ id: _id, ...rest }: any) => rest)).toEqual(fields.map((field) => expectedDefinition(entity, field.id)));
    expect(new Set(definitions.map((field: any) => field.id)).size).toBe(fields.length);
  });

  it('keeps only the asked types with customFieldDefinitions(types:)', async () => {
    const { contacts, companies, none } = dataOf(
      await stack.gql(`{
        contacts: customFieldDefinitions(entity: CONTACTS, types: [MULTITEXT, SMART_ADDRESS, BIRTHDAY]) { amoId type }
        companies: customFieldDefinitions(entity: COMPANIES, types: [LEGAL_ENTITY, ORG_LEGAL_NAME]) { amoId type }
        none: customFieldDefinitions(entity: LEADS, types: [FILE]) { amoId }
      }`),
    );
    const ofTypes = (entity: EntityType, types: string[]) =>
      store()
        .customFields[entity].values()
        .filter((field) => types.includes(field.type))
        .sort((a, b) => a.sort - b.sort || a.id - b.id)
        .map((field) => ({ amoId: field.id, type: field.type.toUpperCase() }));
    expect(contacts).toEqual(ofTypes('contacts', ['multitext', 'smart_address', 'birthday']));
    expect(contacts.length).toBeGreaterThanOrEqual(3);
    expect(companies).toEqual(ofTypes('companies', ['legal_entity', 'org_legal_name']));
    expect(none).toEqual([]);
  });

  it('resolves field on every value to its own definition, costing one custom_fields call per entity type cold and none warm', async () => {
    const QUERY = /* GraphQL */ `
      query AllFields {
        leads(first: 250) { nodes { amoId customFields { fieldId field { ...Definition } } } }
        contacts(first: 250) { nodes { amoId customFields { fieldId field { ...Definition } } } }
        companies(first: 250) { nodes { amoId customFields { fieldId field { ...Definition } } } }
      }
      ${DEFINITION}
    `;
    const definitions = dataOf(
      await stack.gql(`{
        leads: customFieldDefinitions(entity: LEADS) { ...Definition }
        contacts: customFieldDefinitions(entity: CONTACTS) { ...Definition }
        companies: customFieldDefinitions(entity: COMPANIES) { ...Definition }
      } ${DEFINITION}`),
    );

    stack.gateway.account.metadata.invalidate();
    stack.resetLog();
    const cold = dataOf(await stack.gql(QUERY));
    expect(stack.upstreamCalls().map((call) => call.path).sort()).toEqual([
      '/api/v4/companies',
      '/api/v4/companies/custom_fields',
      '/api/v4/contacts',
      '/api/v4/contacts/custom_fields',
      '/api/v4/leads',
      '/api/v4/leads/custom_fields',
    ]);

    let resolved = 0;
    for (const entity of ENTITIES) {
      const byAmoId = new Map(definitions[entity].map((field: any) => [field.amoId, field]));
      for (const node of cold[entity].nodes) {
        for (const value of node.customFields) {
          expect(value.field, `${entity} ${node.amoId} field ${value.fieldId}`).toEqual(byAmoId.get(value.fieldId));
          expect(value.field).toMatchObject(expectedDefinition(entity, value.fieldId));
          resolved++;
        }
      }
    }
    expect(resolved).toBeGreaterThan(1000);

    stack.resetLog();
    const warm = dataOf(await stack.gql(QUERY));
    expect(warm).toEqual(cold);
    expect(stack.upstreamCalls().map((call) => call.path).sort()).toEqual(['/api/v4/companies', '/api/v4/contacts', '/api/v4/leads']);
  });
});

describe('definitions created after the catalogue was cached', () => {
  // A value naming a field the cached catalogue lacks refreshes the catalogue (at most every
  // `unknownFieldRefreshMs`, 5 s by default; this file's stack sets 0 to show it at once).
  it('resolves field for a value of a field created since the catalogue was cached, with one refresh', async () => {
    const template = definition('leads', 551_001);
    const newFieldId = store().customFields.leads.nextId();
    const lead = liveRows('leads')[0]!;
    dataOf(await stack.gql(`{ customFieldDefinitions(entity: LEADS) { amoId } }`));

    store().customFields.leads.put({ ...template, id: newFieldId, name: 'Новое поле', sort: 9_999 });
    lead.custom_fields_values.push({ field_id: newFieldId, values: [{ value: 'новое значение' }] });
    try {
      stack.resetLog();
      const { lead: node } = dataOf(
        await stack.gql(`{ lead(amoId: ${lead.id}) { customFields(fieldIds: [${newFieldId}]) { fieldId fieldName field { amoId name } } } }`),
      );
      expect(node.customFields).toEqual([{ fieldId: newFieldId, fieldName: 'Новое поле', field: { amoId: newFieldId, name: 'Новое поле' } }]);
      expect(stack.upstreamCalls().filter((call) => call.path === '/api/v4/leads/custom_fields')).toHaveLength(1);
    } finally {
      lead.custom_fields_values = lead.custom_fields_values.filter((stored) => stored.field_id !== newFieldId);
      store().customFields.leads.delete(newFieldId);
      stack.gateway.account.metadata.invalidate();
    }
  });
});
