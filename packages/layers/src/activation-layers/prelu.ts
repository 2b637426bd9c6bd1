import { tf, Tensor, invalidArgument, shapeMismatch, defineOptions } from '@strata-ml/core';
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

/** Arguments of {@link PReLU}. */
export interface PReLUArgs extends LayerArgs {
  /** Initializer of the slopes (default `zeros`, so that it starts as ReLU). */
  alphaInitializer?: InitializerIdentifier;
  /** Penalty on the slopes. */
  alphaRegularizer?: RegularizerIdentifier | null;
  /** Projection of the slopes after each optimizer step. */
  alphaConstraint?: ConstraintIdentifier | null;
  /**
   * Axes (1-based, batch excluded, as Keras) along which one slope is shared: `[1, 2]` for images gives one
   * slope per channel. Default none: one slope per input element.
   */
  sharedAxes?: number[] | null;
}

const P_RE_LU_OPTIONS = defineOptions<PReLUArgs>('PReLU', {
  ...LAYER_OPTION_KEYS,
  alphaInitializer: true,
  alphaRegularizer: true,
  alphaConstraint: true,
  sharedAxes: true,
});

/**
 * Parametric ReLU (He et al. 2015, https://arxiv.org/abs/1502.01852): `x` for `x >= 0`, `alpha · x`
 * otherwise, with `alpha` learned, shaped like a sample (less the shared axes).
 */
export class PReLU extends Layer {
  static override readonly className: string = 'PReLU';
  readonly alphaInitializer: Initializer;
  readonly alphaRegularizer: Regularizer | null;
  readonly alphaConstraint: Constraint | null;
  readonly sharedAxes: number[] | null;
  /** The slopes, once built. */
  alpha: LayerVariable | null = null;

  constructor(args: PReLUArgs = {}) {
    super(P_RE_LU_OPTIONS.check(args));
    this.alphaInitializer = getInitializer(args.alphaInitializer ?? 'zeros');
    this.alphaRegularizer = args.alphaRegularizer == null ? null : getRegularizer(args.alphaRegularizer);
    this.alphaConstraint = args.alphaConstraint == null ? null : getConstraint(args.alphaConstraint);
    const shared = args.sharedAxes;
    if (shared != null && (!Array.isArray(shared) || !shared.every((a) => Number.isInteger(a) && a >= 1))) {
      throw invalidArgument('PReLU', 'sharedAxes', 'an array of axes >= 1 (the batch axis 0 excluded)', shared);
    }
    this.sharedAxes = shared == null ? null : shared.slice();
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    for (const a of this.sharedAxes ?? []) {
      if (a >= shape.length) throw invalidArgument(this.where, 'sharedAxes', `axes below the input rank ${shape.length}`, this.sharedAxes);
    }
    const paramShape = shape.slice(1).map((d, i) => {
      if ((this.sharedAxes ?? []).includes(i + 1)) return 1;
      if (d == null) throw shapeMismatch(this.where, 'input', `a known size on axis ${i + 1} (or share that axis)`, shape);
      return d;
    });
    this.alpha = this.addWeight({
      name: 'alpha',
      shape: paramShape,
      initializer: this.alphaInitializer,
      regularizer: this.alphaRegularizer,
      constraint: this.alphaConstraint,
    });
    const axes: Record<number, number> = {};
    paramShape.forEach((d, i) => {
      if (!(this.sharedAxes ?? []).includes(i + 1)) axes[i + 1] = d;
    });
    this.inputSpec = { ndim: shape.length, axes };
    super.build(inputShape);
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return tf.prelu(inputs as Tensor, (this.alpha as LayerVariable).variable);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      alphaInitializer: serializeInitializer(this.alphaInitializer),
      alphaRegularizer: this.alphaRegularizer && serializeRegularizer(this.alphaRegularizer),
      alphaConstraint: this.alphaConstraint && serializeConstraint(this.alphaConstraint),
      sharedAxes: this.sharedAxes && this.sharedAxes.slice(),
    };
  }
}

registerLayer(PReLU.className, PReLU);
