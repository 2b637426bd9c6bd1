import { ValueError } from './errors';
import { closestName, editDistance } from './closest-name';
import { defineOptions, optionKeys, renamedInKeras3 } from './options';

interface BaseArgs {
  name?: string;
  trainable?: boolean;
}
interface SlopeArgs extends BaseArgs {
  negativeSlope?: number;
  inputShape?: number[];
}

const BASE_KEYS = optionKeys<BaseArgs>({ name: true, trainable: true });
const SLOPE = defineOptions<SlopeArgs>('LeakyReLU', { ...BASE_KEYS, negativeSlope: true, inputShape: true }, {
  renamed: { alpha: 'negativeSlope' },
  refused: { lr: renamedInKeras3('lr', 'learningRate') },
});

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValueError);
    return (e as Error).message;
  }
  throw new Error('expected a ValueError');
}

describe('editDistance and closestName', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('inputShap', 'inputShape')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('picks the nearest candidate ignoring case and underscores, the earliest on a tie', () => {
    expect(closestName('inputShap', ['name', 'inputShape', 'batchInputShape'])).toBe('inputShape');
    expect(closestName('BATCHSIZE', ['batchSize', 'epochs'])).toBe('batchSize');
    expect(closestName('ab', ['ax', 'xb'])).toBe('ax');
    expect(closestName('x', [])).toBeUndefined();
  });
});

describe('OptionSpec.check', () => {
  it('returns the same object when every key is valid, and {} for undefined', () => {
    const args = { name: 'a', negativeSlope: 0.1 };
    expect(SLOPE.check(args)).toBe(args);
    expect(SLOPE.check(undefined)).toEqual({});
    expect(SLOPE.keys).toEqual(['name', 'trainable', 'negativeSlope', 'inputShape']);
  });

  it('names an unknown key, the closest valid one and every valid one', () => {
    expect(message(() => SLOPE.check({ inputShap: [3] } as never))).toBe(
      "LeakyReLU: unknown option 'inputShap' (did you mean 'inputShape'?); valid options: name, trainable, negativeSlope, inputShape",
    );
  });

  it('checks own keys only: prototype names such as constructor are unknown too', () => {
    expect(message(() => SLOPE.check({ constructor: 1 } as never))).toMatch(/^LeakyReLU: unknown option 'constructor' \(did you mean/);
    expect(message(() => SLOPE.check(JSON.parse('{"__proto__": 1}') as never))).toMatch(/unknown option '__proto__'/);
    expect(message(() => SLOPE.check({ toString: 1, hasOwnProperty: 2 } as never))).toMatch(/unknown option 'toString'/);
    // Inherited keys of a prototype are not the caller's options and are not looked at.
    const inherited = Object.create({ bogus: 1 }) as SlopeArgs;
    expect(SLOPE.check(inherited)).toBe(inherited);
  });

  it('answers a snake_case key with its camelCase form', () => {
    expect(message(() => SLOPE.check({ negative_slope: 0.2 } as never))).toBe(
      "LeakyReLU: unknown option 'negative_slope': options are camelCase, use 'negativeSlope'",
    );
    expect(message(() => SLOPE.check({ input_shape: [2] } as never))).toBe("LeakyReLU: unknown option 'input_shape': options are camelCase, use 'inputShape'");
  });

  it('accepts a Keras 2 name under its new one, warning once', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const given = { alpha: 0.2, name: 'x' } as SlopeArgs;
      expect(SLOPE.check(given)).toEqual({ negativeSlope: 0.2, name: 'x' });
      expect(given).toEqual({ alpha: 0.2, name: 'x' });
      SLOPE.check({ alpha: 0.1 } as never);
      expect(warn.mock.calls).toEqual([["LeakyReLU: option 'alpha' is deprecated (its Keras 2 name); use 'negativeSlope'"]]);
    } finally {
      warn.mockRestore();
    }
    expect(message(() => SLOPE.check({ alpha: 0.2, negativeSlope: 0.3 } as never))).toBe(
      "LeakyReLU: 'alpha' is the Keras 2 name of 'negativeSlope'; give only 'negativeSlope'",
    );
  });

  it('refuses a removed name with its explanation', () => {
    expect(message(() => SLOPE.check({ lr: 0.1 } as never))).toBe(
      "LeakyReLU: option 'lr' was renamed 'learningRate' in Keras 3 (which refuses 'lr' too); use 'learningRate'",
    );
  });

  it('refuses what is not an options object, and names the subclass when asked', () => {
    expect(message(() => SLOPE.check(null as never))).toBe('LeakyReLU: options must be an object of named options; received null');
    expect(message(() => SLOPE.check(3 as never))).toBe('LeakyReLU: options must be an object of named options; received 3');
    expect(message(() => SLOPE.check([1] as never))).toBe('LeakyReLU: options must be an object of named options; received [1]');
    expect(message(() => SLOPE.check({ bogus: 1 } as never, 'Sub'))).toMatch(/^Sub: unknown option 'bogus'/);
  });

  it('says so when a class takes no options', () => {
    const none = defineOptions<Record<never, never>>('TerminateOnNaN', {});
    expect(message(() => none.check({ monitor: 'loss' } as never))).toBe("TerminateOnNaN: unknown option 'monitor'; TerminateOnNaN takes no options");
  });
});

// Compile-time: the key list must match the interface exactly (checked by `pnpm typecheck`).
// @ts-expect-error a key the interface lacks
optionKeys<BaseArgs>({ name: true, trainable: true, bogus: true });
// @ts-expect-error a key of the interface is missing
optionKeys<BaseArgs>({ name: true });
