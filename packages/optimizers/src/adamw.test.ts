import { AdamW } from './adamw';
import { expectMatchesReference } from '../test/reference';
import { useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('AdamW', () => {
  it('is Adam with decoupled weight decay 0.004 by default', () => {
    const o = new AdamW();
    expect([o.learningRate, o.weightDecay, o.name, o.className]).toEqual([0.001, 0.004, 'adamw', 'AdamW']);
    expectMatchesReference(new AdamW({ learningRate: 0.1, weightDecay: 0.05 }), {
      rule: (w, g, s, lr, t) => {
        s['m'] = (s['m'] as number) + (g - (s['m'] as number)) * 0.1;
        s['v'] = (s['v'] as number) + (g * g - (s['v'] as number)) * 0.001;
        const alpha = (lr * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
        return w - (alpha * (s['m'] as number)) / (Math.sqrt(s['v'] as number) + 1e-7);
      },
      slots: () => ({ m: 0, v: 0 }),
      lr: () => 0.1,
      weightDecay: 0.05,
    });
    const config = new AdamW({ weightDecay: 0.01 }).getConfig();
    expect(config['weightDecay']).toBe(0.01);
    expect(new AdamW(config).getConfig()).toEqual(config);
  });
});
