/**
 * Interleaved timing in CPU time. Several variants of a computation take turns in rounds and each keeps
 * its fastest round. Time is this process's CPU time (user + system), so other processes on a shared
 * machine do not count; the wasm backend computes on one thread in Node, so CPU time is its run time.
 */

/** One thing to time: `setup` runs before each of its rounds (e.g. registers the kernels it uses). */
export interface TimedVariant {
  readonly setup: () => void;
  readonly run: () => void;
}

/** How long to time. */
export interface TimingArgs {
  /** Rounds; each variant keeps its fastest. */
  readonly rounds: number;
  /** CPU milliseconds each variant runs per round. */
  readonly roundMs: number;
}

/** Wall-clock milliseconds, for work spread over several threads (whose CPU times add up). */
export function wallMs(): number {
  return performance.now();
}

/** CPU time of this process in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Fastest CPU milliseconds per call of each variant. The first call of each (compilation, allocation) is
 * not timed, except that a call slower than a whole round is timed that once and not repeated.
 */
export function timeInterleaved(variants: readonly TimedVariant[], { rounds, roundMs }: TimingArgs): number[] {
  const best = variants.map(() => Number.POSITIVE_INFINITY);
  const done = variants.map(() => false);
  variants.forEach((v, i) => {
    v.setup();
    const t0 = cpuMs();
    v.run();
    const first = cpuMs() - t0;
    if (first > roundMs) {
      best[i] = first;
      done[i] = true;
    }
  });
  for (let round = 0; round < rounds; round++) {
    variants.forEach((v, i) => {
      if (done[i]) return;
      v.setup();
      let calls = 0;
      const start = cpuMs();
      let elapsed = 0;
      do {
        v.run();
        calls++;
        elapsed = cpuMs() - start;
      } while (elapsed < roundMs);
      best[i] = Math.min(best[i] as number, elapsed / calls);
    });
  }
  return best;
}
