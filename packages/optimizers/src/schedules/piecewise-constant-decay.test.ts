import { PiecewiseConstantDecay } from './piecewise-constant-decay';
import { deserializeSchedule, serializeSchedule } from './serialize-schedule';

describe('PiecewiseConstantDecay', () => {
  it('holds each value up to and including its boundary', () => {
    const s = new PiecewiseConstantDecay({ boundaries: [100, 200], values: [1, 0.5, 0.1] });
    expect([0, 100, 101, 200, 201, 1e6].map((step) => s.call(step))).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
    expect(deserializeSchedule(serializeSchedule(s)).getConfig()).toEqual({ boundaries: [100, 200], values: [1, 0.5, 0.1] });
  });

  it('needs one more value than boundaries, and increasing boundaries', () => {
    expect(() => new PiecewiseConstantDecay({ boundaries: [10], values: [1] })).toThrow(
      'PiecewiseConstantDecay: values must have one more entry than boundaries; received 1 boundaries and 1 values',
    );
    expect(() => new PiecewiseConstantDecay({ boundaries: [10, 5], values: [1, 2, 3] })).toThrow(
      'PiecewiseConstantDecay: boundaries must be increasing; received boundaries=[10, 5]',
    );
  });
});
