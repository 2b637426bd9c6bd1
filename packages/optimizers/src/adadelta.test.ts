import { Adadelta } from './adadelta';
import { expectMatchesReference } from '../test/reference';
import { useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('Adadelta', () => {
  it('has Keras defaults and matches the reference', () => {
    const o = new Adadelta();
    expect([o.learningRate, o.rho, o.epsilon, o.name]).toEqual([0.001, 0.95, 1e-7, 'adadelta']);
    const rho = 0.9;
    const eps = 1e-3;
    expectMatchesReference(new Adadelta({ learningRate: 1, rho, epsilon: eps }), {
      rule: (w, g, s, lr) => {
        s['A'] = rho * (s['A'] as number) + (1 - rho) * g * g;
        const delta = (-Math.sqrt((s['D'] as number) + eps) * g) / Math.sqrt((s['A'] as number) + eps);
        s['D'] = rho * (s['D'] as number) + (1 - rho) * delta * delta;
        return w + lr * delta;
      },
      slots: () => ({ A: 0, D: 0 }),
      lr: () => 1,
    });
    const config = new Adadelta({ rho: 0.9 }).getConfig();
    expect(new Adadelta(config).getConfig()).toEqual(config);
  });
});
