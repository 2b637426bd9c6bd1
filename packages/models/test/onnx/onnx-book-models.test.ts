/**
 * The book's models, built small, exported to ONNX and run by ONNX Runtime against Strata for batch 1 and
 * batch 7: the seed chapter's MLP, CNN and RNN (Sequential), ResNet20 v1 (functional, with shortcuts), the
 * convolutional autoencoder (a functional model of two nested functional models) and the DCGAN generator.
 */
import * as L from '@strata-ml/layers';
import type { Shape, SymbolicTensor } from '@strata-ml/layers';
import { useTestBackend } from '../helpers';
import { Model } from '../../src/model';
import { Sequential } from '../../src/sequential';
import { modelToOnnx } from '../../src/export/onnx/export-onnx';
import { compareWithOrt, randomInput, randomize, stopOrt } from './onnx-check';

beforeAll(useTestBackend);
afterAll(stopOrt);

function mlp(): Model {
  return new Sequential({
    name: 'mlp',
    layers: [
      new L.Dense(256, { inputDim: 784 }), new L.Activation('relu'), new L.Dropout(0.45),
      new L.Dense(256), new L.Activation('relu'), new L.Dropout(0.45),
      new L.Dense(10), new L.Activation('softmax'),
    ],
  });
}

function cnn(): Model {
  return new Sequential({
    name: 'cnn',
    layers: [
      new L.Conv2D(8, 3, { activation: 'relu', inputShape: [28, 28, 1] }), new L.MaxPooling2D(2),
      new L.Conv2D(8, 3, { activation: 'relu' }), new L.MaxPooling2D(2),
      new L.Conv2D(8, 3, { activation: 'relu' }), new L.Flatten(), new L.Dropout(0.2),
      new L.Dense(10), new L.Activation('softmax'),
    ],
  });
}

function rnn(): Model {
  return new Sequential({
    name: 'rnn',
    layers: [new L.SimpleRNN(32, { dropout: 0.2, inputShape: [28, 28] }), new L.Dense(10), new L.Activation('softmax')],
  });
}

/** ResNet v1 with 6n + 2 = 20 layers (n = 3), filters 4, 8, 16 on 16×16 inputs. */
function resnet20(): Model {
  const conv = (x: SymbolicTensor, filters: number, strides = 1, activation: string | null = 'relu', bn = true): SymbolicTensor => {
    let y = new L.Conv2D(filters, 3, { strides, padding: 'same', kernelInitializer: 'he_normal' }).apply(x) as SymbolicTensor;
    if (bn) y = new L.BatchNormalization().apply(y) as SymbolicTensor;
    return activation === null ? y : (new L.Activation(activation).apply(y) as SymbolicTensor);
  };
  const inputs = L.Input({ shape: [16, 16, 3] });
  let x = conv(inputs, 4);
  let filters = 4;
  for (let stage = 0; stage < 3; stage++) {
    for (let block = 0; block < 3; block++) {
      const strides = stage > 0 && block === 0 ? 2 : 1;
      let y = conv(x, filters, strides);
      y = conv(y, filters, 1, null);
      if (stage > 0 && block === 0) x = new L.Conv2D(filters, 1, { strides, padding: 'same' }).apply(x) as SymbolicTensor;
      x = new L.Activation('relu').apply(new L.Add().apply([x, y]) as SymbolicTensor) as SymbolicTensor;
    }
    filters *= 2;
  }
  x = new L.AveragePooling2D(4).apply(x) as SymbolicTensor;
  const outputs = new L.Dense(10, { activation: 'softmax' }).apply(new L.Flatten().apply(x) as SymbolicTensor) as SymbolicTensor;
  return new Model({ name: 'resnet20', inputs, outputs });
}

/** Chapter 3's convolutional autoencoder: the encoder and decoder are models nested in the autoencoder. */
function autoencoder(): Model {
  const inputs = L.Input({ shape: [28, 28, 1], name: 'encoder_input' });
  let x = inputs;
  for (const filters of [8, 16]) x = new L.Conv2D(filters, 3, { activation: 'relu', strides: 2, padding: 'same' }).apply(x) as SymbolicTensor;
  const latent = new L.Dense(16, { name: 'latent_vector' }).apply(new L.Flatten().apply(x) as SymbolicTensor) as SymbolicTensor;
  const encoder = new Model({ name: 'encoder', inputs, outputs: latent });
  const latentInputs = L.Input({ shape: [16], name: 'decoder_input' });
  let y = new L.Dense(7 * 7 * 16).apply(latentInputs) as SymbolicTensor;
  y = new L.Reshape([7, 7, 16]).apply(y) as SymbolicTensor;
  for (const filters of [16, 8]) y = new L.Conv2DTranspose(filters, 3, { activation: 'relu', strides: 2, padding: 'same' }).apply(y) as SymbolicTensor;
  const decoded = new L.Conv2DTranspose(1, 3, { padding: 'same', activation: 'sigmoid', name: 'decoder_output' }).apply(y) as SymbolicTensor;
  const decoder = new Model({ name: 'decoder', inputs: latentInputs, outputs: decoded });
  const aeInputs = L.Input({ shape: [28, 28, 1], name: 'autoencoder_input' });
  return new Model({ name: 'autoencoder', inputs: aeInputs, outputs: decoder.apply(encoder.apply(aeInputs) as SymbolicTensor) as SymbolicTensor });
}

/** Chapter 4's DCGAN generator: Dense, Reshape, then (BatchNormalization, ReLU, Conv2DTranspose) ×4, sigmoid. */
function dcganGenerator(): Model {
  const inputs = L.Input({ shape: [100], name: 'z_input' });
  let x = new L.Dense(7 * 7 * 16).apply(inputs) as SymbolicTensor;
  x = new L.Reshape([7, 7, 16]).apply(x) as SymbolicTensor;
  for (const [filters, strides] of [[16, 2], [8, 2], [4, 1], [1, 1]] as const) {
    x = new L.BatchNormalization().apply(x) as SymbolicTensor;
    x = new L.Activation('relu').apply(x) as SymbolicTensor;
    x = new L.Conv2DTranspose(filters, 5, { strides, padding: 'same' }).apply(x) as SymbolicTensor;
  }
  return new Model({ name: 'generator', inputs, outputs: new L.Activation('sigmoid').apply(x) as SymbolicTensor });
}

// Deep stacks get smaller weights, so their outputs stay away from a saturated softmax.
// (Every row has all four entries: jest would take a missing one for a `done` callback.)
const MODELS: [string, () => Model, Shape, number][] = [
  ['seed MLP', mlp, [null, 784], 0.5],
  ['CNN', cnn, [null, 28, 28, 1], 0.5],
  ['RNN', rnn, [null, 28, 28], 0.5],
  ['ResNet20', resnet20, [null, 16, 16, 3], 0.1],
  ['autoencoder (nested models)', autoencoder, [null, 28, 28, 1], 0.5],
  ['DCGAN generator', dcganGenerator, [null, 100], 0.5],
];

const report: string[] = [];
afterAll(() => process.stdout.write(`ONNX export of the book's models, max error against Strata: ${report.join('; ')}\n`));

describe("ONNX export of the book's models, run by ONNX Runtime", () => {
  it.each(MODELS)('%s', async (name, make, shape, scale) => {
    const model = make();
    randomize(model, 11, scale);
    const bytes = modelToOnnx(model);
    let worst = { maxAbs: 0, maxRel: 0 };
    for (const batch of [1, 7]) {
      const x = randomInput(shape, batch, 100 + batch);
      const error = await compareWithOrt(model, [x], bytes);
      worst = { maxAbs: Math.max(worst.maxAbs, error.maxAbs), maxRel: Math.max(worst.maxRel, error.maxRel) };
      x.dispose();
    }
    report.push(`${name} abs ${worst.maxAbs.toExponential(1)}, rel ${worst.maxRel.toExponential(1)}`);
    expect(worst.maxRel).toBeLessThan(1e-5);
    model.dispose();
  });
});
