// The gateway under test, in a process of its own so that its RSS is its own (the sandbox and the
// load generator live in the bench process). Started by gateway-child.ts over an IPC channel:
// the options come in BENCH_GATEWAY, and the parent asks for memory and rate-limit queue waits.

import { startGateway } from '../../src/server/app.js';
import type { UpstreamTrafficConfig } from '../../src/config.js';

export interface GatewayProcessOptions {
  upstreamUrl: string;
  token: string;
  traffic: Partial<UpstreamTrafficConfig>;
  /** The response cache: off except where a workload measures it (W6). */
  responseCache: boolean;
}

export type GatewayRequest = { id: number; type: 'stats' | 'reset-waits' | 'invalidate-metadata' };

export interface GatewayStats {
  rssBytes: number;
  heapTotalBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  /** CPU time this process used since it started (user + system), ms. */
  cpuMs: number;
  /** Time each upstream call waited for its rate-limit slot since the last reset, ms. */
  queueWaitsMs: number[];
}

const options = JSON.parse(process.env.BENCH_GATEWAY ?? 'null') as GatewayProcessOptions | null;
if (!options || !process.send) throw new Error('gateway-process.ts is started by bench/env/gateway-child.ts');

const gateway = await startGateway({
  port: 0,
  host: '127.0.0.1',
  upstream: { kind: 'account', baseUrl: options.upstreamUrl, token: options.token },
  userAgent: 'amocrm-graphql-bench',
  timeoutMs: 20_000,
  metadataTtlMs: 60_000,
  traffic: options.traffic,
  responseCache: { enabled: options.responseCache },
  redisUrl: null,
  allowAnonymous: true,
  // Production settings: masked errors, no GraphiQL, as a deployment serves clients.
  graphiql: false,
  production: true,
  log: (level, message) => {
    if (level === 'error') console.error(message);
  },
});

// Instrumentation only: times every wait for a slot, by wrapping the limiter the REST core calls.
let waits: number[] = [];
const limiter = gateway.traffic.limiter;
const acquire = limiter.acquire.bind(limiter);
limiter.acquire = async (signal) => {
  const started = performance.now();
  try {
    return await acquire(signal);
  } finally {
    waits.push(performance.now() - started);
  }
};

process.on('message', (message: GatewayRequest) => {
  const reply = (body: object) => process.send!({ id: message.id, ...body });
  if (message.type === 'stats') {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    const stats: GatewayStats = {
      rssBytes: memory.rss,
      heapTotalBytes: memory.heapTotal,
      heapUsedBytes: memory.heapUsed,
      externalBytes: memory.external,
      arrayBuffersBytes: memory.arrayBuffers,
      cpuMs: (cpu.user + cpu.system) / 1000,
      queueWaitsMs: waits,
    };
    reply(stats);
  } else if (message.type === 'reset-waits') {
    waits = [];
    reply({});
  } else if (message.type === 'invalidate-metadata') {
    gateway.account.metadata.invalidate();
    reply({});
  }
});
// The bench went away: nothing else will stop this process.
process.on('disconnect', () => void gateway.close().finally(() => process.exit(0)));
process.send({ type: 'ready', url: gateway.url });
