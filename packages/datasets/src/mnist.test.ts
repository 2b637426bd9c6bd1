import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setBackend, tf, ValueError } from '@strata-ml/core';
import { MNIST_FILES, defaultDataDir, loadData, loadDataArrays } from './mnist';

/** The label counts the seed's Listing 1.3.1 prints. */
const TRAIN_COUNTS = { 0: 5923, 1: 6742, 2: 5958, 3: 6131, 4: 5842, 5: 5421, 6: 5918, 7: 6265, 8: 5851, 9: 5949 };
const TEST_COUNTS = { 0: 980, 1: 1135, 2: 1032, 3: 1010, 4: 982, 5: 892, 6: 958, 7: 1028, 8: 974, 9: 1009 };

function countLabels(labels: ArrayLike<number>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

describe('mnist.loadDataArrays', () => {
  const arrays = loadDataArrays();

  it('has the shapes of the original distribution', () => {
    expect(arrays.xTrain.shape).toEqual([60000, 28, 28]);
    expect(arrays.yTrain.shape).toEqual([60000]);
    expect(arrays.xTest.shape).toEqual([10000, 28, 28]);
    expect(arrays.yTest.shape).toEqual([10000]);
    expect(arrays.xTrain.data.length).toBe(60000 * 784);
    expect(arrays.xTest.data.length).toBe(10000 * 784);
  });

  it('has the label counts the seed prints', () => {
    expect(countLabels(arrays.yTrain.data)).toEqual(TRAIN_COUNTS);
    expect(countLabels(arrays.yTest.data)).toEqual(TEST_COUNTS);
  });

  it('holds grey levels spanning 0–255 with mostly black background', () => {
    const first = arrays.xTrain.data.subarray(0, 784);
    expect(Math.min(...first)).toBe(0);
    expect(Math.max(...first)).toBe(255);
    const ink = first.filter((v) => v > 0).length;
    expect(ink).toBeGreaterThan(50);
    expect(ink).toBeLessThan(400);
    expect(arrays.yTrain.data[0]).toBe(5); // the famous first training digit
    expect(arrays.yTest.data[0]).toBe(7);
  });
});

describe('mnist.loadData', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('returns float32 images 0–255 and int32 labels with Keras shapes', async () => {
    const before = tf.memory().numTensors;
    const { xTrain, yTrain, xTest, yTest } = await loadData();
    try {
      expect(xTrain.shape).toEqual([60000, 28, 28]);
      expect(yTrain.shape).toEqual([60000]);
      expect(xTest.shape).toEqual([10000, 28, 28]);
      expect(yTest.shape).toEqual([10000]);
      expect(xTrain.dtype).toBe('float32');
      expect(yTrain.dtype).toBe('int32');
      const raw = loadDataArrays();
      const lastTest = tf.tidy(() => tf.slice(xTest, [9999, 0, 0], [1, 28, 28]).dataSync());
      expect(Array.from(lastTest)).toEqual(Array.from(raw.xTest.data.subarray(9999 * 784)));
      expect(countLabels(yTest.dataSync())).toEqual(TEST_COUNTS);
      expect(tf.tidy(() => tf.max(xTrain).dataSync()[0])).toBe(255);
    } finally {
      tf.dispose([xTrain, yTrain, xTest, yTest]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('mnist with damaged files', () => {
  let dir: string;

  /** A data folder with links to the real files, where `fileName` is replaced by `bytes`. */
  function folderWith(fileName: string, bytes: Uint8Array): string {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    for (const name of Object.values(MNIST_FILES)) {
      const target = path.join(dir, name);
      if (name === fileName) fs.writeFileSync(target, bytes);
      else fs.symlinkSync(path.join(defaultDataDir(), name), target);
    }
    return dir;
  }

  const realLabels = (): Buffer => fs.readFileSync(path.join(defaultDataDir(), MNIST_FILES.yTest));

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-mnist-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('rejects a truncated file with expected and received lengths', () => {
    const truncated = realLabels().subarray(0, 10008 - 5);
    const dataDir = folderWith(MNIST_FILES.yTest, truncated);
    const file = path.join(dataDir, MNIST_FILES.yTest);
    expect(() => loadDataArrays({ dataDir })).toThrow(ValueError);
    expect(() => loadDataArrays({ dataDir })).toThrow(
      `readIdx('${file}'): file is truncated: header says shape [10000] of uint8, expected 10008 bytes, received 10003 bytes`,
    );
  });

  it('rejects a truncated image file', () => {
    const head = fs.readFileSync(path.join(defaultDataDir(), MNIST_FILES.xTest)).subarray(0, 16 + 784 * 3);
    const dataDir = folderWith(MNIST_FILES.xTest, head);
    expect(() => loadDataArrays({ dataDir })).toThrow(
      /file is truncated: header says shape \[10000, 28, 28\] of uint8, expected 7840016 bytes, received 2368 bytes$/,
    );
  });

  it('rejects a corrupt magic number', () => {
    const corrupt = Buffer.from(realLabels());
    corrupt[2] = 0x42;
    const dataDir = folderWith(MNIST_FILES.yTest, corrupt);
    expect(() => loadDataArrays({ dataDir })).toThrow(
      `readIdx('${path.join(dataDir, MNIST_FILES.yTest)}'): bad magic number 0x00004201`,
    );
  });

  it('rejects a labels file where an images file belongs', () => {
    const dataDir = folderWith(MNIST_FILES.xTest, realLabels());
    expect(() => loadDataArrays({ dataDir })).toThrow(
      `readIdx('${path.join(dataDir, MNIST_FILES.xTest)}'): bad magic number 0x00000801; expected 0x00000803`,
    );
  });

  it('rejects splits whose image and label counts differ', () => {
    const labels = realLabels();
    const fewer = Buffer.from(labels.subarray(0, 8 + 9999));
    fewer.writeUInt32BE(9999, 4);
    const dataDir = folderWith(MNIST_FILES.yTest, fewer);
    expect(() => loadDataArrays({ dataDir })).toThrow(
      "mnist: 't10k-images-idx3-ubyte' holds 10000 images but 't10k-labels-idx1-ubyte' holds 9999 labels",
    );
  });

  it('names a missing file', () => {
    const dataDir = folderWith(MNIST_FILES.yTest, realLabels());
    fs.rmSync(path.join(dataDir, MNIST_FILES.yTrain));
    expect(() => loadDataArrays({ dataDir })).toThrow(
      `mnist: cannot read '${path.join(dataDir, MNIST_FILES.yTrain)}': ENOENT`,
    );
  });
});
