// The machine-readable shape of a run (bench/results/*.json) and what the report reads.

import type { LoadResult } from '../measure/load.js';
import type { Summary } from '../measure/stats.js';

export interface Correctness {
  /** Rows compared with the store (leads and the related rows under them). */
  checked: number;
  /** Rows that differed from the store: any is a failure. */
  wrong: number;
  /** Related rows the upstream left out on purpose (W9) and the answer showed as missing. */
  missing: number;
  examples: string[];
}

export interface CaseResult {
  /** e.g. "50 leads", "5 clients", "250 ms". */
  name: string;
  /** Upstream calls for one operation (one pass for W3, one burst for W4), from the sandbox log. */
  upstream: { gateway?: number; gatewayCold?: number; direct?: number; naive?: number; gatewayPaths?: Record<string, number> };
  latency: { gateway?: Summary; direct?: Summary; naive?: Summary; floor?: Summary };
  /** Gateway minus direct REST at concurrency 1, ms. */
  addedMs?: { p50: number; p99: number };
  load?: LoadResult;
  /** Workload-specific figures (W7's rate and queue waits, W1's RSS), named with their unit. */
  extra?: Record<string, number | string | null>;
}

export interface WorkloadResult {
  id: string;
  title: string;
  /** What one operation is, in words. */
  operation: string;
  cases: CaseResult[];
  correctness: Correctness;
  notes: string[];
  /** Set when the workload could not run to the end: nothing else of it is measured. */
  error?: string;
}

export interface TargetResult {
  workload: string;
  target: string;
  measured: string;
  met: boolean;
  /** Why it was missed (or what qualifies a pass). */
  explanation?: string;
}

export interface BenchRun {
  mode: 'full' | 'quick';
  startedAt: string;
  durationS: number;
  machine: { node: string; cpus: number; cpuModel: string; platform: string; memoryGb: number; loadAverage: string };
  setup: Record<string, string>;
  workloads: WorkloadResult[];
  targets: TargetResult[];
}
