import { parseTrainBenchArgs, withoutNodeFlag } from './train-bench-args';

describe('parseTrainBenchArgs', () => {
  it('has defaults: every model, every peer, one thread, this Node', () => {
    expect(parseTrainBenchArgs([])).toEqual({
      steps: 20, warmup: 5, models: ['mlp', 'cnn', 'rnn'], json: false, accuracy: false, peers: ['tfjs', 'pytorch', 'jax'], threads: 1, node: null,
    });
  });

  it('reads every flag', () => {
    expect(
      parseTrainBenchArgs(['--steps', '5', '--warmup', '1', '--models', 'rnn,mlp', '--json', '--accuracy', '--peers', 'pytorch', '--threads', '2', '--node', '24']),
    ).toEqual({ steps: 5, warmup: 1, models: ['rnn', 'mlp'], json: true, accuracy: true, peers: ['pytorch'], threads: 2, node: 24 });
    expect(parseTrainBenchArgs(['--no-stock']).peers).toEqual([]);
  });

  it('names what it rejects', () => {
    expect(() => parseTrainBenchArgs(['--steps', '0'])).toThrow('train-bench: --steps must be a positive integer; received 0');
    expect(() => parseTrainBenchArgs(['--models', 'mlp,gan'])).toThrow("--models takes a comma-separated subset of mlp,cnn,rnn; received 'mlp,gan'");
    expect(() => parseTrainBenchArgs(['--peers', 'onnx'])).toThrow("--peers takes a comma-separated subset of tfjs,pytorch,jax; received 'onnx'");
    expect(() => parseTrainBenchArgs(['--threads', 'two'])).toThrow('train-bench: --threads must be a positive integer; received two');
    expect(() => parseTrainBenchArgs(['--node', 'latest'])).toThrow('train-bench: --node must be a positive integer; received latest');
    expect(() => parseTrainBenchArgs(['--fast'])).toThrow("train-bench: unknown argument '--fast'");
  });
});

describe('withoutNodeFlag', () => {
  it('drops --node and its value, keeping the rest in order', () => {
    expect(withoutNodeFlag(['--steps', '3', '--node', '24', '--json'])).toEqual(['--steps', '3', '--json']);
  });
});
