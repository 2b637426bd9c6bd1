import { tf, Tensor, setRandomSeed, ValueError } from '@strata-ml/core';
import { Dense, Input, resetLayerNames } from '@strata-ml/layers';
import { MeanSquaredError } from '@strata-ml/losses';
import { Adam } from '@strata-ml/optimizers';
import { Model } from '../model';
import { useTestBackend } from '../../test/helpers';
import { valueAndGrads, zip } from './value-and-grads';

beforeAll(useTestBackend);

function regressor(): Model {
  resetLayerNames();
  setRandomSeed(7);
  const x = Input({ shape: [3] });
  const h = new Dense(4, { activation: 'tanh' }).apply(x);
  return new Model({ inputs: x, outputs: new Dense(1).apply(h) });
}

describe('valueAndGrads', () => {
  it('gives the value and gradients of f, in the order of the variables (finite differences)', () => {
    const w = tf.variable(tf.tensor1d([0.5, -1.5]));
    const b = tf.variable(tf.scalar(2));
    const f = (): Tensor => tf.add(tf.sum(tf.square(w)), tf.mul(b, b));
    const { value, grads } = valueAndGrads(f, [b, w]);
    expect(value.dataSync()[0]).toBeCloseTo(0.25 + 2.25 + 4, 5);
    expect(Array.from((grads[0] as Tensor).dataSync())).toEqual([4]);
    const eps = 1e-2;
    const numeric = [0, 1].map((i) => {
      const at = (d: number): number => tf.tidy(() => {
        const moved = tf.add(w, tf.mul(tf.reshape(tf.oneHot([i], 2), [2]), d));
        return tf.add(tf.sum(tf.square(moved)), tf.mul(b, b)).dataSync()[0] as number;
      });
      return (at(eps) - at(-eps)) / (2 * eps);
    });
    const analytic = Array.from((grads[1] as Tensor).dataSync());
    analytic.forEach((g, i) => expect(g).toBeCloseTo(numeric[i] as number, 3));
    tf.dispose([value, ...grads, w, b]);
  });

  it('gives zeros for a variable the value does not depend on, and checks its arguments', () => {
    const used = tf.variable(tf.scalar(3));
    const unused = tf.variable(tf.zeros([2]));
    const { value, grads } = valueAndGrads(() => tf.mul(used, used), [used, unused]);
    expect(Array.from((grads[1] as Tensor).dataSync())).toEqual([0, 0]);
    expect(() => valueAndGrads(() => tf.mul(used, tf.ones([2])), [used])).toThrow('valueAndGrads: f must be a function returning a scalar Tensor');
    expect(() => valueAndGrads(() => tf.mul(used, used), [])).toThrow(ValueError);
    expect(() => zip([tf.scalar(1)], [])).toThrow('zip: expected one gradient per variable; received 1 gradients and 0 variables');
    tf.dispose([value, ...grads, used, unused]);
  });

  it('drives a custom training loop to the same weights as fit, within 1e-6', async () => {
    const x = tf.tensor2d([[0, 1, 2], [1, -1, 0], [2, 0, -2], [-1, 1, 1], [0.5, 0.5, 0.5], [3, 1, 0]]);
    const y = tf.tensor2d([[1], [0], [-1], [2], [0.5], [1.5]]);
    const steps = 4;

    const fitted = regressor();
    fitted.compile({ loss: 'mse', optimizer: new Adam({ learningRate: 0.05 }) });
    await fitted.fit(x, y, { epochs: steps, batchSize: 3, shuffle: false, verbose: 0 });

    const custom = regressor();
    const optimizer = new Adam({ learningRate: 0.05 });
    const loss = new MeanSquaredError();
    const losses: number[] = [];
    for (let epoch = 0; epoch < steps; epoch++) {
      for (const start of [0, 3]) {
        const [xb, yb] = [tf.slice(x, [start, 0], [3, 3]), tf.slice(y, [start, 0], [3, 1])];
        const vars = custom.trainableVariables;
        const { value, grads } = valueAndGrads(() => loss.compute(yb, custom.apply(xb, { training: true }) as Tensor), vars);
        optimizer.applyGradients(zip(grads, vars));
        losses.push(value.dataSync()[0] as number);
        tf.dispose([xb, yb, value, ...grads]);
      }
    }
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] as number);
    const a = fitted.getWeights();
    const b = custom.getWeights();
    expect(b.length).toBe(4);
    a.forEach((w, i) => {
      const diff = tf.max(tf.abs(tf.sub(w, b[i] as Tensor))).dataSync()[0] as number;
      expect(diff).toBeLessThanOrEqual(1e-6);
    });
    tf.dispose([x, y, ...a, ...b]);
    fitted.dispose();
    custom.dispose();
  });
});
