// Rewrites docs/benchmarks.md and docs/benchmarks.svg from bench/results/latest.json without
// measuring again (after a change to the report's wording): `npx tsx bench/render.ts`.

import { readFile } from 'node:fs/promises';
import { evaluateTargets } from './report/targets.js';
import { writeResults } from './report/write.js';
import type { BenchRun } from './workloads/result.js';

const run = JSON.parse(await readFile(new URL('./results/latest.json', import.meta.url), 'utf8')) as BenchRun;
run.targets = evaluateTargets(run.workloads);
await writeResults(run, { report: true });
