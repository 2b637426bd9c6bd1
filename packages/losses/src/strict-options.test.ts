import { ValueError } from '@strata-ml/core';
import * as losses from './index';

type Options = Record<string, unknown>;

/** How to construct each exported class with extra options. */
const CONSTRUCT: Record<string, ((options: Options) => unknown) | { exempt: string }> = {
  Loss: { exempt: 'abstract' },
  LossFunctionWrapper: (o) => new losses.LossFunctionWrapper({ fn: losses.meanSquaredError, ...o }),
  MeanSquaredError: (o) => new losses.MeanSquaredError(o),
  MeanAbsoluteError: (o) => new losses.MeanAbsoluteError(o),
  MeanAbsolutePercentageError: (o) => new losses.MeanAbsolutePercentageError(o),
  MeanSquaredLogarithmicError: (o) => new losses.MeanSquaredLogarithmicError(o),
  CategoricalCrossentropy: (o) => new losses.CategoricalCrossentropy(o),
  SparseCategoricalCrossentropy: (o) => new losses.SparseCategoricalCrossentropy(o),
  BinaryCrossentropy: (o) => new losses.BinaryCrossentropy(o),
  Hinge: (o) => new losses.Hinge(o),
  CategoricalHinge: (o) => new losses.CategoricalHinge(o),
  KLDivergence: (o) => new losses.KLDivergence(o),
  Huber: (o) => new losses.Huber(o),
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

describe('strict options in @strata-ml/losses', () => {
  it('knows how to construct every exported class', () => {
    const exported = Object.entries(losses).filter(([, v]) => isClass(v)).map(([name]) => name);
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

  it('names the closest option and the camelCase form of a snake_case one', () => {
    expect(messageOf(() => new losses.CategoricalCrossentropy({ fromLogit: true } as never))).toBe(
      "CategoricalCrossentropy: unknown option 'fromLogit' (did you mean 'fromLogits'?); valid options: name, reduction, fromLogits, labelSmoothing, axis",
    );
    expect(messageOf(() => new losses.BinaryCrossentropy({ from_logits: true } as never))).toBe(
      "BinaryCrossentropy: unknown option 'from_logits': options are camelCase, use 'fromLogits'",
    );
  });
});
