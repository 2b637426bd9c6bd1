/** Converters of the activation layers: ReLU (with max value, slope and threshold), LeakyReLU, PReLU, ELU, Softmax. */
import { configOf, converterTable, single, weightOf } from './converter';
import type { OnnxValue } from './onnx-graph';

const { table, register } = converterTable();
/** The converters of this family, by Strata class name. */
export const ACTIVATION_LAYER_CONVERTERS = table;

register('ReLU', (ctx, layer, [x]) => {
  const g = ctx.graph;
  const input = (x as OnnxValue).name;
  const maxValue = configOf<number | null>(layer, 'maxValue');
  const slope = configOf<number>(layer, 'negativeSlope') ?? 0;
  const threshold = configOf<number>(layer, 'threshold') ?? 0;
  const base = layer.name;
  let y: string;
  if (slope === 0 && threshold === 0) {
    y = g.op('Relu', [input], base);
  } else {
    // x ≥ threshold: x; below: slope · (x − threshold).
    const t = g.floats(`${base}/threshold`, [threshold], []);
    const below = g.op('Mul', [g.op('Sub', [input, t], base), g.floats(`${base}/slope`, [slope], [])], base);
    y = g.op('Where', [g.op('GreaterOrEqual', [input, t], base), input, below], base);
  }
  if (maxValue !== null && maxValue !== undefined) y = g.op('Min', [y, g.floats(`${base}/max`, [maxValue], [])], base);
  return single(layer, x as OnnxValue, y);
});
register('LeakyReLU', (ctx, layer, [x]) =>
  single(layer, x as OnnxValue, ctx.graph.op('LeakyRelu', [(x as OnnxValue).name], layer.name, { alpha: { f: configOf<number>(layer, 'negativeSlope') } })),
);
register('PReLU', (ctx, layer, [x]) => {
  const alpha = weightOf(ctx, layer, 'alpha');
  const slope = ctx.graph.floats(`${layer.name}/alpha`, alpha.values, alpha.shape);
  return single(layer, x as OnnxValue, ctx.graph.op('PRelu', [(x as OnnxValue).name, slope], layer.name));
});
register('ELU', (ctx, layer, [x]) =>
  single(layer, x as OnnxValue, ctx.graph.op('Elu', [(x as OnnxValue).name], layer.name, { alpha: { f: configOf<number>(layer, 'alpha') } })),
);
register('Softmax', (ctx, layer, [x]) => {
  const axis = configOf<number | number[]>(layer, 'axis');
  if (Array.isArray(axis) && axis.length !== 1) ctx.unsupported(layer, `softmax over several axes ${JSON.stringify(axis)}`);
  const a = Array.isArray(axis) ? (axis[0] as number) : axis;
  return single(layer, x as OnnxValue, ctx.graph.op('Softmax', [(x as OnnxValue).name], layer.name, { axis: { i: a } }));
});
