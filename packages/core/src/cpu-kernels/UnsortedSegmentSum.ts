/**
 * UnsortedSegmentSum on tfjs's cpu backend (the gradient of every gather, so of Embedding). The stock
 * kernel sums `x · (segmentIds == i)` for each segment i, so one NaN or ±Infinity anywhere in `x` (NaN·0
 * = NaN) made every segment NaN, where TensorFlow keeps it in its own segment; it also costs
 * segments × elements. Here each row of `x` is added once onto its segment's row; ids outside
 * `[0, numSegments)` are dropped, as in TensorFlow.
 */
import { UnsortedSegmentSum, util } from '@tensorflow/tfjs-core';
import type { DataType, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '../errors';

/** The parts of tfjs-backend-cpu's backend this kernel uses. */
interface CpuBackend {
  readSync(dataId: object): ArrayLike<number>;
  makeTensorInfo(shape: number[], dtype: DataType, values: Float32Array | Int32Array): TensorInfo;
}

/** Sums the rows of `x` into `numSegments` segments by `segmentIds` (one id per leading index). */
export const unsortedSegmentSum: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const x = inputs['x'];
  const segmentIds = inputs['segmentIds'];
  const numSegments = attrs?.['numSegments'];
  if (x === undefined || segmentIds === undefined) throw invalidArgument(UnsortedSegmentSum, 'inputs', 'x and segmentIds', Object.keys(inputs));
  if (typeof numSegments !== 'number' || !Number.isInteger(numSegments) || numSegments < 0) {
    throw invalidArgument(UnsortedSegmentSum, 'numSegments', 'a non-negative integer', numSegments);
  }
  const cpu = backend as CpuBackend;
  const ids = cpu.readSync(segmentIds.dataId);
  const values = cpu.readSync(x.dataId);
  const rowSize = util.sizeFromShape(x.shape.slice(segmentIds.shape.length));
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  const out = x.dtype === 'int32' ? new Int32Array(numSegments * rowSize) : new Float32Array(numSegments * rowSize);
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r] as number;
    if (id < 0 || id >= numSegments) continue;
    const src = r * rowSize;
    const dst = id * rowSize;
    for (let c = 0; c < rowSize; c++) out[dst + c] = (out[dst + c] as number) + (values[src + c] as number);
  }
  return cpu.makeTensorInfo(outShape, x.dtype === 'int32' ? 'int32' : 'float32', out);
};

/** Registration of `unsortedSegmentSum` for the cpu backend. */
export const unsortedSegmentSumConfig: KernelConfig = { kernelName: UnsortedSegmentSum, backendName: 'cpu', kernelFunc: unsortedSegmentSum };
