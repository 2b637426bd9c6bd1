import { tf } from '@strata-ml/core';
import { Adam } from './adam';
import type { ElementRule } from '../test/reference';
import { expectMatchesReference } from '../test/reference';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

const adam = (b1: number, b2: number, eps: number, amsgrad: boolean): ElementRule => (w, g, s, lr, t) => {
  s['m'] = (s['m'] as number) + (g - (s['m'] as number)) * (1 - b1);
  s['v'] = (s['v'] as number) + (g * g - (s['v'] as number)) * (1 - b2);
  s['vhat'] = Math.max(s['vhat'] as number, s['v'] as number);
  const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
  return w - (alpha * (s['m'] as number)) / (Math.sqrt(amsgrad ? (s['vhat'] as number) : (s['v'] as number)) + eps);
};
const slots = () => ({ m: 0, v: 0, vhat: 0 });

describe('Adam', () => {
  it('has Keras defaults: lr 0.001, β 0.9/0.999, ε 1e-7, no AMSGrad, name adam', () => {
    const o = new Adam();
    expect([o.learningRate, o.beta1, o.beta2, o.epsilon, o.amsgrad, o.name]).toEqual([0.001, 0.9, 0.999, 1e-7, false, 'adam']);
  });

  it('first step by hand: each weight moves by about lr·sign(g)', () => {
    // t = 1: m = 0.1g, v = 0.001g², α = lr·√0.001/0.1, so Δ = α·0.1g/(√0.001|g| + ε) ≈ lr·sign(g).
    const v = tf.variable(tf.tensor1d([1, 1]));
    new Adam({ learningRate: 0.1 }).applyGradients([[tf.tensor1d([3, -0.5]), v]]);
    const d = (g: number) => (0.1 * Math.sqrt(0.001) / 0.1) * 0.1 * g / (Math.sqrt(0.001 * g * g) + 1e-7);
    expectClose(v, [1 - d(3), 1 - d(-0.5)], 1e-6);
  });

  it('matches the reference over several steps, with and without AMSGrad', () => {
    expectMatchesReference(new Adam({ learningRate: 0.1 }), { rule: adam(0.9, 0.999, 1e-7, false), slots, lr: () => 0.1 });
    expectMatchesReference(new Adam({ learningRate: 0.05, beta1: 0.8, beta2: 0.99, epsilon: 1e-3, amsgrad: true }), {
      rule: adam(0.8, 0.99, 1e-3, true),
      slots,
      lr: () => 0.05,
    }, 8);
  });

  it('validates betas', () => {
    expect(() => new Adam({ beta1: 1 })).toThrow('Adam: beta1 must be a number in [0, 1); received beta1=1');
  });

  it('round-trips its config', () => {
    const config = new Adam({ learningRate: 0.01, amsgrad: true }).getConfig();
    expect(config).toEqual({ name: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, amsgrad: true });
    expect(new Adam(config).getConfig()).toEqual(config);
  });
});
