import { parseCommandLine } from './table-1-3-3';

describe('table-1-3-3 command line', () => {
  it('reads every flag', () => {
    expect(
      parseCommandLine(['--rows', '1,5,14-16', '--epochs', '1', '--limit', '5000', '--out', 't.md', '--backend', 'cpu', '--seed', '7', '--hidden', '3', '--verbose', '0']),
    ).toEqual({ rows: [1, 5, 14, 15, 16], epochs: 1, limit: 5000, out: 't.md', backend: 'cpu', seed: 7, hiddenLayers: 3, verbose: 0 });
    expect(parseCommandLine([])).toEqual({});
  });

  it('rejects bad values, naming the flag', () => {
    expect(() => parseCommandLine(['--epochs', '0'])).toThrow('--epochs must be a positive integer; received --epochs="0"');
    expect(() => parseCommandLine(['--limit', '1e9.5'])).toThrow('--limit must be a positive integer; received --limit="1e9.5"');
    expect(() => parseCommandLine(['--hidden', '4'])).toThrow('--hidden must be 2 or 3; received --hidden="4"');
    expect(() => parseCommandLine(['--rows', '19'])).toThrow("--rows: '19' is outside 1-18");
    expect(() => parseCommandLine(['--seed', 'x'])).toThrow('--seed must be an integer; received --seed="x"');
  });
});
