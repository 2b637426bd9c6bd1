import { parseRowSelection } from './row-selection';

describe('parseRowSelection', () => {
  it('reads rows and ranges, sorted and without repeats', () => {
    expect(parseRowSelection('1,5,14-16', 18)).toEqual([1, 5, 14, 15, 16]);
    expect(parseRowSelection(' 16 , 3-4,4,1 ', 18)).toEqual([1, 3, 4, 16]);
    expect(parseRowSelection('18-18', 18)).toEqual([18]);
    expect(parseRowSelection('1-18', 18)).toHaveLength(18);
  });

  it('rejects what is not a row or a range, repeating the selection', () => {
    expect(() => parseRowSelection('1,x', 18)).toThrow(
      `--rows: 'x' is not a row or a range; expected row numbers 1-18 or ranges like 14-16, separated by commas; received --rows="1,x"`,
    );
    expect(() => parseRowSelection('', 18)).toThrow("--rows: '' is not a row or a range");
    expect(() => parseRowSelection('2.5', 18)).toThrow("--rows: '2.5' is not a row or a range");
    expect(() => parseRowSelection('-3', 18)).toThrow("--rows: '-3' is not a row or a range");
  });

  it('rejects rows outside the table and backward ranges', () => {
    expect(() => parseRowSelection('0', 18)).toThrow("--rows: '0' is outside 1-18");
    expect(() => parseRowSelection('17-19', 18)).toThrow("--rows: '17-19' is outside 1-18");
    expect(() => parseRowSelection('16-14', 18)).toThrow("--rows: the range '16-14' runs backwards");
  });
});
