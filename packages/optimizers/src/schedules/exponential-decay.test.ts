import { ExponentialDecay } from './exponential-decay';
import { deserializeSchedule, serializeSchedule } from './serialize-schedule';

describe('ExponentialDecay', () => {
  it('is lr·rate^(step/decaySteps), floored with staircase', () => {
    const smooth = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    expect(smooth.call(0)).toBeCloseTo(0.1, 15);
    expect(smooth.call(5)).toBeCloseTo(0.1 * Math.SQRT1_2, 15);
    expect(smooth.call(20)).toBeCloseTo(0.025, 15);
    const stairs = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
    expect(stairs.call(9)).toBeCloseTo(0.1, 15);
    expect(stairs.call(10)).toBeCloseTo(0.05, 15);
  });

  it('round-trips and validates', () => {
    const s = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
    expect(deserializeSchedule(serializeSchedule(s)).getConfig()).toEqual(s.getConfig());
    expect(() => new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 })).toThrow(
      'ExponentialDecay: decaySteps must be a positive number; received decaySteps=0',
    );
  });
});
