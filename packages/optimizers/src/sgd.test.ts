import { SGD } from './sgd';
import type { ElementRule } from '../test/reference';
import { expectMatchesReference } from '../test/reference';
import { expectClose, useCpuBackend } from '../test/helpers';
import { tf } from '@strata-ml/core';

useCpuBackend();

const plain: ElementRule = (w, g, _s, lr) => w - lr * g;
const momentum = (mu: number, nesterov: boolean): ElementRule => (w, g, s, lr) => {
  s['m'] = mu * (s['m'] as number) - lr * g;
  return nesterov ? w + mu * (s['m'] as number) - lr * g : w + (s['m'] as number);
};

describe('SGD', () => {
  it('has Keras defaults: lr 0.01, momentum 0, not Nesterov, name SGD', () => {
    const o = new SGD();
    expect([o.learningRate, o.momentum, o.nesterov, o.name]).toEqual([0.01, 0, false, 'SGD']);
  });

  it('one hand-computed step: w -= lr·g', () => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    new SGD({ learningRate: 0.1 }).applyGradients([[tf.tensor1d([0.5, -1]), v]]);
    expectClose(v, [0.95, 2.1]);
  });

  it('matches the reference: plain, momentum, Nesterov', () => {
    expectMatchesReference(new SGD({ learningRate: 0.1 }), { rule: plain, slots: () => ({}), lr: () => 0.1 });
    expectMatchesReference(new SGD({ learningRate: 0.1, momentum: 0.9 }), { rule: momentum(0.9, false), slots: () => ({ m: 0 }), lr: () => 0.1 });
    expectMatchesReference(new SGD({ learningRate: 0.1, momentum: 0.5, nesterov: true }), {
      rule: momentum(0.5, true),
      slots: () => ({ m: 0 }),
      lr: () => 0.1,
    });
  });

  it('validates momentum', () => {
    expect(() => new SGD({ momentum: 1.5 })).toThrow('SGD: momentum must be a number in [0, 1]; received momentum=1.5');
  });

  it('round-trips its config', () => {
    const config = new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true, clipnorm: 1 }).getConfig();
    expect(config).toEqual({ name: 'SGD', learningRate: 0.05, momentum: 0.9, nesterov: true, clipnorm: 1 });
    expect(new SGD(config).getConfig()).toEqual(config);
  });
});
