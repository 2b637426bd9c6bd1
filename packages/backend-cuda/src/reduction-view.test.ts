import { planReduction } from './reduction-view';

describe('planReduction', () => {
  it('reduces the last axis in place: one row per output', () => {
    expect(planReduction([128, 10], [1])).toEqual({ permutation: null, outer: 128, reduce: 10, inner: 1 });
  });

  it('reduces the batch axis in place with a stride (the bias gradient)', () => {
    expect(planReduction([128, 256], [0])).toEqual({ permutation: null, outer: 1, reduce: 128, inner: 256 });
  });

  it('reduces adjacent middle axes in place, whatever order they are given in', () => {
    expect(planReduction([2, 3, 4, 5], [2, 1])).toEqual({ permutation: null, outer: 2, reduce: 12, inner: 5 });
  });

  it('ignores size-1 axes between reduced ones', () => {
    expect(planReduction([3, 1, 4], [0, 2])).toEqual({ permutation: null, outer: 1, reduce: 12, inner: 1 });
  });

  it('transposes first when reduced axes are apart', () => {
    expect(planReduction([2, 3, 4], [0, 2])).toEqual({ permutation: [1, 0, 2], outer: 3, reduce: 8, inner: 1 });
  });

  it('reduces everything to one value', () => {
    expect(planReduction([4, 5], [0, 1])).toEqual({ permutation: null, outer: 1, reduce: 20, inner: 1 });
  });
});
