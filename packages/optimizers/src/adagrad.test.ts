import { Adagrad } from './adagrad';
import { expectMatchesReference } from '../test/reference';
import { useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('Adagrad', () => {
  it('has Keras defaults and matches the reference', () => {
    const o = new Adagrad();
    expect([o.learningRate, o.initialAccumulatorValue, o.epsilon, o.name]).toEqual([0.001, 0.1, 1e-7, 'adagrad']);
    expectMatchesReference(new Adagrad({ learningRate: 0.1 }), {
      rule: (w, g, s, lr) => {
        s['a'] = (s['a'] as number) + g * g;
        return w - (lr * g) / Math.sqrt((s['a'] as number) + 1e-7);
      },
      slots: () => ({ a: 0.1 }),
      lr: () => 0.1,
    });
    const config = new Adagrad({ initialAccumulatorValue: 0.5 }).getConfig();
    expect(new Adagrad(config).getConfig()).toEqual(config);
  });
});
