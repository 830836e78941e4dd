// The example operations stay valid and their generated types stay current: every file in
// examples/ validates against the schema the gateway serves, and test/generated/ is exactly what
// `npm run codegen` would write now.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';
import { schema } from '../../src/schema/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examplesDir = join(root, 'examples');
const generatedDir = join(root, 'test/generated');

const exampleFiles = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.graphql'))
  .sort();

const pascalCase = (kebab: string) => kebab.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

describe('examples/', () => {
  it('holds the example operations', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(exampleFiles)('%s validates against the schema the gateway serves, on its own', (file) => {
    const source = readFileSync(join(examplesDir, file), 'utf8');
    const document = parse(source);
    // Each file is self-contained (its fragments included), so it can be pasted into GraphiQL.
    const errors = validate(schema, document).map((error) => {
      const where = error.locations?.map((location) => `${file}:${location.line}:${location.column}`).join(', ');
      return `${where ?? file}: ${error.message}`;
    });
    expect(errors, `${file} no longer matches the schema; fix the example (and run \`npm run codegen\`) or the schema change`).toEqual([]);
  });

  it.each(exampleFiles)('%s holds one operation, named after the file', (file) => {
    const document = parse(readFileSync(join(examplesDir, file), 'utf8'));
    const operations = document.definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
    expect(operations.map((operation) => operation.name?.value)).toEqual([pascalCase(file.replace(/\.graphql$/, ''))]);
  });

  it('has every operation run by examples.test.ts', () => {
    const suite = readFileSync(fileURLToPath(new URL('./examples.test.ts', import.meta.url)), 'utf8');
    const missing = exampleFiles
      .map((file) => `${pascalCase(file.replace(/\.graphql$/, ''))}Document`)
      .filter((documentName) => !new RegExp(`stack\\.gql\\(${documentName}\\b`).test(suite));
    expect(missing, 'example operations that test/examples/examples.test.ts never runs').toEqual([]);
  });
});

describe('test/generated/', () => {
  it('is what `npm run codegen` generates from schema.graphql and examples/ now', async () => {
    // The committed config, run in memory: nothing is written.
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: root, silent: true }, false);
    const expected = new Map(outputs.map((output) => [relative(root, join(root, output.filename)), output.content]));
    expect(expected.size).toBeGreaterThan(0);

    const committed = new Map(
      readdirSync(generatedDir)
        .sort()
        .map((name) => [relative(root, join(generatedDir, name)), readFileSync(join(generatedDir, name), 'utf8')]),
    );
    const message = 'test/generated/ is stale: run `npm run codegen` and commit the result';
    expect([...committed.keys()].sort(), message).toEqual([...expected.keys()].sort());
    // Byte for byte; a mismatch is reported as its first differing line, not a 60 KB diff.
    const stale = [...expected].flatMap(([file, content]) => {
      const current = committed.get(file)!;
      if (current === content) return [];
      const want = content.split('\n');
      const have = current.split('\n');
      const line = want.findIndex((text, index) => text !== have[index]);
      const at = line === -1 ? want.length : line;
      // Long generated lines are clipped around the first differing column.
      const a = have[at] ?? '';
      const b = want[at] ?? '';
      let column = 0;
      while (column < a.length && a[column] === b[column]) column++;
      const clip = (text: string | undefined) =>
        text === undefined ? '(end of file)' : text.slice(Math.max(0, column - 60), column + 100);
      return [{ file, line: at + 1, column: column + 1, committed: clip(have[at]), generated: clip(want[at]) }];
    });
    expect(stale, message).toEqual([]);
  });
});
