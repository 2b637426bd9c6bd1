import { parseTrainBenchArgs } from './train-bench-args';

describe('parseTrainBenchArgs', () => {
  it('has defaults', () => {
    expect(parseTrainBenchArgs([])).toEqual({ steps: 20, warmup: 5, models: ['mlp', 'cnn', 'rnn'], json: false, accuracy: false, noStock: false, threads: 1 });
  });

  it('reads every flag', () => {
    expect(parseTrainBenchArgs(['--steps', '5', '--warmup', '1', '--models', 'rnn,mlp', '--json', '--accuracy', '--no-stock', '--threads', '2'])).toEqual({
      steps: 5, warmup: 1, models: ['rnn', 'mlp'], json: true, accuracy: true, noStock: true, threads: 2,
    });
  });

  it('names what it rejects', () => {
    expect(() => parseTrainBenchArgs(['--steps', '0'])).toThrow('train-bench: --steps must be a positive integer; received 0');
    expect(() => parseTrainBenchArgs(['--models', 'mlp,gan'])).toThrow("--models takes a comma-separated subset of mlp,cnn,rnn; received 'mlp,gan'");
    expect(() => parseTrainBenchArgs(['--threads', 'two'])).toThrow('train-bench: --threads must be a positive integer; received two');
    expect(() => parseTrainBenchArgs(['--fast'])).toThrow("train-bench: unknown argument '--fast'");
  });
});
