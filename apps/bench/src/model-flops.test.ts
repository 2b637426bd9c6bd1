import { stepFlops } from './model-flops';

describe('stepFlops', () => {
  it('counts the seed MLP by hand: forward and dW for all layers, dx for layers 2 and 3', () => {
    const b = 128;
    const forward = 2 * b * (784 * 256 + 256 * 256 + 256 * 10);
    const dx = 2 * b * (256 * 256 + 256 * 10);
    expect(stepFlops('mlp', b)).toBe(2 * forward + dx);
    expect(stepFlops('mlp', 128)).toBe(155_058_176);
  });

  it('scales linearly with the batch', () => {
    for (const name of ['mlp', 'cnn', 'rnn'] as const) expect(stepFlops(name, 256)).toBe(2 * stepFlops(name, 128));
  });

  it('counts the CNN and RNN at batch 128', () => {
    expect(stepFlops('cnn', 128)).toBe(3_884_285_952);
    expect(stepFlops('rnn', 128)).toBe(1_514_012_672);
  });
});
