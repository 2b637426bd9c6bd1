import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tf, setRandomSeed, ValueError } from '@strata-ml/core';
import { Dense } from '@strata-ml/layers';
import { SGD } from '@strata-ml/optimizers';
import { Sequential, callbacks } from '../index';
import { blobs, useTestBackend } from '../../test/helpers';

beforeAll(useTestBackend);

/** A one-layer model compiled with SGD, for driving callbacks with hand-made logs. */
function smallModel(lr = 0.1): Sequential {
  const model = new Sequential({ layers: [new Dense(1, { inputDim: 1 })] });
  model.compile({ loss: 'mse', optimizer: new SGD({ learningRate: lr }) });
  return model;
}

function drive(cb: callbacks.Callback, model: Sequential, values: number[], key = 'val_loss'): number {
  cb.setModel(model);
  model.stopTraining = false;
  cb.onTrainBegin();
  let epoch = 0;
  for (; epoch < values.length; epoch++) {
    cb.onEpochEnd(epoch, { [key]: values[epoch] as number });
    if (model.stopTraining) break;
  }
  cb.onTrainEnd();
  return epoch;
}

describe('EarlyStopping', () => {
  it('stops after `patience` epochs without improvement of val_loss', () => {
    const model = smallModel();
    const es = new callbacks.EarlyStopping({ patience: 2 });
    expect(drive(es, model, [1.0, 0.8, 0.85, 0.9, 0.7, 0.6])).toBe(3);
    expect(es.stoppedEpoch).toBe(3);
    expect(es.best).toBe(0.8);
    model.dispose();
  });

  it('maximises accuracy-like monitors and honours minDelta and baseline', () => {
    const model = smallModel();
    expect(new callbacks.EarlyStopping({ monitor: 'val_accuracy' }).mode).toBe('max');
    const es = new callbacks.EarlyStopping({ monitor: 'val_accuracy', patience: 1, minDelta: 0.05 });
    // 0.52 is not an improvement by more than 0.05 over 0.5
    expect(drive(es, model, [0.5, 0.52, 0.7], 'val_accuracy')).toBe(1);
    // Improvements that do not beat the baseline do not reset the wait: stops one epoch sooner.
    const withBaseline = new callbacks.EarlyStopping({ monitor: 'loss', patience: 2, baseline: 0.1 });
    expect(drive(withBaseline, model, [0.5, 0.4, 0.4, 0.4, 0.4], 'loss')).toBe(2);
    const without = new callbacks.EarlyStopping({ monitor: 'loss', patience: 2 });
    expect(drive(without, model, [0.5, 0.4, 0.4, 0.4, 0.4], 'loss')).toBe(3);
    model.dispose();
  });

  it('restores the best weights when it stops', () => {
    const model = smallModel();
    const kernel = model.layers[0]?.weights[0]?.variable as tf.Variable;
    const es = new callbacks.EarlyStopping({ monitor: 'loss', patience: 1, restoreBestWeights: true });
    es.setModel(model);
    es.onTrainBegin();
    kernel.assign(tf.tensor2d([[5]]));
    es.onEpochEnd(0, { loss: 1 });
    kernel.assign(tf.tensor2d([[7]]));
    es.onEpochEnd(1, { loss: 2 });
    expect(model.stopTraining).toBe(true);
    expect(kernel.dataSync()[0]).toBe(5);
    es.onTrainEnd();
    model.dispose();
  });

  it('ends a real fit early', async () => {
    setRandomSeed(1);
    const { x, y } = blobs(10);
    const model = new Sequential({ layers: [new Dense(3, { inputDim: 2, activation: 'softmax' })] });
    // A learning rate of 0 never improves the loss.
    model.compile({ loss: 'categorical_crossentropy', optimizer: new SGD({ learningRate: 0 }) });
    const h = await model.fit(x, y, { epochs: 10, verbose: 0, callbacks: [new callbacks.EarlyStopping({ monitor: 'loss', patience: 2 })] });
    expect(h.epoch).toEqual([0, 1, 2]);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('ReduceLROnPlateau and LearningRateScheduler', () => {
  it('ReduceLROnPlateau multiplies the optimizer learning rate by factor after patience epochs, then cools down', () => {
    const model = smallModel(0.1);
    const cb = new callbacks.ReduceLROnPlateau({ patience: 2, factor: 0.5, cooldown: 1, minLr: 0.02 });
    cb.setModel(model);
    cb.onTrainBegin();
    const lrs: number[] = [];
    [1, 1, 1, 1, 1, 1, 1].forEach((v, epoch) => {
      const logs = { val_loss: v };
      cb.onEpochEnd(epoch, logs);
      lrs.push(model.optimizer?.learningRate as number);
      expect(logs).toHaveProperty('learning_rate');
    });
    // Reduced at epochs 2, 4 and 6 (wait 2, then cooldown 1 swallows one epoch), floored at minLr.
    expect(lrs.map((v) => Number(v.toFixed(6)))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02]);
    expect(() => new callbacks.ReduceLROnPlateau({ factor: 1 })).toThrow(ValueError);
    model.dispose();
  });

  it('LearningRateScheduler sets the rate every epoch during fit and logs it', async () => {
    const x = tf.tensor2d([[1], [2]]);
    const y = tf.tensor2d([[2], [4]]);
    const model = smallModel(0.1);
    const seen: number[] = [];
    const h = await model.fit(x, y, {
      epochs: 3,
      verbose: 0,
      callbacks: [
        new callbacks.LearningRateScheduler({ schedule: (epoch) => 0.01 / (epoch + 1) }),
        new callbacks.LambdaCallback({ onEpochBegin: () => void seen.push(model.optimizer?.learningRate as number) }),
      ],
    });
    expect(seen.map((v) => Number(v.toFixed(8)))).toEqual([0.01, 0.005, Number((0.01 / 3).toFixed(8))]);
    expect(h.history['learning_rate']?.length).toBe(3);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('TerminateOnNaN, CSVLogger, History', () => {
  it('TerminateOnNaN stops training on the first NaN loss', async () => {
    const x = tf.tensor2d([[1], [NaN], [1], [1]]);
    const y = tf.tensor2d([[1], [1], [1], [1]]);
    const model = smallModel();
    let batches = 0;
    const counter = new callbacks.LambdaCallback({ onTrainBatchEnd: () => void batches++ });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const h = await model.fit(x, y, { epochs: 5, batchSize: 1, shuffle: false, verbose: 0, callbacks: [new callbacks.TerminateOnNaN(), counter] });
    write.mockRestore();
    expect(batches).toBe(2);
    expect(h.epoch).toEqual([0]);
    expect(Number.isNaN(h.history['loss']?.[0])).toBe(true);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('CSVLogger writes a header and one row per epoch, and appends on request', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-csv-'));
    const file = path.join(dir, 'log.csv');
    const x = tf.tensor2d([[1], [2]]);
    const y = tf.tensor2d([[2], [4]]);
    const model = smallModel(0.01);
    const h = await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [new callbacks.CSVLogger({ filename: file })] });
    await model.fit(x, y, { epochs: 1, verbose: 0, callbacks: [new callbacks.CSVLogger({ filename: file, append: true })] });
    const rows = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('epoch,loss');
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['0', '1', '0']);
    expect(Number(rows[1]?.split(',')[1])).toBeCloseTo(h.history['loss']?.[0] as number, 10);
    fs.rmSync(dir, { recursive: true, force: true });
    tf.dispose([x, y]);
    model.dispose();
  });

  it('ProgbarLogger prints Epoch lines and one bar line per epoch when not a terminal', async () => {
    const x = tf.tensor2d([[1], [2], [3]]);
    const y = tf.tensor2d([[2], [4], [6]]);
    const model = smallModel(0.01);
    let out = '';
    const logger = new callbacks.ProgbarLogger({ isTTY: false, write: (s) => void (out += s), now: () => 0 });
    await model.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0, callbacks: [logger] });
    // verbose 0 gives the logger params.verbose 0: it stays silent.
    expect(out).toBe('');
    logger.setParams({ epochs: 2, steps: 2, verbose: 1 });
    logger.onEpochBegin(0);
    logger.onTrainBatchEnd(0, { loss: 3 });
    logger.onEpochEnd(0, { loss: 2, val_loss: 1 });
    expect(out).toBe('Epoch 1/2\n2/2 [==============================] - 0s 0s/step - loss: 2.0000 - val_loss: 1.0000\n');
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('evaluate and predict progress', () => {
  it('evaluate and predict draw their own bar; validation inside fit draws none', async () => {
    const x = tf.tensor2d([[1], [2], [3]]);
    const y = tf.tensor2d([[2], [4], [6]]);
    const model = smallModel(0.01);
    let out = '';
    const logger = new callbacks.ProgbarLogger({ isTTY: false, write: (s) => void (out += s), now: () => 0 });
    await model.evaluate(x, y, { batchSize: 2, verbose: 0, callbacks: [logger] });
    expect(out).toBe('');
    logger.setParams({ epochs: 1, steps: 2, verbose: 1 });
    logger.onTestBegin();
    logger.onTestBatchEnd(0, { loss: 9 });
    logger.onTestEnd({ loss: 4 });
    logger.onPredictBegin();
    logger.onPredictEnd();
    expect(out).toBe('2/2 [==============================] - 0s 0s/step - loss: 4.0000\n2/2 [==============================] - 0s 0s/step\n');
    out = '';
    logger.onTrainBegin();
    logger.onTestBegin();
    logger.onTestEnd({ loss: 4 });
    expect(out).toBe('');
    tf.dispose([x, y]);
    model.dispose();
  });
});
