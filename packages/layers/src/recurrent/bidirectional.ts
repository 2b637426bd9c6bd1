import { tf, Tensor, ValueError, invalidArgument, defineOptions } from '@strata-ml/core';
import { Layer, type LayerArgs } from '../layer';
import type { LayerVariable } from '../layer-variable';
import type { SerializedObject } from '../initializers/initializer';
import { deserializeLayer, registerLayer, serializeLayer } from '../registry';
import { isShapeList, type Shape } from '../shape';
import { RNN, type RNNCallArgs } from './rnn';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** How {@link Bidirectional} combines the forward and backward outputs; null returns both. */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave' | null;

const MERGE_MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave', null];

/** Arguments of {@link Bidirectional} (besides the wrapped layer). */
export interface BidirectionalArgs extends LayerArgs {
  /** How to combine the two directions (default `'concat'`, along the last axis). */
  mergeMode?: MergeMode;
  /**
   * The layer that reads the sequence backwards; by default a copy of the wrapped layer's config with
   * `goBackwards` flipped, named `backward_<name>` (Keras sets it to true instead, which rejects a wrapped
   * layer that already reads backwards). It must differ from the forward layer in `goBackwards` and agree
   * with it in `returnSequences` and `returnState`.
   */
  backwardLayer?: RNN | null;
}

const BIDIRECTIONAL_OPTIONS = defineOptions<BidirectionalArgs>('Bidirectional', {
  ...LAYER_OPTION_KEYS,
  mergeMode: true,
  backwardLayer: true,
});

/**
 * Runs a recurrent layer over the sequence in both directions and merges the results, as Keras's
 * `Bidirectional`. Both directions get fresh weights: the forward layer is rebuilt from the wrapped layer's
 * config (named `forward_<name>`). With `returnSequences`, the backward outputs are put back in input order
 * before merging. With `returnState`, the output is followed by the forward states, then the backward ones.
 * Initial states given to a call are split in half, forward first.
 *
 * ```ts
 * model.add(new Bidirectional(new LSTM(64, { returnSequences: true }), { inputShape: [10, 8] }));
 * ```
 */
export class Bidirectional extends Layer {
  static override readonly className: string = 'Bidirectional';
  readonly forwardLayer: RNN;
  readonly backwardLayer: RNN;
  readonly mergeMode: MergeMode;
  readonly returnSequences: boolean;
  readonly returnState: boolean;

  constructor(layer: RNN, args: BidirectionalArgs = {}) {
    super(BIDIRECTIONAL_OPTIONS.check(args));
    if (!(layer instanceof RNN)) throw invalidArgument('Bidirectional', 'layer', 'a recurrent layer (RNN, SimpleRNN, LSTM, GRU)', layer);
    const mergeMode = args.mergeMode === undefined ? 'concat' : args.mergeMode;
    if (!MERGE_MODES.includes(mergeMode)) throw invalidArgument('Bidirectional', 'mergeMode', "one of 'concat', 'sum', 'mul', 'ave', null", mergeMode);
    this.mergeMode = mergeMode;
    const config = serializeLayer(layer);
    const base = layer.name.replace(/^(forward_|backward_)/, '');
    this.forwardLayer = deserializeLayer({ className: config.className, config: { ...config.config, name: `forward_${base}` } }) as RNN;
    this.backwardLayer = args.backwardLayer ?? (deserializeLayer({
      className: config.className,
      config: { ...config.config, name: `backward_${base}`, goBackwards: !layer.goBackwards },
    }) as RNN);
    if (!(this.backwardLayer instanceof RNN)) throw invalidArgument('Bidirectional', 'backwardLayer', 'a recurrent layer', this.backwardLayer);
    this.checkDirections();
    // Keras zeroes masked outputs of both directions when returning sequences, so merged steps line up.
    this.forwardLayer.zeroOutputForMask = this.forwardLayer.returnSequences;
    this.backwardLayer.zeroOutputForMask = this.backwardLayer.returnSequences;
    this.returnSequences = this.forwardLayer.returnSequences;
    this.returnState = this.forwardLayer.returnState;
    this.inputSpec = { ndim: 3 };
  }

  private checkDirections(): void {
    const f = this.forwardLayer;
    const b = this.backwardLayer;
    if (f.goBackwards === b.goBackwards) {
      throw new ValueError(`Bidirectional: the forward and backward layers must differ in goBackwards; received goBackwards=${f.goBackwards} for both`);
    }
    for (const key of ['returnSequences', 'returnState'] as const) {
      if (f[key] !== b[key]) {
        throw new ValueError(`Bidirectional: the forward and backward layers must agree in ${key}; received ${f[key]} (forward) and ${b[key]} (backward)`);
      }
    }
  }

  override get trainableWeights(): LayerVariable[] {
    return this.trainable ? [...this.forwardLayer.trainableWeights, ...this.backwardLayer.trainableWeights] : [];
  }

  override get nonTrainableWeights(): LayerVariable[] {
    if (!this.trainable) return [...this.forwardLayer.weights, ...this.backwardLayer.weights];
    return [...this.forwardLayer.nonTrainableWeights, ...this.backwardLayer.nonTrainableWeights];
  }

  protected override assertInputCompatible(shapes: Shape[]): void {
    super.assertInputCompatible(shapes.slice(0, 1));
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = isShapeList(inputShape) ? (inputShape[0] as Shape) : inputShape;
    for (const layer of [this.forwardLayer, this.backwardLayer]) {
      if (!layer.built) {
        layer.build(shape);
        layer.built = true;
      }
    }
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const shape = isShapeList(inputShape) ? (inputShape[0] as Shape) : inputShape;
    const inner = this.forwardLayer.computeOutputShape(shape);
    const [output, ...states] = (this.returnState ? inner : [inner]) as Shape[];
    const out = output as Shape;
    const last = out[out.length - 1] as number;
    const outputs: Shape[] = this.mergeMode === null ? [out, out] : [this.mergeMode === 'concat' ? [...out.slice(0, -1), 2 * last] : out];
    const all = [...outputs, ...(this.returnState ? [...states, ...states] : [])];
    return all.length === 1 ? (all[0] as Shape) : all;
  }

  call(inputs: Tensor | Tensor[], kwargs: RNNCallArgs): Tensor | Tensor[] {
    const [x, ...extra] = Array.isArray(inputs) ? inputs : [inputs];
    const initial = kwargs.initialState ?? extra;
    if (initial.length % 2 !== 0) {
      throw new ValueError(`${this.where}: initialState must hold the forward states then the backward states, an even number; received ${initial.length} tensor(s)`);
    }
    const half = initial.length / 2;
    const common = { training: kwargs.training ?? false, ...(kwargs.mask ? { mask: kwargs.mask } : {}) };
    return tf.tidy(() => {
      const run = (layer: RNN, states: Tensor[]): Tensor[] => {
        const out = layer.apply([x as Tensor, ...states], common);
        return Array.isArray(out) ? out : [out];
      };
      const [y, ...forwardStates] = run(this.forwardLayer, initial.slice(0, half));
      const [yBack, ...backwardStates] = run(this.backwardLayer, initial.slice(half));
      const yRev = this.returnSequences ? tf.reverse(yBack as Tensor, 1) : (yBack as Tensor);
      const outputs = this.merge(y as Tensor, yRev);
      if (!this.returnState && outputs.length === 1) return outputs[0] as Tensor;
      return [...outputs, ...(this.returnState ? [...forwardStates, ...backwardStates] : [])];
    });
  }

  private merge(y: Tensor, yRev: Tensor): Tensor[] {
    switch (this.mergeMode) {
      case 'concat': return [tf.concat([y, yRev], -1)];
      case 'sum': return [tf.add(y, yRev)];
      case 'mul': return [tf.mul(y, yRev)];
      case 'ave': return [tf.div(tf.add(y, yRev), 2)];
      case null: return [y, yRev];
    }
  }

  /** The mask of the output: the input mask when returning sequences (once per output when not merged). */
  computeMask(_inputs: Tensor | Tensor[], mask: Tensor | null = null): Tensor | null | (Tensor | null)[] {
    const output = this.returnSequences ? mask : null;
    const outputs = this.mergeMode === null ? [output, output] : [output];
    const states = this.returnState ? this.forwardLayer.cell.stateSize.flatMap(() => [null, null]) : [];
    const all = [...outputs, ...states];
    return all.length === 1 ? (all[0] as Tensor | null) : all;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      mergeMode: this.mergeMode,
      layer: serializeLayer(this.forwardLayer),
      backwardLayer: serializeLayer(this.backwardLayer),
    };
  }

  static override fromConfig(config: Record<string, unknown>): Bidirectional {
    const { layer, backwardLayer, ...rest } = config;
    return new Bidirectional(deserializeLayer(layer as SerializedObject) as RNN, {
      ...(rest as BidirectionalArgs),
      backwardLayer: backwardLayer == null ? null : (deserializeLayer(backwardLayer as SerializedObject) as RNN),
    });
  }

  override dispose(): void {
    this.forwardLayer.dispose();
    this.backwardLayer.dispose();
    super.dispose();
  }
}

registerLayer(Bidirectional.className, Bidirectional);
