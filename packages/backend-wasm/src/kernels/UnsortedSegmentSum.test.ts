import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn } from '../testing/backends';

describe('UnsortedSegmentSum (wasm)', () => {
  it('matches a hand-computed sum, dropping out-of-range ids', async () => {
    const [r] = await runOn('wasm', () =>
      tf.unsortedSegmentSum(tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]), tf.tensor1d([2, 0, 2, 5], 'int32'), 3),
    );
    expect(r!.shape).toEqual([3, 2]);
    expect(Array.from(r!.values)).toEqual([3, 4, 0, 0, 6, 8]);
  });

  it('accepts ids of rank 2, summing the rows they index', async () => {
    const [r] = await runOn('wasm', () =>
      tf.engine().runKernel(
        'UnsortedSegmentSum',
        { x: tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), segmentIds: tf.tensor2d([[0, 1], [1, 1]], [2, 2], 'int32') },
        { numSegments: 2 },
      ) as tf.Tensor,
    );
    expect(r!.shape).toEqual([2, 2]);
    expect(Array.from(r!.values)).toEqual([1, 2, 3 + 5 + 7, 4 + 6 + 8]);
  });

  it('sums int32 values as int32', async () => {
    await tf.setBackend('wasm');
    const out = tf.unsortedSegmentSum(tf.tensor1d([5, -2, 7], 'int32'), tf.tensor1d([1, 1, 0], 'int32'), 2);
    expect(out.dtype).toBe('int32');
    expect(Array.from(out.dataSync())).toEqual([7, 3]);
    out.dispose();
  });

  for (const [xShape, idsShape, numSegments] of [
    [[129, 3], [129], 17],
    [[6, 5, 4], [6], 3],
    [[1], [1], 1],
    [[127], [127], 129],
  ] as [number[], number[], number][]) {
    it(`x ${xShape} ids ${idsShape} into ${numSegments} segments agrees with cpu`, async () => {
      const run = () => {
        const ids = tf.tensor(Array.from({ length: idsShape.reduce((p, d) => p * d, 1) }, (_, i) => (i * 7) % numSegments), idsShape, 'int32');
        return tf.unsortedSegmentSum(randomTensor(xShape, 3), ids as tf.Tensor1D, numSegments);
      };
      const [actual] = await runOn('wasm', run);
      const [expected] = await runOn('cpu', run);
      // At most ~60 float32 additions per output: far below 1e-5 of 1 + |expected|.
      expect(maxScaledError(actual!, expected!)).toBeLessThan(1e-5);
    });
  }

  it('rejects ids whose shape is not a prefix of x', async () => {
    await tf.setBackend('wasm');
    const segmentIds = tf.tensor1d([0, 1], 'int32');
    const run = () => tf.engine().runKernel('UnsortedSegmentSum', { x: tf.zeros([3, 2]), segmentIds }, { numSegments: 2 });
    expect(run).toThrow(
      'UnsortedSegmentSum: expected x to start with the segmentIds shape [2], received shape [3, 2]',
    );
  });
});
