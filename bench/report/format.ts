// Number formatting and Markdown tables shared by the console summary and docs/benchmarks.md.

import type { Summary } from '../measure/stats.js';
import type { CaseResult } from '../workloads/result.js';

export const dash = '–';

export function fmt(value: number | undefined | null, digits = 2): string {
  if (value === undefined || value === null || Number.isNaN(value)) return dash;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export const ms = (summary: Summary | undefined, key: 'p50' | 'p99' = 'p50') => (summary && summary.n > 0 ? fmt(summary[key], summary[key] >= 100 ? 0 : 2) : dash);

export function times(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !(a > 0) || !(b > 0)) return dash;
  const r = a / b;
  return `${r >= 10 ? Math.round(r) : r >= 1 ? Math.round(r * 10) / 10 : Math.round(r * 100) / 100}×`;
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n');
}

export const SUMMARY_HEADERS = [
  'workload',
  'case',
  'calls: gateway',
  'direct',
  'naive',
  'naive ÷ gateway',
  'p50 ms: gateway',
  'direct',
  'naive',
  'gateway ÷ direct',
  'naive ÷ gateway',
  'added p50 / p99 ms',
  'req/s @10',
] as const;

export function summaryRow(id: string, c: CaseResult): string[] {
  const added = c.addedMs ? `${c.addedMs.p50 >= 0 ? '+' : ''}${fmt(c.addedMs.p50)} / ${c.addedMs.p99 >= 0 ? '+' : ''}${fmt(c.addedMs.p99)}` : dash;
  const calls = c.upstream.gatewayCold !== undefined && c.upstream.gatewayCold !== c.upstream.gateway ? `${fmt(c.upstream.gateway)} (${fmt(c.upstream.gatewayCold)} cold)` : fmt(c.upstream.gateway);
  return [
    id,
    c.name,
    calls,
    fmt(c.upstream.direct),
    fmt(c.upstream.naive),
    times(c.upstream.naive, c.upstream.gateway),
    ms(c.latency.gateway),
    ms(c.latency.direct),
    ms(c.latency.naive),
    times(c.latency.gateway?.p50, c.latency.direct?.p50),
    times(c.latency.naive?.n ? c.latency.naive.p50 : undefined, c.latency.gateway?.p50),
    added,
    c.load ? fmt(c.load.rps, 0) : dash,
  ];
}
