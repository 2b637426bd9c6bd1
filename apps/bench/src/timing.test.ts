import { cpuMs, timeInterleaved } from './timing';

/** Burns about `ms` of CPU time. */
function spin(ms: number): void {
  const end = cpuMs() + ms;
  while (cpuMs() < end) {
    // busy
  }
}

describe('timeInterleaved', () => {
  it('measures each variant separately, in CPU milliseconds per call', () => {
    const [fast, slow] = timeInterleaved(
      [
        { setup: () => undefined, run: () => spin(1) },
        { setup: () => undefined, run: () => spin(3) },
      ],
      { rounds: 2, roundMs: 10 },
    );
    expect(fast).toBeGreaterThanOrEqual(1);
    expect(fast).toBeLessThan(2);
    expect(slow).toBeGreaterThanOrEqual(3);
    expect(slow).toBeLessThan(4.5);
  });

  it('runs setup before each round and times a call slower than a round only once', () => {
    let setups = 0;
    let runs = 0;
    const [t] = timeInterleaved(
      [
        {
          setup: () => setups++,
          run: () => {
            runs++;
            spin(6);
          },
        },
      ],
      { rounds: 3, roundMs: 5 },
    );
    expect(runs).toBe(1);
    expect(setups).toBe(1);
    expect(t).toBeGreaterThanOrEqual(6);
  });
});
