import { setBackend } from './backend';
import * as tf from './ops';
import {
  BackendError,
  RuntimeError,
  ShapeError,
  StrataError,
  UnknownIdentifierError,
  ValueError,
  formatShape,
  formatValue,
  invalidArgument,
  shapeMismatch,
  unknownIdentifier,
} from './errors';

describe('error family', () => {
  it('names each error after its class and keeps the hierarchy', () => {
    const cases: [StrataError, string, typeof StrataError][] = [
      [new ValueError('v'), 'ValueError', StrataError],
      [new ShapeError('s'), 'ShapeError', ValueError],
      [new UnknownIdentifierError('u'), 'UnknownIdentifierError', ValueError],
      [new BackendError('b'), 'BackendError', StrataError],
      [new RuntimeError('r'), 'RuntimeError', StrataError],
    ];
    for (const [err, name, parent] of cases) {
      expect(err.name).toBe(name);
      expect(err).toBeInstanceOf(parent);
      expect(err).toBeInstanceOf(Error);
      expect(String(err)).toBe(`${name}: ${err.message}`);
    }
    expect(new ShapeError('x')).not.toBeInstanceOf(BackendError);
  });
});

describe('invalidArgument', () => {
  it('repeats the argument and the value received', () => {
    const err = invalidArgument('Dense', 'units', 'a positive integer', -3);
    expect(err).toBeInstanceOf(ValueError);
    expect(err.message).toBe('Dense: units must be a positive integer; received units=-3');
    expect(invalidArgument('Dense', 'activation', 'a known activation', 'rleu').message).toBe(
      'Dense: activation must be a known activation; received activation="rleu"',
    );
  });
});

describe('shapeMismatch', () => {
  it('prints the full shape received, with None for unknown dimensions', () => {
    const err = shapeMismatch("Dense 'dense_2'", 'input', 'last dim 784', [128, 28, 28]);
    expect(err).toBeInstanceOf(ShapeError);
    expect(err.message).toBe("Dense 'dense_2': expected input last dim 784, received shape [128, 28, 28]");
    expect(shapeMismatch('Flatten', 'input', 'rank >= 2', [null]).message).toBe(
      'Flatten: expected input rank >= 2, received shape [None]',
    );
  });
});

describe('unknownIdentifier', () => {
  it('lists every valid name, sorted, without reordering the caller’s list', () => {
    const valid = ['sgd', 'adam', 'rmsprop'];
    const err = unknownIdentifier('getOptimizer', 'optimizer', 'adamw', valid);
    expect(err).toBeInstanceOf(UnknownIdentifierError);
    expect(err.message).toBe('getOptimizer: unknown optimizer "adamw"; valid optimizers are: adam, rmsprop, sgd');
    expect(valid).toEqual(['sgd', 'adam', 'rmsprop']);
  });
});

describe('formatShape', () => {
  it('prints shapes as Keras does', () => {
    expect(formatShape([])).toBe('[]');
    expect(formatShape([null, 784])).toBe('[None, 784]');
    expect(formatShape([undefined, 3])).toBe('[None, 3]');
  });
});

describe('formatValue', () => {
  it('renders primitives', () => {
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(null)).toBe('null');
    expect(formatValue('relu')).toBe('"relu"');
    expect(formatValue(-0.5)).toBe('-0.5');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(10n)).toBe('10');
  });

  it('shortens long arrays and names typed arrays by length', () => {
    expect(formatValue([1, 'a', null])).toBe('[1, "a", null]');
    expect(formatValue(Array.from({ length: 10 }, (_, i) => i))).toBe('[0, 1, 2, 3, 4, 5, 6, 7, … (10 items)]');
    expect(formatValue(new Float32Array(3))).toBe('Float32Array(3)');
  });

  it('describes tensors by shape and dtype', async () => {
    await setBackend('cpu');
    const t = tf.zeros([2, 3], 'int32');
    expect(formatValue(t)).toBe('Tensor(shape=[2, 3], dtype=int32)');
    t.dispose();
  });

  it('renders functions and objects, even circular ones', () => {
    expect(formatValue(function relu() {})).toBe('function relu');
    expect(formatValue(() => 1)).toBe('function (anonymous)');
    expect(formatValue({ units: 3 })).toBe('{"units":3}');
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(formatValue(circular)).toBe('[object Object]');
  });
});
