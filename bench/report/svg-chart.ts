// docs/benchmarks.svg from a run, with plain string templates: two panels of horizontal bars on
// log scales (upstream calls per operation, p50 latency), gateway against both baselines.

import type { BenchRun, CaseResult } from '../workloads/result.js';
import { fmt } from './format.js';

type Series = 'gateway' | 'direct' | 'naive';
const SERIES: readonly Series[] = ['gateway', 'direct', 'naive'];
const COLORS: Record<Series, string> = { gateway: '#2563eb', direct: '#16a34a', naive: '#dc2626' };
const LABELS: Record<Series, string> = { gateway: 'gateway', direct: 'direct REST', naive: 'naive client' };

interface Row {
  label: string;
  values: Partial<Record<Series, number>>;
}

interface Panel {
  title: string;
  unit: string;
  rows: Row[];
}

const BAR = 9;
const GAP = 12;
const LABEL_W = 118;
const PANEL_W = 470;
const TOP = 74;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function logScale(rows: readonly Row[]): { lo: number; hi: number } {
  const values = rows.flatMap((row) => Object.values(row.values)).filter((v): v is number => v !== undefined && v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(1, ...values)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(10, ...values)));
  return { lo, hi };
}

function panel(p: Panel, left: number): string {
  const { lo, hi } = logScale(p.rows);
  const x0 = left + LABEL_W;
  const width = PANEL_W - LABEL_W - 56;
  const x = (v: number) => x0 + ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * width;
  const rowH = SERIES.length * BAR + GAP;
  const height = p.rows.length * rowH;
  const parts: string[] = [`<text x="${left}" y="${TOP - 22}" class="title">${escape(p.title)}</text>`];
  for (let decade = lo; decade <= hi; decade *= 10) {
    const gx = x(decade).toFixed(1);
    parts.push(`<line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${TOP + height}" class="grid"/>`);
    parts.push(`<text x="${gx}" y="${TOP + height + 14}" class="tick">${fmt(decade)}${decade === hi ? ` ${p.unit}` : ''}</text>`);
  }
  p.rows.forEach((row, i) => {
    const y = TOP + i * rowH;
    parts.push(`<text x="${x0 - 8}" y="${y + (SERIES.length * BAR) / 2 + 4}" class="label">${escape(row.label)}</text>`);
    SERIES.forEach((series, j) => {
      const value = row.values[series];
      if (value === undefined || !(value > 0)) return;
      const by = y + j * BAR;
      const w = Math.max(1, x(value) - x0);
      parts.push(`<rect x="${x0}" y="${by}" width="${w.toFixed(1)}" height="${BAR - 1}" fill="${COLORS[series]}"><title>${LABELS[series]}: ${fmt(value)} ${p.unit}</title></rect>`);
      parts.push(`<text x="${(x0 + w + 4).toFixed(1)}" y="${by + BAR - 1.5}" class="value">${fmt(value, value >= 100 ? 0 : value >= 10 ? 1 : 2)}</text>`);
    });
  });
  return parts.join('\n  ');
}

function rowsFrom(run: BenchRun, pick: (c: CaseResult) => Partial<Record<Series, number>>, wanted: (id: string, c: CaseResult) => boolean): Row[] {
  return run.workloads.flatMap((w) =>
    w.cases.filter((c) => wanted(w.id, c)).map((c) => ({ label: `${w.id} ${c.name.replace('gateway unthrottled', 'burst of 20')}`, values: pick(c) })),
  );
}

export function renderChart(run: BenchRun): string {
  const callRows = rowsFrom(
    run,
    (c) => ({ gateway: c.upstream.gateway, direct: c.upstream.direct, naive: c.upstream.naive }),
    (id, c) => ['W1', 'W2', 'W3', 'W5'].includes(id) || (id === 'W4' && c.upstream.direct !== undefined),
  );
  const latencyRows = rowsFrom(
    run,
    (c) => ({ gateway: c.latency.gateway?.p50, direct: c.latency.direct?.p50, naive: c.latency.naive?.n ? c.latency.naive.p50 : undefined }),
    (id, c) => ['W1', 'W2', 'W3', 'W5', 'W8'].includes(id) || (id === 'W4' && c.latency.direct !== undefined),
  );
  const rows = Math.max(callRows.length, latencyRows.length);
  const height = TOP + rows * (SERIES.length * BAR + GAP) + 34;
  const width = PANEL_W * 2 + 20;
  const legend = SERIES.map(
    (series, i) => `<rect x="${20 + i * 130}" y="14" width="12" height="12" fill="${COLORS[series]}"/><text x="${36 + i * 130}" y="24" class="legend">${LABELS[series]}</text>`,
  ).join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">
  <style>
    .title { font-size: 13px; font-weight: 600; fill: #111827; }
    .label { font-size: 11px; fill: #374151; text-anchor: end; }
    .value { font-size: 9px; fill: #4b5563; }
    .tick { font-size: 9px; fill: #6b7280; text-anchor: middle; }
    .legend { font-size: 11px; fill: #374151; }
    .note { font-size: 10px; fill: #6b7280; text-anchor: end; }
    .grid { stroke: #e5e7eb; stroke-width: 1; }
  </style>
  <rect width="100%" height="100%" fill="#ffffff"/>
  ${legend}
  <text x="${width - 12}" y="24" class="note">${escape(`${run.mode} run ${run.startedAt.slice(0, 10)}, ${run.machine.cpus} CPUs, Node ${run.machine.node}; log scales`)}</text>
  ${panel({ title: 'Upstream calls per operation (fewer is better)', unit: 'calls', rows: callRows }, 10)}
  ${panel({ title: 'p50 latency at concurrency 1 (lower is better)', unit: 'ms', rows: latencyRows }, PANEL_W + 10)}
</svg>
`;
}
