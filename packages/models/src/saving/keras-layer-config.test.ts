import { setBackend, tf } from '@strata-ml/core';
import { Activation, Dense, Dropout, Flatten, InputLayer, Layer, Reshape, l2, registerLayer, type Shape } from '@strata-ml/layers';
import { UnsupportedFeatureError } from './errors';
import { layerFromKeras, layerToKeras } from './keras-layer-config';

beforeAll(() => setBackend('cpu'));

function dense(config: Record<string, unknown>): unknown {
  return { module: 'keras.layers', class_name: 'Dense', config: { name: 'dense_7', units: 3, ...config }, registered_name: null };
}

describe('Keras layer config', () => {
  const layers: [string, () => Layer, Shape | null][] = [
    ['InputLayer', () => new InputLayer({ batchInputShape: [null, 4, 2] }), null],
    [
      'Dense',
      () => new Dense(3, { activation: 'relu', useBias: false, kernelInitializer: 'he_normal', kernelRegularizer: l2(0.01), kernelConstraint: 'non_neg' }),
      [null, 4],
    ],
    ['Activation', () => new Activation('softmax'), [null, 4]],
    ['Dropout', () => new Dropout(0.25, { seed: 3, noiseShape: [null, 1] }), [null, 4]],
    ['Flatten', () => new Flatten(), [null, 2, 2]],
    ['Reshape', () => new Reshape([2, -1]), [null, 4]],
  ];

  it.each(layers)('%s round-trips through the Keras form with its whole config', (className, make, shape) => {
    const layer = make();
    const keras = layerToKeras(layer, shape);
    expect(keras.class_name).toBe(className);
    expect(keras.module).toBe('keras.layers');
    expect(Object.keys(keras.config).every((k) => k === k.toLowerCase())).toBe(true);
    const back = layerFromKeras(JSON.parse(JSON.stringify(keras)));
    expect(back.layer.className).toBe(className);
    expect(back.layer.getConfig()).toEqual(layer.getConfig());
    expect(back.buildShape).toEqual(shape);
    layer.dispose();
    back.layer.dispose();
  });

  it('writes nested objects as Keras does', () => {
    const keras = layerToKeras(new Dense(2, { kernelRegularizer: l2(0.5), name: 'd' }), [null, 3]);
    expect(keras.config['kernel_regularizer']).toEqual({ module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.5 }, registered_name: null });
    expect(keras.config['kernel_initializer']).toEqual({ module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null });
    expect(keras.config['use_bias']).toBe(true);
    expect(keras.build_config).toEqual({ input_shape: [null, 3] });
  });

  it('reads a Keras 3.10 Dense with a DTypePolicy and shared_object_id', () => {
    const { layer } = layerFromKeras(
      dense({
        dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null, shared_object_id: 1 },
        activation: 'tanh',
        kernel_initializer: { module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null, shared_object_id: 2 },
        kernel_regularizer: null,
        lora_rank: null,
      }),
    );
    expect(layer.getConfig()).toMatchObject({ name: 'dense_7', units: 3, activation: 'tanh', dtype: 'float32' });
    layer.dispose();
  });

  it('names an unsupported layer class', () => {
    expect(() => layerFromKeras({ class_name: 'Conv3D', config: { name: 'conv3d_1' } })).toThrow(
      new UnsupportedFeatureError("Unsupported Keras layer 'Conv3D' (layer 'conv3d_1')"),
    );
  });

  it('refuses Lambda layers: loading never runs code from a file', () => {
    expect(() => layerFromKeras({ class_name: 'Lambda', config: { name: 'lambda', function: ['4wEAAAAAAAAA', null, null] } })).toThrow(
      new UnsupportedFeatureError(
        "Unsupported Keras layer 'Lambda' (layer 'lambda'): it holds Python code, and Strata never executes code from a file",
      ),
    );
  });

  it('names an option Strata does not honour instead of dropping it', () => {
    expect(() => layerFromKeras(dense({ some_new_option: 4 }))).toThrow(
      new UnsupportedFeatureError("Unsupported option 'some_new_option'=4 of Keras layer 'Dense' (layer 'dense_7')"),
    );
    expect(() => layerFromKeras({ class_name: 'Flatten', config: { name: 'f', data_format: 'channels_first' } })).toThrow(
      new UnsupportedFeatureError(`Unsupported option 'data_format'="channels_first" of Keras layer 'Flatten' (layer 'f'); Strata supports "channels_last"`),
    );
    expect(() => layerFromKeras(dense({ dtype: 'mixed_float16' }))).toThrow(
      new UnsupportedFeatureError(`Keras layer 'Dense' (layer 'dense_7'): unsupported dtype policy "mixed_float16"; Strata computes in float32`),
    );
  });

  it('wraps invalid values with the layer they belong to', () => {
    expect(() => layerFromKeras(dense({ units: -3 }))).toThrow(
      new UnsupportedFeatureError("Keras layer 'Dense' (layer 'dense_7'): Dense: units must be a positive integer; received units=-3"),
    );
    expect(() => layerFromKeras(dense({ kernel_initializer: { class_name: 'MyInit', config: {}, registered_name: 'pkg>MyInit' } }))).toThrow(
      new UnsupportedFeatureError(`Keras layer 'Dense' (layer 'dense_7'): custom object "pkg>MyInit" is not registered with Strata`),
    );
  });

  it('loads a custom layer only when the caller registered it', () => {
    class Scale extends Layer {
      static override readonly className = 'TestScaleForSaving';
      call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
        return tf.mul(inputs as tf.Tensor, 2);
      }
    }
    const serialized = { module: null, class_name: 'TestScaleForSaving', config: { name: 'scale', trainable: true, dtype: 'float32' }, registered_name: 'TestScaleForSaving' };
    expect(() => layerFromKeras(serialized)).toThrow(new UnsupportedFeatureError("Unsupported Keras layer 'TestScaleForSaving' (layer 'scale')"));
    registerLayer('TestScaleForSaving', Scale);
    const { layer } = layerFromKeras(serialized);
    expect(layer).toBeInstanceOf(Scale);
    expect(layerToKeras(layer, null)).toEqual(serialized);
  });

  it('gives inherited object keys no meaning (constructor, __proto__, toString)', () => {
    expect(() => layerFromKeras({ class_name: 'constructor', config: { name: 'c' } })).toThrow(new UnsupportedFeatureError("Unsupported Keras layer 'constructor' (layer 'c')"));
    expect(() => layerFromKeras(JSON.parse('{"class_name": "Flatten", "config": {"name": "f", "constructor": 1}}'))).toThrow(
      new UnsupportedFeatureError("Unsupported option 'constructor'=1 of Keras layer 'Flatten' (layer 'f')"),
    );
    expect(() => layerFromKeras(JSON.parse('{"class_name": "Flatten", "config": {"name": "f", "__proto__": {"trainable": false}}}'))).toThrow(
      UnsupportedFeatureError,
    );
    expect(() => layerFromKeras(dense({ kernel_initializer: { class_name: 'toString', config: {} } }))).toThrow(UnsupportedFeatureError);
  });
});
