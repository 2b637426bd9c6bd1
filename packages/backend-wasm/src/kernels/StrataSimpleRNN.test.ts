import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomValues, runOn, wasmDataIds, type Result } from '../testing/backends';
import { simpleRNNBackward, simpleRNNForward } from './StrataSimpleRNNReference';

/** Random operands of one sequence: inputs in [-1, 1), the recurrent kernel scaled so that tanh is not saturated. */
function operands(steps: number, batch: number, units: number, seed: number) {
  return {
    x: randomValues(steps * batch * units, seed),
    u: randomValues(units * units, seed + 1).map((v) => (1.5 * v) / Math.sqrt(units)),
    h0: randomValues(batch * units, seed + 2).map((v) => 0.5 * v),
    dh: randomValues(steps * batch * units, seed + 3),
  };
}

type Operands = ReturnType<typeof operands>;

/** The plain ops path of the layer: one product, add and tanh per step; gradients by tfjs-core's autodiff. */
function plainPath(steps: number, batch: number, units: number, o: Operands): tf.Tensor[] {
  const x = tf.tensor3d(o.x, [steps, batch, units]);
  const u = tf.tensor2d(o.u, [units, units]);
  const h0 = tf.tensor2d(o.h0, [batch, units]);
  const dh = tf.tensor3d(o.dh, [steps, batch, units]);
  const run = (xs: tf.Tensor, us: tf.Tensor, hs: tf.Tensor): tf.Tensor => {
    let h = hs;
    const all: tf.Tensor[] = [];
    for (let t = 0; t < steps; t++) {
      const xt = tf.reshape(tf.slice(xs, [t, 0, 0], [1, batch, units]), [batch, units]);
      h = tf.tanh(tf.add(xt, tf.matMul(h as tf.Tensor2D, us as tf.Tensor2D)));
      all.push(h);
    }
    return tf.stack(all);
  };
  const states = run(x, u, h0);
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.sum(tf.mul(run(a, b, c), dh)))([x, u, h0], tf.scalar(1));
  return [states, ...grads];
}

/** The two kernels: states forward, then the three gradients from them. */
function fusedPath(steps: number, batch: number, units: number, o: Operands): tf.Tensor[] {
  const x = tf.tensor3d(o.x, [steps, batch, units]);
  const u = tf.tensor2d(o.u, [units, units]);
  const h0 = tf.tensor2d(o.h0, [batch, units]);
  const dh = tf.tensor3d(o.dh, [steps, batch, units]);
  const states = tf.engine().runKernel('StrataSimpleRNN', { inputs: x, recurrentKernel: u, initialState: h0 }) as tf.Tensor;
  const grads = tf.engine().runKernel('StrataSimpleRNNGrad', { dStates: dh, states, recurrentKernel: u, initialState: h0 }) as tf.Tensor[];
  return [states, ...grads];
}

/** Worst scaled error over states and the three gradients. */
function worstError(actual: Result[], expected: Result[]): number {
  expect(actual).toHaveLength(4);
  return Math.max(...expected.map((e, i) => maxScaledError(actual[i] as Result, e)));
}

const SIZES: [number, number, number][] = [
  [1, 1, 5],
  [1, 3, 13],
  [5, 1, 5],
  [5, 3, 13],
  [5, 3, 64],
  [5, 1, 64],
];

describe('StrataSimpleRNN and StrataSimpleRNNGrad (wasm)', () => {
  for (const [steps, batch, units] of SIZES) {
    it(`time ${steps}, batch ${batch}, units ${units}: states and gradients equal the plain ops path on cpu`, async () => {
      const o = operands(steps, batch, units, 10 * steps + units);
      const expected = await runOn('cpu', () => plainPath(steps, batch, units, o));
      // The gradient of a state reaches h0 through every step: its values are far from zero.
      expect(Math.max(...Array.from((expected[3] as Result).values, Math.abs))).toBeGreaterThan(0.05);
      await tf.setBackend('wasm');
      const before = wasmDataIds();
      const actual = await runOn('wasm', () => fusedPath(steps, batch, units, o));
      expect(wasmDataIds()).toBe(before);
      expect(worstError(actual, expected)).toBeLessThan(2e-5);
    });
  }

  it('the JavaScript fallback (no WebAssembly SIMD) equals the plain ops path too', async () => {
    for (const [steps, batch, units] of [[1, 1, 5], [5, 3, 13]] as const) {
      const o = operands(steps, batch, units, 3);
      const expected = await runOn('cpu', () => plainPath(steps, batch, units, o));
      const sizes = { steps, batch, units };
      const states = new Float32Array(steps * batch * units);
      simpleRNNForward(sizes, o.x, o.u, o.h0, states);
      const dx = new Float32Array(steps * batch * units).fill(NaN);
      const du = new Float32Array(units * units).fill(NaN);
      const dh0 = new Float32Array(batch * units).fill(NaN);
      simpleRNNBackward(sizes, o.dh, states, o.u, o.h0, dx, du, dh0);
      const actual: Result[] = [
        { shape: [steps, batch, units], values: states },
        { shape: [steps, batch, units], values: dx },
        { shape: [units, units], values: du },
        { shape: [batch, units], values: dh0 },
      ];
      expect(worstError(actual, expected)).toBeLessThan(2e-5);
    }
  });

  it('h_t = tanh(x_t + h_{t-1}·U) by hand for one unit', async () => {
    // x = [0.5, -1], U = [[2]], h0 = [[0.25]].
    const [states] = await runOn('wasm', () =>
      tf.engine().runKernel('StrataSimpleRNN', {
        inputs: tf.tensor3d([0.5, -1], [2, 1, 1]),
        recurrentKernel: tf.tensor2d([[2]]),
        initialState: tf.tensor2d([[0.25]]),
      }) as tf.Tensor,
    );
    const h1 = Math.tanh(0.5 + 0.5);
    expect(Array.from(states!.values)).toEqual([expect.closeTo(h1, 6), expect.closeTo(Math.tanh(-1 + 2 * h1), 6)]);
  });

  it('rejects operands whose shapes do not go together, naming the kernel and the operand', async () => {
    await expect(
      runOn('wasm', () =>
        tf.engine().runKernel('StrataSimpleRNN', { inputs: tf.zeros([2, 3, 4]), recurrentKernel: tf.zeros([4, 4]), initialState: tf.zeros([3, 5]) }) as tf.Tensor,
      ),
    ).rejects.toThrow('StrataSimpleRNN: initialState must have shape [3, 4] to go with inputs [2, 3, 4]; received [3, 5]');
    await expect(
      runOn('wasm', () =>
        tf.engine().runKernel('StrataSimpleRNNGrad', {
          dStates: tf.zeros([2, 3, 4]), states: tf.zeros([2, 3, 5]), recurrentKernel: tf.zeros([4, 4]), initialState: tf.zeros([3, 4]),
        }) as tf.Tensor[],
      ),
    ).rejects.toThrow('StrataSimpleRNNGrad: states must have shape [2, 3, 4] to go with dStates [2, 3, 4]; received [2, 3, 5]');
  });
});
