import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import type { Constraint } from '../constraints/constraint';
import { getConstraint, serializeConstraint, type ConstraintIdentifier } from '../constraints/get-constraint';
import { getInitializer, serializeInitializer, type InitializerIdentifier } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { Layer, type CallArgs, type LayerArgs } from '../layer';
import type { LayerVariable } from '../layer-variable';
import { registerLayer } from '../registry';
import { getRegularizer, serializeRegularizer, type RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { Regularizer } from '../regularizers/regularizer';
import type { Shape } from '../shape';
import { normalize, normalizeAxisArg, resolveAxes } from './normalization-utils';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link BatchNormalization}. */
export interface BatchNormalizationArgs extends LayerArgs {
  /** The feature axis (or axes) kept apart; default -1 (channels last). */
  axis?: number | number[];
  /** Weight of the old value in the moving statistics (default 0.99). */
  momentum?: number;
  /** Added to the variance before the square root (default 1e-3). */
  epsilon?: number;
  /** Whether to add the learned offset `beta` (default true). */
  center?: boolean;
  /** Whether to multiply by the learned scale `gamma` (default true). */
  scale?: boolean;
  /** Initializer of `beta` (default `zeros`). */
  betaInitializer?: InitializerIdentifier;
  /** Initializer of `gamma` (default `ones`). */
  gammaInitializer?: InitializerIdentifier;
  /** Initializer of the moving mean (default `zeros`). */
  movingMeanInitializer?: InitializerIdentifier;
  /** Initializer of the moving variance (default `ones`). */
  movingVarianceInitializer?: InitializerIdentifier;
  /** Penalty on `beta`. */
  betaRegularizer?: RegularizerIdentifier | null;
  /** Penalty on `gamma`. */
  gammaRegularizer?: RegularizerIdentifier | null;
  /** Projection of `beta` after each optimizer step. */
  betaConstraint?: ConstraintIdentifier | null;
  /** Projection of `gamma` after each optimizer step. */
  gammaConstraint?: ConstraintIdentifier | null;
}

const BATCH_NORMALIZATION_OPTIONS = defineOptions<BatchNormalizationArgs>('BatchNormalization', {
  ...LAYER_OPTION_KEYS,
  axis: true,
  momentum: true,
  epsilon: true,
  center: true,
  scale: true,
  betaInitializer: true,
  gammaInitializer: true,
  movingMeanInitializer: true,
  movingVarianceInitializer: true,
  betaRegularizer: true,
  gammaRegularizer: true,
  betaConstraint: true,
  gammaConstraint: true,
});

/**
 * Batch normalization (Ioffe & Szegedy 2015, https://arxiv.org/abs/1502.03167):
 * `gamma · (x − mean) / sqrt(var + epsilon) + beta`, per feature of `axis`.
 *
 * With `training: true` it uses the batch's mean and (biased) variance and moves the non-trainable
 * `movingMean`/`movingVariance` toward them: `moving = moving·momentum + batch·(1 − momentum)`. Otherwise
 * (inference, or a frozen layer with `trainable = false`, as in Keras 3) it uses the moving statistics and
 * updates nothing.
 */
export class BatchNormalization extends Layer {
  static override readonly className: string = 'BatchNormalization';
  /** The feature axes as given (negative count from the end). */
  readonly axis: number[];
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly betaInitializer: Initializer;
  readonly gammaInitializer: Initializer;
  readonly movingMeanInitializer: Initializer;
  readonly movingVarianceInitializer: Initializer;
  readonly betaRegularizer: Regularizer | null;
  readonly gammaRegularizer: Regularizer | null;
  readonly betaConstraint: Constraint | null;
  readonly gammaConstraint: Constraint | null;
  /** The learned scale, once built (when `scale`). */
  gamma: LayerVariable | null = null;
  /** The learned offset, once built (when `center`). */
  beta: LayerVariable | null = null;
  /** The running mean, once built. */
  movingMean: LayerVariable | null = null;
  /** The running variance, once built. */
  movingVariance: LayerVariable | null = null;
  /** Resolved (non-negative) feature axes, once built. */
  private featureAxes: number[] = [];

  constructor(args: BatchNormalizationArgs = {}) {
    super(BATCH_NORMALIZATION_OPTIONS.check(args));
    const where = 'BatchNormalization';
    this.axis = normalizeAxisArg(where, args.axis ?? -1);
    this.momentum = args.momentum ?? 0.99;
    if (typeof this.momentum !== 'number' || !(this.momentum >= 0 && this.momentum <= 1)) {
      throw invalidArgument(where, 'momentum', 'a number in [0, 1]', args.momentum);
    }
    this.epsilon = args.epsilon ?? 1e-3;
    if (typeof this.epsilon !== 'number' || !(this.epsilon > 0)) throw invalidArgument(where, 'epsilon', 'a positive number', args.epsilon);
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.betaInitializer = getInitializer(args.betaInitializer ?? 'zeros');
    this.gammaInitializer = getInitializer(args.gammaInitializer ?? 'ones');
    this.movingMeanInitializer = getInitializer(args.movingMeanInitializer ?? 'zeros');
    this.movingVarianceInitializer = getInitializer(args.movingVarianceInitializer ?? 'ones');
    this.betaRegularizer = args.betaRegularizer == null ? null : getRegularizer(args.betaRegularizer);
    this.gammaRegularizer = args.gammaRegularizer == null ? null : getRegularizer(args.gammaRegularizer);
    this.betaConstraint = args.betaConstraint == null ? null : getConstraint(args.betaConstraint);
    this.gammaConstraint = args.gammaConstraint == null ? null : getConstraint(args.gammaConstraint);
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    this.featureAxes = resolveAxes(this.where, this.axis, shape);
    const paramShape = this.featureAxes.map((a) => shape[a] as number);
    if (this.scale) {
      this.gamma = this.addWeight({ name: 'gamma', shape: paramShape, initializer: this.gammaInitializer, regularizer: this.gammaRegularizer, constraint: this.gammaConstraint });
    }
    if (this.center) {
      this.beta = this.addWeight({ name: 'beta', shape: paramShape, initializer: this.betaInitializer, regularizer: this.betaRegularizer, constraint: this.betaConstraint });
    }
    this.movingMean = this.addWeight({ name: 'moving_mean', shape: paramShape, initializer: this.movingMeanInitializer, trainable: false });
    this.movingVariance = this.addWeight({ name: 'moving_variance', shape: paramShape, initializer: this.movingVarianceInitializer, trainable: false });
    const axes: Record<number, number> = {};
    this.featureAxes.forEach((a, i) => (axes[a] = paramShape[i] as number));
    this.inputSpec = { ndim: shape.length, axes };
    super.build(inputShape);
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const x = inputs as Tensor;
    const rank = x.rank;
    const reduceAxes = [...Array(rank).keys()].filter((a) => !this.featureAxes.includes(a));
    // Parameters of shape [features] broadcast against x once reshaped with 1s on the reduced axes.
    const broadcastShape = x.shape.map((d, a) => (this.featureAxes.includes(a) ? d : 1));
    const asBroadcast = (t: Tensor): Tensor => tf.reshape(t, broadcastShape);
    const movingMean = (this.movingMean as LayerVariable).variable;
    const movingVariance = (this.movingVariance as LayerVariable).variable;
    const useBatchStats = kwargs.training === true && this.trainable;
    return tf.tidy(() => {
      let mean: Tensor;
      let variance: Tensor;
      if (useBatchStats) {
        const moments = tf.moments(x, reduceAxes, true);
        mean = moments.mean;
        variance = moments.variance;
        this.updateMovingStatistics(tf.reshape(mean, movingMean.shape), tf.reshape(variance, movingVariance.shape));
      } else {
        mean = asBroadcast(movingMean);
        variance = asBroadcast(movingVariance);
      }
      const gamma = this.gamma ? asBroadcast(this.gamma.variable) : null;
      const beta = this.beta ? asBroadcast(this.beta.variable) : null;
      return normalize(x, mean, variance, gamma, beta, this.epsilon);
    });
  }

  private updateMovingStatistics(batchMean: Tensor, batchVariance: Tensor): void {
    const movingMean = (this.movingMean as LayerVariable).variable;
    const movingVariance = (this.movingVariance as LayerVariable).variable;
    const m = this.momentum;
    const newMean = tf.add(tf.mul(movingMean, m), tf.mul(batchMean, 1 - m));
    const newVariance = tf.add(tf.mul(movingVariance, m), tf.mul(batchVariance, 1 - m));
    movingMean.assign(newMean);
    movingVariance.assign(newVariance);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      axis: this.axis.length === 1 ? this.axis[0] : this.axis.slice(),
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      betaInitializer: serializeInitializer(this.betaInitializer),
      gammaInitializer: serializeInitializer(this.gammaInitializer),
      movingMeanInitializer: serializeInitializer(this.movingMeanInitializer),
      movingVarianceInitializer: serializeInitializer(this.movingVarianceInitializer),
      betaRegularizer: this.betaRegularizer && serializeRegularizer(this.betaRegularizer),
      gammaRegularizer: this.gammaRegularizer && serializeRegularizer(this.gammaRegularizer),
      betaConstraint: this.betaConstraint && serializeConstraint(this.betaConstraint),
      gammaConstraint: this.gammaConstraint && serializeConstraint(this.gammaConstraint),
    };
  }
}

registerLayer(BatchNormalization.className, BatchNormalization);
