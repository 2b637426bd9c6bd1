import { tf, UnknownIdentifierError } from '@strata-ml/core';
import { getLoss, lossNames } from './get-loss';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { LossFunctionWrapper } from './loss-function-wrapper';
import { MeanSquaredError } from './mean-squared-error';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('getLoss', () => {
  it('accepts snake_case, camelCase, class names and Keras aliases', () => {
    for (const id of ['mean_squared_error', 'meanSquaredError', 'MeanSquaredError', 'mse', 'MSE']) {
      expect(getLoss(id)).toBeInstanceOf(MeanSquaredError);
    }
    expect(getLoss('mae').className).toBe('MeanAbsoluteError');
    expect(getLoss('categoricalCrossentropy').className).toBe('CategoricalCrossentropy');
    expect(getLoss('sparse_categorical_crossentropy').className).toBe('SparseCategoricalCrossentropy');
    expect(getLoss('binaryCrossentropy').className).toBe('BinaryCrossentropy');
    expect(getLoss('bce').className).toBe('BinaryCrossentropy');
    expect(getLoss('kld').className).toBe('KLDivergence');
    expect(getLoss('huber').className).toBe('Huber');
    expect(getLoss('categorical_crossentropy').name).toBe('categorical_crossentropy');
  });

  it('returns a Loss as it is and wraps a function under its name', () => {
    const loss = new CategoricalCrossentropy();
    expect(getLoss(loss)).toBe(loss);
    const myLoss = (t: tf.Tensor, p: tf.Tensor) => tf.mean(tf.abs(tf.sub(t, p)), -1);
    const wrapped = getLoss(myLoss);
    expect(wrapped).toBeInstanceOf(LossFunctionWrapper);
    expect(wrapped.name).toBe('myLoss');
    expectClose(wrapped.compute(tf.tensor1d([1, 2]), tf.tensor2d([[0], [4]])), 1.5);
  });

  it('rebuilds a loss from { className, config }', () => {
    const original = new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 });
    const rebuilt = getLoss({ className: original.className, config: original.getConfig() });
    expect(rebuilt.getConfig()).toEqual(original.getConfig());
  });

  it('rejects an unknown name, listing the valid ones', () => {
    expect(() => getLoss('cross_entropy')).toThrow(UnknownIdentifierError);
    expect(() => getLoss('cross_entropy')).toThrow(`getLoss: unknown loss name "cross_entropy"; valid loss names are: ${lossNames().join(', ')}`);
    expect(lossNames()).toContain('categorical_crossentropy');
    expect(() => getLoss({ className: 'Nope' })).toThrow('getLoss: unknown loss class name "Nope"');
  });
});
