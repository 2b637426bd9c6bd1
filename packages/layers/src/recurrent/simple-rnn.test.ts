import { tf, setBackend, type Tensor } from '@strata-ml/core';
import { SimpleRNN, SimpleRNNCell } from '../index';
import { sample, useTestBackend } from '../../test/harness';
import { recurrentLayerChecks } from '../../test/recurrent-suite';

beforeAll(useTestBackend);

describe('SimpleRNN', () => {
  recurrentLayerChecks(SimpleRNN, SimpleRNNCell, 1);
});

describe('SimpleRNN on a backend with the sequence kernels (wasm)', () => {
  const KERNELS = ['StrataSimpleRNN', 'StrataSimpleRNNGrad'];

  beforeAll(() => setBackend('wasm'));
  afterAll(useTestBackend);

  /** Runs `fn` with the sequence kernels unregistered from wasm, so that the layer takes the plain path. */
  async function withoutKernels<T>(fn: () => Promise<T>): Promise<T> {
    const configs = KERNELS.map((name) => tf.getKernel(name, 'wasm') as tf.KernelConfig);
    expect(configs.every((c) => c !== undefined)).toBe(true);
    KERNELS.forEach((name) => tf.unregisterKernel(name, 'wasm'));
    try {
      return await fn();
    } finally {
      configs.forEach((c) => tf.registerKernel(c));
    }
  }

  interface Run {
    outputs: Float32Array[];
    grads: Float32Array[];
    kernels: string[];
  }

  /**
   * Outputs of `layer` on x (with h0 as initial state when given) and the gradients of a weighted sum of all
   * outputs with respect to x, h0 and every weight, with the kernel names the forward pass ran.
   */
  async function run(layer: SimpleRNN, x: Tensor, h0: Tensor | null): Promise<Run> {
    const outputsOf = (list: Tensor[]): Tensor[] => {
      const out = layer.apply(list);
      return Array.isArray(out) ? out : [out];
    };
    const apply = (): Tensor[] => outputsOf(h0 === null ? [x] : [x, h0]);
    // The first call builds the layer (its weights stay); nothing else may remain.
    const profile = await tf.profile(() => tf.dispose(apply()));
    const before = tf.memory().numTensors;
    const outputs = tf.tidy(() => apply().map((t) => t.dataSync() as Float32Array));
    const loss = (): tf.Scalar =>
      tf.addN(apply().map((t, i) => tf.sum(tf.mul(t, sample(t.shape, 50 + i))))) as tf.Scalar;
    const variables = layer.trainableWeights.map((w) => w.variable);
    const grads = tf.tidy(() => {
      const { value, grads: byName } = tf.variableGrads(loss, variables);
      value.dispose();
      const wrt = h0 === null ? [x] : [x, h0];
      const dInputs = tf.grads((...args: Tensor[]) => {
        return tf.addN(outputsOf(args).map((t, i) => tf.sum(tf.mul(t, sample(t.shape, 50 + i)))));
      })(wrt);
      return [...dInputs, ...variables.map((v) => byName[v.name] as Tensor)].map((t) => t.dataSync() as Float32Array);
    });
    expect(tf.memory().numTensors).toBe(before);
    return { outputs, grads, kernels: profile.kernelNames };
  }

  function expectClose(actual: Float32Array[], expected: Float32Array[]): void {
    expect(actual).toHaveLength(expected.length);
    expected.forEach((e, k) => {
      const a = actual[k] as Float32Array;
      expect(a.length).toBe(e.length);
      e.forEach((v, i) => expect(Math.abs((a[i] as number) - v)).toBeLessThan(2e-5 * (1 + Math.abs(v))));
    });
  }

  const CASES: [string, Record<string, unknown>, boolean][] = [
    ['the last output', {}, false],
    ['returnSequences', { returnSequences: true }, false],
    ['goBackwards', { goBackwards: true }, false],
    ['goBackwards with returnSequences', { goBackwards: true, returnSequences: true }, false],
    ['returnState and an initial state', { returnState: true, returnSequences: true }, true],
    ['returnState without a bias', { returnState: true, useBias: false }, false],
  ];

  for (const [label, args, withH0] of CASES) {
    for (const [time, batch, units] of [[1, 3, 5], [5, 3, 13], [5, 1, 5]] as const) {
      it(`${label}, time ${time}, batch ${batch}, units ${units}: fused outputs and gradients equal the plain path's`, async () => {
        const layer = new SimpleRNN(units, {
          ...args,
          kernelInitializer: { className: 'GlorotUniform', config: { seed: 1 } },
          recurrentInitializer: { className: 'Orthogonal', config: { gain: 1.2, seed: 2 } },
          ...(args['useBias'] === false ? {} : { biasInitializer: { className: 'RandomNormal', config: { stddev: 0.3, seed: 3 } } }),
        });
        const x = sample([batch, time, 4], 7);
        const h0 = withH0 ? sample([batch, units], 8) : null;
        const fused = await run(layer, x, h0);
        const plain = await withoutKernels(() => run(layer, x, h0));
        expect(fused.kernels).toContain('StrataSimpleRNN');
        expect(plain.kernels).not.toContain('StrataSimpleRNN');
        expectClose(fused.outputs, plain.outputs);
        expectClose(fused.grads, plain.grads);
        // The gradients of the input and of the input kernel (which every step reaches) are far from zero.
        for (const k of [0, withH0 ? 2 : 1]) expect(Math.max(...Array.from(fused.grads[k] as Float32Array, Math.abs))).toBeGreaterThan(1e-2);
        tf.dispose([x, ...(h0 === null ? [] : [h0])]);
        layer.dispose();
      });
    }
  }

  it('matches the cpu backend (plain path) too', async () => {
    const make = (): SimpleRNN => new SimpleRNN(13, { returnSequences: true, kernelInitializer: { className: 'GlorotUniform', config: { seed: 4 } }, recurrentInitializer: { className: 'Orthogonal', config: { seed: 5 } } });
    const x = sample([3, 5, 4], 9);
    const fused = await run(make(), x, null);
    x.dispose();
    await setBackend('cpu');
    const y = sample([3, 5, 4], 9);
    const reference = await run(make(), y, null);
    y.dispose();
    await setBackend('wasm');
    expectClose(fused.outputs, reference.outputs);
    expectClose(fused.grads, reference.grads);
  });

  it('keeps the plain path for relu, a mask, unroll, and dropout in training', async () => {
    const x = sample([2, 4, 3], 10);
    const kernelsOf = async (layer: SimpleRNN, kwargs: Record<string, unknown>): Promise<string[]> => {
      const profile = await tf.profile(() => tf.dispose(layer.apply(x, kwargs)));
      layer.dispose();
      return profile.kernelNames;
    };
    const mask = tf.tensor2d([[1, 1, 0, 1], [1, 0, 1, 1]]);
    expect(await kernelsOf(new SimpleRNN(5), {})).toContain('StrataSimpleRNN');
    expect(await kernelsOf(new SimpleRNN(5, { dropout: 0.5 }), {})).toContain('StrataSimpleRNN');
    expect(await kernelsOf(new SimpleRNN(5, { activation: 'relu' }), {})).not.toContain('StrataSimpleRNN');
    expect(await kernelsOf(new SimpleRNN(5), { mask })).not.toContain('StrataSimpleRNN');
    expect(await kernelsOf(new SimpleRNN(5, { unroll: true }), {})).not.toContain('StrataSimpleRNN');
    expect(await kernelsOf(new SimpleRNN(5, { dropout: 0.5 }), { training: true })).not.toContain('StrataSimpleRNN');
    expect(await kernelsOf(new SimpleRNN(5, { recurrentDropout: 0.5 }), { training: true })).not.toContain('StrataSimpleRNN');
    tf.dispose([x, mask]);
  });
});
