// The upstream of every workload: the sandbox in the bench process, seeded like the tests, grown
// to enough leads for W3, with its request log as the judge of upstream calls.

import { createSandbox, type LoggedRequest, type Sandbox } from '../../src/sandbox/index.js';
import { growLeads } from './grow-leads.js';

export const BENCH_TOKEN = 'bench-token-7c41e9';

export interface BenchSandbox {
  sandbox: Sandbox;
  url: string;
  token: string;
  /** /api/v4 calls logged since the last `resetLog()`. */
  upstreamCalls(): LoggedRequest[];
  resetLog(): void;
  close(): Promise<void>;
}

export async function startBenchSandbox(options: { seed?: number; visibleLeads: number }): Promise<BenchSandbox> {
  const sandbox = createSandbox({ seed: options.seed ?? 1, token: BENCH_TOKEN });
  growLeads(sandbox.store, options.visibleLeads);
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  return {
    sandbox,
    url: server.url,
    token: BENCH_TOKEN,
    upstreamCalls: () => sandbox.log.find((entry) => entry.path.startsWith('/api/v4/')),
    resetLog: () => sandbox.log.clear(),
    close: () => server.close(),
  };
}
