import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from '../../src/schema/index.js';

describe('schema.graphql', () => {
  it('matches the schema printed from the code (run `npm run schema:print` after changing types)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../schema.graphql', import.meta.url)), 'utf8');
    expect(committed).toBe(printSortedSchema());
  });
});
