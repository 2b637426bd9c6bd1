/**
 * The in-memory picture of an HDF5 file that the reader returns and the writer consumes: groups holding
 * named groups and datasets, each with attributes. Only what model files need is modelled: numeric
 * datasets (float32/float64/int32/int64/uint8/bool-as-uint8) and string or numeric attributes.
 */
import { ValueError } from '@strata-ml/core';

/** Element types a dataset may hold. */
export type H5DType = 'float32' | 'float64' | 'int32' | 'int64' | 'uint8';

/** A typed array for each {@link H5DType}; int64 is held as float64 values (exact up to 2^53). */
export type H5Data = Float32Array | Float64Array | Int32Array | Uint8Array;

/** An attribute value: a string, a list of strings, a number, or a list of numbers. */
export type H5Attr = string | string[] | number | number[];

/** A dataset: dtype, shape (row-major) and its values. */
export interface H5Dataset {
  readonly kind: 'dataset';
  readonly dtype: H5DType;
  readonly shape: readonly number[];
  readonly data: H5Data;
  readonly attrs: Map<string, H5Attr>;
}

/** A group: children by name (kept in insertion order) and attributes. */
export interface H5Group {
  readonly kind: 'group';
  readonly children: Map<string, H5Group | H5Dataset>;
  readonly attrs: Map<string, H5Attr>;
}

/** A new, empty group. */
export function h5Group(attrs: Record<string, H5Attr> = {}): H5Group {
  return { kind: 'group', children: new Map(), attrs: new Map(Object.entries(attrs)) };
}

/** A new dataset. */
export function h5Dataset(dtype: H5DType, shape: readonly number[], data: H5Data): H5Dataset {
  return { kind: 'dataset', dtype, shape: [...shape], data, attrs: new Map() };
}

/** The child group at `path` (slash separated), creating missing groups on the way. */
export function ensureGroup(root: H5Group, path: string): H5Group {
  let group = root;
  for (const part of path.split('/').filter((p) => p.length > 0)) {
    let child = group.children.get(part);
    if (child === undefined) {
      child = h5Group();
      group.children.set(part, child);
    }
    if (child.kind !== 'group') throw new ValueError(`ensureGroup: ${JSON.stringify(path)} crosses dataset ${JSON.stringify(part)}`);
    group = child;
  }
  return group;
}

/** The node at `path`, or undefined. */
export function h5Get(root: H5Group, path: string): H5Group | H5Dataset | undefined {
  let node: H5Group | H5Dataset = root;
  for (const part of path.split('/').filter((p) => p.length > 0)) {
    if (node.kind !== 'group') return undefined;
    const child: H5Group | H5Dataset | undefined = node.children.get(part);
    if (child === undefined) return undefined;
    node = child;
  }
  return node;
}
