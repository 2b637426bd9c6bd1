import { tf, type Tensor, defineOptions } from '@strata-ml/core';
import { getActivation } from '../activations/get-activation';
import type { LayerVariable } from '../layer-variable';
import { registerLayer } from '../registry';
import { RNN_CELL_OPTION_KEYS } from './rnn-cell';
import { SimpleRNNCell, type SimpleRNNCellArgs } from './simple-rnn-cell';
import { flatRecurrentConfig, splitRecurrentArgs } from './layer-args';
import { RNN, RNN_OPTION_KEYS, type RNNArgs } from './rnn';
import { hasSimpleRNNKernels, simpleRNNSequence } from './simple-rnn-sequence';

/** Arguments of {@link SimpleRNN} (besides `units`): the cell's and the recurrent layer's. */
export interface SimpleRNNArgs extends SimpleRNNCellArgs, RNNArgs {}

const SIMPLE_RNN_OPTIONS = defineOptions<SimpleRNNArgs>('SimpleRNN', { ...RNN_CELL_OPTION_KEYS, ...RNN_OPTION_KEYS });

/**
 * Fully connected recurrent layer (Elman 1990), as Keras's `SimpleRNN`:
 * `h_t = tanh(x_t · kernel + h_{t−1} · recurrentKernel + bias)` over the time steps; the output is the last
 * `h` (or all of them with `returnSequences`). A shorthand for `new RNN(new SimpleRNNCell(units, …), …)`
 * with a flat config.
 *
 * With the tanh activation, no mask and no dropout in effect, and on a backend that registers the
 * `StrataSimpleRNN` kernels (`@strata-ml/backend-wasm`), the whole sequence runs as one forward and one
 * backward kernel call instead of a few kernel calls per step, like Keras's cuDNN path for LSTM and
 * GRU; the results are the same.
 *
 * ```ts
 * model.add(new SimpleRNN(256, { inputShape: [28, 28] }));
 * ```
 */
export class SimpleRNN extends RNN<SimpleRNNCell> {
  static override readonly className: string = 'SimpleRNN';

  constructor(units: number, args: SimpleRNNArgs = {}) {
    const { layerArgs, cellArgs } = splitRecurrentArgs(SIMPLE_RNN_OPTIONS.check(args));
    super(new SimpleRNNCell(units, cellArgs), layerArgs);
  }

  /** The size of the output and of each state. */
  get units(): number {
    return this.cell.units;
  }

  protected override fusedSequence(projected: Tensor, initialState: Tensor[] | null): { outputs: Tensor; states: Tensor[] } | null {
    if (this.cell.activation !== getActivation('tanh') || projected.dtype !== 'float32' || !hasSimpleRNNKernels()) return null;
    const [time, batch, units] = projected.shape as [number, number, number];
    const h0 = initialState?.[0] ?? tf.zeros([batch, units]);
    const states = simpleRNNSequence(projected, (this.cell.recurrentKernel as LayerVariable).variable, h0);
    // A gather copies the one step; tfjs-backend-wasm's Slice reads the whole input back to JavaScript first.
    const last = tf.reshape(tf.gather(states, [time - 1]), [batch, units]);
    return { outputs: states, states: [last] };
  }

  override getConfig(): Record<string, unknown> {
    return flatRecurrentConfig(super.getConfig(), this.cell);
  }

  static override fromConfig(config: Record<string, unknown>): SimpleRNN {
    const { units, ...rest } = config;
    return new SimpleRNN(units as number, rest as SimpleRNNArgs);
  }
}

registerLayer(SimpleRNN.className, SimpleRNN);
