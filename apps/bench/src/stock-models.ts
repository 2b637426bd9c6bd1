/**
 * The three benchmark models built with `@tensorflow/tfjs-layers` 4.22, layer for layer as in
 * `strata-models.ts`, for the stock side of the training benchmark.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import type { ModelName } from './strata-models';

/** Builds and compiles `name` with tfjs-layers: Adam (SGD for the RNN), categorical cross-entropy, accuracy. */
export function buildStockModel(name: ModelName): tfl.Sequential {
  const model = tfl.sequential();
  for (const layer of layersOf(name)) model.add(layer);
  model.compile({
    loss: 'categoricalCrossentropy',
    // Keras's defaults, which tfjs's differ from: Adam ε 1e-7, SGD learning rate 0.01.
    optimizer: name === 'rnn' ? tf.train.sgd(0.01) : tf.train.adam(0.001, 0.9, 0.999, 1e-7),
    metrics: ['accuracy'],
  });
  return model;
}

function layersOf(name: ModelName): tfl.layers.Layer[] {
  const L = tfl.layers;
  switch (name) {
    case 'mlp':
      return [
        L.dense({ units: 256, inputShape: [784] }),
        L.activation({ activation: 'relu' }),
        L.dropout({ rate: 0.45 }),
        L.dense({ units: 256 }),
        L.activation({ activation: 'relu' }),
        L.dropout({ rate: 0.45 }),
        L.dense({ units: 10 }),
        L.activation({ activation: 'softmax' }),
      ];
    case 'cnn':
      return [
        L.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
        L.flatten(),
        L.dropout({ rate: 0.2 }),
        L.dense({ units: 10, activation: 'softmax' }),
      ];
    case 'rnn':
      return [
        L.simpleRNN({ units: 256, inputShape: [28, 28] }),
        L.dropout({ rate: 0.2 }),
        L.dense({ units: 10, activation: 'softmax' }),
      ];
  }
}
