import { tf } from '@strata-ml/core';
import { Sum } from './sum';
import { expectClose, expectNoLeak, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('Sum', () => {
  it('accumulates a (weighted) sum across updates and resets', () => {
    const values = tf.tensor1d([1, 3, 5, 7]);
    const weights = tf.tensor1d([1, 1, 0, 0]);
    expectNoLeak(() => {
      const s = new Sum();
      s.update(values);
      expectClose(s.result(), 16);
      s.updateState(values, weights);
      expectClose(s.result(), 20);
      s.resetState();
      expect(s.result()).toBe(0);
      s.dispose();
    });
  });
});
