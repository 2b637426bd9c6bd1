// NaN and ±Infinity reach the loss on every backend as they do in Keras: each loss gives the same
// (non-finite) values on the default wasm backend as on the cpu reference, and a model whose weights
// turn NaN stops under TerminateOnNaN.
import { Sequential, callbacks, layers, losses, metrics, setBackend, tf } from './index';

const BACKENDS = ['wasm', 'cpu'] as const;

/** A value as compared across backends: non-finite exactly, finite to 5 significant digits (float32 logs differ in the last bits). */
function comparable(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(5) : String(v);
}

async function lossValues(backend: string): Promise<Record<string, string[]>> {
  await setBackend(backend);
  const values: Record<string, string[]> = {};
  for (const name of losses.lossNames()) {
    const loss = losses.getLoss(name);
    for (const bad of [NaN, Infinity, -Infinity]) {
      const yTrue = name.includes('sparse') ? tf.tensor1d([1, 2]) : tf.tensor2d([[0, 1, 0], [0, 0, 1]]);
      const yPred = tf.tensor2d([[0.2, bad, 0.3], [0.1, 0.2, 0.7]]);
      const out = loss.call(yTrue, yPred);
      values[`${name}(${bad})`] = Array.from(await out.data(), comparable);
      tf.dispose([yTrue, yPred, out]);
    }
  }
  return values;
}

describe('non-finite values through the losses', () => {
  it('give the same values on wasm as on cpu, NaN where an input NaN reaches the loss', async () => {
    const [wasm, cpu] = [await lossValues('wasm'), await lossValues('cpu')];
    expect(wasm).toEqual(cpu);
    // The cases the wasm backend used to hide behind a clipped, finite loss of 16.118.
    for (const key of ['categorical_crossentropy(NaN)', 'sparse_categorical_crossentropy(NaN)', 'kl_divergence(NaN)', 'binary_crossentropy(NaN)', 'categorical_hinge(Infinity)']) {
      expect([key, wasm[key]?.[0]]).toEqual([key, 'NaN']);
    }
  });

  it.each(BACKENDS)('make accuracy metrics count a NaN prediction as wrong on %s', async (backend) => {
    await setBackend(backend);
    const yTrue = tf.tensor2d([[0, 1, 0], [0, 0, 1]]);
    const yPred = tf.tensor2d([[NaN, NaN, NaN], [0.1, 0.2, 0.7]]);
    const acc = metrics.categoricalAccuracy(yTrue, yPred);
    expect(Array.from(await acc.data())).toEqual([0, 1]);
    tf.dispose([yTrue, yPred, acc]);
  });
});

describe('TerminateOnNaN', () => {
  it.each(BACKENDS)('stops fit after the first batch once a weight is NaN, on %s', async (backend) => {
    await setBackend(backend);
    const model = new Sequential();
    model.add(new layers.Dense(4, { inputDim: 3, activation: 'relu' }));
    model.add(new layers.Dense(3, { activation: 'softmax' }));
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam' });
    const first = model.layers[0] as layers.Layer;
    const [kernel, bias] = first.getWeights();
    first.setWeights([tf.fill([3, 4], NaN), bias as tf.Tensor]);
    tf.dispose([kernel, bias]);
    const x = tf.ones([32, 3]);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: 32 }, (_, i) => i % 3), 'int32'), 3);
    const history = await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0, callbacks: [new callbacks.TerminateOnNaN()] });
    expect(history.history['loss']).toHaveLength(1);
    expect(Number.isNaN(history.history['loss']?.[0])).toBe(true);
    const evaluated = await model.evaluate(x, y, { verbose: 0 });
    expect(Number.isNaN(Array.isArray(evaluated) ? evaluated[0] : evaluated)).toBe(true);
    model.dispose();
    tf.dispose([x, y]);
  });
});
