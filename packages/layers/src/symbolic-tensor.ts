import type { DataType } from '@strata-ml/core';
import type { Layer, CallArgs } from './layer';
import type { Shape } from './shape';

let nextId = 0;

/** Arguments of {@link SymbolicTensor}. */
export interface SymbolicTensorArgs {
  /** The shape, `null` where unknown (the batch axis). */
  shape: Shape;
  /** The element type (default float32). */
  dtype?: DataType;
  /** A readable name. */
  name?: string;
  /** The call that produced it, or null for a model input. */
  node?: Node | null;
  /** Which of the node's outputs it is. */
  outputIndex?: number;
}

/**
 * A placeholder for a tensor in a graph of layers (Keras's `KerasTensor`): it has a shape and a dtype but no
 * values. `layer.apply(symbolicTensor)` returns symbolic outputs and records a {@link Node}, which is how a
 * functional model learns its graph.
 */
export class SymbolicTensor {
  /** Unique across the process. */
  readonly id: number;
  /** The shape, `null` where unknown. */
  readonly shape: Shape;
  /** The element type. */
  readonly dtype: DataType;
  /** A readable name. */
  readonly name: string;
  /** The call that produced it, or null for a model input. */
  readonly node: Node | null;
  /** Which of the node's outputs it is. */
  readonly outputIndex: number;

  constructor(args: SymbolicTensorArgs) {
    this.id = nextId++;
    this.shape = args.shape.slice();
    this.dtype = args.dtype ?? 'float32';
    this.name = args.name ?? `symbolic_tensor_${this.id}`;
    this.node = args.node ?? null;
    this.outputIndex = args.outputIndex ?? 0;
  }

  /** The number of axes. */
  get rank(): number {
    return this.shape.length;
  }

  /** The layer whose call produced it, or null. */
  get sourceLayer(): Layer | null {
    return this.node?.layer ?? null;
  }
}

/** True for symbolic tensors (and lists of them). */
export function isSymbolic(x: unknown): x is SymbolicTensor | SymbolicTensor[] {
  return x instanceof SymbolicTensor || (Array.isArray(x) && x.length > 0 && x.every((t) => t instanceof SymbolicTensor));
}

/** One call of a layer on symbolic inputs: the edge set a functional model is built from. */
export class Node {
  constructor(
    /** The layer called. */
    readonly layer: Layer,
    /** Its symbolic inputs. */
    readonly inputs: SymbolicTensor[],
    /** The keyword arguments of the call. */
    readonly callArgs: CallArgs,
  ) {}

  /** Its symbolic outputs, filled in once the output shapes are known. */
  outputs: SymbolicTensor[] = [];
}
