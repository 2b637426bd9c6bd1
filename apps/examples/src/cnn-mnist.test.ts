import { layers, ready, tf } from 'strata-ml';
import { buildCnn, parseCommandLine } from './cnn-mnist';

describe('cnn-mnist', () => {
  beforeAll(() => ready());

  it('builds the book model: 80,266 parameters, [28, 28, 1] → [10]', () => {
    const model = buildCnn([28, 28, 1]);
    const lines: string[] = [];
    model.summary({ printFn: (line) => lines.push(line) });
    const text = lines.join('\n');
    expect(text).toContain('Total params: 80,266');
    for (const shape of ['(None, 26, 26, 64)', '(None, 13, 13, 64)', '(None, 11, 11, 64)', '(None, 5, 5, 64)', '(None, 3, 3, 64)', '(None, 576)', '(None, 10)']) {
      expect(text).toContain(shape);
    }
    expect(model.layers.map((l) => l.className)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'Flatten', 'Dropout', 'Dense']);
    const probabilities = tf.tidy(() => {
      const p = model.apply(tf.zeros([2, 28, 28, 1])) as tf.Tensor;
      return Array.from(tf.sum(p, -1).dataSync());
    });
    probabilities.forEach((s) => expect(s).toBeCloseTo(1, 5));
    const copy = layers.deserializeLayer(JSON.parse(JSON.stringify(layers.serializeLayer(model))));
    expect(copy.getConfig()).toEqual(model.getConfig());
    model.dispose();
    copy.dispose();
  });

  it('reads its flags and rejects bad numbers, naming the flag', () => {
    expect(parseCommandLine(['--epochs', '1', '--limit', '2000', '--backend', 'cpu', '--seed', '3'])).toEqual({ epochs: 1, limit: 2000, backend: 'cpu', seed: 3 });
    expect(parseCommandLine([])).toEqual({});
    expect(() => parseCommandLine(['--limit', '0'])).toThrow('--limit must be a positive integer; received --limit="0"');
    expect(() => parseCommandLine(['--epochs', '1.5'])).toThrow('--epochs must be a positive integer; received --epochs="1.5"');
  });
});
