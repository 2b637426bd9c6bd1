/**
 * Keras activations as ONNX nodes, by the name a layer's config gives (`'relu'`, `'hard_sigmoid'`, …), and
 * as the names ONNX's recurrent operators take for their gate activations.
 */
import { SELU_ALPHA, SELU_SCALE } from '@strata-ml/layers';
import type { OnnxAttribute, OnnxGraph } from './onnx-graph';

type Emit = (g: OnnxGraph, x: string, base: string) => string;

const ACTIVATIONS: Readonly<Record<string, Emit>> = {
  linear: (_g, x) => x,
  relu: (g, x, b) => g.op('Relu', [x], b),
  relu6: (g, x, b) => g.op('Clip', [x, g.floats(`${b}/zero`, [0], []), g.floats(`${b}/six`, [6], [])], b),
  sigmoid: (g, x, b) => g.op('Sigmoid', [x], b),
  tanh: (g, x, b) => g.op('Tanh', [x], b),
  softmax: (g, x, b) => g.op('Softmax', [x], b, { axis: { i: -1 } }),
  log_softmax: (g, x, b) => g.op('LogSoftmax', [x], b, { axis: { i: -1 } }),
  elu: (g, x, b) => g.op('Elu', [x], b, { alpha: { f: 1 } }),
  selu: (g, x, b) => g.op('Selu', [x], b, { alpha: { f: SELU_ALPHA }, gamma: { f: SELU_SCALE } }),
  softplus: (g, x, b) => g.op('Softplus', [x], b),
  softsign: (g, x, b) => g.op('Softsign', [x], b),
  // Keras 3's relu6(x + 3) / 6, and Keras 2's and TF.js's clip(0.2x + 0.5, 0, 1).
  hard_sigmoid: (g, x, b) => g.op('HardSigmoid', [x], b, { alpha: { f: 1 / 6 }, beta: { f: 0.5 } }),
  legacy_hard_sigmoid: (g, x, b) => g.op('HardSigmoid', [x], b, { alpha: { f: 0.2 }, beta: { f: 0.5 } }),
  exponential: (g, x, b) => g.op('Exp', [x], b),
  leaky_relu: (g, x, b) => g.op('LeakyRelu', [x], b, { alpha: { f: 0.2 } }),
  swish: (g, x, b) => g.op('Mul', [x, g.op('Sigmoid', [x], b)], b),
  silu: (g, x, b) => g.op('Mul', [x, g.op('Sigmoid', [x], b)], b),
  mish: (g, x, b) => g.op('Mul', [x, g.op('Tanh', [g.op('Softplus', [x], b)], b)], b),
  // The exact GELU, x·Φ(x) = 0.5·x·(1 + erf(x/√2)) (ONNX's Gelu operator needs opset 20).
  gelu: (g, x, b) => {
    const erf = g.op('Erf', [g.op('Mul', [x, g.floats(`${b}/rsqrt2`, [Math.SQRT1_2], [])], b)], b);
    const one = g.op('Add', [erf, g.floats(`${b}/one`, [1], [])], b);
    return g.op('Mul', [g.op('Mul', [x, g.floats(`${b}/half`, [0.5], [])], b), one], b);
  },
};

/** Applies the activation `name` to `x`; `undefined` when ONNX export does not know it. */
export function applyActivation(g: OnnxGraph, name: string, x: string, base: string): string | undefined {
  const emit = Object.prototype.hasOwnProperty.call(ACTIVATIONS, name) ? ACTIVATIONS[name] : undefined;
  return emit?.(g, x, base);
}

/** A gate activation as ONNX's RNN, LSTM and GRU operators name it, with its alpha and beta. */
export interface RecurrentActivation {
  readonly name: string;
  readonly alpha?: number;
  readonly beta?: number;
}

const RECURRENT: Readonly<Record<string, RecurrentActivation>> = {
  sigmoid: { name: 'Sigmoid' },
  tanh: { name: 'Tanh' },
  relu: { name: 'Relu' },
  linear: { name: 'Affine', alpha: 1, beta: 0 },
  hard_sigmoid: { name: 'HardSigmoid', alpha: 1 / 6, beta: 0.5 },
  legacy_hard_sigmoid: { name: 'HardSigmoid', alpha: 0.2, beta: 0.5 },
  softsign: { name: 'Softsign' },
  softplus: { name: 'Softplus' },
  elu: { name: 'Elu', alpha: 1 },
};

/** The ONNX name of a gate activation, or `undefined`. */
export function recurrentActivation(name: string): RecurrentActivation | undefined {
  return Object.prototype.hasOwnProperty.call(RECURRENT, name) ? RECURRENT[name] : undefined;
}

/** The `activations`, `activation_alpha` and `activation_beta` attributes of a recurrent operator. */
export function recurrentAttributes(list: readonly RecurrentActivation[]): Record<string, OnnxAttribute> {
  const attrs: Record<string, OnnxAttribute> = { activations: { strings: list.map((a) => a.name) } };
  // The alpha/beta lists hold one entry per activation that takes them, in order.
  const alphas = list.filter((a) => a.alpha !== undefined).map((a) => a.alpha as number);
  const betas = list.filter((a) => a.beta !== undefined).map((a) => a.beta as number);
  if (alphas.length > 0) attrs['activation_alpha'] = { floats: alphas };
  if (betas.length > 0) attrs['activation_beta'] = { floats: betas };
  return attrs;
}
