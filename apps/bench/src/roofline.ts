/**
 * The GEMM roofline of the running backend: the best GFLOP/s of a plain matrix product, measured in the
 * benchmark's own run (so on the same machine under the same load as the training it is compared with).
 */
import { tf } from '@strata-ml/core';
import { timeInterleaved } from './timing';

/** Best GFLOP/s over a product at the seed MLP's largest layer (128x784x256) and a square 512³ product. */
export function measureGemmGflops(): number {
  const shapes: [number, number, number][] = [[128, 784, 256], [512, 512, 512]];
  const operands = shapes.map(([m, k, n]) => [tf.randomUniform([m, k]), tf.randomUniform([k, n])] as const);
  const times = timeInterleaved(
    operands.map(([a, b]) => ({ setup: () => undefined, run: () => tf.matMul(a, b).dispose() })),
    { rounds: 3, roundMs: 150 },
  );
  tf.dispose(operands.flat());
  return Math.max(...shapes.map(([m, k, n], i) => (2 * m * k * n) / ((times[i] as number) * 1e6)));
}
