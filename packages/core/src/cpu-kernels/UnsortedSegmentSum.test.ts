import { setBackend, tf as tfc } from '../index';
import { unsortedSegmentSumConfig } from './UnsortedSegmentSum';

beforeAll(() => setBackend('cpu'));

describe('UnsortedSegmentSum on cpu', () => {
  it('is the kernel the cpu backend runs once selected', () => {
    expect(tfc.getKernel('UnsortedSegmentSum', 'cpu')).toBe(unsortedSegmentSumConfig);
  });

  it('keeps NaN and ±Infinity in their own segment', () => {
    const x = tfc.tensor1d([NaN, Infinity, -Infinity, 0, 1, -1, 0.5, -0.5, 3]);
    const ids = tfc.tensor1d([0, 1, 1, 2, 2, 2, 3, 3, 3], 'int32');
    const out = tfc.unsortedSegmentSum(x, ids, 5);
    expect(Array.from(out.dataSync())).toEqual([NaN, NaN, 0, 3, 0]);
    tfc.dispose([x, ids, out]);
  });

  it('adds whole rows, in int32 too, and drops ids outside [0, numSegments)', () => {
    const x = tfc.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]], [4, 2], 'int32');
    const ids = tfc.tensor1d([2, 0, 2, 7], 'int32');
    const out = tfc.unsortedSegmentSum(x, ids, 3);
    expect(out.dtype).toBe('int32');
    expect(out.arraySync()).toEqual([[3, 4], [0, 0], [6, 8]]);
    tfc.dispose([x, ids, out]);
  });

  it('gives a gather its gradient with a NaN row left alone', () => {
    const table = tfc.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const grad = tfc.grad((t: tfc.Tensor) => tfc.sum(tfc.mul(tfc.gather(t, tfc.tensor1d([0, 2, 2], 'int32')), tfc.tensor2d([[NaN, 1], [1, 1], [2, 1]]))))(table);
    expect(grad.arraySync()).toEqual([[NaN, 1], [0, 0], [3, 2]]);
    tfc.dispose([table, grad]);
  });
});
