import { tf, Tensor } from '@strata-ml/core';
import * as a from './activations';
import { expectGradientsMatch, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

function values(f: (x: Tensor) => Tensor, xs: number[]): number[] {
  return tf.tidy(() => Array.from(f(tf.tensor1d(xs)).dataSync()));
}

function expectValues(actual: number[], expected: number[], digits = 5): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, digits));
}

const xs = [-2, -0.5, 0.5, 3];

describe('activation values (hand-computed)', () => {
  it('relu, relu6, leaky_relu (Keras default slope 0.2)', () => {
    expectValues(values(a.relu, [-1, 0.5, 7]), [0, 0.5, 7]);
    expectValues(values(a.relu6, [-1, 0.5, 7]), [0, 0.5, 6]);
    expectValues(values((x) => a.leakyRelu(x), [-1, 2]), [-0.2, 2]);
  });

  it('elu with alpha, and selu with the seed constants', () => {
    expectValues(values((x) => a.elu(x, 0.5), [-1, 2]), [0.5 * (Math.exp(-1) - 1), 2]);
    // The seed's constants, to double precision.
    expect(a.SELU_SCALE).toBe(Number('1.0507009873554804934193349852946'));
    expect(a.SELU_ALPHA).toBe(Number('1.6732632423543772848170429916717'));
    expectValues(values(a.selu, [-1, 2]), [1.0507009873554805 * 1.6732632423543772 * (Math.exp(-1) - 1), 1.0507009873554805 * 2]);
  });

  it('softplus, softsign, sigmoid, tanh, exponential, linear', () => {
    expectValues(values(a.softplus, xs), xs.map((x) => Math.log1p(Math.exp(x))));
    expectValues(values(a.softsign, xs), xs.map((x) => x / (1 + Math.abs(x))));
    expectValues(values(a.sigmoid, xs), xs.map((x) => 1 / (1 + Math.exp(-x))));
    expectValues(values(a.tanh, xs), xs.map(Math.tanh));
    expectValues(values(a.exponential, xs), xs.map(Math.exp), 4);
    expectValues(values(a.linear, xs), xs);
  });

  it('hard_sigmoid follows Keras 3: relu6(x + 3) / 6', () => {
    expectValues(values(a.hardSigmoid, [-4, -1.5, 0, 1.5, 4]), [0, 0.25, 0.5, 0.75, 1]);
  });

  it('legacy_hard_sigmoid is Keras 2 and TF.js: clip(0.2x + 0.5, 0, 1)', () => {
    expectValues(values(a.legacyHardSigmoid, [-3, -1.5, 0, 1.5, 3]), [0, 0.2, 0.5, 0.8, 1]);
  });

  it('softmax and log_softmax along the last and another axis', () => {
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const s = e[0]! + e[1]! + e[2]!;
    const rows = tf.tensor2d([[1, 2, 3], [1, 2, 3]]);
    expectValues(Array.from(tf.tidy(() => a.softmax(rows).dataSync())), [...e, ...e].map((v) => v / s));
    expectValues(Array.from(tf.tidy(() => a.logSoftmax(rows).dataSync())), [1, 2, 3, 1, 2, 3].map((v) => v - Math.log(s)));
    // Along axis 0 every column holds two equal values.
    expectValues(Array.from(tf.tidy(() => a.softmax(rows, 0).dataSync())), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    rows.dispose();
  });

  it('gelu exact by default (Keras 3) and tanh-approximate on request', () => {
    const erf = (x: number): number => {
      // Abramowitz–Stegun 7.1.26, |error| < 1.5e-7.
      const t = 1 / (1 + 0.3275911 * Math.abs(x));
      const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
      return x >= 0 ? y : -y;
    };
    expectValues(values((x) => a.gelu(x), xs), xs.map((x) => 0.5 * x * (1 + erf(x / Math.SQRT2))));
    const approx = (x: number): number => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    expectValues(values((x) => a.gelu(x, true), xs), xs.map(approx));
  });

  it('swish and mish', () => {
    expectValues(values(a.swish, xs), xs.map((x) => x / (1 + Math.exp(-x))));
    expectValues(values(a.mish, xs), xs.map((x) => x * Math.tanh(Math.log1p(Math.exp(x)))));
  });
});

describe('activation gradients (finite differences)', () => {
  const cases: [string, (x: Tensor) => Tensor][] = [
    ['relu', a.relu], ['relu6', a.relu6], ['leaky_relu', (x) => a.leakyRelu(x)], ['elu', (x) => a.elu(x)],
    ['elu(alpha=0.5)', (x) => a.elu(x, 0.5)], ['selu', a.selu], ['softplus', a.softplus], ['softsign', a.softsign],
    ['sigmoid', a.sigmoid], ['hard_sigmoid', a.hardSigmoid], ['tanh', a.tanh], ['softmax', (x) => a.softmax(x)],
    ['softmax(axis=0)', (x) => a.softmax(x, 0)], ['log_softmax', (x) => a.logSoftmax(x)], ['linear', a.linear],
    ['exponential', a.exponential], ['gelu', (x) => a.gelu(x)], ['gelu(approximate)', (x) => a.gelu(x, true)],
    ['swish', a.swish], ['mish', a.mish],
  ];
  it.each(cases)('%s', (_name, f) => {
    // Inputs stay 0.1 away from the kinks at 0 (and ±3 for relu6/hard_sigmoid fall outside [-2.5, 2.5]).
    const x = sample([3, 4], 11, -2.5, 2.5, 0.1);
    const before = tf.memory().numTensors;
    expectGradientsMatch(f, x, [], { probes: 12 });
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
