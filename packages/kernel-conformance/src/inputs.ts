/**
 * Seeded inputs for the conformance cases: the same host values are uploaded to each backend, so any
 * difference in the outputs is the kernels'.
 */
import * as tfc from '@tensorflow/tfjs-core';
import { RandomGenerator } from '@strata-ml/core';

/** What values an input holds. */
export type InputKind = 'normal' | 'positive' | 'unit' | 'above1' | 'int' | 'bool' | 'index';

/** Host data for one input: built once per case, turned into a tensor on each backend. */
export interface HostInput {
  readonly shape: number[];
  readonly dtype: 'float32' | 'int32' | 'bool';
  readonly values: Float32Array | Int32Array | Uint8Array;
}

/** Draws case inputs and random dimensions from one seed. */
export class InputSource {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = new RandomGenerator(seed);
  }

  /** An integer in [lo, hi]. */
  dim(lo: number, hi: number): number {
    return lo + Math.floor(this.rng.nextFloat() * (hi - lo + 1));
  }

  /** A standard normal draw (Box–Muller). */
  private normal(): number {
    const u = 1 - this.rng.nextFloat();
    const v = this.rng.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Host values of `shape`: `index` draws ints in [0, limit). */
  input(shape: number[], kind: InputKind = 'normal', limit = 10): HostInput {
    const n = shape.reduce((a, d) => a * d, 1);
    if (kind === 'int' || kind === 'index') {
      const values = Int32Array.from({ length: n }, () => Math.floor(this.rng.nextFloat() * (kind === 'index' ? limit : 21)) - (kind === 'index' ? 0 : 10));
      return { shape, dtype: 'int32', values };
    }
    if (kind === 'bool') return { shape, dtype: 'bool', values: Uint8Array.from({ length: n }, () => (this.rng.nextFloat() < 0.5 ? 1 : 0)) };
    const draw = (): number => {
      switch (kind) {
        case 'positive':
          return 0.1 + 2 * this.rng.nextFloat();
        case 'unit':
          return 1.8 * this.rng.nextFloat() - 0.9;
        case 'above1':
          return 1.1 + 2 * this.rng.nextFloat();
        default:
          return this.normal();
      }
    };
    return { shape, dtype: 'float32', values: Float32Array.from({ length: n }, draw) };
  }
}

/** The tensor of a host input on the current backend. */
export function toTensor(input: HostInput): tfc.Tensor {
  return tfc.tensor(input.values, input.shape, input.dtype);
}
