import { Tensor, ValueError, defineOptions } from '@strata-ml/core';
import { Layer, type LayerArgs } from '../layer';
import type { Shape } from '../shape';
import { SymbolicTensor } from '../symbolic-tensor';

/** Arguments of {@link InputLayer}: `inputShape` (or `batchInputShape`) is required. */
export type InputLayerArgs = Pick<LayerArgs, 'name' | 'inputShape' | 'batchInputShape' | 'batchSize' | 'dtype'>;

const INPUT_LAYER_OPTIONS = defineOptions<InputLayerArgs>('InputLayer', {
  name: true,
  inputShape: true,
  batchInputShape: true,
  batchSize: true,
  dtype: true,
});

/**
 * The entry point of a model: declares the input shape and passes its input through unchanged. Its
 * `output` is the symbolic tensor a functional model starts from.
 */
export class InputLayer extends Layer {
  static override readonly className: string = 'InputLayer';
  /** The symbolic tensor standing for the model input. */
  readonly output: SymbolicTensor;

  constructor(args: InputLayerArgs) {
    super({ ...INPUT_LAYER_OPTIONS.check(args), trainable: false });
    if (this.batchInputShape === null) {
      throw new ValueError(`InputLayer: inputShape or batchInputShape is required; received ${JSON.stringify(args)}`);
    }
    this.inputSpec = { ndim: this.batchInputShape.length };
    this.built = true;
    this.output = new SymbolicTensor({ shape: this.batchInputShape, name: this.name });
  }

  call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
    return inputs;
  }

  override computeOutputShape(): Shape {
    return (this.batchInputShape as Shape).slice();
  }

  override getConfig(): Record<string, unknown> {
    const { trainable: _trainable, ...config } = super.getConfig();
    return config;
  }
}
