import { Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { softmax } from '../activations/activations';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Softmax}. */
export interface SoftmaxArgs extends LayerArgs {
  /** The axis normalized over (default -1). */
  axis?: number;
}

const SOFTMAX_OPTIONS = defineOptions<SoftmaxArgs>('Softmax', { ...LAYER_OPTION_KEYS, axis: true });

/** `exp(x) / sum(exp(x))` along `axis`, so that every slice along it sums to 1. */
export class Softmax extends Layer {
  static override readonly className: string = 'Softmax';
  readonly axis: number;

  constructor(args: SoftmaxArgs = {}) {
    super(SOFTMAX_OPTIONS.check(args));
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
