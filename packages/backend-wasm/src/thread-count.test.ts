import * as os from 'node:os';
import { MAX_DEFAULT_THREADS, defaultThreads, requestedThreads, setThreadsCount } from './thread-count';

describe('thread count', () => {
  const saved = process.env['STRATA_WASM_THREADS'];
  afterEach(() => {
    if (saved === undefined) delete process.env['STRATA_WASM_THREADS'];
    else process.env['STRATA_WASM_THREADS'] = saved;
  });

  it('defaults to the available parallelism, at most MAX_DEFAULT_THREADS', () => {
    expect(defaultThreads()).toBe(Math.min(os.availableParallelism(), MAX_DEFAULT_THREADS));
  });

  it('reads STRATA_WASM_THREADS until setThreadsCount decides', () => {
    process.env['STRATA_WASM_THREADS'] = '3';
    expect(requestedThreads()).toBe(3);
    process.env['STRATA_WASM_THREADS'] = '1';
    expect(requestedThreads()).toBe(1);
    delete process.env['STRATA_WASM_THREADS'];
    expect(requestedThreads()).toBe(defaultThreads());
    setThreadsCount(2);
    process.env['STRATA_WASM_THREADS'] = '4';
    expect(requestedThreads()).toBe(2);
  });

  it('rejects a thread count that is not a positive integer, naming it', () => {
    expect(() => setThreadsCount(0)).toThrow('setThreadsCount: threads must be a positive integer; received threads=0');
    expect(() => setThreadsCount(1.5)).toThrow('received threads=1.5');
  });
});
