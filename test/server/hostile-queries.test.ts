// A fuzz corpus of hostile and malformed requests, generated deterministically from a seed, sent
// over real HTTP to the gateway: deep nesting, alias floods, oversized `first`, queries over the
// cost limit, fragment cycles, giant strings, broken syntax (mutated example operations), wrong
// argument and variable types, directive floods, batches and oversized bodies, broken JSON and
// wrong content types. Every one must be refused before execution: no crash, no 5xx, a JSON body
// with `errors` and no `data`, a 4xx under application/graphql-response+json, and not one call to
// amoCRM. Afterwards the gateway still answers a normal query correctly.
//
// A random edit can leave a document valid, and a valid document would rightly run. So the
// mutated, mistyped and costly ones are checked here first (graphql-js parse and validate,
// variable coercion, the cost estimate) and dropped unless certain to be refused; the others are
// built to break a limit (depth, aliases, directives, tokens, body size) by construction.

import { createRandom } from '../../src/sandbox/random.js';
import { readdirSync, readFileSync } from 'node:fs';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { getVariableValues, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { DEFAULT_SECURITY } from '../../src/server/security.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { createRawClient, type RawRequest, type RawResponse } from './raw-http.js';

const SEED = 0x5eed_2026;
const CONCURRENCY = 32;
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

// --- a seeded PRNG and helpers ---------------------------------------------------------------------

/** The sandbox's seeded PRNG, plus random identifiers. */
function createRng(seed: number) {
  const random = createRandom(seed);
  const word = (min = 1, max = 8): string => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let out = random.pick(letters.split(''));
    for (let i = random.int(min, max) - 1; i > 0; i--) out += random.pick(`${letters}0123456789_`.split(''));
    return out;
  };
  return { next: random.next, int: random.int, pick: random.pick, chance: random.chance, word };
}
type Rng = ReturnType<typeof createRng>;

// --- what the corpus is made of --------------------------------------------------------------------

interface Case {
  category: string;
  request: RawRequest;
}

function accept(rng: Rng): string {
  // Mostly the GraphQL-over-HTTP media type; some legacy clients that only know application/json.
  return rng.chance(0.8) ? GRAPHQL_RESPONSE : 'application/json';
}

/** A POST of `body` as JSON; strings and bytes are sent as they are (broken JSON, say). */
function jsonPost(rng: Rng, body: unknown): RawRequest {
  const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return { headers: { 'content-type': 'application/json', accept: accept(rng) }, body: raw };
}

/** True if graphql-js alone (no limits of ours) already refuses the document. */
function invalidDocument(query: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return true;
  }
  return validate(schema, document).length > 0;
}

function operationOf(document: DocumentNode): OperationDefinitionNode | undefined {
  return document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
}

/** True if the (valid) document's variables do not coerce. */
function badVariables(query: string, variables: Record<string, unknown>): boolean {
  const operation = operationOf(parse(query))!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return 'errors' in coerced && coerced.errors !== undefined;
}

const EXAMPLES = readdirSync(new URL('../../examples/', import.meta.url))
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));

const EXAMPLE_VARIABLES = { amoId: 1, entity: 'LEADS', id: 'TGVhZDox', query: 'a', first: 5 };

const ROOT_SELECTIONS = [
  'account { name }',
  'leads(first: 1) { nodes { id name } }',
  'contacts(first: 2) { nodes { name phones } }',
  'pipelines { id statuses { name } }',
  'lossReasons { name }',
  'users(first: 1) { nodes { name } }',
  'lead(amoId: 1) { name price }',
  'customFieldDefinitions(entity: LEADS) { name }',
];

const CONNECTIONS = [
  (size: string) => `leads(${size}) { nodes { name } }`,
  (size: string) => `contacts(${size}) { nodes { name } }`,
  (size: string) => `companies(${size}) { edges { node { name } } }`,
  (size: string) => `tags(entity: LEADS, ${size}) { nodes { name } }`,
  (size: string) => `users(${size}) { nodes { name } }`,
  (size: string) => `lead(amoId: 1) { contacts(${size}) { nodes { name } } }`,
  (size: string) => `contact(amoId: 1) { leads(${size}) { nodes { name } } }`,
  (size: string) => `company(amoId: 1) { contacts(${size}) { nodes { name } } leads(first: 1) { nodes { name } } }`,
];

/** Letters, digits, spaces and some Cyrillic: safe inside a GraphQL string inside JSON. */
function giantText(rng: Rng, size: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 АБВГДЕЖЗИЙКЛМНОП';
  const unit = Array.from({ length: 64 }, () => rng.pick(alphabet.split(''))).join('');
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

// --- one generator per category ------------------------------------------------------------------

type Generator = (rng: Rng) => Case | null;

const generators: Record<string, { count: number; make: Generator }> = {
  'deep nesting': {
    count: 450,
    make(rng): Case | null {
      const depth = rng.int(DEFAULT_SECURITY.maxDepth + 1, 150);
      const kind = rng.int(0, 3);
      let query: string;
      if (kind === 0) {
        // Valid fields all the way down: only the depth limit stands in the way.
        let selection = 'name';
        for (let level = depth - 4; level > 0; level--) selection = level % 2 ? `pipeline { ${selection} }` : `statuses { ${selection} }`;
        query = `{ leads(first: 1) { nodes { status { ${selection} } } } }`;
      } else if (kind === 1) {
        let selection = 'name';
        for (let level = Math.floor((depth - 2) / 2); level > 0; level--) selection = `${level % 2 ? 'contacts' : 'leads'}(first: 1) { nodes { ${selection} } }`;
        query = `{ leads(first: 1) { nodes { ${selection} } } }`;
      } else if (kind === 2) {
        // Fields that do not exist, nested.
        const names = Array.from({ length: depth }, () => rng.word());
        query = `{ ${names.map((name) => `${name} {`).join(' ')} id ${'}'.repeat(depth)} }`;
      } else {
        // Deeply nested list values where an Int list is expected.
        const levels = rng.int(3, 400);
        query = `{ leads(filter: { amoIds: ${'['.repeat(levels)}1${']'.repeat(levels)} }) { nodes { name } } }`;
      }
      return { category: 'deep nesting', request: jsonPost(rng, { query }) };
    },
  },

  'alias floods': {
    count: 350,
    make(rng): Case | null {
      const count = rng.int(DEFAULT_SECURITY.maxAliases + 1, 400);
      const nested = rng.chance(0.3);
      const fields = Array.from({ length: count }, (_, i) => `${rng.word(1, 3)}${i}: ${nested ? rng.pick(['name', 'price', 'id', 'createdAt']) : rng.pick(ROOT_SELECTIONS)}`);
      const query = nested ? `{ leads(first: 1) { nodes { ${fields.join(' ')} } } }` : `{ ${fields.join(' ')} }`;
      return { category: 'alias floods', request: jsonPost(rng, { query }) };
    },
  },

  'huge first': {
    count: 500,
    make(rng): Case | null {
      const value = rng.pick([
        () => rng.int(251, 2 ** 31 - 1),
        () => -rng.int(1, 2 ** 31),
        () => rng.int(251, 1000),
        () => 2 ** rng.int(31, 60),
        () => rng.int(251, 10 ** 6) + 0.5,
      ])();
      const arg = rng.pick(['first', 'last']);
      const field = rng.pick(CONNECTIONS);
      const viaVariable = rng.chance(0.5);
      const size = `${arg}: ${viaVariable ? '$n' : value}${arg === 'last' ? ', before: "YXJyYXljb25uZWN0aW9uOjEw"' : ''}`;
      const query = viaVariable ? `query Huge($n: Int) { ${field(size)} }` : `{ ${field(size)} }`;
      return { category: 'huge first', request: jsonPost(rng, { query, variables: viaVariable ? { n: value } : undefined }) };
    },
  },

  'over the cost limit': {
    count: 300,
    make(rng): Case | null {
      let query: string;
      let variables: Record<string, unknown> | undefined;
      if (rng.chance(0.5)) {
        const [a, b, c] = [rng.int(80, 250), rng.int(80, 250), rng.int(80, 250)];
        const inner = rng.pick(['name', 'name price', 'amoId name status { name }', 'name customFields { fieldName }']);
        const viaVariables = rng.chance(0.5);
        variables = viaVariables ? { a, b, c } : undefined;
        const [x, y, z] = viaVariables ? ['$a', '$b', '$c'] : [a, b, c];
        query = `${viaVariables ? 'query Dear($a: Int, $b: Int, $c: Int) ' : ''}{ leads(first: ${x}) { nodes { contacts(first: ${y}) { nodes { leads(first: ${z}) { nodes { ${inner} } } } } } } }`;
      } else {
        const copies = rng.int(10, 30);
        const page = `leads(first: 250) { nodes { name contacts { nodes { name phones emails } } } }`;
        query = `{ ${Array.from({ length: copies }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
      }
      const cost = complexityFromQuery(query, { schema, variables }).complexity;
      if (cost <= DEFAULT_SECURITY.maxCost || invalidDocument(query)) return null;
      return { category: 'over the cost limit', request: jsonPost(rng, { query, variables }) };
    },
  },

  'fragment cycles': {
    count: 300,
    make(rng): Case | null {
      const names = Array.from({ length: rng.int(1, 8) }, (_, i) => `${rng.word(2, 6)}${i}`);
      const kind = rng.int(0, 3);
      let fragments: string;
      let spread = names[0]!;
      let root = `{ leads(first: 1) { nodes { ...${spread} } } }`;
      if (kind === 0) {
        fragments = names.map((name, i) => `fragment ${name} on Lead { name ...${names[(i + 1) % names.length]} }`).join(' ');
      } else if (kind === 1) {
        const [a, b] = [names[0]!, `${names[0]}X`];
        fragments = `fragment ${a} on Lead { contacts { nodes { ...${b} } } } fragment ${b} on Contact { leads { nodes { ...${a} } } }`;
      } else if (kind === 2) {
        fragments = `fragment ${names[0]} on Lead { ... on Lead { id ... on Lead { ...${names[0]} } } }`;
      } else {
        spread = names.at(-1)!;
        root = `query { node(id: "x") { ...${spread} } }`;
        fragments = names.map((name, i) => `fragment ${name} on Node { id ... on Lead { ...${names[(i + 1) % names.length]} } }`).join(' ');
      }
      const query = rng.chance(0.5) ? `${root} ${fragments}` : `${fragments} ${root}`;
      return { category: 'fragment cycles', request: jsonPost(rng, { query }) };
    },
  },

  'giant strings': {
    count: 200,
    make(rng): Case | null {
      // A few over the body limit, sent with and without a Content-Length.
      if (rng.chance(0.1)) {
        const size = rng.int(DEFAULT_SECURITY.maxBodyBytes + 1, 2 * DEFAULT_SECURITY.maxBodyBytes);
        const body = JSON.stringify({ query: `{ leads(query: "${'x'.repeat(size)}") { nodes { name } } }` });
        const request = jsonPost(rng, body);
        if (rng.chance(0.5)) {
          const chunk = 64 * 1024;
          return { category: 'giant strings', request: { headers: request.headers, chunks: Array.from({ length: Math.ceil(body.length / chunk) }, (_, i) => body.slice(i * chunk, (i + 1) * chunk)) } };
        }
        return { category: 'giant strings', request };
      }
      const text = giantText(rng, rng.int(10_000, 100_000));
      const name = () => `n${'x'.repeat(text.length)}`;
      const templates: (() => { query: string; variables?: Record<string, unknown>; operationName?: string })[] = [
        () => ({ query: `{ leads(first: "${text}") { nodes { name } } }` }),
        () => ({ query: `{ leads(first: 1, ${name().slice(0, 50_000)}: "${text}") { nodes { name } } }` }),
        () => ({ query: `{ leads(query: "${text}` }),
        () => ({ query: `{ leads(first: 1) { nodes { ${name()} } } }` }),
        () => ({ query: `{ leads(first: 1) { nodes { name(format: "${text}") } } }` }),
        () => ({ query: 'query Q($n: Int) { leads(first: $n) { nodes { name } } }', variables: { n: text } }),
        () => ({ query: `{ leads(query: """${text}) { nodes { name } } }` }),
        () => ({ query: `{ lead(amoId: 1) { name } }`, operationName: text }),
        () => ({ query: `query Q($f: LeadFilter) { leads(filter: $f) { nodes { name } } }`, variables: { f: { names: [text], createdAt: { from: text } } } }),
      ];
      return { category: 'giant strings', request: jsonPost(rng, rng.pick(templates)()) };
    },
  },

  'invalid syntax': {
    count: 1300,
    make(rng): Case | null {
      let query = rng.pick(EXAMPLES);
      for (let edits = rng.int(1, 3); edits > 0; edits--) {
        const at = rng.int(0, query.length - 1);
        switch (rng.int(0, 5)) {
          case 0:
            query = query.slice(0, at);
            break;
          case 1:
            query = query.slice(0, at) + query.slice(at + 1);
            break;
          case 2:
            query = query.slice(0, at) + rng.pick('{}()[]:$@!.,"#=|&\n\t\u0000\u2028\\ aZ9…'.split('')) + query.slice(at);
            break;
          case 3:
            query = query.slice(0, at) + (query[at + 1] ?? '') + (query[at] ?? '') + query.slice(at + 2);
            break;
          case 4: {
            const length = rng.int(1, 40);
            query = query.slice(0, at) + query.slice(at, at + length).repeat(rng.int(2, 5)) + query.slice(at + length);
            break;
          }
          default:
            query = query.replace(new RegExp(`\\b${rng.pick(['name', 'amoId', 'nodes', 'leads', 'first', 'on', 'query', 'fragment', 'id'])}\\b`), rng.word());
        }
      }
      if (!invalidDocument(query)) return null;
      return { category: 'invalid syntax', request: jsonPost(rng, { query, variables: EXAMPLE_VARIABLES }) };
    },
  },

  'wrong argument types': {
    count: 350,
    make(rng): Case | null {
      const wrong = rng.pick(['"5"', '5.5', 'true', '{ a: 1 }', '[1, 2]', 'FIVE', '$undeclared', '"x"', '-1.0e3', 'null', '""', '[]']);
      const templates = [
        `{ leads(first: ${wrong}) { nodes { name } } }`,
        `{ lead(amoId: ${wrong}) { name } }`,
        `{ tags(entity: ${wrong}) { nodes { name } } }`,
        `{ leads(orderBy: ${wrong}) { nodes { name } } }`,
        `{ leads(orderBy: { field: ${wrong}, direction: ASC }) { nodes { name } } }`,
        `{ leads(filter: ${wrong}) { nodes { name } } }`,
        `{ leads(filter: { amoIds: ${wrong} }) { nodes { name } } }`,
        `{ leads(filter: { createdAt: { from: ${wrong} } }) { nodes { name } } }`,
        `{ nodes(ids: ${wrong}) { id } }`,
        `{ node(id: ${wrong}) { id } }`,
        `{ users(includeInactive: ${wrong}) { nodes { name } } }`,
        `{ customFieldDefinitions(entity: LEADS, types: ${wrong}) { name } }`,
        `{ lead(amoId: 1) { customFields(fieldIds: ${wrong}) { fieldName } } }`,
        `{ status(pipelineId: ${wrong}, statusId: 142) { name } }`,
      ];
      const query = rng.pick(templates);
      if (!invalidDocument(query)) return null;
      return { category: 'wrong argument types', request: jsonPost(rng, { query }) };
    },
  },

  'wrong variable types': {
    count: 350,
    make(rng): Case | null {
      const value = rng.pick<unknown>(['5', 5.5, true, { a: 1 }, [1], 'FIVE', null, 2 ** 40, -(2 ** 33), '', 'leads', ['x', null], { from: 'soon' }, 1e400]);
      const templates: [string, string][] = [
        ['query Q($v: Int) { leads(first: $v) { nodes { name } } }', 'v'],
        ['query Q($v: Int!) { lead(amoId: $v) { name } }', 'v'],
        ['query Q($v: EntityType!) { tags(entity: $v) { nodes { name } } }', 'v'],
        ['query Q($v: LeadOrder) { leads(orderBy: $v) { nodes { name } } }', 'v'],
        ['query Q($v: LeadFilter) { leads(filter: $v) { nodes { name } } }', 'v'],
        ['query Q($v: [ID!]!) { nodes(ids: $v) { id } }', 'v'],
        ['query Q($v: Boolean) { users(includeInactive: $v) { nodes { name } } }', 'v'],
        ['query Q($v: DateTimeRange) { leads(filter: { createdAt: $v }) { nodes { name } } }', 'v'],
        ['query Q($v: [CustomFieldType!]) { customFieldDefinitions(entity: LEADS, types: $v) { name } }', 'v'],
        ['query Q($v: Int!) { status(pipelineId: $v, statusId: 142) { name } }', 'v'],
      ];
      const [query, name] = rng.pick(templates);
      // Through JSON and back, as the server will see it (1e400 arrives as null).
      const variables = JSON.parse(JSON.stringify(rng.chance(0.1) ? {} : { [name]: value })) as Record<string, unknown>;
      if (invalidDocument(query) || !badVariables(query, variables)) return null;
      return { category: 'wrong variable types', request: jsonPost(rng, { query, variables }) };
    },
  },

  'directive floods': {
    count: 250,
    make(rng): Case | null {
      const kind = rng.int(0, 4);
      let query: string;
      if (kind === 0) {
        const count = rng.int(DEFAULT_SECURITY.maxDirectives + 1, 280);
        const directive = rng.pick(['@include(if: true)', '@skip(if: false)']);
        query = `{ ${Array.from({ length: count }, () => `__typename ${directive}`).join(' ')} }`;
      } else if (kind === 1) {
        const count = rng.int(2, 200);
        query = `{ leads(first: 1) { nodes { name ${'@skip(if: false) '.repeat(count)} } } }`;
      } else if (kind === 2) {
        const count = rng.int(1, 200);
        query = `{ account { name ${Array.from({ length: count }, () => `@${rng.word()}`).join(' ')} } }`;
      } else if (kind === 3) {
        query = rng.pick([
          '{ account @include { name } }',
          '{ account @skip(if: "yes") { name } }',
          'query @include(if: true) { account { name } }',
          '{ account @deprecated { name } }',
          '{ account @include(if: $undeclared) { name } }',
          'fragment F on Lead @skip(if: false) { name } { leads(first: 1) { nodes { ...F } } }',
        ]);
      } else {
        const count = rng.int(DEFAULT_SECURITY.maxDirectives + 1, 250);
        const fields = Array.from({ length: count }, (_, i) => `f${i}: __typename @include(if: true)`);
        query = `{ leads(first: 1) { nodes { ${fields.join(' ')} } } }`;
      }
      return { category: 'directive floods', request: jsonPost(rng, { query }) };
    },
  },

  'batches and oversized bodies': {
    count: 200,
    make(rng): Case | null {
      const kind = rng.int(0, 9);
      if (kind <= 5) {
        const batch = Array.from({ length: rng.int(2, 40) }, () => ({ query: `{ ${rng.pick(ROOT_SELECTIONS)} }` }));
        return { category: 'batches and oversized bodies', request: jsonPost(rng, batch) };
      }
      if (kind <= 7) {
        return { category: 'batches and oversized bodies', request: jsonPost(rng, rng.pick(['[]', '[null]', '[[{"query":"{ account { name } }"}]]', '[1, "x", true]', `[${'{"query":"{ account { name } }"},'.repeat(500)}{}]`])) };
      }
      // Over the body limit: a batch of many operations, or one operation with a huge variable.
      const size = rng.int(DEFAULT_SECURITY.maxBodyBytes + 1, 2 * DEFAULT_SECURITY.maxBodyBytes);
      const unit = JSON.stringify({ query: `{ ${rng.pick(ROOT_SELECTIONS)} }` });
      const body = kind === 8 ? `[${Array.from({ length: Math.ceil(size / (unit.length + 1)) }, () => unit).join(',')}]` : JSON.stringify({ query: '{ account { name } }', variables: { pad: 'x'.repeat(size) } });
      const request = jsonPost(rng, body);
      if (rng.chance(0.5)) return { category: 'batches and oversized bodies', request };
      const chunk = rng.int(1024, 128 * 1024);
      return {
        category: 'batches and oversized bodies',
        request: { headers: request.headers, chunks: Array.from({ length: Math.ceil(body.length / chunk) }, (_, i) => body.slice(i * chunk, (i + 1) * chunk)) },
      };
    },
  },

  'bad JSON': {
    count: 350,
    make(rng): Case | null {
      const valid = JSON.stringify({ query: `{ ${rng.pick(ROOT_SELECTIONS)} }`, variables: { a: 1 } });
      const broken = rng.pick<() => string | Buffer>([
        () => valid.slice(0, rng.int(0, valid.length - 1)),
        () => valid.replace(/"/g, "'"),
        () => valid.replace('}', ',}'),
        () => `${valid}${rng.pick(['x', ',', '}', ']', ' {}'])}`,
        () => valid.replace(':', rng.pick(['', '=', ' ', '::'])),
        () => `// comment\n${valid}`,
        () => valid.replace('1', rng.pick(['NaN', 'Infinity', 'undefined', '01', '0x1', '+1', '.5'])),
        () => `\ufeff${valid}`,
        () => valid.replace('"query"', 'query'),
        () => valid.replace('{ ', '\\u12'),
        () => Buffer.from(Array.from({ length: rng.int(1, 200) }, () => rng.int(0, 255))),
        () => Buffer.concat([Buffer.from(valid.slice(0, 5)), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from(valid.slice(5))]),
      ])();
      const text = typeof broken === 'string' ? broken : new TextDecoder().decode(broken);
      try {
        JSON.parse(text);
        return null; // still JSON: not this category
      } catch {
        // broken, as intended
      }
      // Shapes that are JSON but not a GraphQL request are in the mix too.
      const body = rng.chance(0.25)
        ? rng.pick([
            'null',
            '1',
            '"{ account { name } }"',
            'true',
            '{}',
            '{"query": null}',
            '{"query": 1}',
            '{"query": {"query": "{ account { name } }"}}',
            '{"query": ["{ account { name } }"]}',
            '{"query": "{ account { name } }", "variables": 1}',
            '{"query": "{ account { name } }", "variables": "{}"}',
            '{"query": "{ account { name } }", "variables": []}',
            '{"query": "{ account { name } }", "extensions": "x"}',
            '{"query": "{ account { name } }", "operationName": 1}',
            '{"query": "{ account { name } }", "operationName": "Missing"}',
            '{"Query": "{ account { name } }"}',
            '{"query": "{ account { name } }", "queryId": "x"}',
            '{"variables": {}}',
          ])
        : broken;
      return { category: 'bad JSON', request: jsonPost(rng, body) };
    },
  },

  'wrong content types and methods': {
    count: 300,
    make(rng): Case | null {
      const valid = JSON.stringify({ query: '{ account { name } }' });
      const csrf: Record<string, string> = rng.chance(0.5) ? { 'x-graphql-csrf': '1' } : {};
      const kind = rng.int(0, 5);
      if (kind <= 2) {
        // A valid request under a Content-Type the gateway does not parse.
        const contentType = rng.pick([
          'text/plain',
          'text/plain;charset=UTF-8',
          'application/xml',
          'text/html',
          'application/octet-stream',
          'multipart/form-data; boundary=xyz',
          'APPLICATION/JSON',
          'application/jsonx',
          'application/x-json',
          'text/json',
          'json',
          'application/graphql-response+json',
          'image/png',
        ]);
        return { category: 'wrong content types and methods', request: { headers: { 'content-type': contentType, accept: accept(rng), ...csrf }, body: valid } };
      }
      if (kind === 3) {
        // A request a cross-site page could send: no CSRF header on a form POST or a GET.
        return rng.chance(0.5)
          ? { category: 'wrong content types and methods', request: { headers: { 'content-type': 'application/x-www-form-urlencoded', accept: accept(rng) }, body: `query=${encodeURIComponent('{ account { name } }')}` } }
          : { category: 'wrong content types and methods', request: { method: 'GET', path: `/graphql?query=${encodeURIComponent(`{ ${rng.pick(ROOT_SELECTIONS)} }`)}`, headers: { accept: accept(rng) } } };
      }
      if (kind === 4) {
        // GET with the header, but broken parameters.
        const path = rng.pick([
          `/graphql?query=${encodeURIComponent('{ account { name }')}`,
          `/graphql?query=${encodeURIComponent('query($n: Int) { leads(first: $n) { nodes { name } } }')}&variables=${encodeURIComponent(rng.pick(['{n:1}', 'x', '{"n": "x"}', '[', '{"n": 300}']))}`,
          `/graphql?query=${encodeURIComponent('{ account { name } }')}&extensions=notjson`,
          `/graphql?query=${encodeURIComponent('mutation { x }')}`,
          '/graphql',
          `/graphql?operationName=A&query=${encodeURIComponent('query B { account { name } }')}`,
        ]);
        return { category: 'wrong content types and methods', request: { method: 'GET', path, headers: { accept: accept(rng), 'x-graphql-csrf': '1' } } };
      }
      return {
        category: 'wrong content types and methods',
        request: { method: rng.pick(['PUT', 'PATCH', 'DELETE']), headers: { 'content-type': 'application/json', accept: accept(rng), ...csrf }, body: valid },
      };
    },
  },
};

function buildCorpus(): Case[] {
  const rng = createRng(SEED);
  const corpus: Case[] = [];
  for (const [category, { count, make }] of Object.entries(generators)) {
    let made = 0;
    for (let attempts = 0; made < count; attempts++) {
      if (attempts > count * 50) throw new Error(`${category}: could not generate ${count} cases`);
      const next = make(rng);
      if (next) {
        corpus.push(next);
        made++;
      }
    }
  }
  // Interleave the categories so concurrent requests mix small and large work.
  for (let i = corpus.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [corpus[i], corpus[j]] = [corpus[j]!, corpus[i]!];
  }
  return corpus;
}

// --- what a proper refusal looks like ----------------------------------------------------------

function problemWith(item: Case, response: RawResponse): string | null {
  const wantsGraphQLResponse = item.request.headers?.accept === GRAPHQL_RESPONSE;
  if (response.status >= 500) return `status ${response.status}`;
  if (wantsGraphQLResponse ? response.status < 400 : response.status !== 200 && response.status < 400) return `status ${response.status}`;
  const body = response.json as { errors?: unknown; data?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'no JSON object body';
  if ('data' in body) return 'a data entry';
  if (!Array.isArray(body.errors) || body.errors.length === 0) return 'no errors';
  if (!body.errors.every((error) => typeof (error as { message?: unknown }).message === 'string')) return 'an error without a message';
  return null;
}

function describeCase(item: Case): string {
  const body = item.request.body ?? (item.request.chunks ? '(chunked)' : '');
  return `[${item.category}] ${item.request.method ?? 'POST'} ${item.request.path ?? '/graphql'} ${JSON.stringify(item.request.headers)} ${String(body).slice(0, 200)}`;
}

// --- the run --------------------------------------------------------------------------------------

describe('hostile and malformed requests', () => {
  let stack: Stack;
  let http: ReturnType<typeof createRawClient>;
  beforeAll(async () => {
    stack = await startStack();
    http = createRawClient(stack.gateway.url, { sockets: CONCURRENCY });
  });
  afterAll(async () => {
    http.close();
    await stack.close();
  });

  it('refuses every one of 5,000+ generated requests before execution, with zero upstream calls, and keeps serving', { timeout: 60_000 }, async () => {
    const started = performance.now();
    const corpus = buildCorpus();
    const built = performance.now();
    expect(corpus.length).toBeGreaterThanOrEqual(5000);

    stack.resetLog();
    const problems: string[] = [];
    const statuses = new Map<number, number>();

    const byCategory = new Map<string, number>();
    // CONCURRENCY requests in flight at all times. After each answer the sandbox's log is checked;
    // a call in it was caused by a request answered since the last clean check or still in
    // flight, so those become suspects, replayed one by one at the end to name the culprit.
    const inFlight = new Set<Case>();
    let sinceClean: Case[] = [];
    const suspects = new Set<Case>();
    let next = 0;
    const worker = async () => {
      while (next < corpus.length) {
        const item = corpus[next++]!;
        inFlight.add(item);
        const response = await http.send(item.request).catch((error: Error) => ({ status: 0, headers: {}, text: '', json: undefined, error }));
        inFlight.delete(item);
        sinceClean.push(item);
        byCategory.set(item.category, (byCategory.get(item.category) ?? 0) + 1);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const problem = 'error' in response ? `no answer: ${response.error.message}` : problemWith(item, response);
        if (problem) problems.push(`${problem}: ${describeCase(item)} -> ${response.text.slice(0, 300)}`);
        if (stack.upstreamCalls().length === 0) {
          sinceClean = [];
        } else {
          for (const suspect of [...sinceClean, ...inFlight]) suspects.add(suspect);
          sinceClean = [];
          stack.resetLog();
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    for (const suspect of suspects) {
      stack.resetLog();
      await http.send(suspect.request).catch(() => undefined);
      const calls = stack.upstreamCalls().map((call) => call.path);
      if (calls.length > 0) problems.push(`upstream calls ${JSON.stringify(calls)}: ${describeCase(suspect)}`);
    }
    if (suspects.size > 0 && !problems.some((problem) => problem.startsWith('upstream calls'))) {
      problems.push(`upstream calls during the run, not reproduced by replaying ${suspects.size} suspects one by one`);
    }
    const sent = performance.now();

    console.log(
      `hostile corpus: ${corpus.length} requests (seed ${SEED}), built in ${Math.round(built - started)} ms, sent in ${Math.round(sent - built)} ms\n` +
        `  by category: ${JSON.stringify(Object.fromEntries(byCategory))}\n` +
        `  by status:   ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([]);

    // Still standing, and still right: the five newest leads as the sandbox has them.
    const health = await http.send({ method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    const answer = await http.send({
      headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE },
      body: JSON.stringify({ query: '{ leads(first: 5, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { amoId name } } }' }),
    });
    expect(answer.status).toBe(200);
    const newest = stack.sandbox.store.leads
      .values()
      .filter((lead) => !lead.is_deleted)
      .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
      .slice(0, 5)
      .map((lead) => ({ amoId: lead.id, name: lead.name }));
    expect(answer.json).toEqual({ data: { leads: { nodes: newest } } });
    expect(stack.upstreamCalls().length).toBeGreaterThan(0);
  });
});
