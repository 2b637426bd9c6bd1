/** Converters of the pooling layers: Max/AveragePooling1D/2D (`MaxPool`, `AveragePool`) and the global poolings (`ReduceMax`, `ReduceMean`). */
import type { Layer } from '@strata-ml/layers';
import { configOf, converterTable, single, type ConvertContext } from './converter';
import { axisPads, padAttributes, toChannelsFirst, toChannelsLast } from './layout';
import type { OnnxValue } from './onnx-graph';

const { table, register } = converterTable();
/** The converters of this family, by Strata class name. */
export const POOLING_CONVERTERS = table;

function pool(op: 'MaxPool' | 'AveragePool') {
  return (ctx: ConvertContext, layer: Layer, [input]: OnnxValue[]): OnnxValue[] => {
    const g = ctx.graph;
    const x = input as OnnxValue;
    const rank = x.shape.length;
    const poolSize = configOf<number[]>(layer, 'poolSize');
    const strides = configOf<number[]>(layer, 'strides');
    const padding = configOf<string>(layer, 'padding');
    const pads = poolSize.map((k, i) => axisPads(x.shape[i + 1] ?? null, k, strides[i] as number, padding));
    // TensorFlow's 'same' average pooling divides by the cells inside the input: count_include_pad = 0.
    const y = g.op(op, [toChannelsFirst(g, x.name, rank, layer.name)], layer.name, { kernel_shape: { ints: poolSize }, strides: { ints: strides }, ...padAttributes(pads) });
    return single(layer, x, toChannelsLast(g, y, rank, layer.name));
  };
}

for (const name of ['MaxPooling1D', 'MaxPooling2D']) register(name, pool('MaxPool'));
for (const name of ['AveragePooling1D', 'AveragePooling2D']) register(name, pool('AveragePool'));

function globalPool(op: 'ReduceMax' | 'ReduceMean') {
  return (ctx: ConvertContext, layer: Layer, [input]: OnnxValue[]): OnnxValue[] => {
    const x = input as OnnxValue;
    const axes = Array.from({ length: x.shape.length - 2 }, (_, i) => i + 1);
    const keepdims = configOf<boolean>(layer, 'keepdims') ? 1 : 0;
    return single(layer, x, ctx.graph.op(op, [x.name], layer.name, { axes: { ints: axes }, keepdims: { i: keepdims } }));
  };
}

for (const name of ['GlobalMaxPooling1D', 'GlobalMaxPooling2D']) register(name, globalPool('ReduceMax'));
for (const name of ['GlobalAveragePooling1D', 'GlobalAveragePooling2D']) register(name, globalPool('ReduceMean'));
