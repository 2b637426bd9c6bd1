import { tf } from '@strata-ml/core';
import { Nadam } from './nadam';
import type { ElementRule } from '../test/reference';
import { expectMatchesReference, INIT, makeGradients, optimizerRun, referenceRun } from '../test/reference';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

const b1 = 0.9;
const b2 = 0.999;
const mu = (t: number) => b1 * (1 - 0.5 * 0.96 ** (0.004 * t));
const product = (t: number) => Array.from({ length: t }, (_, i) => mu(i + 1)).reduce((a, b) => a * b, 1);
const nadam: ElementRule = (w, g, s, lr, t) => {
  s['m'] = (s['m'] as number) + (g - (s['m'] as number)) * (1 - b1);
  s['v'] = (s['v'] as number) + (g * g - (s['v'] as number)) * (1 - b2);
  const pT = product(t);
  const pNext = pT * mu(t + 1);
  const mHat = (mu(t + 1) * (s['m'] as number)) / (1 - pNext) + ((1 - mu(t)) * g) / (1 - pT);
  const vHat = (s['v'] as number) / (1 - b2 ** t);
  return w - (mHat * lr) / (Math.sqrt(vHat) + 1e-7);
};

describe('Nadam', () => {
  it('has Keras defaults and matches the reference', () => {
    const o = new Nadam();
    expect([o.learningRate, o.beta1, o.beta2, o.epsilon, o.name]).toEqual([0.001, 0.9, 0.999, 1e-7, 'nadam']);
    expectMatchesReference(new Nadam({ learningRate: 0.05 }), { rule: nadam, slots: () => ({ m: 0, v: 0 }), lr: () => 0.05 }, 6);
  });

  it('recomputes its momentum product after setWeights moves the step count', () => {
    const grads = makeGradients(6, INIT.map((v) => v.length));
    const first = new Nadam({ learningRate: 0.05 });
    optimizerRun(first, grads.slice(0, 3));
    const saved = first.getWeights();
    // Resume: variables at the reference's state after 3 steps, optimizer state from the first run.
    const resumed = new Nadam({ learningRate: 0.05 });
    resumed.setWeights(saved);
    tf.dispose(saved);
    const opts = { rule: nadam, slots: () => ({ m: 0, v: 0 }), lr: () => 0.05 };
    const after3 = referenceRun(INIT, grads.slice(0, 3), opts);
    const vars = after3.map((v, i) => tf.variable(tf.tensor(v, i === 0 ? [2, 2] : [3])));
    for (const step of grads.slice(3)) {
      const g = step.map((x, i) => tf.tensor(x, i === 0 ? [2, 2] : [3]));
      resumed.applyGradients(g.map((gi, i) => [gi, vars[i] as tf.Variable] as const));
      tf.dispose(g);
    }
    const want = referenceRun(INIT, grads, opts);
    vars.forEach((v, i) => expectClose(v, want[i] as number[], 1e-6, 1e-7));
  });
});
