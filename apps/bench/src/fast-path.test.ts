/**
 * Training with Strata's fused wasm kernels (StrataAdamUpdate, StrataSGDUpdate, Tanh) follows the same loss
 * curve as the plain path: the optimizers' ops on wasm (fused kernels unregistered), and everything on the
 * JavaScript cpu backend.
 */
import { tf, setBackend, setRandomSeed, type Tensor } from '@strata-ml/core';
import '@tensorflow/tfjs-backend-cpu';
import { STRATA_WASM_KERNELS } from '@strata-ml/backend-wasm';
import { Dense, SimpleRNN } from '@strata-ml/layers';
import { Sequential } from '@strata-ml/models';
import { Adam, SGD } from '@strata-ml/optimizers';

const FUSED = ['StrataAdamUpdate', 'StrataSGDUpdate'];

type Setup = 'wasm fused' | 'wasm ops' | 'cpu';

/** Deterministic inputs whose pattern depends on the class (so a model can learn them), and one-hot labels. */
function data(n: number, shape: number[]): [Tensor, Tensor] {
  const size = shape.reduce((a, b) => a * b, 1);
  const x = Float32Array.from({ length: n * size }, (_, k) => {
    const [i, j] = [Math.floor(k / size), k % size];
    return Math.sin(j * 0.7 + (i % 3) * 2) + 0.3 * Math.sin(k * 1.3);
  });
  const y = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) y[i * 3 + (i % 3)] = 1;
  return [tf.tensor(x, [n, ...shape]), tf.tensor(y, [n, 3])];
}

/** Trains a fresh model (same seed, so the same initial weights) one batch per epoch; returns the losses. */
async function lossCurve(setup: Setup, model: 'mlp' | 'rnn'): Promise<number[]> {
  await setBackend(setup === 'cpu' ? 'cpu' : 'wasm');
  const removed = setup === 'wasm ops' ? STRATA_WASM_KERNELS.filter((k) => FUSED.includes(k.kernelName)) : [];
  for (const k of removed) tf.unregisterKernel(k.kernelName, k.backendName);
  // The optimizers choose their path by whether the kernel is registered for the current backend.
  expect(FUSED.map((name) => tf.getKernel(name, 'wasm') !== undefined)).toEqual(FUSED.map(() => setup !== 'wasm ops'));
  try {
    setRandomSeed(42);
    const m =
      model === 'mlp'
        ? new Sequential({ layers: [new Dense(32, { inputDim: 20, activation: 'relu' }), new Dense(3, { activation: 'softmax' })] })
        : new Sequential({ layers: [new SimpleRNN(16, { inputShape: [6, 4] }), new Dense(3, { activation: 'softmax' })] });
    m.compile({
      loss: 'categorical_crossentropy',
      optimizer: model === 'mlp' ? new Adam({ learningRate: 0.01 }) : new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }),
    });
    const [x, y] = data(48, model === 'mlp' ? [20] : [6, 4]);
    const history = await m.fit(x, y, { epochs: 12, batchSize: 48, shuffle: false, verbose: 0 });
    tf.dispose([x, y]);
    m.dispose();
    return history.history['loss'] as number[];
  } finally {
    for (const k of removed) tf.registerKernel(k);
  }
}

describe('fused training kernels', () => {
  for (const model of ['mlp', 'rnn'] as const) {
    it(`${model}: the fused path on wasm follows the ops path on wasm and on cpu`, async () => {
      const fused = await lossCurve('wasm fused', model);
      const ops = await lossCurve('wasm ops', model);
      const cpu = await lossCurve('cpu', model);
      expect(fused).toHaveLength(12);
      // The model learns: the loss falls well below its start.
      expect(fused[11] as number).toBeLessThan(0.8 * (fused[0] as number));
      fused.forEach((loss, i) => {
        expect(Math.abs(loss - (ops[i] as number))).toBeLessThan(1e-4 * (1 + loss));
        expect(Math.abs(loss - (cpu[i] as number))).toBeLessThan(1e-3 * (1 + loss));
      });
    });
  }

  it('registers the fused kernels again after the ops-path run', async () => {
    await lossCurve('wasm ops', 'mlp');
    for (const name of FUSED) expect(tf.getKernel(name, 'wasm')).toBeDefined();
  });
});
