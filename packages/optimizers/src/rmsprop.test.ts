import { RMSprop } from './rmsprop';
import type { ElementRule } from '../test/reference';
import { expectMatchesReference } from '../test/reference';
import { useCpuBackend } from '../test/helpers';

useCpuBackend();

const rmsprop = (rho: number, mu: number, eps: number, centered: boolean): ElementRule => (w, g, s, lr) => {
  s['v'] = rho * (s['v'] as number) + (1 - rho) * g * g;
  let d = (s['v'] as number) + eps;
  if (centered) {
    s['a'] = rho * (s['a'] as number) + (1 - rho) * g;
    d = (s['v'] as number) - (s['a'] as number) ** 2 + eps;
  }
  const inc = (lr * g) / Math.sqrt(d);
  if (mu > 0) {
    s['m'] = mu * (s['m'] as number) + inc;
    return w - (s['m'] as number);
  }
  return w - inc;
};
const slots = () => ({ v: 0, a: 0, m: 0 });

describe('RMSprop', () => {
  it('has Keras defaults: lr 0.001, ρ 0.9, momentum 0, ε 1e-7, not centered, name rmsprop', () => {
    const o = new RMSprop();
    expect([o.learningRate, o.rho, o.momentum, o.epsilon, o.centered, o.name]).toEqual([0.001, 0.9, 0, 1e-7, false, 'rmsprop']);
  });

  it('matches the reference: plain, momentum, centered, both', () => {
    expectMatchesReference(new RMSprop({ learningRate: 0.01 }), { rule: rmsprop(0.9, 0, 1e-7, false), slots, lr: () => 0.01 });
    expectMatchesReference(new RMSprop({ learningRate: 0.01, momentum: 0.9 }), { rule: rmsprop(0.9, 0.9, 1e-7, false), slots, lr: () => 0.01 });
    expectMatchesReference(new RMSprop({ learningRate: 0.01, centered: true, rho: 0.8 }), { rule: rmsprop(0.8, 0, 1e-7, true), slots, lr: () => 0.01 });
    expectMatchesReference(new RMSprop({ learningRate: 0.01, centered: true, momentum: 0.5 }), { rule: rmsprop(0.9, 0.5, 1e-7, true), slots, lr: () => 0.01 });
  });

  it('round-trips its config', () => {
    const config = new RMSprop({ momentum: 0.5, centered: true }).getConfig();
    expect(new RMSprop(config).getConfig()).toEqual(config);
    expect(config).toEqual({ name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0.5, epsilon: 1e-7, centered: true });
  });
});
