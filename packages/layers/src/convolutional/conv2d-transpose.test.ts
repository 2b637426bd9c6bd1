import { tf, ValueError } from '@strata-ml/core';
import { Conv2DTranspose, SymbolicTensor } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

/**
 * A single-channel Conv2DTranspose of the 2×2 input [[1, 2], [3, 4]] with a hand-set kernel. By hand:
 * every input cell adds `value · kernel` to the output window at (row·stride − padTop, col·stride − padLeft).
 */
function transpose(kernel: number[][], args: ConstructorParameters<typeof Conv2DTranspose>[2]): number[][] {
  const k = kernel.length;
  const layer = new Conv2DTranspose(1, k, { ...args, useBias: false });
  layer.build([null, 2, 2, 1]);
  const w = tf.reshape(tf.tensor2d(kernel), [k, k, 1, 1]);
  layer.setWeights([w]);
  const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
  const y = layer.apply(x);
  const rows = tf.tidy(() => tf.squeeze(y, [0, 3]).arraySync() as number[][]);
  tf.dispose([w, x, y]);
  layer.dispose();
  return rows;
}

describe('Conv2DTranspose', () => {
  it('scatters each input cell times the kernel (2×2 kernel, strides 2: disjoint blocks)', () => {
    expect(transpose([[1, 2], [3, 4]], { strides: 2 })).toEqual([
      [1, 2, 2, 4],
      [3, 4, 6, 8],
      [3, 6, 4, 8],
      [9, 12, 12, 16],
    ]);
  });

  it('overlaps windows and crops as Keras for 3×3 kernels, strides 2', () => {
    const k = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    // valid: 2·2 + max(3 − 2, 0) = 5; cell (0,2) = 1·3 + 2·1 = 5 where the windows of (0,0) and (0,1) overlap.
    expect(transpose(k, { strides: 2 })).toEqual([
      [1, 2, 5, 4, 6],
      [4, 5, 14, 10, 12],
      [10, 14, 36, 24, 30],
      [12, 15, 34, 20, 24],
      [21, 24, 55, 32, 36],
    ]);
    // same: 2·2 = 4, the valid result less its last row and column.
    expect(transpose(k, { strides: 2, padding: 'same' })).toEqual([
      [1, 2, 5, 4],
      [4, 5, 14, 10],
      [10, 14, 36, 24],
      [12, 15, 34, 20],
    ]);
    // same with outputPadding 0: (2 − 1)·2 + 3 − 2·1 + 0 = 3, cropped by one on each side.
    expect(transpose(k, { strides: 2, padding: 'same', outputPadding: 0 })).toEqual([[5, 14, 10], [14, 36, 24], [15, 34, 20]]);
  });

  it('spreads the kernel taps with dilationRate', () => {
    // The dilated 2×2 kernel is [[1, 0, 2], [0, 0, 0], [3, 0, 4]]: each cell scatters into a 3×3 window.
    const k = [[1, 2], [3, 4]];
    expect(transpose(k, { dilationRate: 2 })).toEqual([
      [1, 2, 2, 4],
      [3, 4, 6, 8],
      [3, 6, 4, 8],
      [9, 12, 12, 16],
    ]);
    // same: 2 × 2, the centre of the valid result (one row and column cropped on each side).
    expect(transpose(k, { dilationRate: 2, padding: 'same' })).toEqual([[4, 6], [6, 4]]);
  });

  it('computes output sizes with the Keras formula, and its kernel is [k, k, filters, inChannels]', () => {
    const x = sample([2, 7, 7, 3], 1);
    expectOutputShape(new Conv2DTranspose(4, 3, { strides: 2, padding: 'same' }), x, [2, 14, 14, 4]);
    expectOutputShape(new Conv2DTranspose(4, 3, { strides: 2 }), x, [2, 15, 15, 4]);
    expectOutputShape(new Conv2DTranspose(4, 3, { strides: 2, outputPadding: 1 }), x, [2, 16, 16, 4]);
    expectOutputShape(new Conv2DTranspose(4, [5, 3], { strides: [3, 1], padding: 'same', outputPadding: [2, 0] }), x, [2, 21, 7, 4]);
    const layer = new Conv2DTranspose(32, 5, { strides: 2, padding: 'same' });
    expect(layer.apply(new SymbolicTensor({ shape: [null, 7, 7, 64] })).shape).toEqual([null, 14, 14, 32]);
    expect(layer.weights.map((w) => w.shape)).toEqual([[5, 5, 32, 64], [32]]);
    x.dispose();
    layer.dispose();
  });

  it('round-trips its config and passes the gradient check', () => {
    const x = sample([2, 3, 3, 2], 2);
    const layer = new Conv2DTranspose(2, 3, { strides: 2, padding: 'same', outputPadding: 1, activation: 'tanh', biasInitializer: 'random_normal' });
    expect(layer.getConfig()).toMatchObject({ filters: 2, kernelSize: [3, 3], strides: [2, 2], outputPadding: [1, 1] });
    expectConfigRoundTrip(layer, x).dispose();
    expectLayerGradients(layer, x);
    const dilated = new Conv2DTranspose(2, 2, { dilationRate: [2, 1], biasInitializer: 'random_normal' });
    expectOutputShape(dilated, x, [2, 5, 4, 2]);
    expectLayerGradients(dilated, x);
    x.dispose();
    layer.dispose();
    dilated.dispose();
  });

  it('rejects bad arguments', () => {
    expect(() => new Conv2DTranspose(4, 3, { strides: 2, outputPadding: 2 })).toThrow(ValueError);
    expect(() => new Conv2DTranspose(4, 3, { strides: 2, outputPadding: 2 })).toThrow(
      'Conv2DTranspose: outputPadding must be smaller than strides ([2, 2]); received outputPadding=[2, 2]',
    );
    expect(() => new Conv2DTranspose(4, 3, { dilationRate: 2, strides: 2 })).toThrow(
      'Conv2DTranspose: strides > 1 cannot be combined with dilationRate > 1; received strides=[2, 2], dilationRate=[2, 2]',
    );
    expect(() => new Conv2DTranspose(0, 3)).toThrow('Conv2DTranspose: filters must be a positive integer; received filters=0');
  });
});
