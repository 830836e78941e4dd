// Starts bench/env/gateway-process.ts as a child process (through tsx, no build step) and talks
// to it over IPC: RSS, heap, rate-limit queue waits, metadata invalidation.

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GatewayProcessOptions, GatewayRequest, GatewayStats } from './gateway-process.js';

const ENTRY = fileURLToPath(new URL('./gateway-process.ts', import.meta.url));

export interface GatewayChild {
  url: string;
  pid: number;
  stats(): Promise<GatewayStats>;
  resetWaits(): Promise<void>;
  invalidateMetadata(): Promise<void>;
  close(): Promise<void>;
}

export async function startGatewayChild(options: GatewayProcessOptions): Promise<GatewayChild> {
  const child: ChildProcess = fork(ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_GATEWAY: JSON.stringify(options), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the gateway process did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the gateway process exited with ${code} before it listened`)));
    child.on('message', (message: any) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
  });

  let next = 0;
  const pending = new Map<number, (body: any) => void>();
  child.on('message', (message: any) => {
    if (typeof message?.id === 'number') pending.get(message.id)?.(message);
    pending.delete(message?.id);
  });
  const ask = <T>(type: GatewayRequest['type']) =>
    new Promise<T>((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      child.send({ id, type } satisfies GatewayRequest);
    });

  return {
    url,
    pid: child.pid!,
    stats: () => ask<GatewayStats>('stats'),
    resetWaits: () => ask<void>('reset-waits'),
    invalidateMetadata: () => ask<void>('invalidate-metadata'),
    async close() {
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
