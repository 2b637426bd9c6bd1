import { tf, RandomGenerator, type Tensor } from '@strata-ml/core';
import { BinaryAccuracy, CategoricalAccuracy, MeanMetricWrapper, SparseCategoricalAccuracy, getMetric, type Metric } from '@strata-ml/metrics';
import { useTestBackend } from '../../test/helpers';
import { Trackers } from './trackers';

beforeAll(useTestBackend);

interface Batch {
  loss: Tensor;
  yTrue: Tensor;
  yPred: Tensor;
  size: number;
}

/** `count` batches of 3-class predictions; sizes vary (the last batch of an epoch is smaller). */
function batches(count: number, seed: number, sparse = false): Batch[] {
  const rng = new RandomGenerator(seed);
  return Array.from({ length: count }, (_, b) => {
    const size = b % 5 === 4 ? 3 : 8;
    const labels = Array.from({ length: size }, () => Math.floor(rng.nextFloat() * 3));
    const yTrue = sparse ? tf.tensor1d(labels, 'int32') : tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
    const yPred = tf.softmax(tf.tensor2d(Array.from({ length: size * 3 }, () => 4 * rng.nextFloat() - 2), [size, 3]));
    return { loss: tf.scalar(3 * rng.nextFloat()), yTrue, yPred, size };
  });
}

function free(list: Batch[]): void {
  tf.dispose(list.flatMap((b) => [b.loss, b.yTrue, b.yPred]));
}

/** The running loss as a float32 tensor updated batch by batch: one multiply and one add each. */
function referenceLoss(list: Batch[]): number {
  const sum = tf.tidy(() => list.reduce<Tensor>((s, b) => tf.add(s, tf.mul(b.loss, b.size)), tf.scalar(0)));
  const value = (sum.dataSync()[0] as number) / list.reduce((n, b) => n + b.size, 0);
  sum.dispose();
  return value;
}

/** `metric` updated batch by batch, its value, and the metric freed. */
function referenceMetric(metric: Metric, list: Batch[]): number {
  for (const b of list) metric.updateState(b.yTrue, b.yPred);
  const value = metric.result();
  metric.dispose();
  return value;
}

describe('Trackers', () => {
  it('gives the loss of a float32 running sum bit for bit, read mid-way and after more than one hold of batches', () => {
    const list = batches(75, 1);
    const trackers = new Trackers(['output'], []);
    const before = tf.memory().numTensors;
    list.slice(0, 10).forEach((b) => trackers.update(b.loss, [b.loss], [b.yTrue], [b.yPred], b.size));
    expect(trackers.read()['loss']).toBe(referenceLoss(list.slice(0, 10)));
    const reads = jest.spyOn(tf.Tensor.prototype, 'dataSync');
    // Inside a tidy, as a training step updates them: what the trackers hold back must outlive it.
    list.slice(10).forEach((b) => tf.tidy(() => trackers.update(tf.clone(b.loss), [b.loss], [b.yTrue], [tf.clone(b.yPred)], b.size)));
    // 65 batch losses wait on the device, 64 stacked in one tensor and 1 alone; nothing was read back.
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(tf.memory().numTensors - before).toBe(2);
    expect(trackers.read()['loss']).toBe(referenceLoss(list));
    expect(tf.memory().numTensors).toBe(before);
    trackers.reset();
    expect(trackers.read()['loss']).toBe(0);
    trackers.dispose();
    free(list);
  });

  it('reads the held-back losses once every 4096 batches, keeping the sum exact', () => {
    const rng = new RandomGenerator(7);
    const list: Batch[] = Array.from({ length: 4100 }, () => {
      const loss = tf.scalar(rng.nextFloat());
      return { loss, yTrue: tf.scalar(0), yPred: tf.scalar(0), size: 1 + Math.floor(rng.nextFloat() * 128) };
    });
    const trackers = new Trackers(['output'], []);
    const before = tf.memory().numTensors;
    const reads = jest.spyOn(tf.Tensor.prototype, 'dataSync');
    list.forEach((b) => trackers.update(b.loss, [b.loss], [], [], b.size));
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    // The batches after the read: 4 waiting alone.
    expect(tf.memory().numTensors - before).toBe(4);
    expect(trackers.read()['loss']).toBe(referenceLoss(list));
    trackers.dispose();
    free(list);
  });

  it('keeps per-output losses apart and leaves the caller its tensors', () => {
    const a = batches(40, 2);
    const b = batches(40, 3);
    const trackers = new Trackers(['reg', 'cls'], []);
    a.forEach((x, i) => {
      const y = b[i] as Batch;
      trackers.update(tf.add(x.loss, y.loss), [x.loss, y.loss], [x.yTrue, y.yTrue], [x.yPred, y.yPred], x.size);
    });
    const logs = trackers.read();
    expect(Object.keys(logs)).toEqual(['loss', 'reg_loss', 'cls_loss']);
    expect(logs['reg_loss']).toBe(referenceLoss(a));
    expect(logs['cls_loss']).toBe(referenceLoss(b.map((y, i) => ({ ...y, size: (a[i] as Batch).size }))));
    // The held-back losses were shared, not taken: the caller's tensors are still readable.
    expect((a[0] as Batch).loss.isDisposed).toBe(false);
    trackers.dispose();
    free([...a, ...b]);
  });

  const accuracies: [string, () => Metric, boolean][] = [
    ['categorical accuracy', () => new CategoricalAccuracy(), false],
    ['sparse categorical accuracy', () => new SparseCategoricalAccuracy(), true],
  ];
  for (const [name, make, sparse] of accuracies) {
    it(`${name}: batches joined give exactly the batch-by-batch value, with reads in between`, () => {
      const list = batches(70, 4, sparse);
      const metric = make();
      const trackers = new Trackers(['output'], [{ key: 'acc', metric, output: 0 }]);
      const before = tf.memory().numTensors;
      list.slice(0, 33).forEach((b) => trackers.update(b.loss, [b.loss], [b.yTrue], [b.yPred], b.size));
      expect(trackers.lazy()['acc']).toBe(referenceMetric(make(), list.slice(0, 33)));
      list.slice(33).forEach((b) => trackers.update(b.loss, [b.loss], [b.yTrue], [b.yPred], b.size));
      const expected = referenceMetric(make(), list);
      // A count of right answers over the 490 samples of 70 batches of 8 or 3.
      expect(Math.abs(expected * 490 - Math.round(expected * 490))).toBeLessThan(1e-4);
      expect(trackers.read()['acc']).toBe(expected);
      expect(tf.memory().numTensors).toBe(before);
      trackers.dispose();
      metric.dispose();
      free(list);
    });
  }

  it('binary accuracy on one output unit joins batches too; on several units it updates every batch', () => {
    const rng = new RandomGenerator(5);
    const make = (units: number, count: number): Batch[] =>
      Array.from({ length: count }, () => ({
        loss: tf.scalar(1),
        yTrue: tf.tensor2d(Array.from({ length: 8 * units }, () => (rng.nextFloat() < 0.5 ? 1 : 0)), [8, units]),
        yPred: tf.tensor2d(Array.from({ length: 8 * units }, () => rng.nextFloat()), [8, units]),
        size: 8,
      }));
    for (const units of [1, 3]) {
      const list = make(units, 40);
      const metric = new BinaryAccuracy();
      const trackers = new Trackers(['output'], [{ key: 'acc', metric, output: 0 }]);
      const before = tf.memory().numTensors;
      list.forEach((b) => tf.tidy(() => trackers.update(b.loss, [b.loss], [b.yTrue], [tf.clone(b.yPred)], b.size)));
      // Joined: the last 8 batches' targets and predictions wait; not joined: none. The 40 losses wait in a
      // stack of 32 and 8 alone.
      const held = tf.memory().numTensors - before;
      expect(held).toBe(units === 1 ? 2 * 8 + 9 : 9);
      expect(trackers.read()['acc']).toBe(referenceMetric(new BinaryAccuracy(), list));
      trackers.dispose();
      metric.dispose();
      free(list);
    }
  });

  it('updates other metrics every batch, as Keras: a function of the whole batch keeps its meaning', () => {
    const list = batches(40, 6);
    // A per-batch value (a scalar), which joining batches would change: the mean of the batch's largest probabilities.
    const batchMax = (_t: Tensor, p: Tensor): Tensor => tf.mean(tf.max(p, -1));
    const make = (): Metric[] => [new MeanMetricWrapper(batchMax, 'batch_max'), getMetric('mae')];
    const metrics = make();
    const trackers = new Trackers(['output'], metrics.map((metric) => ({ key: metric.name, metric, output: 0 })));
    list.forEach((b) => trackers.update(b.loss, [b.loss], [b.yTrue], [b.yPred], b.size));
    const logs = trackers.read();
    const reference = make();
    expect(logs['batch_max']).toBe(referenceMetric(reference[0] as Metric, list));
    expect(logs['mae']).toBe(referenceMetric(reference[1] as Metric, list));
    trackers.dispose();
    metrics.forEach((m) => m.dispose());
    free(list);
  });

  it('folds a batch larger than the hold limit in at once', () => {
    const size = 50000;
    const labels = Array.from({ length: size }, (_, i) => i % 3);
    const yTrue = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
    const yPred = tf.oneHot(tf.tensor1d(labels.map((l, i) => (i % 4 === 0 ? (l + 1) % 3 : l)), 'int32'), 3);
    const metric = new CategoricalAccuracy();
    const trackers = new Trackers(['output'], [{ key: 'acc', metric, output: 0 }]);
    const loss = tf.scalar(0.5);
    const before = tf.memory().numTensors;
    trackers.update(loss, [loss], [yTrue], [yPred], size);
    // 1.2 MB of targets and predictions exceed the 1 MiB hold: only the loss waits.
    expect(tf.memory().numTensors - before).toBe(1);
    expect(trackers.read()).toEqual({ loss: 0.5, acc: 0.75 });
    trackers.dispose();
    metric.dispose();
    tf.dispose([yTrue, yPred, loss]);
  });
});
