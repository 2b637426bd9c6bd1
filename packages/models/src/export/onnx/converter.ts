/**
 * Converters: one function per Strata layer class that writes the layer's inference computation as ONNX
 * nodes. Each family of layers keeps its table in its own file; `export-onnx.ts` joins them.
 */
import { formatValue } from '@strata-ml/core';
import type { Layer, Shape } from '@strata-ml/layers';
import type { OnnxGraph, OnnxValue } from './onnx-graph';

/** What a converter gets: the graph, and a way to convert a layer nested inside the one being converted. */
export interface ConvertContext {
  readonly graph: OnnxGraph;
  /** Converts another layer (a wrapped or nested one) on `inputs`. */
  convert(layer: Layer, inputs: OnnxValue[]): OnnxValue[];
  /** Raises the error that names `layer` and why it cannot be exported. */
  unsupported(layer: Layer, why: string): never;
}

/** Writes `layer` applied to `inputs` and returns its outputs. */
export type LayerConverter = (ctx: ConvertContext, layer: Layer, inputs: OnnxValue[]) => OnnxValue[];

/** A family's table of converters by class name, and the function that fills it. */
export function converterTable(): { table: Readonly<Record<string, LayerConverter>>; register: (className: string, converter: LayerConverter) => void } {
  const table: Record<string, LayerConverter> = {};
  return { table, register: (className, converter) => void (table[className] = converter) };
}

/** A layer's config value, typed by the caller. */
export function configOf<T>(layer: Layer, key: string): T {
  return layer.getConfig()[key] as T;
}

/** The weight of `layer` named `name` (its values and shape). */
export function weightOf(ctx: ConvertContext, layer: Layer, name: string): { values: Float32Array; shape: number[] } {
  const w = layer.weights.find((v) => v.name === name);
  if (w === undefined) ctx.unsupported(layer, `it has no weight '${name}' (weights: ${formatValue(layer.weights.map((v) => v.name))})`);
  return { values: w.variable.dataSync() as Float32Array, shape: w.shape.slice() };
}

/** The one output of a layer for one input, with the shape the layer computes. */
export function single(layer: Layer, input: OnnxValue, name: string): OnnxValue[] {
  return [{ name, shape: layer.computeOutputShape(input.shape) as Shape }];
}

/** A static dim, or the error that names the layer and the unknown dim. */
export function staticDim(ctx: ConvertContext, layer: Layer, shape: Shape, axis: number): number {
  const d = shape[axis];
  if (d === null || d === undefined) ctx.unsupported(layer, `its input dim ${axis} is unknown (input shape ${formatValue(shape)}); export needs it fixed`);
  return d;
}
