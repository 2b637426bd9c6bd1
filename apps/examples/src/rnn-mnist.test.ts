import { runRnnMnist } from './rnn-mnist';

describe('rnn-mnist (the chapter RNN)', () => {
  it('builds SimpleRNN(256) → Dropout → Dense(10) → softmax over 28 steps of 28 pixels, trains and reports', async () => {
    const lines: string[] = [];
    const result = await runRnnMnist({ limit: 1024, epochs: 1, seed: 1, verbose: 0, backend: 'wasm', log: (line) => lines.push(line) });
    const text = lines.join('\n');
    // 28·256 + 256·256 + 256 recurrent parameters, 256·10 + 10 in the classifier.
    expect(text).toMatch(/simple_rnn \(SimpleRNN\)\s+\(None, 256\)\s+72960/);
    expect(text).toContain('Total params: 75,530');
    expect(lines[lines.length - 1]).toMatch(/^\nTest accuracy: \d{1,3}\.\d%$/);
    // Eight SGD steps already beat chance (10%) and the loss of a uniform guess (ln 10 ≈ 2.303).
    expect(result.testAccuracy).toBeGreaterThan(0.15);
    expect(result.testLoss).toBeLessThan(2.3);
    expect(result.msPerStep).toBeGreaterThan(0);
  });
});
