import * as tf from '@tensorflow/tfjs-core';
import { GatherV2 } from '@tensorflow/tfjs-core';
import { randomTensor, runOn, wasmDataIds } from '../testing/backends';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';
import { gathersRows } from './GatherV2';

/** Runs `fn` on wasm and cpu and expects the same shape and bits. */
async function sameAsCpu(fn: () => tf.Tensor): Promise<number[]> {
  const [actual] = await runOn('wasm', fn);
  const [expected] = await runOn('cpu', fn);
  expect(actual!.shape).toEqual(expected!.shape);
  expect(Array.from(actual!.values)).toEqual(Array.from(expected!.values));
  return actual!.shape;
}

describe('GatherV2 (wasm)', () => {
  it('copies hand-picked rows, repeated and out of order', async () => {
    const [r] = await runOn('wasm', () => tf.gather(tf.tensor2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), tf.tensor1d([2, 0, 2, 1], 'int32')));
    expect(r!.shape).toEqual([4, 3]);
    expect(Array.from(r!.values)).toEqual([7, 8, 9, 1, 2, 3, 7, 8, 9, 4, 5, 6]);
  });

  for (const rowShape of [[], [3], [784], [4, 7, 2]]) {
    it(`gathers rows of shape [${rowShape}] as cpu does`, async () => {
      const indices = [5, 0, 0, 9, 3, 8, 1, 1, 7, 2, 6, 4, 9];
      const shape = await sameAsCpu(() => tf.gather(randomTensor([10, ...rowShape], 3), tf.tensor1d(indices, 'int32')));
      expect(shape).toEqual([13, ...rowShape]);
    });
  }

  it('gathers 128 of 1000 rows of 784 floats as cpu does, and along axis -rank', async () => {
    const order = Array.from({ length: 128 }, (_, i) => (i * 389 + 17) % 1000);
    await sameAsCpu(() => tf.gather(randomTensor([1000, 784], 8), tf.tensor1d(order, 'int32')));
    await sameAsCpu(() => tf.gather(randomTensor([6, 5], 2), tf.tensor1d([4, 1], 'int32'), -2));
  });

  it('keeps the shape of indices of rank 2 and of empty indices', async () => {
    expect(await sameAsCpu(() => tf.gather(randomTensor([5, 3], 4), tf.tensor2d([[4, 0], [1, 1], [3, 2]], [3, 2], 'int32')))).toEqual([3, 2, 3]);
    expect(await sameAsCpu(() => tf.gather(randomTensor([5, 3], 4), tf.tensor1d([], 'int32')))).toEqual([0, 3]);
  });

  it('copies int32 rows bit for bit', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor2d([[2 ** 30 + 1, -7], [-(2 ** 31), 2 ** 31 - 1]], [2, 2], 'int32');
    const out = tf.gather(x, tf.tensor1d([1, 0, 1], 'int32'));
    expect(out.dtype).toBe('int32');
    expect(Array.from(out.dataSync())).toEqual([-(2 ** 31), 2 ** 31 - 1, 2 ** 30 + 1, -7, -(2 ** 31), 2 ** 31 - 1]);
    tf.dispose([x, out]);
  });

  it('hands other axes, batch dimensions and dtypes to the stock kernel, which agrees with cpu', async () => {
    const x = (): tf.Tensor => randomTensor([4, 6, 5], 6);
    await sameAsCpu(() => tf.gather(x(), tf.tensor1d([5, 0, 5, 2], 'int32'), 1));
    await sameAsCpu(() => tf.gather(x(), tf.tensor1d([4, 1], 'int32'), -1));
    // (The stock kernel gets batch dimensions right only for small batches: 4 batches of [6, 5] read garbage.)
    await sameAsCpu(() => tf.gather(randomTensor([2, 3, 2], 6), tf.tensor2d([[1, 0], [2, 2]], [2, 2], 'int32'), 1, 1));
    await sameAsCpu(() => tf.gather(tf.tensor1d([true, false, true], 'bool'), tf.tensor1d([2, 1], 'int32')));
    const x4 = tf.tensor2d([[1, 2], [3, 4]]);
    const idx = tf.tensor1d([1], 'int32');
    await tf.setBackend('wasm');
    expect(gathersRows(x4, idx, 0, 0)).toBe(true);
    expect(gathersRows(x4, idx, 1, 0)).toBe(false);
    expect(gathersRows(x4, idx, 0, 1)).toBe(false);
    expect(gathersRows(tf.zeros([0, 2]), idx, 0, 0)).toBe(false);
    expect(gathersRows(x4, tf.tensor1d([1], 'float32'), 0, 0)).toBe(false);
  });

  it('rejects an index outside the rows with the stock error, writing nothing and leaking nothing', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    for (const bad of [[0, 3, 1], [2, -1, 9]]) {
      const indices = tf.tensor1d(bad, 'int32');
      const before = wasmDataIds();
      const message = `GatherV2: the index value ${bad[1]} is not in [0, 2]`;
      expect(() => tf.gather(x, indices)).toThrow(message);
      expect(wasmDataIds()).toBe(before);
      const backend = asWasmBackend(tf.backend(), GatherV2);
      const attrs = { axis: 0, batchDims: 0 };
      expect(() => stockKernel(GatherV2).kernelFunc({ inputs: { x, indices }, backend: backend as never, attrs })).toThrow(message);
      indices.dispose();
    }
    x.dispose();
  });

  it('leaks no buffer and passes the gradient of gather as cpu does', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const indices = tf.tensor1d([1, 1, 0], 'int32');
    const before = wasmDataIds();
    const out = tf.gather(x, indices);
    expect(wasmDataIds()).toBe(before + 1);
    tf.dispose([x, indices, out]);
    await sameAsCpu(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.gather(v, tf.tensor1d([2, 0, 2], 'int32')), randomTensor([3, 4], 1))))(randomTensor([3, 4], 2)));
  });
});
