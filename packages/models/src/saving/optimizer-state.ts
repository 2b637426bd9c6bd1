/**
 * Optimizer state in a weights file, laid out as Keras 3 does: `optimizer/vars/0` the iteration count
 * (int64), `optimizer/vars/1` the current learning rate (float32), then the slot variables. Strata creates
 * slots by kind (`m0, m1, …, v0, v1, …`); Keras 3 does too, except for the optimizers that create several
 * kinds in one `add_optimizer_variables` call (Adam, AdamW, Adamax), which interleave them by variable
 * (`m0, v0, m1, v1, …`). The file always holds Keras's order, so either library resumes from it.
 * Legacy Keras 2 files (`optimizer_weights`) hold the iteration count then the slots by kind.
 */
import { tf, ValueError, type Tensor } from '@strata-ml/core';
import type { Optimizer } from '@strata-ml/optimizers';
import { ensureGroup, h5Dataset, type H5Dataset, type H5Group } from './hdf5-tree';

/** Optimizers whose Keras 3 slots are grouped by variable rather than by kind. */
const VARIABLE_MAJOR: ReadonlySet<string> = new Set(['Adam', 'AdamW', 'Adamax']);

/** Reorders `slots` (k kinds × n variables) from kind-major to variable-major, or back with `inverse`. */
function transpose<T>(slots: readonly T[], n: number, inverse: boolean): T[] {
  if (n === 0 || slots.length % n !== 0) return slots.slice();
  const k = slots.length / n;
  const out: T[] = new Array<T>(slots.length);
  for (let kind = 0; kind < k; kind++) {
    for (let v = 0; v < n; v++) {
      const kindMajor = kind * n + v;
      const variableMajor = v * k + kind;
      if (inverse) out[kindMajor] = slots[variableMajor] as T;
      else out[variableMajor] = slots[kindMajor] as T;
    }
  }
  return out;
}

/** Writes `optimizer`'s state (for a model with `numVariables` trainable variables) under `optimizer/vars`. */
export function writeOptimizerState(root: H5Group, optimizer: Optimizer, numVariables: number): void {
  const group = ensureGroup(root, 'optimizer/vars');
  const weights = optimizer.getWeights();
  try {
    const [iterations, ...slots] = weights;
    const ordered = VARIABLE_MAJOR.has(optimizer.className) ? transpose(slots, numVariables, false) : slots;
    group.children.set('0', h5Dataset('int64', [], Float64Array.from((iterations as Tensor).dataSync())));
    group.children.set('1', h5Dataset('float32', [], Float32Array.from([optimizer.learningRate])));
    ordered.forEach((slot, i) => group.children.set(String(i + 2), h5Dataset('float32', slot.shape, Float32Array.from(slot.dataSync()))));
  } finally {
    weights.forEach((w) => w.dispose());
  }
}

/**
 * Restores optimizer state written by {@link writeOptimizerState} (or by Keras). Slots that do not exist
 * yet are created with these values on the first training step, as `Optimizer.setWeights` documents.
 */
export function restoreOptimizerState(optimizer: Optimizer, vars: readonly H5Dataset[], numVariables: number): void {
  const [iterations, learningRate, ...slots] = vars;
  if (iterations === undefined || learningRate === undefined || iterations.data.length !== 1 || learningRate.data.length !== 1) {
    throw new ValueError(`loadModel: the saved optimizer state must start with the iteration count and the learning rate (scalars); found ${vars.length} variables`);
  }
  if (numVariables > 0 && slots.length % numVariables !== 0) {
    throw new ValueError(`loadModel: the saved ${optimizer.className} state has ${slots.length} slot variables, not a multiple of the model's ${numVariables} trainable variables`);
  }
  const ordered = VARIABLE_MAJOR.has(optimizer.className) ? transpose(slots, numVariables, true) : slots;
  const tensors = [tf.scalar(iterations.data[0] as number, 'int32'), ...ordered.map((d) => tf.tensor(Float32Array.from(d.data), [...d.shape], 'float32'))];
  try {
    optimizer.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
  // The file holds the rate as float32; only a rate changed during training (not the config's) is restored.
  const saved = learningRate.data[0] as number;
  if (optimizer.schedule === undefined && Math.fround(optimizer.learningRate) !== saved) optimizer.learningRate = saved;
}

/** Restores the state of a legacy Keras 2 `.h5` model: the iteration count, then the slots by kind. */
export function restoreLegacyOptimizerState(optimizer: Optimizer, vars: readonly H5Dataset[]): void {
  const [iterations, ...slots] = vars;
  if (iterations === undefined || iterations.data.length !== 1) {
    throw new ValueError(`loadModel: the saved optimizer state must start with the iteration count (a scalar); found ${vars.length} variables`);
  }
  const tensors = [tf.scalar(iterations.data[0] as number, 'int32'), ...slots.map((d) => tf.tensor(Float32Array.from(d.data), [...d.shape], 'float32'))];
  try {
    optimizer.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}
