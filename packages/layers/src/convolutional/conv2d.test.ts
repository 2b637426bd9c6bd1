import { tf, ShapeError, ValueError } from '@strata-ml/core';
import { Conv2D, SymbolicTensor, l2 } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

/** The 4×4 image 1..16 (row-major) as [1, 4, 4, 1]. */
const grid = (): tf.Tensor4D => tf.reshape(tf.range(1, 17), [1, 4, 4, 1]) as tf.Tensor4D;

/** Runs a single-channel Conv2D with a hand-set kernel and no bias; returns the output as rows. */
function convolve(kernel: number[][], args: ConstructorParameters<typeof Conv2D>[2]): number[][] {
  const kh = kernel.length;
  const kw = (kernel[0] as number[]).length;
  const layer = new Conv2D(1, [kh, kw], { ...args, useBias: false });
  const x = grid();
  layer.build([null, 4, 4, 1]);
  const k = tf.reshape(tf.tensor2d(kernel), [kh, kw, 1, 1]);
  layer.setWeights([k]);
  const y = layer.apply(x);
  const rows = tf.tidy(() => tf.squeeze(y, [0, 3]).arraySync() as number[][]);
  tf.dispose([x, k, y]);
  layer.dispose();
  return rows;
}

describe('Conv2D', () => {
  it('matches hand-computed values: 2×2 kernel, strides 2, valid', () => {
    // Window (0,0): 1·1 + 2·2 + 5·3 + 6·4 = 44; the others slide by two cells.
    expect(convolve([[1, 2], [3, 4]], { strides: 2 })).toEqual([[44, 64], [124, 144]]);
  });

  it("pads 'same' as TensorFlow does, with the extra row and column at the bottom and right", () => {
    // Stride 1: the last column sees only column 3 and a zero pad: 4·1 + 8·3 = 28.
    expect(convolve([[1, 2], [3, 4]], { padding: 'same' })).toEqual([
      [44, 54, 64, 28],
      [84, 94, 104, 44],
      [124, 134, 144, 60],
      [41, 44, 47, 16],
    ]);
    // 3×3 kernel, stride 2 on 4×4: one pad row in total, at the bottom; window (0,0) covers rows 0-2.
    expect(convolve([[1, 0, -1], [2, 1, 0], [0, 1, 1]], { padding: 'same', strides: 2 })).toEqual([[35, 37], [38, 57]]);
  });

  it('spreads kernel taps with dilationRate', () => {
    // Taps at (0,0), (0,2), (2,0), (2,2): 1·1 + 2·3 + 3·9 + 4·11 = 78.
    expect(convolve([[1, 2], [3, 4]], { dilationRate: 2 })).toEqual([[78, 88], [118, 128]]);
  });

  it('adds the bias per filter and applies the activation over several channels', () => {
    const layer = new Conv2D(2, 1, { activation: 'relu', inputShape: [1, 2, 2] });
    layer.build([null, 1, 2, 2]);
    const kernel = tf.tensor4d([[[[1, -1], [2, 0]]]]); // [1, 1, in=2, out=2]
    const bias = tf.tensor1d([0.5, 1]);
    layer.setWeights([kernel, bias]);
    const x = tf.tensor4d([[[[1, 2], [-3, 1]]]]);
    const y = layer.apply(x);
    // pixel 0: [1+4+0.5, -1+0+1] = [5.5, 0]; pixel 1: [-3+2+0.5, 3+1] → relu [0, 4]
    expect(Array.from(y.dataSync())).toEqual([5.5, 0, 0, 4]);
    tf.dispose([kernel, bias, x, y]);
    layer.dispose();
  });

  it('has Keras defaults and counts the parameters of the seed CNN', () => {
    const first = new Conv2D(64, 3, { activation: 'relu', inputShape: [28, 28, 1] });
    const config = first.getConfig();
    expect(config).toMatchObject({
      filters: 64, kernelSize: [3, 3], strides: [1, 1], padding: 'valid', dataFormat: 'channels_last',
      dilationRate: [1, 1], activation: 'relu', useBias: true, batchInputShape: [null, 28, 28, 1],
    });
    expect(config['kernelInitializer']).toEqual({ className: 'GlorotUniform', config: { seed: null } });
    const out = first.apply(new SymbolicTensor({ shape: [null, 28, 28, 1] }));
    expect(out.shape).toEqual([null, 26, 26, 64]);
    expect(first.countParams()).toBe(640);
    expect(first.weights.map((w) => w.shape)).toEqual([[3, 3, 1, 64], [64]]);
    const second = new Conv2D(64, 3);
    second.build([null, 13, 13, 64]);
    expect(second.countParams()).toBe(36928);
    first.dispose();
    second.dispose();
  });

  it('computes output shapes for strides, same padding and dilation', () => {
    const x = sample([2, 7, 6, 3], 1);
    expectOutputShape(new Conv2D(4, [3, 2], { strides: [2, 1] }), x, [2, 3, 5, 4]);
    expectOutputShape(new Conv2D(4, 3, { strides: 2, padding: 'same' }), x, [2, 4, 3, 4]);
    expectOutputShape(new Conv2D(4, 3, { dilationRate: 2 }), x, [2, 3, 2, 4]);
    x.dispose();
  });

  it('round-trips its config through the registry', () => {
    const layer = new Conv2D(3, [2, 3], { strides: [1, 2], padding: 'same', activation: 'tanh', kernelRegularizer: l2(0.01) });
    const x = sample([2, 5, 5, 2], 2);
    expectConfigRoundTrip(layer, x).dispose();
    x.dispose();
    layer.dispose();
  });

  it('passes the finite-difference gradient check w.r.t. input, kernel and bias', () => {
    const x = sample([2, 5, 5, 2], 3);
    const strided = new Conv2D(3, 3, { strides: 2, padding: 'same', biasInitializer: 'random_normal' });
    expectLayerGradients(strided, x);
    const dilated = new Conv2D(2, 2, { dilationRate: 2, activation: 'tanh' });
    expectLayerGradients(dilated, x);
    tf.dispose(x);
    strided.dispose();
    dilated.dispose();
  });

  it('has the gradients of relu(conv2d(x) + bias) through the fused kernel', () => {
    // Finite differences are unreliable across ReLU's kink; compare with the unfused composition instead.
    const layer = new Conv2D(3, 2, { activation: 'relu', biasInitializer: 'random_normal' });
    const x = sample([2, 4, 4, 2], 5);
    const r = sample([2, 3, 3, 3], 6);
    tf.dispose(layer.apply(x));
    const kernel = (layer.kernel as NonNullable<typeof layer.kernel>).variable;
    const bias = (layer.bias as NonNullable<typeof layer.bias>).variable;
    const [dx] = tf.grads((t: tf.Tensor) => tf.sum(tf.mul(layer.apply(t), r)))([x]);
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x), r)), [kernel, bias]);
    const expected = tf.grads((t: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.relu(tf.add(tf.conv2d(t as tf.Tensor4D, k as tf.Tensor4D, 1, 'valid'), b)), r)),
    )([x, kernel, bias]);
    const actual = [dx as tf.Tensor, grads[kernel.name] as tf.Tensor, grads[bias.name] as tf.Tensor];
    actual.forEach((g, i) => {
      const want = (expected[i] as tf.Tensor).dataSync();
      expect(Array.from(want).some((v) => v !== 0)).toBe(true);
      g.dataSync().forEach((v, j) => expect(v).toBeCloseTo(want[j] as number, 5));
    });
    tf.dispose([x, r, value, ...actual, ...expected]);
    layer.dispose();
  });

  it('rejects bad arguments naming the argument and the value received', () => {
    expect(() => new Conv2D(0, 3)).toThrow(ValueError);
    expect(() => new Conv2D(0, 3)).toThrow('Conv2D: filters must be a positive integer; received filters=0');
    expect(() => new Conv2D(8, [3, 3, 3] as unknown as [number, number])).toThrow(
      'Conv2D: kernelSize must be an integer >= 1 or an array of 2 such integers; received kernelSize=[3, 3, 3]',
    );
    expect(() => new Conv2D(8, 3, { strides: 0 })).toThrow('Conv2D: strides must be an integer >= 1');
    expect(() => new Conv2D(8, 3, { padding: 'full' as 'same' })).toThrow(`Conv2D: padding must be one of 'valid', 'same'; received padding="full"`);
    expect(() => new Conv2D(8, 3, { padding: 'causal' })).toThrow('Conv2D: padding must be one of');
    expect(() => new Conv2D(8, 3, { dataFormat: 'channels_first' as 'channels_last' })).toThrow(
      /Conv2D: dataFormat 'channels_first' is not supported; Strata layers are channels-last only/,
    );
    expect(() => new Conv2D(8, 3, { strides: 2, dilationRate: 2 })).toThrow(
      'Conv2D: strides > 1 cannot be combined with dilationRate > 1; received strides=[2, 2], dilationRate=[2, 2]',
    );
  });

  it('rejects inputs of the wrong rank or channel count with the shape received', () => {
    const layer = new Conv2D(2, 3, { name: 'conv_a' });
    const flat = tf.zeros([4, 784]);
    expect(() => layer.apply(flat)).toThrow(ShapeError);
    expect(() => layer.apply(flat)).toThrow("Conv2D 'conv_a': expected input of rank 4, received shape [4, 784]");
    const x = tf.zeros([1, 5, 5, 3]);
    tf.dispose(layer.apply(x));
    const wrong = tf.zeros([1, 5, 5, 2]);
    expect(() => layer.apply(wrong)).toThrow("Conv2D 'conv_a': expected input last dim 3, received shape [1, 5, 5, 2]");
    tf.dispose([flat, x, wrong]);
    layer.dispose();
  });

  it('does not leak tensors', () => {
    const layer = new Conv2D(2, 2, { activation: 'relu' });
    const x = sample([1, 4, 4, 1], 4);
    tf.dispose(layer.apply(x));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.dispose(layer.apply(x));
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    layer.dispose();
  });
});
