import { tf } from '@strata-ml/core';
import { useTestBackend } from '../../test/helpers';
import { toTensorList } from './standardize';

beforeAll(useTestBackend);

describe('toTensorList', () => {
  it('orders arrays and records by name, and names what does not fit', () => {
    const [a, b] = [tf.zeros([2, 1]), tf.ones([2, 3])];
    expect(toTensorList('fit', 'x', a, ['in'])).toEqual([a]);
    expect(toTensorList('fit', 'y', { cls: b, reg: a }, ['reg', 'cls'])).toEqual([a, b]);
    expect(() => toTensorList('fit', 'y', [a], ['reg', 'cls'])).toThrow("fit: y must hold 2 tensor(s), one for each of 'reg', 'cls'; received 1");
    expect(() => toTensorList('evaluate', 'y', { reg: a }, ['reg', 'cls'])).toThrow("evaluate: y has no entry for 'cls'; expected 'reg', 'cls'");
    expect(() => toTensorList('fit', 'y', a, ['reg', 'cls'])).toThrow(
      "fit: the model has 2 outputs ('reg', 'cls'); y must be an array or a record of 2 tensors; received one Tensor",
    );
    expect(() => toTensorList('fit', 'x', 3 as never, ['in'])).toThrow('fit: x must be a Tensor, an array of Tensors or a record of Tensors by name; received x=3');
    tf.dispose([a, b]);
  });
});
