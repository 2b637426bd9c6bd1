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
import { normalize, normalizeAxisArg, resolveAxes } from './normalization-utils';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link LayerNormalization}. */
export interface LayerNormalizationArgs extends LayerArgs {
  /** The axis (or axes) normalized over, per sample; default -1. */
  axis?: number | number[];
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
  /** Penalty on `beta`. */
  betaRegularizer?: RegularizerIdentifier | null;
  /** Penalty on `gamma`. */
  gammaRegularizer?: RegularizerIdentifier | null;
  /** Projection of `beta` after each optimizer step. */
  betaConstraint?: ConstraintIdentifier | null;
  /** Projection of `gamma` after each optimizer step. */
  gammaConstraint?: ConstraintIdentifier | null;
}

const LAYER_NORMALIZATION_OPTIONS = defineOptions<LayerNormalizationArgs>('LayerNormalization', {
  ...LAYER_OPTION_KEYS,
  axis: true,
  epsilon: true,
  center: true,
  scale: true,
  betaInitializer: true,
  gammaInitializer: true,
  betaRegularizer: true,
  gammaRegularizer: true,
  betaConstraint: true,
  gammaConstraint: true,
});

/**
 * Layer normalization (Ba et al. 2016, https://arxiv.org/abs/1607.06450): each sample is normalized by
 * its own mean and variance over `axis`, then `gamma · x̂ + beta` with `gamma`/`beta` shaped like those
 * axes. Training and inference compute the same thing.
 */
export class LayerNormalization extends Layer {
  static override readonly className: string = 'LayerNormalization';
  /** The normalized axes as given. */
  readonly axis: number[];
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly betaInitializer: Initializer;
  readonly gammaInitializer: Initializer;
  readonly betaRegularizer: Regularizer | null;
  readonly gammaRegularizer: Regularizer | null;
  readonly betaConstraint: Constraint | null;
  readonly gammaConstraint: Constraint | null;
  /** The learned scale, once built (when `scale`). */
  gamma: LayerVariable | null = null;
  /** The learned offset, once built (when `center`). */
  beta: LayerVariable | null = null;
  private normAxes: number[] = [];

  constructor(args: LayerNormalizationArgs = {}) {
    super(LAYER_NORMALIZATION_OPTIONS.check(args));
    const where = 'LayerNormalization';
    this.axis = normalizeAxisArg(where, args.axis ?? -1);
    this.epsilon = args.epsilon ?? 1e-3;
    if (typeof this.epsilon !== 'number' || !(this.epsilon > 0)) throw invalidArgument(where, 'epsilon', 'a positive number', args.epsilon);
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.betaInitializer = getInitializer(args.betaInitializer ?? 'zeros');
    this.gammaInitializer = getInitializer(args.gammaInitializer ?? 'ones');
    this.betaRegularizer = args.betaRegularizer == null ? null : getRegularizer(args.betaRegularizer);
    this.gammaRegularizer = args.gammaRegularizer == null ? null : getRegularizer(args.gammaRegularizer);
    this.betaConstraint = args.betaConstraint == null ? null : getConstraint(args.betaConstraint);
    this.gammaConstraint = args.gammaConstraint == null ? null : getConstraint(args.gammaConstraint);
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    this.normAxes = resolveAxes(this.where, this.axis, shape);
    const paramShape = this.normAxes.map((a) => shape[a] as number);
    if (this.scale) {
      this.gamma = this.addWeight({ name: 'gamma', shape: paramShape, initializer: this.gammaInitializer, regularizer: this.gammaRegularizer, constraint: this.gammaConstraint });
    }
    if (this.center) {
      this.beta = this.addWeight({ name: 'beta', shape: paramShape, initializer: this.betaInitializer, regularizer: this.betaRegularizer, constraint: this.betaConstraint });
    }
    const axes: Record<number, number> = {};
    this.normAxes.forEach((a, i) => (axes[a] = paramShape[i] as number));
    this.inputSpec = { ndim: shape.length, axes };
    super.build(inputShape);
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    const broadcastShape = x.shape.map((d, a) => (this.normAxes.includes(a) ? d : 1));
    return tf.tidy(() => {
      const { mean, variance } = tf.moments(x, this.normAxes, true);
      const gamma = this.gamma ? tf.reshape(this.gamma.variable, broadcastShape) : null;
      const beta = this.beta ? tf.reshape(this.beta.variable, broadcastShape) : null;
      return normalize(x, mean, variance, gamma, beta, this.epsilon);
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      axis: this.axis.length === 1 ? this.axis[0] : this.axis.slice(),
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      betaInitializer: serializeInitializer(this.betaInitializer),
      gammaInitializer: serializeInitializer(this.gammaInitializer),
      betaRegularizer: this.betaRegularizer && serializeRegularizer(this.betaRegularizer),
      gammaRegularizer: this.gammaRegularizer && serializeRegularizer(this.gammaRegularizer),
      betaConstraint: this.betaConstraint && serializeConstraint(this.betaConstraint),
      gammaConstraint: this.gammaConstraint && serializeConstraint(this.gammaConstraint),
    };
  }
}

registerLayer(LayerNormalization.className, LayerNormalization);
