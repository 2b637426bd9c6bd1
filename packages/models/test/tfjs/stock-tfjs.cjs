// Stock TensorFlow.js (the @tensorflow/tfjs 4.22 union: tfjs-layers 4.22 on tfjs-core's CPU backend), run
// as a child process by the interop tests, so nothing of Strata is loaded beside it.
//   node stock-tfjs.cjs build <out-dir>                  builds and saves the fixture models, with their predictions
//   node stock-tfjs.cjs predict <model.json URL> <inputs.json> <out.json>   loads a model with loadLayersModel, predicts
// A fixture is <out-dir>/<id>/model.json + weights.bin (as tfjs-node's file:// handler writes them) and
// <id>/io.json ({ inputs, outputs }: nested arrays).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const tf = require('@tensorflow/tfjs');

const L = tf.layers;
let seed = 1;

function randomInputs(shapes, kind) {
  return shapes.map((s) => (kind === 'indices' ? tf.floor(tf.randomUniform(s, 0, 9.99, 'float32', seed++)) : tf.randomUniform(s, -1, 1, 'float32', seed++)));
}

/** Fresh random weights, so no weight is left at an initializer's constant. */
function randomize(model) {
  model.setWeights(model.weights.map((w) => {
    const positive = /moving_variance|gamma/.test(w.originalName);
    return tf.randomUniform(w.shape, positive ? 0.5 : -0.5, positive ? 1.5 : 0.5, 'float32', seed++);
  }));
}

const FIXTURES = {
  mlp: () => {
    const m = tf.sequential();
    m.add(L.dense({ units: 16, inputShape: [8], activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }) }));
    m.add(L.dropout({ rate: 0.3 }));
    // No constraint here: tfjs applies constraints when it loads weights, which would change trained ones.
    m.add(L.dense({ units: 4, activation: 'softmax', kernelInitializer: 'heNormal' }));
    return { model: m, inputs: [[3, 8]], train: { loss: 'categoricalCrossentropy', optimizer: tf.train.adam(0.01), metrics: ['accuracy'] } };
  },
  sgd_momentum: () => {
    const m = tf.sequential({ layers: [L.dense({ units: 3, inputShape: [5], activation: 'tanh' }), L.dense({ units: 1 })] });
    return { model: m, inputs: [[3, 5]], train: { loss: 'meanSquaredError', optimizer: tf.train.momentum(0.05, 0.9) } };
  },
  rmsprop: () => {
    const m = tf.sequential({ layers: [L.dense({ units: 3, inputShape: [5], activation: 'sigmoid' }), L.dense({ units: 1 })] });
    return { model: m, inputs: [[3, 5]], train: { loss: 'meanSquaredError', optimizer: tf.train.rmsprop(0.01, 0.9, 0, 1e-7, false) } };
  },
  cnn: () => {
    const m = tf.sequential();
    m.add(L.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', inputShape: [9, 9, 2] }));
    m.add(L.batchNormalization({}));
    m.add(L.zeroPadding2d({ padding: [[1, 0], [0, 1]] }));
    m.add(L.maxPooling2d({ poolSize: 2, strides: 1 }));
    m.add(L.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'elu' }));
    m.add(L.cropping2D({ cropping: [[1, 1], [2, 0]] }));
    m.add(L.upSampling2d({ size: [2, 1] }));
    m.add(L.averagePooling2d({ poolSize: 2, padding: 'same' }));
    m.add(L.conv2d({ filters: 2, kernelSize: [2, 3], dilationRate: 1, padding: 'valid', activation: 'swish' }));
    m.add(L.flatten());
    m.add(L.dense({ units: 3, activation: 'softmax' }));
    return { model: m, inputs: [[2, 9, 9, 2]] };
  },
  conv1d: () => {
    const m = tf.sequential();
    m.add(L.conv1d({ filters: 4, kernelSize: 3, inputShape: [12, 3], padding: 'same', activation: 'relu6' }));
    m.add(L.maxPooling1d({ poolSize: 2 }));
    m.add(L.conv1d({ filters: 3, kernelSize: 2, dilationRate: 2, activation: 'selu' }));
    m.add(L.averagePooling1d({ poolSize: 2, padding: 'same' }));
    m.add(L.globalMaxPooling1d({}));
    return { model: m, inputs: [[2, 12, 3]] };
  },
  global_pooling: () => {
    const input = tf.input({ shape: [4, 5, 3] });
    const seq = tf.input({ shape: [6, 3] });
    const a = L.globalAveragePooling2d({}).apply(input);
    const b = L.globalMaxPooling2d({}).apply(input);
    const c = L.globalAveragePooling1d({}).apply(seq);
    return { model: tf.model({ inputs: [input, seq], outputs: L.concatenate({ axis: -1 }).apply([a, b, c]) }), inputs: [[2, 4, 5, 3], [2, 6, 3]] };
  },
  rnn: () => {
    const m = tf.sequential();
    m.add(L.embedding({ inputDim: 10, outputDim: 4, inputLength: 6 }));
    m.add(L.simpleRNN({ units: 5, returnSequences: true }));
    m.add(L.lstm({ units: 4, returnSequences: true }));
    m.add(L.gru({ units: 3, returnSequences: true, goBackwards: true }));
    m.add(L.bidirectional({ layer: L.lstm({ units: 2, returnSequences: true }), mergeMode: 'concat' }));
    m.add(L.timeDistributed({ layer: L.dense({ units: 2, activation: 'softsign' }) }));
    m.add(L.rnn({ cell: L.gruCell({ units: 3, recurrentActivation: 'sigmoid' }) }));
    return { model: m, inputs: [[3, 6]], kind: 'indices' };
  },
  bidirectional_sum: () => {
    const m = tf.sequential();
    m.add(L.bidirectional({ layer: L.simpleRNN({ units: 3 }), mergeMode: 'sum', inputShape: [5, 2] }));
    m.add(L.reLU({ maxValue: 0.4 }));
    return { model: m, inputs: [[2, 5, 2]] };
  },
  activations: () => {
    const m = tf.sequential();
    m.add(L.dense({ units: 6, inputShape: [4], kernelConstraint: tf.constraints.maxNorm({ maxValue: 100 }), biasInitializer: 'ones' }));
    m.add(L.leakyReLU({ alpha: 0.2 }));
    m.add(L.prelu({}));
    m.add(L.elu({}));
    m.add(L.activation({ activation: 'hardSigmoid' }));
    m.add(L.layerNormalization({ epsilon: 1e-3 }));
    m.add(L.reshape({ targetShape: [2, 3] }));
    m.add(L.permute({ dims: [2, 1] }));
    m.add(L.softmax({ axis: -1 }));
    m.add(L.flatten());
    m.add(L.repeatVector({ n: 2 }));
    m.add(L.activation({ activation: 'softplus' }));
    return { model: m, inputs: [[3, 4]] };
  },
  merge: () => {
    const a = tf.input({ shape: [4], name: 'left' });
    const b = tf.input({ shape: [4], name: 'right' });
    const shared = L.dense({ units: 4, activation: 'tanh' });
    const x = shared.apply(a);
    const y = shared.apply(b);
    const parts = [
      L.add().apply([x, y]), L.multiply().apply([x, y]), L.average().apply([x, y]), L.maximum().apply([x, y]),
      L.minimum().apply([x, y]), L.dot({ axes: 1, normalize: true }).apply([x, y]),
    ];
    const out = L.dense({ units: 2 }).apply(L.concatenate().apply(parts));
    return { model: tf.model({ inputs: [a, b], outputs: [out, parts[0]] }), inputs: [[3, 4], [3, 4]] };
  },
  nested: () => {
    const inner = tf.sequential({ layers: [L.dense({ units: 5, inputShape: [3], activation: 'relu' }), L.dense({ units: 4 })] });
    const innerInput = tf.input({ shape: [4] });
    const innerModel = tf.model({ inputs: innerInput, outputs: L.dense({ units: 2, activation: 'sigmoid' }).apply(innerInput) });
    const input = tf.input({ shape: [3] });
    const out = innerModel.apply(inner.apply(input));
    return { model: tf.model({ inputs: input, outputs: out }), inputs: [[2, 3]] };
  },
};

function writeModel(dir, artifacts) {
  fs.mkdirSync(dir, { recursive: true });
  // What tfjs-node's file:// handler writes: model.json naming one weights.bin.
  const { weightSpecs, weightData, ...rest } = artifacts;
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ ...rest, weightsManifest: [{ paths: ['./weights.bin'], weights: weightSpecs }] }));
  const data = Array.isArray(weightData) ? tf.io.concatenateArrayBuffers(weightData) : weightData;
  fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(data));
}

async function build(outDir) {
  for (const [id, make] of Object.entries(FIXTURES)) {
    const { model, inputs, kind, train } = make();
    randomize(model);
    const xs = randomInputs(inputs, kind);
    if (train) {
      model.compile(train);
      const y = tf.randomUniform([xs[0].shape[0], model.outputs[0].shape[1]], 0, 1, 'float32', seed++);
      await model.fit(xs[0], train.loss === 'categoricalCrossentropy' ? tf.softmax(y) : y, { epochs: 2, batchSize: 2, verbose: 0 });
    }
    const ys = [model.predict(xs.length === 1 ? xs[0] : xs)].flat();
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      writeModel(path.join(outDir, id), artifacts);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }), { includeOptimizer: Boolean(train) });
    fs.writeFileSync(path.join(outDir, id, 'io.json'), JSON.stringify({ inputs: xs.map((x) => x.arraySync()), outputs: ys.map((y) => y.arraySync()) }));
  }
}

async function predict(url, inputsFile, outFile) {
  const model = await tf.loadLayersModel(url);
  const inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf-8')).map((x) => tf.tensor(x));
  const ys = [model.predict(inputs.length === 1 ? inputs[0] : inputs)].flat();
  const optimizer = model.optimizer ? { className: model.optimizer.getClassName(), iterations: model.optimizer.iterations } : null;
  fs.writeFileSync(outFile, JSON.stringify({ outputs: ys.map((y) => y.arraySync()), optimizer }));
}

const [command, ...args] = process.argv.slice(2);
const run = command === 'build' ? build(args[0]) : command === 'predict' ? predict(args[0], args[1], args[2]) : Promise.reject(new Error(`unknown command ${command}`));
run.catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
  process.exit(1);
});
