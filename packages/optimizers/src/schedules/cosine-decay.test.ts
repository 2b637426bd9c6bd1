import { CosineDecay } from './cosine-decay';
import { deserializeSchedule, serializeSchedule } from './serialize-schedule';

describe('CosineDecay', () => {
  it('falls along half a cosine to alpha·lr and stays there', () => {
    const s = new CosineDecay({ initialLearningRate: 0.1, decaySteps: 100, alpha: 0.1 });
    expect(s.call(0)).toBeCloseTo(0.1, 15);
    expect(s.call(50)).toBeCloseTo(0.1 * (0.9 * 0.5 + 0.1), 15);
    expect(s.call(100)).toBeCloseTo(0.01, 15);
    expect(s.call(500)).toBeCloseTo(0.01, 15);
  });

  it('warms up linearly to warmupTarget, then decays from it', () => {
    const s = new CosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 0.2, warmupSteps: 5 });
    expect(s.call(0)).toBe(0);
    expect(s.call(2)).toBeCloseTo(0.08, 15);
    expect(s.call(5)).toBeCloseTo(0.2, 15);
    expect(s.call(10)).toBeCloseTo(0.2 * 0.5 * (1 + Math.cos(Math.PI * 0.5)), 15);
    expect(s.call(15)).toBeCloseTo(0, 15);
    expect(deserializeSchedule(serializeSchedule(s)).getConfig()).toEqual(s.getConfig());
  });

  it('deserializeSchedule rejects an unknown class', () => {
    expect(() => deserializeSchedule({ className: 'Nope', config: {} })).toThrow('deserializeSchedule: unknown schedule class name "Nope"');
  });
});
