// Sequential latency samples at concurrency 1, taken round-robin across the variants (gateway,
// direct REST, naive), so drift in the machine's load falls on all of them alike.

export type Variant = () => Promise<unknown>;

export interface SampleOptions {
  /** Samples per variant; a variant missing here is not sampled. */
  samples: Record<string, number>;
  /** Untimed calls per variant first (JIT, connections, caches): one number for all, or per variant. */
  warmup?: number | Record<string, number>;
  /** Called with each variant's answer to a timed call (correctness checks). */
  check?: (variant: string, answer: unknown) => void;
}

export async function sampleInterleaved(variants: Record<string, Variant>, options: SampleOptions): Promise<Record<string, number[]>> {
  const names = Object.keys(variants).filter((name) => (options.samples[name] ?? 0) > 0);
  const warmups = (name: string) => (typeof options.warmup === 'number' ? options.warmup : (options.warmup?.[name] ?? 0));
  for (const name of names) for (let i = 0; i < warmups(name); i++) await variants[name]!();
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const most = Math.max(0, ...names.map((name) => options.samples[name]!));
  for (let round = 0; round < most; round++) {
    for (const name of names) {
      if (times[name]!.length >= options.samples[name]!) continue;
      const started = performance.now();
      const answer = await variants[name]!();
      times[name]!.push(performance.now() - started);
      options.check?.(name, answer);
    }
  }
  return times;
}
