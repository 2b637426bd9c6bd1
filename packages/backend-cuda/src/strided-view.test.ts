import { broadcastToView, reverseView, stridedSliceView, transposeView, type SourceView } from './strided-view';
import { sizeOf } from './strides';

/** Walks a view as the native copy kernel does. */
function gather(view: SourceView, source: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < sizeOf(view.shape); i++) {
    let rest = i;
    let at = view.srcOffset;
    for (let d = view.shape.length - 1; d >= 0; d--) {
      const extent = view.shape[d] ?? 1;
      at += (rest % extent) * (view.srcStrides[d] ?? 0);
      rest = Math.floor(rest / extent);
    }
    out.push(source[at] ?? NaN);
  }
  return out;
}

const iota = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('strided views', () => {
  it('transposes a [2, 3] matrix', () => {
    expect(gather(transposeView([2, 3], [1, 0]), iota(6))).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it('permutes a [2, 3, 4] tensor with perm [2, 0, 1]', () => {
    const view = transposeView([2, 3, 4], [2, 0, 1]);
    expect(view.shape).toEqual([4, 2, 3]);
    // out[k, i, j] = x[i, j, k] = 12i + 4j + k
    expect(gather(view, iota(24)).slice(0, 7)).toEqual([0, 4, 8, 12, 16, 20, 1]);
  });

  it('slices rows 1–2 and columns 1–3 of a [3, 4] matrix', () => {
    expect(gather(stridedSliceView([3, 4], [1, 1], [2, 3]), iota(12))).toEqual([5, 6, 7, 9, 10, 11]);
  });

  it('takes every second element from 1 with a step', () => {
    expect(gather(stridedSliceView([7], [1], [3], [2]), iota(7))).toEqual([1, 3, 5]);
  });

  it('reverses the last axis of a [2, 3] matrix', () => {
    expect(gather(reverseView([2, 3], [1]), iota(6))).toEqual([2, 1, 0, 5, 4, 3]);
  });

  it('broadcasts a [3] row to [2, 3] and a [2, 1] column to [2, 3]', () => {
    expect(gather(broadcastToView([3], [2, 3]), [7, 8, 9])).toEqual([7, 8, 9, 7, 8, 9]);
    expect(gather(broadcastToView([2, 1], [2, 3]), [7, 8])).toEqual([7, 7, 7, 8, 8, 8]);
  });
});
