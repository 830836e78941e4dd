// Runs one of the project's entry points as a child process, waits for a line of its output,
// and stops it with SIGTERM: how `npm start` and `npm run sandbox` are exercised end to end.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function runEntry(
  entry: string,
  options: { args?: string[]; env?: Record<string, string | undefined>; waitFor: RegExp; timeoutMs?: number },
): Promise<RunningProcess & { match: RegExpMatchArray }> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[key];
  // Node itself with tsx's loader, not the tsx CLI: the CLI relays SIGTERM to its child and kills
  // it outright (exit 143) when the child takes a few ms to acknowledge, so a busy machine would
  // fail a graceful stop that actually worked.
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...(options.args ?? [])], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${options.waitFor}; output:\n${output}`)), options.timeoutMs ?? 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(options.waitFor);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${options.waitFor}; output:\n${output}`));
    });
  });
  return {
    child,
    match,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
