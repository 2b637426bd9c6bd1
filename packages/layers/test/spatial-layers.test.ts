/**
 * Cross-cutting checks over the convolution, pooling, normalization, activation, merging and reshaping
 * layers: no tensor leaks in training or inference, and symbolic shapes equal to the computed ones.
 */
import { tf } from '@strata-ml/core';
import {
  Add, Average, AveragePooling1D, AveragePooling2D, BatchNormalization, Concatenate, Conv1D, Conv2D, Conv2DTranspose,
  Cropping2D, Dot, ELU, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D,
  LayerNormalization, LeakyReLU, MaxPooling1D, MaxPooling2D, Maximum, Minimum, Multiply, Permute, PReLU, ReLU,
  RepeatVector, Softmax, Subtract, SymbolicTensor, UpSampling2D, ZeroPadding2D, type Layer,
} from '../src/index';
import { sample, useTestBackend } from './harness';

beforeAll(useTestBackend);

type Case = [string, () => Layer, number[][]];

const image = [2, 6, 6, 3];
const sequence = [2, 8, 3];
const CASES: Case[] = [
  ['Conv1D causal', () => new Conv1D(4, 3, { padding: 'causal', activation: 'elu' }), [sequence]],
  ['Conv2D relu', () => new Conv2D(4, 3, { padding: 'same', activation: 'relu', strides: 2 }), [image]],
  ['Conv2D dilated', () => new Conv2D(2, 2, { dilationRate: 2, activation: 'tanh' }), [image]],
  ['Conv2DTranspose', () => new Conv2DTranspose(2, 3, { strides: 2, padding: 'same' }), [image]],
  ['MaxPooling1D', () => new MaxPooling1D(2), [sequence]],
  ['AveragePooling1D same', () => new AveragePooling1D(3, { strides: 2, padding: 'same' }), [sequence]],
  ['MaxPooling2D', () => new MaxPooling2D(2), [image]],
  ['AveragePooling2D same', () => new AveragePooling2D(3, { strides: 2, padding: 'same' }), [image]],
  ['GlobalAveragePooling1D', () => new GlobalAveragePooling1D(), [sequence]],
  ['GlobalMaxPooling1D', () => new GlobalMaxPooling1D(), [sequence]],
  ['GlobalAveragePooling2D', () => new GlobalAveragePooling2D({ keepdims: true }), [image]],
  ['GlobalMaxPooling2D', () => new GlobalMaxPooling2D(), [image]],
  ['UpSampling2D nearest', () => new UpSampling2D(), [image]],
  ['UpSampling2D bilinear', () => new UpSampling2D({ interpolation: 'bilinear', size: [2, 3] }), [image]],
  ['ZeroPadding2D', () => new ZeroPadding2D({ padding: [1, 2] }), [image]],
  ['Cropping2D', () => new Cropping2D({ cropping: [[1, 0], [2, 1]] }), [image]],
  ['Permute', () => new Permute([2, 1]), [sequence]],
  ['RepeatVector', () => new RepeatVector(3), [[2, 5]]],
  ['BatchNormalization', () => new BatchNormalization(), [image]],
  ['LayerNormalization', () => new LayerNormalization(), [sequence]],
  ['LeakyReLU', () => new LeakyReLU(), [image]],
  ['PReLU', () => new PReLU({ sharedAxes: [1, 2] }), [image]],
  ['ELU', () => new ELU({ alpha: 0.5 }), [image]],
  ['ReLU', () => new ReLU({ maxValue: 0.5, negativeSlope: 0.1, threshold: 0.1 }), [image]],
  ['Softmax', () => new Softmax({ axis: 1 }), [sequence]],
  ['Add', () => new Add(), [sequence, sequence]],
  ['Subtract', () => new Subtract(), [sequence, [2, 1, 3]]],
  ['Multiply', () => new Multiply(), [sequence, sequence]],
  ['Average', () => new Average(), [sequence, sequence, sequence]],
  ['Maximum', () => new Maximum(), [sequence, sequence]],
  ['Minimum', () => new Minimum(), [sequence, sequence]],
  ['Concatenate', () => new Concatenate({ axis: 1 }), [sequence, [2, 2, 3]]],
  ['Dot', () => new Dot([2, 2], { normalize: true }), [sequence, [2, 5, 3]]],
];

describe.each(CASES)('%s', (_name, make, shapes) => {
  it('matches its symbolic output shape and leaks no tensors in training or inference', () => {
    const layer = make();
    const inputs = shapes.map((s, i) => sample(s, i + 1));
    const arg = (inputs.length === 1 ? inputs[0] : inputs) as tf.Tensor;
    const symbolic = make().apply(
      (shapes.length === 1 ? new SymbolicTensor({ shape: [null, ...(shapes[0] as number[]).slice(1)] })
        : shapes.map((s) => new SymbolicTensor({ shape: [null, ...s.slice(1)] }))) as SymbolicTensor,
    );
    const out = layer.apply(arg);
    expect(symbolic.shape).toEqual([null, ...out.shape.slice(1)]);
    tf.dispose(out);
    const before = tf.memory().numTensors;
    for (const training of [true, false, true]) tf.dispose(layer.apply(arg, { training }));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(inputs);
    layer.dispose();
  });
});
