import { markdownTable } from './markdown';
import { resultsMarkdown } from './results';
import { TABLE_1_3_3 } from './rows';

describe('markdownTable', () => {
  it('writes a header, an alignment rule and one line per row', () => {
    expect(markdownTable(['a', 'b'], [['1', '2'], ['3', '4']], ['l', 'r'])).toBe('| a | b |\n|---|---:|\n| 1 | 2 |\n| 3 | 4 |\n');
  });

  it('escapes pipes and line breaks inside cells', () => {
    expect(markdownTable(['x'], [['a|b\nc']])).toBe('| x |\n|---|\n| a\\|b c |\n');
  });

  it('rejects a row of the wrong width', () => {
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow('markdownTable: every row needs 2 cells; received 1: ["1"]');
  });
});

describe('resultsMarkdown', () => {
  it('prints our accuracies beside the book, with the run settings', () => {
    const [row1, , row3] = TABLE_1_3_3;
    const text = resultsMarkdown(
      [
        { row: row1!, trainAccuracy: 0.93456, testAccuracy: 0.9251, seconds: 61.4 },
        { row: row3!, trainAccuracy: 0.97, testAccuracy: 0.9665, seconds: 70.6 },
      ],
      { epochs: 20, batchSize: 128, trainSamples: 60000, backend: 'wasm', architecture: 'Two hidden layers.' },
    );
    expect(text).toBe(
      '# Table 1.3.3, reproduced\n\n' +
        'MNIST, 20 epoch(s) of batch 128 on 60000 training images, backend wasm. Two hidden layers.\n\n' +
        '| # | Layers | Regularizer | Optimizer | ReLU | Train acc % (ours) | Train acc % (book) | Test acc % (ours) | Test acc % (book) | Seconds |\n' +
        '|---:|---|---|---|---|---:|---:|---:|---:|---:|\n' +
        '| 1 | 256-256-256 | none | SGD | no | 93.46 | 93.65 | 92.51 | 92.5 | 61 |\n' +
        '| 3 | 256-256-256 | L2(0.01) | SGD | yes | 97.00 | 96.90 | 96.65 | 96.7 | 71 |\n',
    );
  });
});
