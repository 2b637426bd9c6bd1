import { tf } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { expectClose, expectNoLeak, expectNoReadBack, useCpuBackend } from '../test/helpers';

useCpuBackend();

const absError = (t: Tensor, p: Tensor): Tensor => tf.abs(tf.sub(t, p));

describe('MeanMetricWrapper', () => {
  it('keeps the mean of fn over all samples seen, weighted per sample', () => {
    const m = new MeanMetricWrapper(absError, 'abs_error');
    expect(m.name).toBe('abs_error');
    m.updateState(tf.tensor1d([0, 0]), tf.tensor1d([1, 3]));
    m.updateState(tf.tensor1d([0]), tf.tensor1d([5]), tf.tensor1d([2]));
    // (1 + 3 + 2·5) / (1 + 1 + 2)
    expectClose(m.result(), 14 / 4);
    m.resetState();
    expect(m.result()).toBe(0);
    m.dispose();
  });

  it('updateState reads nothing back and leaks nothing', () => {
    const t = tf.tensor1d([0, 1]);
    const p = tf.tensor1d([1, 1]);
    expectNoLeak(() => {
      const m = new MeanMetricWrapper(absError, 'abs_error');
      expectNoReadBack(() => m.updateState(t, p));
      m.dispose();
    });
  });
});
