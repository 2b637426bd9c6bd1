import { countLabels, formatCounts } from './label-counts';

describe('label counts', () => {
  it('counts each label and sorts the keys', () => {
    const counts = countLabels(new Uint8Array([3, 1, 3, 0, 3, 1]));
    expect([...counts]).toEqual([
      [0, 1],
      [1, 2],
      [3, 3],
    ]);
  });

  it('prints as a Python dict', () => {
    expect(formatCounts(countLabels([9, 10, 9]))).toBe('{9: 2, 10: 1}');
    expect(formatCounts(new Map())).toBe('{}');
  });
});
