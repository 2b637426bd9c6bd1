import { InverseTimeDecay } from './inverse-time-decay';
import { deserializeSchedule, serializeSchedule } from './serialize-schedule';

describe('InverseTimeDecay', () => {
  it('is lr/(1 + rate·step/decaySteps), floored with staircase', () => {
    const smooth = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 4, decayRate: 0.5 });
    expect(smooth.call(0)).toBeCloseTo(0.1, 15);
    expect(smooth.call(2)).toBeCloseTo(0.1 / 1.25, 15);
    const stairs = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 4, decayRate: 0.5, staircase: true });
    expect(stairs.call(3)).toBeCloseTo(0.1, 15);
    expect(stairs.call(8)).toBeCloseTo(0.05, 15);
    expect(deserializeSchedule(serializeSchedule(stairs)).getConfig()).toEqual(stairs.getConfig());
  });
});
