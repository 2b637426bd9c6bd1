import { tf, Tensor, ValueError, invalidArgument, shapeMismatch, defineOptions, optionKeys } from '@strata-ml/core';
import { Layer, type CallArgs, type LayerArgs } from '../layer';
import type { LayerVariable } from '../layer-variable';
import { deserializeLayer, registerLayer, serializeLayer } from '../registry';
import type { SerializedObject } from '../initializers/initializer';
import { isShapeList, type Shape } from '../shape';
import { RNNCell } from './rnn-cell';
import { LAYER_OPTION_KEYS } from '../layer-options';

/**
 * The slices of `t` along its first axis, as `tf.unstack`. One slice is a reshape instead: tfjs-core hands
 * the gradient of a one-output `Unpack` a tensor where its gradient function expects a list, so the
 * gradient of a one-step sequence would fail.
 */
function unstackSteps(t: Tensor): Tensor[] {
  return t.shape[0] === 1 ? [tf.reshape(t, t.shape.slice(1))] : tf.unstack(t);
}

/** Arguments of {@link RNN} (besides the cell). */
export interface RNNArgs extends LayerArgs {
  /** Returns the output of every time step, `[batch, time, units]`, instead of the last one (default false). */
  returnSequences?: boolean;
  /** Also returns the final states: `[output, ...states]` (default false). */
  returnState?: boolean;
  /** Runs over the time steps in reverse order; the output sequence is then reversed too (default false). */
  goBackwards?: boolean;
  /** Carrying states over from one batch to the next is not supported: only false is accepted. */
  stateful?: boolean;
  /**
   * Keras's choice between a symbolic loop and an unrolled one. The loop here is always unrolled; true only
   * keeps a layer off its fused sequence kernel (as Keras's cuDNN condition does), false by default.
   */
  unroll?: boolean;
  /** With a mask and `returnSequences`, outputs zeros at masked steps instead of repeating the last output (default false). */
  zeroOutputForMask?: boolean;
}

/** The keys of {@link RNNArgs}: the recurrent layer's own options, apart from its cell's. */
export const RNN_OPTION_KEYS = optionKeys<RNNArgs>({
  ...LAYER_OPTION_KEYS,
  returnSequences: true,
  returnState: true,
  goBackwards: true,
  stateful: true,
  unroll: true,
  zeroOutputForMask: true,
});

const RNN_OPTIONS = defineOptions<RNNArgs>('RNN', RNN_OPTION_KEYS);

/** The keyword arguments of a recurrent layer's call. */
export interface RNNCallArgs extends CallArgs {
  /** The states to start from, one `[batch, size]` tensor per cell state; default zeros. */
  initialState?: Tensor[];
}

/**
 * Runs a recurrent cell over the time axis of `[batch, time, features]` inputs, as Keras's `RNN` layer.
 * A `mask` (`[batch, time]`, 1 = use the step) keeps the previous states and output at masked steps.
 * Initial states come from the `initialState` call argument or as extra inputs: `apply([x, h0, c0])`.
 *
 * ```ts
 * const layer = new RNN(new LSTMCell(32), { returnSequences: true });
 * const y = layer.apply(tf.zeros([8, 10, 4])); // [8, 10, 32]
 * ```
 */
export class RNN<C extends RNNCell = RNNCell> extends Layer {
  static override readonly className: string = 'RNN';
  /** The cell that computes one time step; the layer's weights are its weights. */
  readonly cell: C;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  /** Always false. */
  readonly stateful: boolean;
  readonly unroll: boolean;
  zeroOutputForMask: boolean;

  constructor(cell: C, args: RNNArgs = {}) {
    super(RNN_OPTIONS.check(args, new.target.className));
    const where = new.target.className;
    if (!(cell instanceof RNNCell)) throw invalidArgument(where, 'cell', 'an RNNCell (SimpleRNNCell, LSTMCell, GRUCell or a subclass)', cell);
    if (args.stateful === true) {
      throw new ValueError(`${where}: stateful=true is not supported; pass the final states (returnState) as initialState of the next call instead; received stateful=true`);
    }
    this.cell = cell;
    this.returnSequences = args.returnSequences ?? false;
    this.returnState = args.returnState ?? false;
    this.goBackwards = args.goBackwards ?? false;
    this.stateful = false;
    this.unroll = args.unroll ?? false;
    this.zeroOutputForMask = args.zeroOutputForMask ?? false;
    this.inputSpec = { ndim: 3 };
  }

  override get trainableWeights(): LayerVariable[] {
    return this.trainable ? this.cell.trainableWeights : [];
  }

  override get nonTrainableWeights(): LayerVariable[] {
    return this.trainable ? this.cell.nonTrainableWeights : this.cell.weights;
  }

  // Only the sequence is checked against the spec; initial states given as extra inputs are checked in `call`.
  protected override assertInputCompatible(shapes: Shape[]): void {
    super.assertInputCompatible(shapes.slice(0, 1));
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = isShapeList(inputShape) ? (inputShape[0] as Shape) : inputShape;
    if (shape[2] == null) throw shapeMismatch(this.where, 'input', 'a known last dim ([batch, time, features])', shape);
    if (!this.cell.built) {
      this.cell.build([shape[0] ?? null, shape[2]]);
      this.cell.built = true;
    }
    this.inputSpec = { ndim: 3, axes: { [-1]: shape[2] } };
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const shape = isShapeList(inputShape) ? (inputShape[0] as Shape) : inputShape;
    const batch = shape[0] ?? null;
    const output: Shape = this.returnSequences ? [batch, shape[1] ?? null, this.cell.outputSize] : [batch, this.cell.outputSize];
    if (!this.returnState) return output;
    return [output, ...this.cell.stateSize.map((s): Shape => [batch, s])];
  }

  /** The mask of the output: the input mask when returning sequences, else none (as Keras). */
  computeMask(_inputs: Tensor | Tensor[], mask: Tensor | null = null): Tensor | null | (Tensor | null)[] {
    const output = this.returnSequences ? mask : null;
    return this.returnState ? [output, ...this.cell.stateSize.map(() => null)] : output;
  }

  call(inputs: Tensor | Tensor[], kwargs: RNNCallArgs): Tensor | Tensor[] {
    const [x, ...extra] = Array.isArray(inputs) ? inputs : [inputs];
    const sequences = x as Tensor;
    const [batch, time, features] = sequences.shape as [number, number, number];
    const initial = this.checkInitialState(kwargs.initialState ?? extra, batch);
    const mask = kwargs.mask ?? null;
    if (mask !== null && (mask.rank !== 2 || mask.shape[0] !== batch || mask.shape[1] !== time)) {
      throw shapeMismatch(this.where, 'mask', `of shape [${batch}, ${time}]`, mask.shape);
    }
    return tf.tidy(() => {
      const dropout = this.cell.dropoutMasks(batch, features, kwargs.training ?? false);
      const timeMajor = tf.transpose(sequences, [1, 0, 2]);
      // Without input dropout every step's input product is one row block of a single product over all
      // steps: one large matrix product (and one for each gradient) in place of `time` small ones with
      // their reshapes and copies, ~500 fewer kernel calls per step of a 28-step SimpleRNN.
      let steps: Tensor[];
      if (dropout.input === null) {
        const all = this.cell.projectInputs(tf.reshape(timeMajor, [time * batch, features]), null);
        const projected = tf.reshape(all, [time, batch, all.shape[1] as number]);
        if (mask === null && dropout.recurrent === null && !this.unroll && time > 0) {
          const fused = this.fusedSequence(this.goBackwards ? tf.reverse(projected, 0) : projected, initial);
          if (fused !== null) {
            const last = fused.states[0] as Tensor;
            const output = this.returnSequences ? tf.transpose(fused.outputs, [1, 0, 2]) : last;
            return this.returnState ? [output, ...fused.states] : output;
          }
        }
        steps = unstackSteps(projected);
      } else {
        steps = unstackSteps(timeMajor);
      }
      const keep = mask === null ? null : unstackSteps(tf.reshape(tf.transpose(tf.cast(mask, 'float32')), [time, batch, 1]));
      let states = initial ?? this.cell.getInitialState(batch);
      let previous: Tensor | null = null;
      const outputs: Tensor[] = [];
      for (let s = 0; s < time; s++) {
        const t = this.goBackwards ? time - 1 - s : s;
        const projected = dropout.input === null ? (steps[t] as Tensor) : this.cell.projectInputs(steps[t] as Tensor, dropout.input);
        let next = this.cell.step(projected, states, dropout.recurrent);
        let output = next[0] as Tensor;
        if (keep !== null) {
          const m = keep[t] as Tensor;
          // At masked steps the states carry over and the output repeats (or is zero).
          next = next.map((state, i) => tf.add(states[i] as Tensor, tf.mul(m, tf.sub(state, states[i] as Tensor))));
          if (this.zeroOutputForMask) output = tf.mul(output, m);
          else output = previous === null ? tf.mul(output, m) : tf.add(previous, tf.mul(m, tf.sub(output, previous)));
        }
        states = next;
        previous = output;
        outputs.push(output);
      }
      const output = this.returnSequences ? tf.stack(outputs, 1) : (previous ?? tf.zeros([batch, this.cell.outputSize]));
      return this.returnState ? [output, ...states] : output;
    });
  }

  /**
   * The whole sequence in one fused kernel, where the cell and the current backend have one: the outputs
   * of every step, `[time, batch, units]` in the order the steps ran, and the final states. `projected`
   * holds every step's input projection (`projectInputs`) in that order. Called only without a mask or
   * dropout; null (the default) runs the steps one by one.
   */
  protected fusedSequence(_projected: Tensor, _initialState: Tensor[] | null): { outputs: Tensor; states: Tensor[] } | null {
    return null;
  }

  private checkInitialState(states: Tensor[], batch: number): Tensor[] | null {
    if (states.length === 0) return null;
    const sizes = this.cell.stateSize;
    if (states.length !== sizes.length) {
      const expected = `${sizes.length} tensor(s) of shapes ${sizes.map((s) => `[batch, ${s}]`).join(', ')}`;
      throw new ValueError(`${this.where}: initialState must be ${expected}; received ${states.length} tensor(s)`);
    }
    states.forEach((state, i) => {
      if (state.rank !== 2 || state.shape[0] !== batch || state.shape[1] !== sizes[i]) {
        throw shapeMismatch(this.where, `initialState[${i}]`, `of shape [${batch}, ${sizes[i]}]`, state.shape);
      }
    });
    return states;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      returnSequences: this.returnSequences,
      returnState: this.returnState,
      goBackwards: this.goBackwards,
      stateful: this.stateful,
      unroll: this.unroll,
      zeroOutputForMask: this.zeroOutputForMask,
      cell: serializeLayer(this.cell),
    };
  }

  static override fromConfig(config: Record<string, unknown>): RNN {
    const { cell, ...rest } = config;
    return new RNN(deserializeLayer(cell as SerializedObject) as RNNCell, rest as RNNArgs);
  }

  override dispose(): void {
    this.cell.dispose();
    super.dispose();
  }
}

registerLayer(RNN.className, RNN);
