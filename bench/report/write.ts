// Writes a run: bench/results/latest.json (quick: latest-quick.json) always, and from a full
// run of every workload the report, docs/benchmarks.md, and its chart, docs/benchmarks.svg.

import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchRun } from '../workloads/result.js';
import { renderMarkdown } from './markdown.js';
import { renderChart } from './svg-chart.js';

const ROOT = new URL('../../', import.meta.url);
const path = (relative: string) => fileURLToPath(new URL(relative, ROOT));

export async function writeResults(run: BenchRun, options: { report: boolean }): Promise<string[]> {
  const written: string[] = [];
  await mkdir(path('bench/results/'), { recursive: true });
  const json = `bench/results/${run.mode === 'full' ? 'latest' : 'latest-quick'}.json`;
  await writeFile(path(json), `${JSON.stringify(run, null, 2)}\n`);
  written.push(json);
  if (options.report) {
    await mkdir(path('docs/'), { recursive: true });
    await writeFile(path('docs/benchmarks.svg'), renderChart(run));
    await writeFile(path('docs/benchmarks.md'), renderMarkdown(run, 'benchmarks.svg'));
    written.push('docs/benchmarks.md', 'docs/benchmarks.svg');
  }
  process.stdout.write(`\nwrote ${written.join(', ')}\n`);
  return written;
}
