import { tf, Tensor, RuntimeError, ShapeError, UnknownIdentifierError, ValueError } from '@strata-ml/core';
import {
  Dense, Layer, Dropout, deserializeLayer, getRegisteredLayer, l1, l2, registerLayer, SymbolicTensor, type CallArgs, type Shape,
  layerNamePrefix,
} from './index';
import { expectConfigRoundTrip, expectLayerGradients, sample, useTestBackend } from '../test/harness';

beforeAll(useTestBackend);

/** A custom layer written the way users write them: y = x * scale, with a trainable scale per feature. */
class Scale extends Layer {
  static override readonly className = 'Scale';
  scale: tf.Variable | null = null;
  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    this.scale = this.addWeight({ name: 'scale', shape: [shape[shape.length - 1] as number], initializer: 'ones', regularizer: l1(0.5) }).variable;
    this.addWeight({ name: 'count', shape: [], initializer: 'zeros', trainable: false });
    super.build(inputShape);
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    return tf.mul(inputs as Tensor, this.scale as tf.Variable);
  }
}

describe('Layer base', () => {
  it('names layers per class with a counter and keeps tfjs variable names unique', () => {
    const a = new Scale({ name: 'same' });
    const b = new Scale({ name: 'same' });
    a.build([null, 2]);
    b.build([null, 2]);
    expect(a.weights[0]?.path).toBe('same/scale');
    expect(a.weights[0]?.variable.name).not.toBe(b.weights[0]?.variable.name);
    const c = new Scale();
    const d = new Scale();
    expect(c.name).toMatch(/^scale(_\d+)?$/);
    expect(d.name).toBe(`scale_${Number(c.name.split('_')[1] ?? 0) + 1}`);
    [a, b].forEach((l) => l.dispose());
  });

  it('separates trainable and non-trainable weights and freezes all of them when trainable=false', () => {
    const layer = new Scale();
    layer.build([null, 3]);
    expect(layer.trainableWeights.map((w) => w.name)).toEqual(['scale']);
    expect(layer.nonTrainableWeights.map((w) => w.name)).toEqual(['count']);
    expect(layer.countParams()).toBe(4);
    layer.trainable = false;
    expect(layer.trainableWeights).toEqual([]);
    expect(layer.nonTrainableWeights.map((w) => w.name)).toEqual(['scale', 'count']);
    layer.dispose();
  });

  it('builds on first apply, computes weight and activity penalties', () => {
    const layer = new Dense(2, { kernelInitializer: 'ones', kernelRegularizer: l2(0.1), activityRegularizer: l1(0.5) });
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    expect(layer.built).toBe(false);
    const y = layer.apply(x);
    expect(layer.built).toBe(true);
    const losses = layer.losses;
    expect(losses.map((t) => t.dataSync()[0])).toEqual([expect.closeTo(0.4, 6), expect.closeTo((0.5 * (3 + 3 + 7 + 7)) / 2, 5)]);
    tf.dispose([x, y, ...losses]);
    layer.dispose();
  });

  it('setWeights checks count and shapes; getWeights returns copies', () => {
    const layer = new Dense(2, { name: 'dw' });
    layer.build([null, 3]);
    const w = layer.getWeights();
    expect(w.map((t) => t.shape)).toEqual([[3, 2], [2]]);
    expect(() => layer.setWeights([w[0] as Tensor])).toThrow("Dense 'dw'.setWeights: expected 2 weight tensors, received 1");
    const wrong = tf.zeros([2, 3]);
    expect(() => layer.setWeights([wrong, w[1] as Tensor])).toThrow(ShapeError);
    expect(() => layer.setWeights([wrong, w[1] as Tensor])).toThrow(
      "Dense 'dw'.setWeights: expected weight 'kernel' of shape [3, 2], received shape [2, 3]",
    );
    tf.dispose([...w, wrong]);
    layer.dispose();
  });

  it('refuses countParams before build and bad constructor arguments', () => {
    expect(() => new Dense(2, { name: 'early' }).countParams()).toThrow(RuntimeError);
    expect(() => new Dense(2, { name: 'a/b' })).toThrow(ValueError);
    expect(() => new Dense(2, { inputShape: [0] })).toThrow('Dense: inputShape must be an array of positive integers; received inputShape=[0]');
  });

  it('lets custom layers register, round-trip and pass the gradient check', () => {
    registerLayer('Scale', Scale);
    expect(getRegisteredLayer('Scale')).toBe(Scale);
    const layer = new Scale();
    const x = sample([3, 4], 1);
    expectConfigRoundTrip(layer, x).dispose();
    expectLayerGradients(layer, x);
    x.dispose();
    layer.dispose();
  });

  it('deserializeLayer lists the registered classes for an unknown one', () => {
    expect(() => deserializeLayer({ className: 'Dense3D', config: {} })).toThrow(UnknownIdentifierError);
    expect(() => deserializeLayer({ className: 'Dense3D', config: {} })).toThrow(
      /^deserializeLayer: unknown layer class name "Dense3D"; valid layer class names are: (.*, )?Dense, (.*, )?Dropout, (.*, )?Flatten/,
    );
  });

  it('chains symbolic calls into a graph of nodes', () => {
    const input = new SymbolicTensor({ shape: [null, 4] });
    const d1 = new Dense(3);
    const drop = new Dropout(0.5);
    const h = d1.apply(input);
    const out = drop.apply(h, { training: true });
    expect(out.shape).toEqual([null, 3]);
    expect(out.node?.inputs[0]).toBe(h);
    expect(h.node?.layer).toBe(d1);
    expect(out.node?.callArgs).toEqual({ training: true });
    d1.dispose();
  });
});

describe('variable names', () => {
  it('skips names already registered with the engine', () => {
    const taken = tf.variable(tf.zeros([1]), true, 'taken_layer/scale');
    const layer = new Scale({ name: 'taken_layer' });
    layer.build([null, 1]);
    expect(layer.weights[0]?.variable.name).toBe('taken_layer/scale_1');
    taken.dispose();
    layer.dispose();
  });
});

describe('layerNamePrefix', () => {
  it('names layers as Keras does, digits staying with the word before them', () => {
    expect(layerNamePrefix('Dense')).toBe('dense');
    expect(layerNamePrefix('Conv2D')).toBe('conv2d');
    expect(layerNamePrefix('MaxPooling2D')).toBe('max_pooling2d');
    expect(layerNamePrefix('GlobalAveragePooling2D')).toBe('global_average_pooling2d');
    expect(layerNamePrefix('SimpleRNN')).toBe('simple_rnn');
    expect(layerNamePrefix('LSTM')).toBe('lstm');
    expect(layerNamePrefix('InputLayer')).toBe('input_layer');
  });
});
