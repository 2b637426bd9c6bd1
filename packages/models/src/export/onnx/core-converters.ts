/**
 * Converters of the core layers: Dense (`MatMul` + `Add`, on any rank), Activation, Dropout (identity at
 * inference), Flatten, Reshape, Permute, RepeatVector and Embedding (`Gather`).
 */
import { formatValue } from '@strata-ml/core';
import type { Layer, Shape } from '@strata-ml/layers';
import { applyActivation } from './activations';
import { configOf, converterTable, single, weightOf, type ConvertContext } from './converter';
import type { OnnxValue } from './onnx-graph';

const { table, register } = converterTable();
/** The converters of this family, by Strata class name. */
export const CORE_CONVERTERS = table;

/** Applies the activation a layer's config names, or fails naming the layer. */
export function activate(ctx: ConvertContext, layer: Layer, x: string, name: string = configOf<string>(layer, 'activation')): string {
  const out = applyActivation(ctx.graph, name, x, layer.name);
  if (out === undefined) ctx.unsupported(layer, `its activation ${formatValue(name)} has no ONNX form`);
  return out;
}

/** `x · kernel + bias` on the last axis. */
export function denseOp(ctx: ConvertContext, layer: Layer, x: string): string {
  const g = ctx.graph;
  const kernel = weightOf(ctx, layer, 'kernel');
  let y = g.op('MatMul', [x, g.floats(`${layer.name}/kernel`, kernel.values, kernel.shape)], layer.name);
  if (configOf<boolean>(layer, 'useBias')) {
    const bias = weightOf(ctx, layer, 'bias');
    y = g.op('Add', [y, g.floats(`${layer.name}/bias`, bias.values, bias.shape)], layer.name);
  }
  return y;
}

register('Dense', (ctx, layer, [x]) => single(layer, x as OnnxValue, activate(ctx, layer, denseOp(ctx, layer, (x as OnnxValue).name))));
register('Activation', (ctx, layer, [x]) => single(layer, x as OnnxValue, activate(ctx, layer, (x as OnnxValue).name)));
register('Dropout', (_ctx, _layer, inputs) => inputs);

function reshapeTo(ctx: ConvertContext, layer: Layer, x: OnnxValue, rest: readonly number[]): OnnxValue[] {
  // 0 keeps the batch dim as it is (ONNX Reshape's allowzero=0).
  const shape = ctx.graph.ints(`${layer.name}/shape`, [0, ...rest]);
  return single(layer, x, ctx.graph.op('Reshape', [x.name, shape], layer.name));
}

register('Flatten', (ctx, layer, [x]) => reshapeTo(ctx, layer, x as OnnxValue, [-1]));
register('Reshape', (ctx, layer, [x]) => reshapeTo(ctx, layer, x as OnnxValue, configOf<number[]>(layer, 'targetShape')));
register('Permute', (ctx, layer, [x]) => {
  const perm = [0, ...configOf<number[]>(layer, 'dims')];
  return single(layer, x as OnnxValue, ctx.graph.op('Transpose', [(x as OnnxValue).name], layer.name, { perm: { ints: perm } }));
});
register('RepeatVector', (ctx, layer, [x]) => {
  const g = ctx.graph;
  const n = configOf<number>(layer, 'n');
  const expanded = g.op('Unsqueeze', [(x as OnnxValue).name, g.ints(`${layer.name}/axes`, [1])], layer.name);
  return single(layer, x as OnnxValue, g.op('Tile', [expanded, g.ints(`${layer.name}/repeats`, [1, n, 1])], layer.name));
});
register('Embedding', (ctx, layer, [x]) => {
  if (configOf<boolean>(layer, 'maskZero')) ctx.unsupported(layer, 'maskZero: masks are not exported');
  const g = ctx.graph;
  const table = weightOf(ctx, layer, 'embeddings');
  const indices = g.op('Cast', [(x as OnnxValue).name], layer.name, { to: { i: 7 } });
  const out = g.op('Gather', [g.floats(`${layer.name}/embeddings`, table.values, table.shape), indices], layer.name, { axis: { i: 0 } });
  return [{ name: out, shape: layer.computeOutputShape((x as OnnxValue).shape) as Shape }];
});
