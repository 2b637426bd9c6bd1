/**
 * The three benchmark models built with Strata: the seed MLP (Listing 1.3.2), the CNN of cnn-mnist and
 * the RNN of rnn-mnist, each compiled as its listing does.
 */
import { Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, SimpleRNN } from '@strata-ml/layers';
import { Sequential } from '@strata-ml/models';
import { Adam, SGD } from '@strata-ml/optimizers';

/** Names of the benchmark models. */
export type ModelName = 'mlp' | 'cnn' | 'rnn';

/** Every model name, in the order the benchmark runs them. */
export const MODEL_NAMES: readonly ModelName[] = ['mlp', 'cnn', 'rnn'];

/** The per-sample input shape each model takes (MNIST images flattened, as images, or as 28 steps of 28). */
export const INPUT_SHAPES: Record<ModelName, number[]> = {
  mlp: [784],
  cnn: [28, 28, 1],
  rnn: [28, 28],
};

/** Builds and compiles `name` with Strata (categorical cross-entropy on one-hot labels, accuracy). */
export function buildStrataModel(name: ModelName): Sequential {
  const model = new Sequential({ layers: layersOf(name) });
  model.compile({
    loss: 'categorical_crossentropy',
    optimizer: name === 'rnn' ? new SGD() : new Adam(),
    metrics: ['accuracy'],
  });
  return model;
}

function layersOf(name: ModelName) {
  switch (name) {
    case 'mlp':
      return [
        new Dense(256, { inputDim: 784 }),
        new Activation('relu'),
        new Dropout(0.45),
        new Dense(256),
        new Activation('relu'),
        new Dropout(0.45),
        new Dense(10),
        new Activation('softmax'),
      ];
    case 'cnn':
      return [
        new Conv2D(64, 3, { activation: 'relu', inputShape: [28, 28, 1] }),
        new MaxPooling2D(2),
        new Conv2D(64, 3, { activation: 'relu' }),
        new MaxPooling2D(2),
        new Conv2D(64, 3, { activation: 'relu' }),
        new Flatten(),
        new Dropout(0.2),
        new Dense(10, { activation: 'softmax' }),
      ];
    case 'rnn':
      return [new SimpleRNN(256, { inputShape: [28, 28] }), new Dropout(0.2), new Dense(10, { activation: 'softmax' })];
  }
}
