/**
 * Multiply-add work of one training step of the benchmark models, counted from their layer shapes: the
 * arithmetic floor a step cannot beat at a given GEMM rate.
 */
import type { ModelName } from './strata-models';

/** A matrix product `[m, k] x [k, n]`: 2·m·k·n floating-point operations. */
function gemm(m: number, k: number, n: number): number {
  return 2 * m * k * n;
}

/**
 * Floating-point operations of one training step at `batch`: the forward products, the weight gradients,
 * and the input gradients of every layer but the first (no one needs the gradient of the data). Elementwise
 * work (activations, pooling, the optimizer) is left out: it is a few percent and not GEMM-bound.
 */
export function stepFlops(name: ModelName, batch: number): number {
  switch (name) {
    case 'mlp': {
      const layers: [number, number][] = [[784, 256], [256, 256], [256, 10]];
      return layers.reduce((sum, [k, n], i) => sum + gemm(batch, k, n) * (i === 0 ? 2 : 3), 0);
    }
    case 'cnn': {
      // Conv2D(64, 3) on 28x28x1 -> 26x26; pool -> 13x13; conv -> 11x11; pool -> 5x5; conv -> 3x3; Dense(576 -> 10).
      const convs: [number, number, number][] = [[26 * 26, 9 * 1, 64], [11 * 11, 9 * 64, 64], [3 * 3, 9 * 64, 64]];
      const convFlops = convs.reduce((sum, [pixels, k, n], i) => sum + gemm(batch * pixels, k, n) * (i === 0 ? 2 : 3), 0);
      return convFlops + gemm(batch, 576, 10) * 3;
    }
    case 'rnn': {
      // 28 steps of h = tanh(x·W + h·U + b): x·W [28 -> 256] needs no input gradient, h·U [256 -> 256] does.
      const steps = 28;
      const perStep = gemm(batch, 28, 256) * 2 + gemm(batch, 256, 256) * 3;
      return steps * perStep + gemm(batch, 256, 10) * 3;
    }
  }
}
