// Progress lines while the bench runs: elapsed time, the workload, what it is doing now.

export interface Progress {
  /** Starts a workload: prints its header. */
  workload(id: string, title: string): void;
  step(message: string): void;
  /** The one-line outcome of a workload. */
  result(message: string): void;
}

export function createProgress(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Progress {
  const started = performance.now();
  const clock = () => {
    const seconds = Math.floor((performance.now() - started) / 1000);
    return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  };
  let current = '';
  return {
    workload(id, title) {
      current = id;
      write(`[${clock()}] ${id} ${title}`);
    },
    step: (message) => write(`[${clock()}]   ${current} · ${message}`),
    result: (message) => write(`[${clock()}]   ${current} ✓ ${message}`),
  };
}
