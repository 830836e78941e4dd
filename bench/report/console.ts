// The summary printed at the end of a run: every case in one table, then the targets.

import type { BenchRun } from '../workloads/result.js';
import { SUMMARY_HEADERS, summaryRow } from './format.js';

function columns(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

export function printSummary(run: BenchRun, write: (text: string) => void = (text) => process.stdout.write(`${text}\n`)): void {
  const rows = run.workloads.flatMap((workload) => workload.cases.map((c) => summaryRow(workload.id, c)));
  write(`\nSummary (${run.mode} mode, ${run.durationS} s)\n`);
  write(columns(SUMMARY_HEADERS, rows));
  const wrong = run.workloads.map((w) => `${w.id} ${w.correctness.wrong}/${w.correctness.checked}`).join(', ');
  write(`\nwrong rows / rows checked: ${wrong}\n`);
  write('Targets');
  for (const target of run.targets) write(`  ${target.met ? '✓ met   ' : '✗ missed'}  ${target.workload}  ${target.target}: ${target.measured}`);
}
