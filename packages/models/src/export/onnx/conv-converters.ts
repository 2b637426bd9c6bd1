/**
 * Converters of the convolutions: Conv1D and Conv2D (`Conv`) and Conv2DTranspose (`ConvTranspose`), with
 * the kernels moved from Keras's `[k…, in, out]` (transposed: `[k…, out, in]`) to ONNX's `[out, in, k…]`
 * (transposed: `[in, out, k…]`).
 */
import { deconvOutputLength, dilatedKernelSize, type Layer, type Shape } from '@strata-ml/layers';
import { tf } from '@strata-ml/core';
import { activate } from './core-converters';
import { configOf, converterTable, staticDim, weightOf, type ConvertContext } from './converter';
import { axisPads, padAttributes, toChannelsFirst, toChannelsLast } from './layout';
import type { OnnxValue } from './onnx-graph';

const { table, register } = converterTable();
/** The converters of this family, by Strata class name. */
export const CONV_CONVERTERS = table;

function permuted(values: Float32Array, shape: number[], perm: number[]): { values: Float32Array; shape: number[] } {
  const t = tf.tensor(values, shape, 'float32');
  const p = tf.transpose(t, perm);
  const out = { values: p.dataSync() as Float32Array, shape: p.shape.slice() };
  tf.dispose([t, p]);
  return out;
}

function biasInput(ctx: ConvertContext, layer: Layer): string[] {
  if (!configOf<boolean>(layer, 'useBias')) return [];
  const bias = weightOf(ctx, layer, 'bias');
  return [ctx.graph.floats(`${layer.name}/bias`, bias.values, bias.shape)];
}

function convolution(ctx: ConvertContext, layer: Layer, x: OnnxValue): OnnxValue[] {
  const g = ctx.graph;
  const rank = x.shape.length;
  const spatial = rank - 2;
  const kernelSize = configOf<number[]>(layer, 'kernelSize');
  const strides = configOf<number[]>(layer, 'strides');
  const dilations = configOf<number[]>(layer, 'dilationRate');
  const padding = configOf<string>(layer, 'padding');
  const groups = (configOf<number | undefined>(layer, 'groups') ?? 1) as number;
  const kernel = weightOf(ctx, layer, 'kernel');
  // [k…, in, out] → [out, in, k…]
  const w = permuted(kernel.values, kernel.shape, [spatial + 1, spatial, ...Array.from({ length: spatial }, (_, i) => i)]);
  const pads = kernelSize.map((k, i) => axisPads(x.shape[i + 1] ?? null, dilatedKernelSize(k, dilations[i] as number), strides[i] as number, padding));
  const y = g.op('Conv', [toChannelsFirst(g, x.name, rank, layer.name), g.floats(`${layer.name}/kernel`, w.values, w.shape), ...biasInput(ctx, layer)], layer.name, {
    kernel_shape: { ints: kernelSize },
    strides: { ints: strides },
    dilations: { ints: dilations },
    group: { i: groups },
    ...padAttributes(pads),
  });
  const out = activate(ctx, layer, toChannelsLast(g, y, rank, layer.name));
  return [{ name: out, shape: layer.computeOutputShape(x.shape) as Shape }];
}

register('Conv1D', (ctx, layer, [x]) => convolution(ctx, layer, x as OnnxValue));
register('Conv2D', (ctx, layer, [x]) => convolution(ctx, layer, x as OnnxValue));

register('Conv2DTranspose', (ctx, layer, [input]) => {
  const g = ctx.graph;
  const x = input as OnnxValue;
  const kernelSize = configOf<number[]>(layer, 'kernelSize');
  const strides = configOf<number[]>(layer, 'strides');
  const dilations = configOf<number[]>(layer, 'dilationRate');
  const padding = configOf<'valid' | 'same'>(layer, 'padding');
  const outputPadding = configOf<number[] | null>(layer, 'outputPadding');
  const kernel = weightOf(ctx, layer, 'kernel');
  // [kh, kw, out, in] → [in, out, kh, kw]
  const w = permuted(kernel.values, kernel.shape, [3, 2, 0, 1]);
  const pads: number[][] = [];
  const extra: number[] = [];
  kernelSize.forEach((k, i) => {
    const n = staticDim(ctx, layer, x.shape, i + 1);
    const kd = dilatedKernelSize(k, dilations[i] as number);
    const s = strides[i] as number;
    const out = deconvOutputLength(n, k, padding, s, outputPadding?.[i] ?? null, dilations[i]) as number;
    // The full transposed convolution is (n − 1)·s + kd long; TensorFlow crops the forward 'same' padding.
    const total = (n - 1) * s + kd - out;
    if (total >= 0) {
      pads.push([Math.floor(total / 2), total - Math.floor(total / 2)]);
      extra.push(0);
    } else {
      pads.push([0, 0]);
      extra.push(-total);
    }
  });
  const y = g.op('ConvTranspose', [toChannelsFirst(g, x.name, 4, layer.name), g.floats(`${layer.name}/kernel`, w.values, w.shape), ...biasInput(ctx, layer)], layer.name, {
    kernel_shape: { ints: kernelSize },
    strides: { ints: strides },
    dilations: { ints: dilations },
    pads: { ints: [...pads.map((p) => p[0] as number), ...pads.map((p) => p[1] as number)] },
    output_padding: { ints: extra },
  });
  const out = activate(ctx, layer, toChannelsLast(g, y, 4, layer.name));
  return [{ name: out, shape: layer.computeOutputShape(x.shape) as Shape }];
});
