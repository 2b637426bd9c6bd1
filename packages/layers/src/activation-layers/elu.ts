import { Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { elu } from '../activations/activations';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link ELU}. */
export interface ELUArgs extends LayerArgs {
  /** Scale of the negative part (default 1). */
  alpha?: number;
}

const ELU_OPTIONS = defineOptions<ELUArgs>('ELU', { ...LAYER_OPTION_KEYS, alpha: true });

/** Exponential linear unit (Clevert et al. 2016): `x` for `x > 0`, `alpha · (exp(x) − 1)` otherwise. */
export class ELU extends Layer {
  static override readonly className: string = 'ELU';
  readonly alpha: number;

  constructor(args: ELUArgs = {}) {
    super(ELU_OPTIONS.check(args));
    const alpha = args.alpha ?? 1.0;
    if (typeof alpha !== 'number' || !Number.isFinite(alpha)) throw invalidArgument('ELU', 'alpha', 'a finite number', args.alpha);
    this.alpha = alpha;
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return elu(inputs as Tensor, this.alpha);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}

registerLayer(ELU.className, ELU);
