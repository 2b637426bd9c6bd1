/**
 * Converters of the normalizations: BatchNormalization folded into one scale and one shift per channel
 * (`x · γ/√(σ² + ε) + (β − μ · γ/√(σ² + ε))`, its inference form), LayerNormalization as opset 17's
 * `LayerNormalization` over the trailing axes.
 */
import type { Layer } from '@strata-ml/layers';
import { configOf, converterTable, single, weightOf, type ConvertContext } from './converter';
import type { OnnxValue } from './onnx-graph';

const { table, register } = converterTable();
/** The converters of this family, by Strata class name. */
export const NORMALIZATION_CONVERTERS = table;

function optionalWeight(ctx: ConvertContext, layer: Layer, name: string, flag: string, size: number, fill: number): Float32Array {
  return configOf<boolean>(layer, flag) ? weightOf(ctx, layer, name).values : new Float32Array(size).fill(fill);
}

function normalizedAxis(ctx: ConvertContext, layer: Layer, rank: number): number {
  const axis = configOf<number | number[]>(layer, 'axis');
  const list = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a));
  if (list.length !== 1) ctx.unsupported(layer, `it normalizes over several axes ${JSON.stringify(axis)}`);
  return list[0] as number;
}

register('BatchNormalization', (ctx, layer, [input]) => {
  const g = ctx.graph;
  const x = input as OnnxValue;
  const rank = x.shape.length;
  const axis = normalizedAxis(ctx, layer, rank);
  const mean = weightOf(ctx, layer, 'moving_mean').values;
  const variance = weightOf(ctx, layer, 'moving_variance').values;
  const n = mean.length;
  const gamma = optionalWeight(ctx, layer, 'gamma', 'scale', n, 1);
  const beta = optionalWeight(ctx, layer, 'beta', 'center', n, 0);
  const epsilon = configOf<number>(layer, 'epsilon');
  const scale = new Float32Array(n);
  const shift = new Float32Array(n);
  for (let c = 0; c < n; c++) {
    // In float64, so the fold itself adds no rounding beyond the final float32.
    const s = (gamma[c] as number) / Math.sqrt((variance[c] as number) + epsilon);
    scale[c] = s;
    shift[c] = (beta[c] as number) - (mean[c] as number) * s;
  }
  // Shaped to broadcast along `axis`: [C, 1, …, 1] with as many 1s as axes after it.
  const dims = [n, ...Array<number>(rank - 1 - axis).fill(1)];
  const y = g.op('Add', [g.op('Mul', [x.name, g.floats(`${layer.name}/scale`, scale, dims)], layer.name), g.floats(`${layer.name}/shift`, shift, dims)], layer.name);
  return single(layer, x, y);
});

register('LayerNormalization', (ctx, layer, [input]) => {
  const g = ctx.graph;
  const x = input as OnnxValue;
  const rank = x.shape.length;
  const axis = normalizedAxis(ctx, layer, rank);
  if (axis !== rank - 1) ctx.unsupported(layer, `it normalizes over axis ${axis}, not the last one`);
  const n = x.shape[axis] as number;
  const gamma = optionalWeight(ctx, layer, 'gamma', 'scale', n, 1);
  const beta = optionalWeight(ctx, layer, 'beta', 'center', n, 0);
  const y = g.op('LayerNormalization', [x.name, g.floats(`${layer.name}/gamma`, gamma, [n]), g.floats(`${layer.name}/beta`, beta, [n])], layer.name, {
    axis: { i: -1 },
    epsilon: { f: configOf<number>(layer, 'epsilon') },
  });
  return single(layer, x, y);
});
