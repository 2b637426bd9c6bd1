import { ValueError } from '@strata-ml/core';
import * as layers from './index';
import {
  Activation, Add, Average, AveragePooling1D, AveragePooling2D, BatchNormalization, Bidirectional, Concatenate, Constant,
  Conv1D, Conv2D, Conv2DTranspose, Cropping2D, Dense, Dot, Dropout, ELU, Embedding, Flatten, GRU, GRUCell,
  GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, GlorotNormal, GlorotUniform,
  HeNormal, HeUniform, Identity, Input, InputLayer, L1, L1L2, L2, LSTM, LSTMCell, LayerNormalization, LeakyReLU,
  LecunNormal, LecunUniform, MaxNorm, MaxPooling1D, MaxPooling2D, Maximum, Minimum, Multiply, NonNeg, Ones, Orthogonal,
  PReLU, Permute, RNN, RandomNormal, RandomUniform, ReLU, RepeatVector, Reshape, SimpleRNN, SimpleRNNCell, Softmax,
  Subtract, TimeDistributed, TruncatedNormal, UnitNorm, UpSampling2D, VarianceScaling, ZeroPadding2D, Zeros,
} from './index';

type Options = Record<string, unknown>;

/** How to construct each exported class with extra options (or why it takes none from users). */
const CONSTRUCT: Record<string, ((options: Options) => unknown) | { exempt: string }> = {
  Layer: { exempt: 'abstract' },
  BaseConv: { exempt: 'abstract' },
  BasePooling: { exempt: 'abstract' },
  BaseGlobalPooling: { exempt: 'abstract' },
  Merge: { exempt: 'abstract' },
  RNNCell: { exempt: 'abstract' },
  Initializer: { exempt: 'abstract' },
  Regularizer: { exempt: 'abstract' },
  Constraint: { exempt: 'abstract' },
  LayerVariable: { exempt: 'made by Layer.addWeight, not by users' },
  SymbolicTensor: { exempt: 'made by Input and layer calls, not by users' },
  Node: { exempt: 'made by layer calls, not by users' },
  Dense: (o) => new Dense(2, o),
  Activation: (o) => new Activation('relu', o),
  InputLayer: (o) => new InputLayer({ inputShape: [2], ...o }),
  Dropout: (o) => new Dropout(0.5, o),
  Flatten: (o) => new Flatten(o),
  Reshape: (o) => new Reshape([2], o),
  Zeros: (o) => new Zeros(o as never),
  Ones: (o) => new Ones(o as never),
  Constant: (o) => new Constant(o),
  RandomNormal: (o) => new RandomNormal(o),
  RandomUniform: (o) => new RandomUniform(o),
  TruncatedNormal: (o) => new TruncatedNormal(o),
  VarianceScaling: (o) => new VarianceScaling(o),
  GlorotUniform: (o) => new GlorotUniform(o),
  GlorotNormal: (o) => new GlorotNormal(o),
  HeUniform: (o) => new HeUniform(o),
  HeNormal: (o) => new HeNormal(o),
  LecunUniform: (o) => new LecunUniform(o),
  LecunNormal: (o) => new LecunNormal(o),
  Orthogonal: (o) => new Orthogonal(o),
  Identity: (o) => new Identity(o),
  L1L2: (o) => new L1L2(o),
  L1: (o) => new L1(o),
  L2: (o) => new L2(o),
  MaxNorm: (o) => new MaxNorm(o),
  NonNeg: (o) => new NonNeg(o as never),
  UnitNorm: (o) => new UnitNorm(o),
  Conv1D: (o) => new Conv1D(2, 3, o),
  Conv2D: (o) => new Conv2D(2, 3, o),
  Conv2DTranspose: (o) => new Conv2DTranspose(2, 3, o),
  MaxPooling1D: (o) => new MaxPooling1D(2, o),
  MaxPooling2D: (o) => new MaxPooling2D(2, o),
  AveragePooling1D: (o) => new AveragePooling1D(2, o),
  AveragePooling2D: (o) => new AveragePooling2D(2, o),
  GlobalAveragePooling1D: (o) => new GlobalAveragePooling1D(o),
  GlobalAveragePooling2D: (o) => new GlobalAveragePooling2D(o),
  GlobalMaxPooling1D: (o) => new GlobalMaxPooling1D(o),
  GlobalMaxPooling2D: (o) => new GlobalMaxPooling2D(o),
  UpSampling2D: (o) => new UpSampling2D(o),
  ZeroPadding2D: (o) => new ZeroPadding2D(o),
  Cropping2D: (o) => new Cropping2D(o),
  Permute: (o) => new Permute([1], o),
  RepeatVector: (o) => new RepeatVector(2, o),
  BatchNormalization: (o) => new BatchNormalization(o),
  LayerNormalization: (o) => new LayerNormalization(o),
  LeakyReLU: (o) => new LeakyReLU(o),
  PReLU: (o) => new PReLU(o),
  ELU: (o) => new ELU(o),
  ReLU: (o) => new ReLU(o),
  Softmax: (o) => new Softmax(o),
  Concatenate: (o) => new Concatenate(o),
  Add: (o) => new Add(o),
  Subtract: (o) => new Subtract(o),
  Multiply: (o) => new Multiply(o),
  Average: (o) => new Average(o),
  Maximum: (o) => new Maximum(o),
  Minimum: (o) => new Minimum(o),
  Dot: (o) => new Dot(1, o),
  SimpleRNNCell: (o) => new SimpleRNNCell(2, o),
  LSTMCell: (o) => new LSTMCell(2, o),
  GRUCell: (o) => new GRUCell(2, o),
  RNN: (o) => new RNN(new SimpleRNNCell(2), o),
  SimpleRNN: (o) => new SimpleRNN(2, o),
  LSTM: (o) => new LSTM(2, o),
  GRU: (o) => new GRU(2, o),
  Bidirectional: (o) => new Bidirectional(new LSTM(2), o),
  TimeDistributed: (o) => new TimeDistributed(new Dense(2), o),
  Embedding: (o) => new Embedding(10, 2, o),
};

function isClass(value: unknown): value is new (...args: never[]) => unknown {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValueError);
    return (e as Error).message;
  }
  throw new Error('expected a ValueError');
}

const exportedClasses = Object.entries(layers).filter(([, v]) => isClass(v)).map(([name]) => name);
const constructible = Object.entries(CONSTRUCT).filter((e): e is [string, (o: Options) => unknown] => typeof e[1] === 'function');

describe('strict options in @strata-ml/layers', () => {
  it('knows how to construct every exported class', () => {
    expect(exportedClasses.filter((name) => !(name in CONSTRUCT))).toEqual([]);
    expect(Object.keys(CONSTRUCT).filter((name) => !exportedClasses.includes(name))).toEqual([]);
  });

  it.each(constructible)('%s accepts its valid options and rejects an unknown key by name', (name, construct) => {
    expect(() => construct({})).not.toThrow();
    expect(messageOf(() => construct({ bogusOption: 1 }))).toMatch(new RegExp(`^${name}: unknown option 'bogusOption'`));
    // `in` would find this one on the prototype; only own keys are options.
    expect(messageOf(() => construct({ constructor: 1 }))).toMatch(new RegExp(`^${name}: unknown option 'constructor'`));
  });

  it('Input rejects unknown keys too', () => {
    expect(messageOf(() => Input({ shape: [2], shap: [3] } as never))).toBe(
      "Input: unknown option 'shap' (did you mean 'shape'?); valid options: shape, batchSize, name, dtype",
    );
  });

  it('names the closest option: a misspelt inputShape', () => {
    expect(messageOf(() => new Dense(3, { inputShap: [4] } as never))).toMatch(/^Dense: unknown option 'inputShap' \(did you mean 'inputShape'\?\); valid options: name, trainable, inputShape, /);
  });

  it('answers snake_case with the camelCase key', () => {
    expect(messageOf(() => new Conv2D(8, 3, { kernel_initializer: 'he_normal' } as never))).toBe(
      "Conv2D: unknown option 'kernel_initializer': options are camelCase, use 'kernelInitializer'",
    );
    expect(messageOf(() => new LSTM(8, { return_sequences: true } as never))).toBe("LSTM: unknown option 'return_sequences': options are camelCase, use 'returnSequences'");
  });

  it("LeakyReLU takes Keras 2's alpha as negativeSlope, with one warning (Keras 3 does the same)", () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(new LeakyReLU({ alpha: 0.2 } as never).negativeSlope).toBe(0.2);
      expect(new LeakyReLU({ alpha: 0.1 } as never).negativeSlope).toBe(0.1);
      expect(warn.mock.calls).toEqual([["LeakyReLU: option 'alpha' is deprecated (its Keras 2 name); use 'negativeSlope'"]]);
    } finally {
      warn.mockRestore();
    }
    expect(new LeakyReLU().negativeSlope).toBe(0.3);
  });

  it('a subclass with options of its own is named in the message', () => {
    expect(messageOf(() => new TruncatedNormal({ stdev: 1 } as never))).toMatch(/^TruncatedNormal: unknown option 'stdev' \(did you mean 'stddev'\?\)/);
    expect(messageOf(() => new GlorotUniform({ scale: 2 } as never))).toBe("GlorotUniform: unknown option 'scale' (did you mean 'seed'?); valid options: seed");
  });

  it('configs still round-trip through fromConfig', () => {
    const conv = new Conv2D(4, 3, { padding: 'same', activation: 'relu', kernelRegularizer: new L2() });
    const copy = Conv2D.fromConfig(conv.getConfig());
    expect(copy.getConfig()).toEqual({ ...conv.getConfig(), name: copy.name });
    const lstm = new LSTM(3, { returnSequences: true, dropout: 0.1 });
    expect(LSTM.fromConfig(lstm.getConfig()).getConfig()).toEqual({ ...lstm.getConfig(), name: expect.any(String) });
  });
});
