import { Adamax } from './adamax';
import { expectMatchesReference } from '../test/reference';
import { useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('Adamax', () => {
  it('has Keras defaults and matches the reference', () => {
    const o = new Adamax();
    expect([o.learningRate, o.beta1, o.beta2, o.epsilon, o.name]).toEqual([0.001, 0.9, 0.999, 1e-7, 'adamax']);
    expectMatchesReference(new Adamax({ learningRate: 0.1 }), {
      rule: (w, g, s, lr, t) => {
        s['m'] = (s['m'] as number) + (g - (s['m'] as number)) * 0.1;
        s['u'] = Math.max(0.999 * (s['u'] as number), Math.abs(g));
        return w - (lr * (s['m'] as number)) / ((1 - 0.9 ** t) * ((s['u'] as number) + 1e-7));
      },
      slots: () => ({ m: 0, u: 0 }),
      lr: () => 0.1,
    });
    const config = new Adamax({ beta1: 0.8 }).getConfig();
    expect(new Adamax(config).getConfig()).toEqual(config);
  });
});
