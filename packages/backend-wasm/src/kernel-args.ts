/**
 * Checked access to a kernel's inputs and attributes. The engine passes them as loosely typed maps; these
 * read one entry each, with its type checked, and name the kernel and the entry when it is missing.
 */
import type { NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '@strata-ml/core';

/** Input `name`, which must be present. */
export function input(kernelName: string, inputs: NamedTensorInfoMap, name: string): TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw invalidArgument(kernelName, name, 'a tensor', 'nothing');
  return t;
}

/** Inputs `first` and `second`, which must both be present and float32. */
export function float32Inputs(kernelName: string, inputs: NamedTensorInfoMap, first: string, second: string): [TensorInfo, TensorInfo] {
  const a = input(kernelName, inputs, first);
  const b = input(kernelName, inputs, second);
  if (a.dtype !== 'float32' || b.dtype !== 'float32') {
    throw invalidArgument(kernelName, `${first}, ${second}`, 'float32 tensors', `dtypes ${a.dtype} and ${b.dtype}`);
  }
  return [a, b];
}

/** Input `name`, or undefined when it is absent or null. */
export function optionalInput(inputs: NamedTensorInfoMap, name: string): TensorInfo | undefined {
  return inputs[name] ?? undefined;
}

function attr(kernelName: string, attrs: NamedAttrMap | undefined, name: string, expected: string, ok: (v: unknown) => boolean): unknown {
  const v: unknown = attrs?.[name];
  if (!ok(v)) throw invalidArgument(kernelName, name, expected, v);
  return v;
}

/** Boolean attribute `name`; absent reads as false, as tfjs-core's own kernels treat it. */
export function boolAttr(kernelName: string, attrs: NamedAttrMap | undefined, name: string): boolean {
  return attr(kernelName, attrs, name, 'a boolean', (v) => v === undefined || typeof v === 'boolean') === true;
}

/** Number attribute `name`, or `fallback` when absent. */
export function numberAttr(kernelName: string, attrs: NamedAttrMap | undefined, name: string, fallback?: number): number {
  const v = attr(kernelName, attrs, name, 'a number', (x) => typeof x === 'number' || (x === undefined && fallback !== undefined));
  return v === undefined ? (fallback as number) : (v as number);
}

/** String attribute `name`, or `fallback` when absent. */
export function stringAttr(kernelName: string, attrs: NamedAttrMap | undefined, name: string, fallback?: string): string {
  const v = attr(kernelName, attrs, name, 'a string', (x) => typeof x === 'string' || (x === undefined && fallback !== undefined));
  return v === undefined ? (fallback as string) : (v as string);
}

/** Attribute `name` that is a number or a list of numbers (strides, dilations, shapes). */
export function numbersAttr(kernelName: string, attrs: NamedAttrMap | undefined, name: string): number | number[] {
  const ok = (x: unknown): boolean => typeof x === 'number' || (Array.isArray(x) && x.every((e) => typeof e === 'number'));
  return attr(kernelName, attrs, name, 'a number or a list of numbers', ok) as number | number[];
}

/** Attribute `name` that must be a list of 4 numbers: a 4-D shape such as `inputShape` or `filterShape`. */
export function shape4Attr(kernelName: string, attrs: NamedAttrMap | undefined, name: string): [number, number, number, number] {
  const v = numbersAttr(kernelName, attrs, name);
  if (!Array.isArray(v) || v.length !== 4) throw invalidArgument(kernelName, name, 'a list of 4 numbers', v);
  return v as [number, number, number, number];
}

/** Padding attribute: 'same', 'valid', a number, or explicit `[[top, bottom], [left, right]]`-style pairs. */
export function padAttr(
  kernelName: string,
  attrs: NamedAttrMap | undefined,
): 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]] {
  const ok = (x: unknown): boolean => x === 'same' || x === 'valid' || typeof x === 'number' || Array.isArray(x);
  return attr(kernelName, attrs, 'pad', "'same', 'valid', a number or explicit paddings", ok) as
    | 'same'
    | 'valid'
    | number
    | [[number, number], [number, number], [number, number], [number, number]];
}
