import { ValueError } from '@strata-ml/core';
import { Dense, Input, InputLayer, inputLayerOf } from '../index';
import { useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Input', () => {
  it('returns the symbolic output of a new InputLayer, with the batch axis in front', () => {
    const x = Input({ shape: [28, 28, 1], name: 'pixels' });
    expect(x.shape).toEqual([null, 28, 28, 1]);
    const layer = inputLayerOf(x) as InputLayer;
    expect(layer).toBeInstanceOf(InputLayer);
    expect(layer.name).toBe('pixels');
    expect(layer.output).toBe(x);
    expect(Input({ shape: [3], batchSize: 8 }).shape).toEqual([8, 3]);
  });

  it('feeds layers called on it, and only its own tensors map back to an InputLayer', () => {
    const x = Input({ shape: [4] });
    const y = new Dense(2).apply(x);
    expect(y.shape).toEqual([null, 2]);
    expect(y.node?.inputs).toEqual([x]);
    expect(inputLayerOf(y)).toBeNull();
  });

  it('rejects a missing shape and a bad batch size, naming the argument', () => {
    expect(() => Input({} as never)).toThrow(ValueError);
    expect(() => Input({ shape: [2], batchSize: 0 })).toThrow('Input: batchSize must be a positive integer; received batchSize=0');
  });
});
