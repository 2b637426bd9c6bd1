/**
 * The shared layer-test harness: output shapes, config round trips through the registry, and
 * finite-difference gradient checks with respect to inputs and weights.
 */
import { tf, Tensor, setBackend, RandomGenerator } from '@strata-ml/core';
import { Layer, deserializeLayer, serializeLayer } from '../src/index';

/** Selects the backend the tests run on: `STRATA_TEST_BACKEND`, default the reference `cpu` backend. */
export async function useTestBackend(): Promise<void> {
  await setBackend(process.env['STRATA_TEST_BACKEND'] ?? 'cpu');
}

/** A tensor of `shape` with values uniform in [lo, hi), from a fixed seed; `awayFromZero` avoids kinks. */
export function sample(shape: number[], seed: number, lo = -1, hi = 1, awayFromZero = 0): Tensor {
  const rng = new RandomGenerator(seed);
  const n = shape.reduce((p, d) => p * d, 1);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let v = lo + (hi - lo) * rng.nextFloat();
    if (Math.abs(v) < awayFromZero) v = v < 0 ? v - awayFromZero : v + awayFromZero;
    values[i] = v;
  }
  return tf.tensor(values, shape, 'float32');
}

/** Applies `layer` to an input of `inputShape` and checks the output shape and `computeOutputShape`. */
export function expectOutputShape(layer: Layer, input: Tensor, expected: number[], training = false): void {
  const out = layer.apply(input, { training });
  expect(out.shape).toEqual(expected);
  expect(layer.computeOutputShape([null, ...input.shape.slice(1)])).toEqual([null, ...expected.slice(1)]);
  if (out !== input) out.dispose();
}

/**
 * Serializes `layer`, rebuilds it through the registry, and checks that the config survives unchanged and
 * that, with the weights copied over, the rebuilt layer computes the same output.
 */
export function expectConfigRoundTrip(layer: Layer, input: Tensor): Layer {
  const serialized = JSON.parse(JSON.stringify(serializeLayer(layer)));
  const copy = deserializeLayer(serialized);
  expect(copy.className).toBe(layer.className);
  expect(copy.getConfig()).toEqual(layer.getConfig());
  const expected = layer.apply(input);
  const outCopy = copy.apply(input);
  const weights = layer.getWeights();
  copy.setWeights(weights);
  weights.forEach((w) => w.dispose());
  if (outCopy !== input) outCopy.dispose();
  const actual = copy.apply(input);
  expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
  tf.dispose([expected, actual].filter((t) => t !== input));
  return copy;
}

/** Options of {@link expectGradientsMatch}. */
export interface GradientCheckOptions {
  /** Finite-difference step (default 1e-2; float32 rounding grows as it shrinks). */
  eps?: number;
  /** Relative tolerance (default 2e-2). */
  rtol?: number;
  /** Absolute tolerance (default 2e-3). */
  atol?: number;
  /** How many elements of each tensor to probe (default 12). */
  probes?: number;
}

function expectClose(analytic: number, numeric: number, rtol: number, atol: number, what: string): void {
  const ok = Math.abs(analytic - numeric) <= atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric));
  if (!ok) throw new Error(`${what}: analytic gradient ${analytic} vs finite difference ${numeric}`);
}

/**
 * Checks the gradients of `sum(f(x) * r)` (r a fixed random tensor) with respect to the input and every
 * trainable weight against central finite differences, on a few probed elements of each.
 */
export function expectGradientsMatch(f: (x: Tensor) => Tensor, x: Tensor, weights: tf.Variable[], options: GradientCheckOptions = {}): void {
  const { eps = 1e-2, rtol = 2e-2, atol = 2e-3, probes = 12 } = options;
  const outShape = tf.tidy(() => f(x).shape);
  const r = sample(outShape, 99);
  const objective = (input: Tensor): tf.Scalar => tf.sum(tf.mul(f(input), r));
  const value = (input: Tensor): number => tf.tidy(() => objective(input).dataSync()[0] as number);

  const [dx] = tf.grads((input: Tensor) => objective(input))([x]);
  const grads = weights.length > 0 ? tf.variableGrads(() => objective(x), weights).grads : {};
  const rng = new RandomGenerator(7);

  // Input gradient.
  const xData = x.dataSync().slice();
  const dxData = (dx as Tensor).dataSync();
  for (let p = 0; p < Math.min(probes, xData.length); p++) {
    const i = Math.floor(rng.nextFloat() * xData.length);
    const plus = xData.slice(); plus[i] = (plus[i] as number) + eps;
    const minus = xData.slice(); minus[i] = (minus[i] as number) - eps;
    const numeric = tf.tidy(() => (value(tf.tensor(plus, x.shape)) - value(tf.tensor(minus, x.shape))) / (2 * eps));
    expectClose(dxData[i] as number, numeric, rtol, atol, `d/dinput[${i}]`);
  }

  // Weight gradients.
  for (const v of weights) {
    const original = v.dataSync().slice();
    const g = (grads[v.name] as Tensor).dataSync();
    for (let p = 0; p < Math.min(probes, original.length); p++) {
      const i = Math.floor(rng.nextFloat() * original.length);
      const plus = original.slice(); plus[i] = (plus[i] as number) + eps;
      const minus = original.slice(); minus[i] = (minus[i] as number) - eps;
      const set = (data: Float32Array | Int32Array | Uint8Array): void => {
        const t = tf.tensor(data, v.shape, 'float32');
        v.assign(t);
        t.dispose();
      };
      set(plus); const fPlus = value(x);
      set(minus); const fMinus = value(x);
      set(original);
      expectClose(g[i] as number, (fPlus - fMinus) / (2 * eps), rtol, atol, `d/d${v.name}[${i}]`);
    }
  }
  tf.dispose([r, dx as Tensor, ...Object.values(grads)]);
}

/** Checks a layer's gradients (w.r.t. input and trainable weights) by finite differences. */
export function expectLayerGradients(layer: Layer, x: Tensor, options: GradientCheckOptions = {}): void {
  if (!layer.built) tf.dispose(layer.apply(x));
  expectGradientsMatch((input) => layer.apply(input) as Tensor, x, layer.trainableWeights.map((w) => w.variable), options);
}
