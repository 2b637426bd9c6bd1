import { ValueError } from '@strata-ml/core';
import * as optimizers from './index';

type Options = Record<string, unknown>;

/** How to construct each exported class with extra options. */
const CONSTRUCT: Record<string, ((options: Options) => unknown) | { exempt: string }> = {
  Optimizer: { exempt: 'abstract' },
  LearningRateSchedule: { exempt: 'abstract' },
  SGD: (o) => new optimizers.SGD(o),
  Adam: (o) => new optimizers.Adam(o),
  RMSprop: (o) => new optimizers.RMSprop(o),
  Adagrad: (o) => new optimizers.Adagrad(o),
  Adadelta: (o) => new optimizers.Adadelta(o),
  Adamax: (o) => new optimizers.Adamax(o),
  Nadam: (o) => new optimizers.Nadam(o),
  AdamW: (o) => new optimizers.AdamW(o),
  ExponentialDecay: (o) => new optimizers.ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, ...o }),
  InverseTimeDecay: (o) => new optimizers.InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, ...o }),
  PiecewiseConstantDecay: (o) => new optimizers.PiecewiseConstantDecay({ boundaries: [10], values: [0.1, 0.01], ...o }),
  CosineDecay: (o) => new optimizers.CosineDecay({ initialLearningRate: 0.1, decaySteps: 10, ...o }),
};

const isClass = (v: unknown): boolean => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValueError);
    return (e as Error).message;
  }
  throw new Error('expected a ValueError');
}

const OPTIMIZERS = ['SGD', 'Adam', 'RMSprop', 'Adagrad', 'Adadelta', 'Adamax', 'Nadam', 'AdamW'] as const;

describe('strict options in @strata-ml/optimizers', () => {
  it('knows how to construct every exported class', () => {
    const exported = Object.entries(optimizers).filter(([, v]) => isClass(v)).map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(CONSTRUCT).sort());
  });

  it.each(Object.entries(CONSTRUCT).filter((e): e is [string, (o: Options) => unknown] => typeof e[1] === 'function'))(
    '%s rejects an unknown key by name',
    (name, construct) => {
      expect(() => construct({})).not.toThrow();
      expect(messageOf(() => construct({ bogusOption: 1 }))).toMatch(new RegExp(`^${name}: unknown option 'bogusOption'`));
      expect(messageOf(() => construct({ constructor: 1 }))).toMatch(new RegExp(`^${name}: unknown option 'constructor'`));
    },
  );

  it.each(OPTIMIZERS)("%s refuses Keras 2's lr and decay and says what replaced them", (name) => {
    const ctor = optimizers[name] as new (o: Options) => unknown;
    expect(messageOf(() => new ctor({ lr: 0.01 }))).toBe(
      `${name}: option 'lr' was renamed 'learningRate' in Keras 3 (which refuses 'lr' too); use 'learningRate'`,
    );
    expect(messageOf(() => new ctor({ learningRate: 0.01, decay: 1e-6 }))).toBe(
      `${name}: option 'decay' (Keras 2's learning-rate decay, lr / (1 + decay · iterations)) was removed in Keras 3; ` +
        'for the same schedule pass learningRate: new InverseTimeDecay({ initialLearningRate: lr, decaySteps: 1, decayRate: decay })',
    );
  });

  it('answers snake_case keys, and Keras 3 options not supported here', () => {
    expect(messageOf(() => new optimizers.Adam({ learning_rate: 0.01 } as never))).toBe("Adam: unknown option 'learning_rate': options are camelCase, use 'learningRate'");
    expect(messageOf(() => new optimizers.Adam({ beta_1: 0.5 } as never))).toBe("Adam: unknown option 'beta_1': options are camelCase, use 'beta1'");
    expect(messageOf(() => new optimizers.SGD({ use_ema: true } as never))).toBe(
      "SGD: option 'useEma' (Keras's use_ema) is not supported yet (options are camelCase: 'use_ema' is 'useEma')",
    );
    expect(messageOf(() => new optimizers.RMSprop({ rh: 0.5 } as never))).toMatch(/^RMSprop: unknown option 'rh' \(did you mean 'rho'\?\)/);
  });

  it('the decay schedule named in the message is what Keras 2 computed', () => {
    const schedule = new optimizers.InverseTimeDecay({ initialLearningRate: 0.01, decaySteps: 1, decayRate: 1e-3 });
    for (const step of [0, 1, 10, 1000]) expect(schedule.call(step)).toBeCloseTo(0.01 / (1 + 1e-3 * step), 12);
  });
});
