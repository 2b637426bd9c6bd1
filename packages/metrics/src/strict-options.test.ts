import { ValueError, tf } from '@strata-ml/core';
import * as metrics from './index';
import { useCpuBackend } from '../test/helpers';

useCpuBackend();

type Options = Record<string, unknown>;

/** How to construct each exported class with extra options (or why it takes none). */
const CONSTRUCT: Record<string, ((options: Options) => unknown) | { exempt: string }> = {
  Metric: { exempt: 'abstract' },
  MeanMetricWrapper: { exempt: 'takes a function and a name, no options object' },
  Mean: (o) => new metrics.Mean(o),
  Sum: (o) => new metrics.Sum(o),
  Accuracy: (o) => new metrics.Accuracy(o),
  BinaryAccuracy: (o) => new metrics.BinaryAccuracy(o),
  CategoricalAccuracy: (o) => new metrics.CategoricalAccuracy(o),
  SparseCategoricalAccuracy: (o) => new metrics.SparseCategoricalAccuracy(o),
  TopKCategoricalAccuracy: (o) => new metrics.TopKCategoricalAccuracy(o),
  SparseTopKCategoricalAccuracy: (o) => new metrics.SparseTopKCategoricalAccuracy(o),
  MeanSquaredError: (o) => new metrics.MeanSquaredError(o),
  MeanAbsoluteError: (o) => new metrics.MeanAbsoluteError(o),
};

const isClass = (v: unknown): boolean => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValueError);
    return (e as Error).message;
  }
  throw new Error('expected a ValueError');
}

describe('strict options in @strata-ml/metrics', () => {
  it('knows how to construct every exported class', () => {
    const exported = Object.entries(metrics).filter(([, v]) => isClass(v)).map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(CONSTRUCT).sort());
  });

  it.each(Object.entries(CONSTRUCT).filter((e): e is [string, (o: Options) => unknown] => typeof e[1] === 'function'))(
    '%s rejects an unknown key by name',
    (name, construct) => {
      const made = construct({}) as { dispose(): void };
      made.dispose();
      const before = tf.memory().numTensors;
      expect(messageOf(() => construct({ bogusOption: 1 }))).toMatch(new RegExp(`^${name}: unknown option 'bogusOption'`));
      expect(messageOf(() => construct({ constructor: 1 }))).toMatch(new RegExp(`^${name}: unknown option 'constructor'`));
      // The check comes before any state tensor is made.
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('names the closest option', () => {
    expect(messageOf(() => new metrics.TopKCategoricalAccuracy({ top_k: 3 } as never))).toBe(
      "TopKCategoricalAccuracy: unknown option 'top_k' (did you mean 'k'?); valid options: k, name",
    );
  });
});
