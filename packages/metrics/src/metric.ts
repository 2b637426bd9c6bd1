import { tf } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';

/** A metric as a plain function: per-sample values (shape `[batch]`, or more axes that get averaged). */
export type MetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

/**
 * Base class of the metrics. The state lives in tensors (scalar variables), so `updateState`, which a
 * training loop calls every step, never reads data back to JavaScript; `result()` reads it once.
 */
export abstract class Metric {
  /** The registered class name (`'CategoricalAccuracy'`). */
  abstract readonly className: string;
  /** Name shown in logs and history (`'accuracy'`). */
  readonly name: string;
  private readonly stateVariables: tf.Variable[] = [];

  protected constructor(name: string) {
    this.name = name;
  }

  /** Accumulates one batch into the state, on the device. */
  abstract updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void;

  /** The value so far; reads the state back once. */
  abstract result(): number;

  /** Zeroes the state (Keras calls this at the start of each epoch). */
  resetState(): void {
    tf.tidy(() => {
      for (const v of this.stateVariables) v.assign(tf.zerosLike(v));
    });
  }

  /** The arguments that rebuild this metric. */
  getConfig(): Record<string, unknown> {
    return { name: this.name };
  }

  /** Frees the state tensors; the metric is unusable afterwards. */
  dispose(): void {
    for (const v of this.stateVariables) v.dispose();
    this.stateVariables.length = 0;
  }

  /** Creates a float32 scalar state variable starting at 0, freed by `dispose`. */
  protected addState(): tf.Variable {
    const v = tf.tidy(() => tf.variable(tf.scalar(0), false));
    this.stateVariables.push(v);
    return v;
  }

  /** Reads several scalar state variables back in one transfer. */
  protected readState(...variables: tf.Variable[]): number[] {
    const stacked = tf.tidy(() => tf.stack(variables));
    const values = Array.from(stacked.dataSync());
    stacked.dispose();
    return values;
  }
}
