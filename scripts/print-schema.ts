// Writes schema.graphql from the code (`npm run schema:print`); a test fails when it drifts.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSortedSchema } from '../src/schema/index.js';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
writeFileSync(target, printSortedSchema());
console.log(`wrote ${target}`);
