/**
 * Converters of the merge layers: Add (`Sum`), Subtract, Multiply, Average (`Mean`), Maximum, Minimum,
 * Concatenate, and Dot for two inputs of rank 2 or 3 (with Keras's optional L2 normalization).
 */
import type { Layer, Shape } from '@strata-ml/layers';
import { configOf, converterTable, type ConvertContext } from './converter';
import type { OnnxValue } from './onnx-graph';

const { table, register } = converterTable();
/** The converters of this family, by Strata class name. */
export const MERGING_CONVERTERS = table;

function merged(layer: Layer, inputs: OnnxValue[], name: string): OnnxValue[] {
  return [{ name, shape: layer.computeOutputShape(inputs.map((x) => x.shape)) as Shape }];
}

function variadic(op: string) {
  return (ctx: ConvertContext, layer: Layer, inputs: OnnxValue[]): OnnxValue[] => merged(layer, inputs, ctx.graph.op(op, inputs.map((x) => x.name), layer.name));
}

register('Add', variadic('Sum'));
register('Average', variadic('Mean'));
register('Maximum', variadic('Max'));
register('Minimum', variadic('Min'));
register('Multiply', (ctx, layer, inputs) => {
  const [first, ...rest] = inputs.map((x) => x.name);
  return merged(layer, inputs, rest.reduce((acc, x) => ctx.graph.op('Mul', [acc, x], layer.name), first as string));
});
register('Subtract', (ctx, layer, inputs) => merged(layer, inputs, ctx.graph.op('Sub', inputs.map((x) => x.name), layer.name)));
register('Concatenate', (ctx, layer, inputs) => {
  const rank = (inputs[0] as OnnxValue).shape.length;
  const axis = configOf<number>(layer, 'axis');
  return merged(layer, inputs, ctx.graph.op('Concat', inputs.map((x) => x.name), layer.name, { axis: { i: axis < 0 ? axis + rank : axis } }));
});

/** `x / sqrt(max(Σ x², 1e-12))` along `axis`, as Keras's `l2_normalize`. */
function l2Normalize(ctx: ConvertContext, layer: Layer, x: string, axis: number): string {
  const g = ctx.graph;
  const sum = g.op('ReduceSumSquare', [x], layer.name, { axes: { ints: [axis] }, keepdims: { i: 1 } });
  const norm = g.op('Sqrt', [g.op('Max', [sum, g.floats(`${layer.name}/epsilon`, [1e-12], [])], layer.name)], layer.name);
  return g.op('Div', [x, norm], layer.name);
}

register('Dot', (ctx, layer, inputs) => {
  const g = ctx.graph;
  const [a, b] = inputs as [OnnxValue, OnnxValue];
  const rank = a.shape.length;
  const axes = configOf<number[]>(layer, 'axes').map((ax) => (ax < 0 ? ax + rank : ax));
  if (inputs.length !== 2 || b.shape.length !== rank || (rank !== 2 && rank !== 3)) ctx.unsupported(layer, 'Dot is exported for two inputs of rank 2 or 3');
  let [x, y] = [a.name, b.name];
  if (configOf<boolean>(layer, 'normalize')) [x, y] = [l2Normalize(ctx, layer, x, axes[0] as number), l2Normalize(ctx, layer, y, axes[1] as number)];
  let out: string;
  if (rank === 2) {
    out = g.op('ReduceSum', [g.op('Mul', [x, y], layer.name), g.ints(`${layer.name}/axes`, [1])], layer.name, { keepdims: { i: 1 } });
  } else {
    // Batched matrix product: contract axis axes[0] of x with axis axes[1] of y.
    const left = axes[0] === 2 ? x : g.op('Transpose', [x], layer.name, { perm: { ints: [0, 2, 1] } });
    const right = axes[1] === 1 ? y : g.op('Transpose', [y], layer.name, { perm: { ints: [0, 2, 1] } });
    out = g.op('MatMul', [left, right], layer.name);
  }
  return merged(layer, inputs, out);
});
