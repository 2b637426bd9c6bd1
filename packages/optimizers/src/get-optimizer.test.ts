import { UnknownIdentifierError } from '@strata-ml/core';
import { Adam } from './adam';
import { getOptimizer, optimizerNames } from './get-optimizer';
import { useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('getOptimizer', () => {
  it('resolves names in any case to Keras defaults', () => {
    expect(getOptimizer('adam').getConfig()).toEqual(new Adam().getConfig());
    expect(getOptimizer('Adam').className).toBe('Adam');
    expect(getOptimizer('sgd').learningRate).toBe(0.01);
    expect(getOptimizer('RMSprop').className).toBe('RMSprop');
    expect(getOptimizer('rmsprop').learningRate).toBe(0.001);
    for (const name of ['adagrad', 'adadelta', 'adamax', 'nadam', 'adamw']) expect(getOptimizer(name).className.toLowerCase()).toBe(name);
  });

  it('returns an Optimizer as it is and rebuilds one from its config', () => {
    const opt = new Adam({ learningRate: 0.01 });
    expect(getOptimizer(opt)).toBe(opt);
    expect(getOptimizer({ className: 'Adam', config: opt.getConfig() }).getConfig()).toEqual(opt.getConfig());
  });

  it('rejects an unknown name, listing the valid ones', () => {
    expect(() => getOptimizer('lbfgs')).toThrow(UnknownIdentifierError);
    expect(() => getOptimizer('lbfgs')).toThrow(`getOptimizer: unknown optimizer name "lbfgs"; valid optimizer names are: ${optimizerNames().join(', ')}`);
    expect(optimizerNames()).toEqual(['adadelta', 'adagrad', 'adam', 'adamax', 'adamw', 'nadam', 'rmsprop', 'sgd']);
  });
});
