import { broadcastShape, broadcastView, type BroadcastView } from './broadcast';
import { contiguousStrides, sizeOf } from './strides';

/** Applies a view the way the kernel does, to check it against direct NumPy-style indexing. */
function evaluate(view: BroadcastView, a: number[], b: number[]): number[] {
  const n = sizeOf(view.outShape);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let rest = i;
    let ia = 0;
    let ib = 0;
    for (let d = view.outShape.length - 1; d >= 0; d--) {
      const extent = view.outShape[d] ?? 1;
      const coord = rest % extent;
      rest = Math.floor(rest / extent);
      ia += coord * (view.aStrides[d] ?? 0);
      ib += coord * (view.bStrides[d] ?? 0);
    }
    out.push((a[ia] ?? NaN) * 100 + (b[ib] ?? NaN));
  }
  return out;
}

function direct(aShape: number[], bShape: number[], out: number[]): number[] {
  const rank = out.length;
  const pad = (s: number[]) => [...new Array<number>(rank - s.length).fill(1), ...s];
  const pa = pad(aShape);
  const pb = pad(bShape);
  const sa = contiguousStrides(pa);
  const sb = contiguousStrides(pb);
  const result: number[] = [];
  const oStrides = contiguousStrides(out);
  for (let i = 0; i < sizeOf(out); i++) {
    let ia = 0;
    let ib = 0;
    for (let d = 0; d < rank; d++) {
      const coord = Math.floor(i / (oStrides[d] ?? 1)) % (out[d] ?? 1);
      ia += ((pa[d] ?? 1) === 1 ? 0 : coord) * (sa[d] ?? 0);
      ib += ((pb[d] ?? 1) === 1 ? 0 : coord) * (sb[d] ?? 0);
    }
    result.push(ia * 100 + ib);
  }
  return result;
}

describe('broadcastShape', () => {
  it('follows NumPy rules and rejects incompatible shapes', () => {
    expect(broadcastShape([128, 256], [256])).toEqual([128, 256]);
    expect(broadcastShape([2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
    expect(broadcastShape([], [5])).toEqual([5]);
    expect(broadcastShape([2, 3], [4])).toBeNull();
  });
});

describe('broadcastView', () => {
  it('returns null for equal shapes, so the kernel walks both linearly', () => {
    expect(broadcastView([4, 5], [4, 5])).toBeNull();
  });

  it('gives the bias add of a dense layer as one row stride', () => {
    expect(broadcastView([128, 256], [256])).toEqual({ outShape: [128, 256], aStrides: [256, 1], bStrides: [0, 1] });
  });

  it('merges axes that broadcast alike', () => {
    expect(broadcastView([2, 3, 4, 5], [1, 1, 4, 5])).toEqual({ outShape: [6, 20], aStrides: [20, 1], bStrides: [0, 1] });
    expect(broadcastView([3, 4], [])).toEqual({ outShape: [12], aStrides: [1], bStrides: [0] });
  });

  it.each([
    [[2, 1, 3], [4, 1]],
    [[1, 5], [3, 1]],
    [[2, 3, 1, 4], [3, 5, 1]],
    [[6], [2, 3, 6]],
    [[1], [1, 1]],
  ])('indexes %j with %j exactly as direct broadcasting does', (aShape, bShape) => {
    const out = broadcastShape(aShape, bShape) ?? [];
    const view = broadcastView(aShape, bShape);
    const a = Array.from({ length: sizeOf(aShape) }, (_, i) => i);
    const b = Array.from({ length: sizeOf(bShape) }, (_, i) => i);
    const expected = direct(aShape, bShape, out);
    const got = view === null ? a.map((v, i) => v * 100 + (b[i] ?? NaN)) : evaluate(view, a, b);
    expect(got).toEqual(expected);
  });

  it('throws on shapes that do not broadcast', () => {
    expect(() => broadcastView([2, 3], [4])).toThrow('broadcastView: shapes [2, 3] and [4] do not broadcast');
  });
});
