/**
 * The seed's MLP and the chapter's CNN written with tfjs-core ops alone: they exercise the kernels a
 * Keras-style model runs (Dense = matMul + bias add, relu, dropout, softmax, categorical crossentropy,
 * Adam, Conv2D, MaxPool, Flatten) without depending on Strata's layers, so the GPU check can train on
 * the backend by itself and the kernel registry test can list what training needs.
 */
import * as tfc from '@tensorflow/tfjs-core';
import { RandomGenerator } from '@strata-ml/core';

/** A model as parameters plus a forward function. */
export interface ReferenceModel {
  readonly name: string;
  readonly params: tfc.Variable[];
  /** Class probabilities for a batch (`training` turns dropout on). */
  forward(x: tfc.Tensor, training: boolean): tfc.Tensor2D;
  /** The input shape of one example. */
  readonly inputShape: number[];
}

/** Glorot (Xavier) uniform initialisation, as Keras's Dense and Conv2D default. */
function glorot(shape: number[], fanIn: number, fanOut: number, rng: RandomGenerator): tfc.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tfc.variable(tfc.randomUniform(shape, -limit, limit, 'float32', rng.nextSeed()));
}

function dense(x: tfc.Tensor, w: tfc.Variable, b: tfc.Variable): tfc.Tensor2D {
  return tfc.add(tfc.matMul(x as tfc.Tensor2D, w as tfc.Tensor2D), b);
}

/** Keras's dropout: zeroes a fraction `rate` of activations in training and scales the rest by 1/(1 − rate). */
function dropout(x: tfc.Tensor, rate: number, training: boolean, rng: RandomGenerator): tfc.Tensor {
  return training ? tfc.dropout(x, rate, undefined, rng.nextSeed()) : x;
}

/** Listing 1.3.2: 784 → 256 relu → dropout 0.45 → 256 relu → dropout 0.45 → 10 softmax (269,322 params). */
export function mlp(seed: number): ReferenceModel {
  const rng = new RandomGenerator(seed);
  const params = [
    glorot([784, 256], 784, 256, rng),
    tfc.variable(tfc.zeros([256])),
    glorot([256, 256], 256, 256, rng),
    tfc.variable(tfc.zeros([256])),
    glorot([256, 10], 256, 10, rng),
    tfc.variable(tfc.zeros([10])),
  ];
  const [w1, b1, w2, b2, w3, b3] = params as [tfc.Variable, tfc.Variable, tfc.Variable, tfc.Variable, tfc.Variable, tfc.Variable];
  return {
    name: 'mlp',
    params,
    inputShape: [784],
    forward: (x, training) => {
      const h1 = dropout(tfc.relu(dense(x, w1, b1)), 0.45, training, rng);
      const h2 = dropout(tfc.relu(dense(h1, w2, b2)), 0.45, training, rng);
      return tfc.softmax(dense(h2, w3, b3));
    },
  };
}

/** Conv2D(64, 3, relu) → MaxPool(2) → Conv2D(64, 3, relu) → MaxPool(2) → Conv2D(64, 3, relu) → Flatten → Dropout(0.2) → Dense(10, softmax). */
export function cnn(seed: number): ReferenceModel {
  const rng = new RandomGenerator(seed);
  const conv = (inC: number) => [glorot([3, 3, inC, 64], 9 * inC, 9 * 64, rng), tfc.variable(tfc.zeros([64]))];
  // 28 → 26 → 13 → 11 → 5 → 3: the flattened features are 3·3·64 = 576.
  const params = [...conv(1), ...conv(64), ...conv(64), glorot([576, 10], 576, 10, rng), tfc.variable(tfc.zeros([10]))];
  const [k1, c1, k2, c2, k3, c3, w, b] = params as tfc.Variable[] as [tfc.Variable, tfc.Variable, tfc.Variable, tfc.Variable, tfc.Variable, tfc.Variable, tfc.Variable, tfc.Variable];
  const convRelu = (x: tfc.Tensor, k: tfc.Variable, c: tfc.Variable) => tfc.relu(tfc.add(tfc.conv2d(x as tfc.Tensor4D, k as tfc.Tensor4D, 1, 'valid'), c));
  return {
    name: 'cnn',
    params,
    inputShape: [28, 28, 1],
    forward: (x, training) => {
      let h: tfc.Tensor = tfc.maxPool(convRelu(x, k1, c1) as tfc.Tensor4D, 2, 2, 'valid');
      h = tfc.maxPool(convRelu(h, k2, c2) as tfc.Tensor4D, 2, 2, 'valid');
      h = convRelu(h, k3, c3);
      const flat = tfc.reshape(h, [h.shape[0] ?? -1, 576]);
      return tfc.softmax(dense(dropout(flat, 0.2, training, rng), w, b));
    },
  };
}

/** Keras's categorical crossentropy of probabilities, averaged over the batch (probabilities clipped to [ε, 1 − ε]). */
export function categoricalCrossentropy(yTrue: tfc.Tensor, yPred: tfc.Tensor): tfc.Scalar {
  const eps = 1e-7;
  return tfc.mean(tfc.neg(tfc.sum(tfc.mul(yTrue, tfc.log(tfc.clipByValue(yPred, eps, 1 - eps))), -1)));
}

/** The fraction of rows whose arg-max matches the label's. */
export function accuracy(yTrue: tfc.Tensor, yPred: tfc.Tensor): tfc.Scalar {
  return tfc.mean(tfc.cast(tfc.equal(tfc.argMax(yTrue, -1), tfc.argMax(yPred, -1)), 'float32'));
}

/** One optimizer step on a batch; returns the loss tensor (not read back, so the step stays asynchronous). */
export function trainStep(model: ReferenceModel, optimizer: tfc.Optimizer, x: tfc.Tensor, y: tfc.Tensor): tfc.Scalar {
  const loss = optimizer.minimize(() => categoricalCrossentropy(y, model.forward(x, true)), true, model.params);
  if (loss === null) throw new Error('trainStep: the optimizer returned no loss');
  return loss;
}
