import { formatTable } from './table';

describe('formatTable', () => {
  it('left-aligns the leading columns, right-aligns the rest, and underlines the header', () => {
    const text = formatTable(['name', 'GFLOP/s'], [['a', '1.5'], ['longer', '42.25']], 1);
    expect(text.split('\n')).toEqual(['name    GFLOP/s', '------  -------', 'a           1.5', 'longer    42.25']);
  });
});
