import type { Mean, Metric } from '@strata/metrics';
import type { Logs } from '../callbacks/callback';

/** The current loss and metric values, read back now (one small read per entry). */
export function readLogs(lossTracker: Mean, metrics: Metric[], prefix = ''): Logs {
  const logs: Logs = { [`${prefix}loss`]: lossTracker.result() };
  for (const m of metrics) logs[`${prefix}${m.name}`] = m.result();
  return logs;
}

/**
 * Logs whose entries are read from the trackers only when accessed, so that a batch callback that does not
 * look (or a progress bar between redraws) costs no device round trip.
 */
export function lazyLogs(lossTracker: Mean, metrics: Metric[]): Logs {
  const logs: Logs = {};
  const entries: [string, () => number][] = [['loss', () => lossTracker.result()], ...metrics.map((m) => [m.name, () => m.result()] as [string, () => number])];
  for (const [key, read] of entries) {
    let cached: number | undefined;
    Object.defineProperty(logs, key, {
      enumerable: true,
      configurable: true,
      get: () => (cached ??= read()),
      set: (v: number) => {
        cached = v;
      },
    });
  }
  return logs;
}

/** Zeroes the loss tracker and metrics (Keras does so at the start of every epoch and evaluation). */
export function resetTrackers(lossTracker: Mean, metrics: Metric[]): void {
  lossTracker.resetState();
  for (const m of metrics) m.resetState();
}
