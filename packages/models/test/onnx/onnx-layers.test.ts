/**
 * Every exportable layer alone, exported to ONNX and run by ONNX Runtime (onnxruntime-node, CPU), against
 * Strata's own outputs for batch 1 and batch 7 (one exported graph: the batch dimension is dynamic).
 * Tolerance: the largest |a − b| of an output is below 1e-5 times its largest |b| (relative error 1e-5).
 */
import { tf, type Tensor } from '@strata-ml/core';
import * as L from '@strata-ml/layers';
import type { Layer, Shape } from '@strata-ml/layers';
import { useTestBackend } from '../helpers';
import { Model } from '../../src/model';
import { Sequential } from '../../src/sequential';
import { modelToOnnx } from '../../src/export/onnx/export-onnx';
import { UnsupportedFeatureError } from '../../src/saving/errors';
import { compareWithOrt, randomInput, randomize, stopOrt } from './onnx-check';

beforeAll(useTestBackend);

interface Case {
  readonly layer: () => Layer;
  readonly input: Shape;
  readonly indices?: number;
}

const CASES: Record<string, Case> = {
  'Dense (relu)': { layer: () => new L.Dense(5, { activation: 'relu' }), input: [null, 4] },
  'Dense on 3-D input (gelu)': { layer: () => new L.Dense(3, { activation: 'gelu' }), input: [null, 2, 4] },
  'Dense without bias (selu)': { layer: () => new L.Dense(3, { useBias: false, activation: 'selu' }), input: [null, 4] },
  ...Object.fromEntries(
    ['relu6', 'sigmoid', 'tanh', 'softmax', 'log_softmax', 'elu', 'softplus', 'softsign', 'hard_sigmoid', 'legacy_hard_sigmoid', 'exponential', 'leaky_relu', 'swish', 'mish', 'linear'].map(
      (a) => [`Activation ${a}`, { layer: () => new L.Activation(a), input: [null, 6] } as Case],
    ),
  ),
  Dropout: { layer: () => new L.Dropout(0.5), input: [null, 4] },
  Flatten: { layer: () => new L.Flatten(), input: [null, 2, 3, 2] },
  Reshape: { layer: () => new L.Reshape([3, -1]), input: [null, 6] },
  Permute: { layer: () => new L.Permute([2, 3, 1]), input: [null, 2, 3, 4] },
  RepeatVector: { layer: () => new L.RepeatVector(3), input: [null, 4] },
  Embedding: { layer: () => new L.Embedding(10, 3), input: [null, 5], indices: 10 },
  'Conv1D (same, stride 2)': { layer: () => new L.Conv1D(3, 3, { strides: 2, padding: 'same', activation: 'tanh' }), input: [null, 9, 2] },
  'Conv1D (causal, dilated)': { layer: () => new L.Conv1D(2, 3, { padding: 'causal', dilationRate: 2 }), input: [null, 8, 2] },
  'Conv2D (valid)': { layer: () => new L.Conv2D(4, 3, { activation: 'relu' }), input: [null, 7, 6, 2] },
  'Conv2D (same, stride 2, odd size)': { layer: () => new L.Conv2D(3, [3, 2], { strides: 2, padding: 'same' }), input: [null, 7, 8, 2] },
  'Conv2D (dilated)': { layer: () => new L.Conv2D(2, 3, { dilationRate: 2, padding: 'same' }), input: [null, 7, 7, 1] },
  'Conv2DTranspose (same, stride 2)': { layer: () => new L.Conv2DTranspose(3, 3, { strides: 2, padding: 'same', activation: 'sigmoid' }), input: [null, 4, 5, 2] },
  'Conv2DTranspose (valid, kernel 5)': { layer: () => new L.Conv2DTranspose(2, 5, { strides: 2 }), input: [null, 3, 3, 2] },
  'Conv2DTranspose (same, stride 3 > kernel)': { layer: () => new L.Conv2DTranspose(2, 2, { strides: 3, padding: 'same' }), input: [null, 3, 3, 1] },
  'MaxPooling1D': { layer: () => new L.MaxPooling1D(2), input: [null, 7, 3] },
  'AveragePooling1D (same)': { layer: () => new L.AveragePooling1D(3, { strides: 2, padding: 'same' }), input: [null, 8, 2] },
  'MaxPooling2D (same)': { layer: () => new L.MaxPooling2D(3, { strides: 2, padding: 'same' }), input: [null, 7, 6, 2] },
  'AveragePooling2D': { layer: () => new L.AveragePooling2D(2), input: [null, 6, 6, 3] },
  'AveragePooling2D (same)': { layer: () => new L.AveragePooling2D(3, { strides: 2, padding: 'same' }), input: [null, 5, 6, 1] },
  GlobalMaxPooling1D: { layer: () => new L.GlobalMaxPooling1D(), input: [null, 5, 3] },
  GlobalAveragePooling1D: { layer: () => new L.GlobalAveragePooling1D(), input: [null, 5, 3] },
  GlobalMaxPooling2D: { layer: () => new L.GlobalMaxPooling2D(), input: [null, 4, 5, 3] },
  'GlobalAveragePooling2D (keepdims)': { layer: () => new L.GlobalAveragePooling2D({ keepdims: true }), input: [null, 4, 5, 3] },
  'BatchNormalization (last axis)': { layer: () => new L.BatchNormalization(), input: [null, 4, 4, 3] },
  'BatchNormalization (axis 1, no scale)': { layer: () => new L.BatchNormalization({ axis: 1, scale: false }), input: [null, 3, 5] },
  LayerNormalization: { layer: () => new L.LayerNormalization({ epsilon: 1e-5 }), input: [null, 3, 6] },
  'ReLU (max, slope, threshold)': { layer: () => new L.ReLU({ maxValue: 0.3, negativeSlope: 0.1, threshold: 0.2 }), input: [null, 8] },
  LeakyReLU: { layer: () => new L.LeakyReLU({ negativeSlope: 0.3 }), input: [null, 8] },
  'PReLU (shared axes)': { layer: () => new L.PReLU({ sharedAxes: [1, 2] }), input: [null, 3, 3, 2] },
  ELU: { layer: () => new L.ELU({ alpha: 0.5 }), input: [null, 8] },
  'Softmax (axis 1)': { layer: () => new L.Softmax({ axis: 1 }), input: [null, 4, 3] },
  'UpSampling2D (nearest)': { layer: () => new L.UpSampling2D({ size: [2, 3] }), input: [null, 3, 2, 2] },
  'UpSampling2D (bilinear)': { layer: () => new L.UpSampling2D({ size: 2, interpolation: 'bilinear' }), input: [null, 3, 4, 2] },
  ZeroPadding2D: { layer: () => new L.ZeroPadding2D({ padding: [[1, 2], [0, 1]] }), input: [null, 3, 3, 2] },
  Cropping2D: { layer: () => new L.Cropping2D({ cropping: [[1, 0], [1, 2]] }), input: [null, 5, 6, 2] },
  'SimpleRNN (last output)': { layer: () => new L.SimpleRNN(4), input: [null, 6, 3] },
  'SimpleRNN (sequences, backwards)': { layer: () => new L.SimpleRNN(3, { returnSequences: true, goBackwards: true, activation: 'relu' }), input: [null, 5, 2] },
  'LSTM (sequences)': { layer: () => new L.LSTM(4, { returnSequences: true }), input: [null, 6, 3] },
  'LSTM (legacy hard sigmoid, backwards)': { layer: () => new L.LSTM(3, { recurrentActivation: 'legacy_hard_sigmoid', goBackwards: true }), input: [null, 5, 2] },
  'GRU (reset after)': { layer: () => new L.GRU(4, { returnSequences: true }), input: [null, 6, 3] },
  'GRU (reset before)': { layer: () => new L.GRU(3, { resetAfter: false }), input: [null, 5, 2] },
  'Bidirectional LSTM (concat, sequences)': { layer: () => new L.Bidirectional(new L.LSTM(3, { returnSequences: true })), input: [null, 5, 2] },
  'Bidirectional GRU (sum)': { layer: () => new L.Bidirectional(new L.GRU(3), { mergeMode: 'sum' }), input: [null, 5, 2] },
  'TimeDistributed Dense': { layer: () => new L.TimeDistributed(new L.Dense(3, { activation: 'tanh' })), input: [null, 4, 5] },
  'TimeDistributed Conv2D': { layer: () => new L.TimeDistributed(new L.Conv2D(2, 2)), input: [null, 3, 4, 4, 1] },
};

/** Largest relative error seen per case, reported at the end. */
const errors: Record<string, number> = {};

afterAll(() => {
  stopOrt();
  const worst = Object.entries(errors).sort((a, b) => b[1] - a[1]).slice(0, 5);
  process.stdout.write(`ONNX export, largest relative errors per layer: ${worst.map(([k, v]) => `${k} ${v.toExponential(1)}`).join('; ')}\n`);
});

async function check(name: string, model: Model, inputs: (batch: number) => Tensor[]): Promise<void> {
  const bytes = modelToOnnx(model);
  for (const batch of [1, 7]) {
    const xs = inputs(batch);
    const { maxRel } = await compareWithOrt(model, xs, bytes);
    errors[name] = Math.max(errors[name] ?? 0, maxRel);
    expect(maxRel).toBeLessThan(1e-5);
    tf.dispose(xs);
  }
}

describe('ONNX export of each layer, run by ONNX Runtime', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const c = CASES[name] as Case;
    const model = new Sequential({ layers: [new L.InputLayer({ batchInputShape: c.input }), c.layer()] });
    randomize(model, 7);
    await check(name, model, (batch) => [randomInput(c.input, batch, batch, c.indices)]);
    model.dispose();
  });

  it.each(['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Concatenate'])('%s', async (name) => {
    const a = L.Input({ shape: [3, 4] });
    const b = L.Input({ shape: [3, 4] });
    const Merge = (L as unknown as Record<string, new (args?: object) => Layer>)[name] as new (args?: object) => Layer;
    const merge = name === 'Concatenate' ? new Merge({ axis: 1 }) : new Merge();
    const model = new Model({ inputs: [a, b], outputs: merge.apply([a, b]) as L.SymbolicTensor });
    await check(name, model, (batch) => [randomInput([null, 3, 4], batch, 1), randomInput([null, 3, 4], batch, 2)]);
    model.dispose();
  });

  it.each([
    ['Dot (rank 2, normalized)', [null, 5], [null, 5], [1, 1], true],
    ['Dot (rank 3)', [null, 3, 4], [null, 5, 4], [2, 2], false],
    ['Dot (rank 3, axes 1)', [null, 4, 3], [null, 4, 5], [1, 1], false],
  ] as [string, Shape, Shape, [number, number], boolean][])('%s', async (name, sa, sb, axes, normalize) => {
    const a = L.Input({ shape: sa.slice(1) as number[] });
    const b = L.Input({ shape: sb.slice(1) as number[] });
    const model = new Model({ inputs: [a, b], outputs: new L.Dot(axes, { normalize }).apply([a, b]) as L.SymbolicTensor });
    await check(name, model, (batch) => [randomInput(sa, batch, 3), randomInput(sb, batch, 4)]);
    model.dispose();
  });

  it('names a layer it cannot export, and options ONNX cannot express', () => {
    const masked = new Sequential({ layers: [new L.Embedding(5, 2, { inputShape: [3], maskZero: true, name: 'tokens' }), new L.LSTM(2)] });
    expect(() => modelToOnnx(masked)).toThrow(UnsupportedFeatureError);
    expect(() => modelToOnnx(masked)).toThrow("export (ONNX): layer 'tokens' (Embedding) cannot be exported: maskZero: masks are not exported");
    const stateful = new Sequential({ layers: [new L.SimpleRNN(2, { batchInputShape: [1, 3, 2], returnState: true })] });
    expect(() => modelToOnnx(stateful)).toThrow(/cannot be exported: returnState/);
    const custom = new Sequential({ layers: [new L.InputLayer({ batchInputShape: [null, 3, 2] }), new L.RNN(new L.SimpleRNNCell(2))] });
    expect(() => modelToOnnx(custom)).toThrow(/layer 'rnn' \(RNN\) cannot be exported to ONNX; exportable layers are Activation, Add, Average, AveragePooling1D, /);
    [masked, stateful, custom].forEach((m) => m.dispose());
  });
});
