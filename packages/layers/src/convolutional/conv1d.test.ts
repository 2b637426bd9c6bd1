import { tf } from '@strata-ml/core';
import { Conv1D, SymbolicTensor } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

/** A single-channel Conv1D with a hand-set kernel and no bias over the sequence 1..5. */
function convolve(kernel: number[], args: ConstructorParameters<typeof Conv1D>[2]): number[] {
  const layer = new Conv1D(1, kernel.length, { ...args, useBias: false });
  layer.build([null, 5, 1]);
  const k = tf.tensor3d(kernel, [kernel.length, 1, 1]);
  layer.setWeights([k]);
  const x = tf.tensor3d([1, 2, 3, 4, 5], [1, 5, 1]);
  const y = layer.apply(x);
  const values = Array.from(y.dataSync());
  tf.dispose([k, x, y]);
  layer.dispose();
  return values;
}

describe('Conv1D', () => {
  it('matches hand-computed values for valid, same, causal and dilated convolutions', () => {
    expect(convolve([1, -1], {})).toEqual([-1, -1, -1, -1]);
    // Stride 2, same: one pad step in total, at the end: windows [1,2], [3,4], [5,0].
    expect(convolve([1, 1], { strides: 2, padding: 'same' })).toEqual([3, 7, 5]);
    // Causal: y[t] = 1·x[t−1] + 2·x[t], with x[−1] = 0.
    expect(convolve([1, 2], { padding: 'causal' })).toEqual([2, 5, 8, 11, 14]);
    // Dilation 2: y[t] = x[t] + x[t+2].
    expect(convolve([1, 1], { dilationRate: 2 })).toEqual([4, 6, 8]);
  });

  it('computes output shapes, also symbolically', () => {
    const x = sample([2, 9, 3], 1);
    expectOutputShape(new Conv1D(4, 3), x, [2, 7, 4]);
    expectOutputShape(new Conv1D(4, 3, { strides: 2, padding: 'same' }), x, [2, 5, 4]);
    expectOutputShape(new Conv1D(4, 3, { padding: 'causal', dilationRate: 2 }), x, [2, 9, 4]);
    expect(new Conv1D(8, 5).apply(new SymbolicTensor({ shape: [null, 28, 28] })).shape).toEqual([null, 24, 8]);
    x.dispose();
  });

  it('round-trips its config and passes the gradient check', () => {
    const x = sample([2, 6, 2], 2);
    const layer = new Conv1D(3, 3, { padding: 'causal', dilationRate: 2, activation: 'tanh', biasInitializer: 'random_normal' });
    expect(layer.getConfig()).toMatchObject({ kernelSize: [3], strides: [1], padding: 'causal', dilationRate: [2] });
    expectConfigRoundTrip(layer, x).dispose();
    expectLayerGradients(layer, x);
    const strided = new Conv1D(2, 2, { strides: 2 });
    expectLayerGradients(strided, x);
    tf.dispose(x);
    layer.dispose();
    strided.dispose();
  });

  it('rejects bad arguments and inputs', () => {
    expect(() => new Conv1D(-1, 3)).toThrow('Conv1D: filters must be a positive integer; received filters=-1');
    expect(() => new Conv1D(4, [3, 3] as unknown as number)).toThrow('Conv1D: kernelSize must be an integer >= 1 or an array of 1 such integers');
    const image = tf.zeros([1, 4, 4, 1]);
    expect(() => new Conv1D(2, 2, { name: 'c1' }).apply(image)).toThrow("Conv1D 'c1': expected input of rank 3, received shape [1, 4, 4, 1]");
    image.dispose();
  });
});
