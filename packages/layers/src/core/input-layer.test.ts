import { tf, ShapeError, ValueError } from '@strata-ml/core';
import { InputLayer, deserializeLayer, serializeLayer } from '../index';
import { expectLayerGradients, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('InputLayer', () => {
  it('declares the batch input shape, passes data through, and exposes a symbolic output', () => {
    const layer = new InputLayer({ inputShape: [784] });
    expect(layer.batchInputShape).toEqual([null, 784]);
    expect(layer.output.shape).toEqual([null, 784]);
    expect(layer.countParams()).toBe(0);
    const x = tf.zeros([2, 784]);
    expect(layer.apply(x)).toBe(x);
    const bad = tf.zeros([2, 28, 28]);
    expect(() => layer.apply(bad)).toThrow(ShapeError);
    tf.dispose([x, bad]);
    const probe = sample([2, 784], 1);
    expectLayerGradients(layer, probe, { probes: 4 });
    probe.dispose();
  });

  it('round-trips its config and requires a shape', () => {
    const layer = new InputLayer({ batchInputShape: [32, 5], name: 'in' });
    const copy = deserializeLayer(serializeLayer(layer)) as InputLayer;
    expect(copy.getConfig()).toEqual({ name: 'in', dtype: 'float32', batchInputShape: [32, 5] });
    expect(() => new InputLayer({})).toThrow(ValueError);
  });
});
