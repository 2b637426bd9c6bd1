import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import type { Constraint } from '../constraints/constraint';
import { getConstraint, serializeConstraint, type ConstraintIdentifier } from '../constraints/get-constraint';
import { getInitializer, serializeInitializer, type InitializerIdentifier } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { Layer, type LayerArgs } from '../layer';
import type { LayerVariable } from '../layer-variable';
import { registerLayer } from '../registry';
import { getRegularizer, serializeRegularizer, type RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { Regularizer } from '../regularizers/regularizer';
import type { Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Embedding} (besides `inputDim` and `outputDim`). */
export interface EmbeddingArgs extends LayerArgs {
  /** Initializer of the table (default `RandomUniform(-0.05, 0.05)`, Keras's `'uniform'`). */
  embeddingsInitializer?: InitializerIdentifier;
  /** Penalty on the table. */
  embeddingsRegularizer?: RegularizerIdentifier | null;
  /** Projection of the table after each optimizer step. */
  embeddingsConstraint?: ConstraintIdentifier | null;
  /**
   * Treats index 0 as padding: `computeMask` returns `input != 0`, for the recurrent layers that follow.
   * Index 0 then cannot stand for a word, so `inputDim` should be the vocabulary size + 1 (default false).
   */
  maskZero?: boolean;
  /** Accepted for Keras 2 configs and ignored, as Keras 3 does; give `inputShape` instead. */
  inputLength?: number | null;
}

const EMBEDDING_OPTIONS = defineOptions<EmbeddingArgs>('Embedding', {
  ...LAYER_OPTION_KEYS,
  embeddingsInitializer: true,
  embeddingsRegularizer: true,
  embeddingsConstraint: true,
  maskZero: true,
  inputLength: true,
});

/**
 * Turns integer indices into dense vectors by looking them up in a trainable `[inputDim, outputDim]`
 * table, as Keras's `Embedding`: an input `[batch, ...]` of indices in `[0, inputDim)` gives
 * `[batch, ..., outputDim]`. Its gradient is a segment sum of the output gradient into the looked-up rows.
 *
 * ```ts
 * model.add(new Embedding(10000, 64, { maskZero: true }));
 * ```
 */
export class Embedding extends Layer {
  static override readonly className: string = 'Embedding';
  /** The number of rows: the largest index + 1. */
  readonly inputDim: number;
  /** The size of each vector. */
  readonly outputDim: number;
  readonly embeddingsInitializer: Initializer;
  readonly embeddingsRegularizer: Regularizer | null;
  readonly embeddingsConstraint: Constraint | null;
  readonly maskZero: boolean;
  /** The table, once built. */
  embeddings: LayerVariable | null = null;

  constructor(inputDim: number, outputDim: number, args: EmbeddingArgs = {}) {
    super(EMBEDDING_OPTIONS.check(args));
    if (!Number.isInteger(inputDim) || inputDim <= 0) throw invalidArgument('Embedding', 'inputDim', 'a positive integer', inputDim);
    if (!Number.isInteger(outputDim) || outputDim <= 0) throw invalidArgument('Embedding', 'outputDim', 'a positive integer', outputDim);
    this.inputDim = inputDim;
    this.outputDim = outputDim;
    this.embeddingsInitializer = getInitializer(args.embeddingsInitializer ?? 'random_uniform');
    this.embeddingsRegularizer = args.embeddingsRegularizer == null ? null : getRegularizer(args.embeddingsRegularizer);
    this.embeddingsConstraint = args.embeddingsConstraint == null ? null : getConstraint(args.embeddingsConstraint);
    this.maskZero = args.maskZero ?? false;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.embeddings = this.addWeight({
      name: 'embeddings',
      shape: [this.inputDim, this.outputDim],
      initializer: this.embeddingsInitializer,
      regularizer: this.embeddingsRegularizer,
      constraint: this.embeddingsConstraint,
    });
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...(inputShape as Shape), this.outputDim];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    const table = (this.embeddings as LayerVariable).variable;
    return tf.tidy(() => {
      const indices = x.dtype === 'int32' ? x : tf.cast(x, 'int32');
      const rows = tf.gather(table, tf.reshape(indices, [-1]));
      return tf.reshape(rows, [...x.shape, this.outputDim]);
    });
  }

  /** With `maskZero`, a boolean mask that is false where the index is 0; else null. */
  computeMask(inputs: Tensor | Tensor[]): Tensor | null {
    if (!this.maskZero) return null;
    return tf.notEqual(inputs as Tensor, 0);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      embeddingsInitializer: serializeInitializer(this.embeddingsInitializer),
      embeddingsRegularizer: this.embeddingsRegularizer && serializeRegularizer(this.embeddingsRegularizer),
      embeddingsConstraint: this.embeddingsConstraint && serializeConstraint(this.embeddingsConstraint),
      maskZero: this.maskZero,
    };
  }

  static override fromConfig(config: Record<string, unknown>): Embedding {
    const { inputDim, outputDim, ...rest } = config;
    return new Embedding(inputDim as number, outputDim as number, rest as EmbeddingArgs);
  }
}

registerLayer(Embedding.className, Embedding);
