import { tf, Tensor, setRandomSeed } from '@strata-ml/core';
import { Dense, Embedding, Flatten, Input, LSTM, resetLayerNames } from '@strata-ml/layers';
import { Model } from './model';
import { Sequential } from './sequential';
import { firstMask, outputMask } from './masking';
import { useTestBackend } from '../test/helpers';

beforeAll(useTestBackend);
beforeEach(resetLayerNames);

function maxDiff(a: Tensor, b: Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}

describe('masks between layers', () => {
  it('Embedding(maskZero) → LSTM in a Sequential: zero padding does not change the output', () => {
    setRandomSeed(5);
    const model = new Sequential({
      layers: [new Embedding(10, 4, { maskZero: true, batchInputShape: [null, null] }), new LSTM(3), new Dense(2)],
    });
    const padded = tf.tensor2d([[3, 7, 0, 0]]);
    const short = tf.tensor2d([[3, 7]]);
    const [a, b] = [model.predictOnBatch(padded), model.predictOnBatch(short)];
    expect(maxDiff(a, b)).toBeLessThan(1e-6);
    // Without the mask the padding steps count.
    const unmasked = new Sequential({ layers: [new Embedding(10, 4, { batchInputShape: [null, null] }), new LSTM(3)] });
    const weights = model.getWeights();
    unmasked.setWeights(weights.slice(0, 4));
    tf.dispose(weights);
    const [c, d] = [unmasked.predictOnBatch(padded), unmasked.predictOnBatch(short)];
    expect(maxDiff(c, d)).toBeGreaterThan(1e-4);
    tf.dispose([padded, short, a, b, c, d]);
    model.dispose();
    unmasked.dispose();
  });

  it('does the same in a functional model', () => {
    setRandomSeed(6);
    const x = Input({ shape: [null] });
    const model = new Model({ inputs: x, outputs: new LSTM(2).apply(new Embedding(5, 3, { maskZero: true }).apply(x)) });
    const padded = tf.tensor2d([[1, 4, 2, 0, 0]]);
    const short = tf.tensor2d([[1, 4, 2]]);
    const [a, b] = [model.apply(padded) as Tensor, model.apply(short) as Tensor];
    expect(maxDiff(a, b)).toBeLessThan(1e-6);
    tf.dispose([padded, short, a, b]);
    model.dispose();
  });

  it('passes a mask through Dense, drops it at Flatten, and takes an output mask from computeMask', () => {
    const mask = tf.tensor2d([[1, 0]], [1, 2], 'bool');
    const x = tf.zeros([1, 2, 3]);
    expect(outputMask(new Dense(2), x, mask)).toBe(mask);
    expect(outputMask(new Flatten(), x, mask)).toBeNull();
    const lstm = new LSTM(2, { returnSequences: true, returnState: true });
    expect(outputMask(lstm, x, mask)).toEqual([mask, null, null]);
    expect(firstMask([mask, null])).toBe(mask);
    tf.dispose([mask, x]);
  });
});
