// The gateway exactly as `npm start` runs it: compiled by tsc (`npm run build`), started with
// `node dist/main.js` and configured by environment variables alone. W1's memory and
// requests/second are measured on it, so tsx's loader (~40 MB of RSS) is not counted.

import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { procStats } from './proc-stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface MemoryBreakdown {
  heapTotalBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
}

export interface MeasuredGateway {
  url: string;
  pid: number;
  /** How this process was started, for the report. */
  label: string;
  stats(): Promise<{ rssBytes: number; cpuMs: number } & Partial<MemoryBreakdown>>;
  close(): Promise<void>;
}

const PROBE = fileURLToPath(new URL('./memory-probe.mjs', import.meta.url));

/** `npm run build`; type errors elsewhere in a shared checkout still emit JavaScript, so only a missing dist/main.js fails. */
export async function buildGateway(): Promise<string | null> {
  try {
    await promisify(execFile)(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: ROOT });
    return null;
  } catch (error) {
    if (!existsSync(`${ROOT}dist/main.js`)) throw error;
    return `tsc reported errors but emitted dist/: ${String((error as { stdout?: string }).stdout ?? error).split('\n')[0]}`;
  }
}

export async function startBuiltGateway(options: { upstreamUrl: string; token: string; env: Record<string, string> }): Promise<MeasuredGateway> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    AMOCRM_BASE_URL: options.upstreamUrl,
    AMOCRM_TOKEN: options.token,
    GATEWAY_ALLOW_ANONYMOUS: 'true',
    GRAPHIQL: 'false',
    NODE_ENV: 'production',
    REDIS_URL: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', PROBE, 'dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dist/main.js did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      // Kept short: the listener stays for the process's life so its pipes never fill.
      output = (output + chunk.toString()).slice(-20_000);
      const found = /GraphiQL: (http:\/\/\S+)\/graphql/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`dist/main.js exited with ${code}:\n${output}`)));
  });
  let next = 0;
  const memory = () =>
    new Promise<MemoryBreakdown>((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => reject(new Error('the memory probe did not answer')), 5_000);
      const onMessage = (message: any) => {
        if (message?.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve({ heapTotalBytes: message.heapTotal, heapUsedBytes: message.heapUsed, externalBytes: message.external, arrayBuffersBytes: message.arrayBuffers });
      };
      child.on('message', onMessage);
      child.send({ type: 'memory', id });
    });
  return {
    url,
    pid: child.pid!,
    label: '`node dist/main.js` (as `npm start` runs it)',
    // RSS and CPU from the kernel; the heap split from the probe inside.
    stats: async () => ({ ...(await procStats(child.pid!)), ...(await memory()) }),
    async close() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
