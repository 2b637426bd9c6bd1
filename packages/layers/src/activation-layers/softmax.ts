import { Tensor, invalidArgument } from '@strata-ml/core';
import { softmax } from '../activations/activations';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';

/** Arguments of {@link Softmax}. */
export interface SoftmaxArgs extends LayerArgs {
  /** The axis normalized over (default -1). */
  axis?: number;
}

/** `exp(x) / sum(exp(x))` along `axis`, so that every slice along it sums to 1. */
export class Softmax extends Layer {
  static override readonly className: string = 'Softmax';
  readonly axis: number;

  constructor(args: SoftmaxArgs = {}) {
    super(args);
    const axis = args.axis ?? -1;
    if (!Number.isInteger(axis)) throw invalidArgument('Softmax', 'axis', 'an integer', args.axis);
    this.axis = axis;
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return softmax(inputs as Tensor, this.axis);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}

registerLayer(Softmax.className, Softmax);
