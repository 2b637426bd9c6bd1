import { tf, Tensor, RandomGenerator, StrataDropoutMask, ValueError, invalidArgument, nextSeed, shapeMismatch, optionKeys } from '@strata-ml/core';
import { getActivation, serializeActivation, type ActivationIdentifier } from '../activations/get-activation';
import type { ActivationFn } from '../activations/activations';
import type { Constraint } from '../constraints/constraint';
import { getConstraint, serializeConstraint, type ConstraintIdentifier } from '../constraints/get-constraint';
import { getInitializer, serializeInitializer, type InitializerIdentifier } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { Layer, type CallArgs, type LayerArgs } from '../layer';
import type { LayerVariable } from '../layer-variable';
import { getRegularizer, serializeRegularizer, type RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { Regularizer } from '../regularizers/regularizer';
import { isShapeList, type Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments shared by the recurrent cells (besides `units`). */
export interface RNNCellArgs extends Omit<LayerArgs, 'activityRegularizer'> {
  /** The output (and candidate) activation; default `tanh`. */
  activation?: ActivationIdentifier | null;
  /** Whether the cell has a bias (default true). */
  useBias?: boolean;
  /** Initializer of the input kernel (default `glorot_uniform`). */
  kernelInitializer?: InitializerIdentifier;
  /** Initializer of the recurrent kernel (default `orthogonal`). */
  recurrentInitializer?: InitializerIdentifier;
  /** Initializer of the bias (default `zeros`). */
  biasInitializer?: InitializerIdentifier;
  /** Penalty on the input kernel. */
  kernelRegularizer?: RegularizerIdentifier | null;
  /** Penalty on the recurrent kernel. */
  recurrentRegularizer?: RegularizerIdentifier | null;
  /** Penalty on the bias. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** Projection of the input kernel after each optimizer step. */
  kernelConstraint?: ConstraintIdentifier | null;
  /** Projection of the recurrent kernel after each optimizer step. */
  recurrentConstraint?: ConstraintIdentifier | null;
  /** Projection of the bias after each optimizer step. */
  biasConstraint?: ConstraintIdentifier | null;
  /** Fraction of the input features dropped in training, in [0, 1); one mask per sequence (default 0). */
  dropout?: number;
  /** Fraction of the recurrent state dropped in training, in [0, 1); one mask per sequence (default 0). */
  recurrentDropout?: number;
  /** Makes the dropout masks repeatable on their own; by default their seeds come from core's `nextSeed()`. */
  seed?: number | null;
}

const { activityRegularizer: _activityRegularizer, ...CELL_LAYER_KEYS } = LAYER_OPTION_KEYS;

/** The keys of {@link RNNCellArgs}, spread by the option list of each cell. */
export const RNN_CELL_OPTION_KEYS = optionKeys<RNNCellArgs>({
  ...CELL_LAYER_KEYS,
  activation: true,
  useBias: true,
  kernelInitializer: true,
  recurrentInitializer: true,
  biasInitializer: true,
  kernelRegularizer: true,
  recurrentRegularizer: true,
  biasRegularizer: true,
  kernelConstraint: true,
  recurrentConstraint: true,
  biasConstraint: true,
  dropout: true,
  recurrentDropout: true,
  seed: true,
});

/** The dropout masks of one sequence: one `[batch, features]` tensor per gate group, or null when not dropping. */
export interface DropoutMasks {
  /** Masks on the inputs. */
  input: Tensor[] | null;
  /** Masks on the previous output inside the recurrent product. */
  recurrent: Tensor[] | null;
}

function checkRate(where: string, name: string, rate: number): void {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) throw invalidArgument(where, name, 'a number in [0, 1)', rate);
}

/**
 * The base of the recurrent cells: the math of one time step, as in Keras (`SimpleRNNCell`, `LSTMCell`,
 * `GRUCell`). A cell owns three weights: `kernel` `[inputDim, gates·units]` for the inputs,
 * `recurrentKernel` `[units, gates·units]` for the previous output, and `bias`, with the gates packed
 * side by side along the last axis.
 *
 * A step is split in two: {@link RNNCell.projectInputs} multiplies the step's input by the kernel, and
 * {@link RNNCell.step} does the recurrent product and the gate math, so that the {@link RNN} layer can
 * prepare what a whole sequence shares once (dropout masks, input slices). Called on its own, a cell takes `[input, ...states]`
 * and returns `[output, ...newStates]`.
 */
export abstract class RNNCell extends Layer {
  static override readonly className: string = 'RNNCell';
  /** The size of the output and of each state. */
  readonly units: number;
  /** The output (and candidate) activation. */
  readonly activation: ActivationFn;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  readonly recurrentInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly recurrentRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null;
  readonly recurrentConstraint: Constraint | null;
  readonly biasConstraint: Constraint | null;
  /** Fraction of the inputs dropped in training. */
  readonly dropout: number;
  /** Fraction of the recurrent state dropped in training. */
  readonly recurrentDropout: number;
  readonly seed: number | null;
  /** The input kernel, once built. */
  kernel: LayerVariable | null = null;
  /** The recurrent kernel, once built. */
  recurrentKernel: LayerVariable | null = null;
  /** The bias, once built (when `useBias`). */
  bias: LayerVariable | null = null;
  /** How many blocks of `units` columns the kernels hold (1, 4 for LSTM, 3 for GRU). */
  protected readonly gates: number;
  private readonly generator: RandomGenerator | null;

  protected constructor(units: number, gates: number, args: RNNCellArgs) {
    super(args);
    const where = new.target.className;
    if (!Number.isInteger(units) || units <= 0) throw invalidArgument(where, 'units', 'a positive integer', units);
    this.units = units;
    this.gates = gates;
    this.activation = getActivation(args.activation === undefined ? 'tanh' : args.activation);
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = getInitializer(args.kernelInitializer ?? 'glorot_uniform');
    this.recurrentInitializer = getInitializer(args.recurrentInitializer ?? 'orthogonal');
    this.biasInitializer = getInitializer(args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = args.kernelRegularizer == null ? null : getRegularizer(args.kernelRegularizer);
    this.recurrentRegularizer = args.recurrentRegularizer == null ? null : getRegularizer(args.recurrentRegularizer);
    this.biasRegularizer = args.biasRegularizer == null ? null : getRegularizer(args.biasRegularizer);
    this.kernelConstraint = args.kernelConstraint == null ? null : getConstraint(args.kernelConstraint);
    this.recurrentConstraint = args.recurrentConstraint == null ? null : getConstraint(args.recurrentConstraint);
    this.biasConstraint = args.biasConstraint == null ? null : getConstraint(args.biasConstraint);
    this.dropout = args.dropout ?? 0;
    this.recurrentDropout = args.recurrentDropout ?? 0;
    checkRate(where, 'dropout', this.dropout);
    checkRate(where, 'recurrentDropout', this.recurrentDropout);
    if (args.seed != null && (!Number.isInteger(args.seed) || args.seed < 0)) throw invalidArgument(where, 'seed', 'a non-negative integer', args.seed);
    this.seed = args.seed ?? null;
    this.generator = this.seed === null ? null : new RandomGenerator(this.seed);
  }

  /** The size of each state tensor (`[units]`, or `[units, units]` for the LSTM's output and carry). */
  abstract get stateSize(): number[];

  /** The size of the output of one step. */
  get outputSize(): number {
    return this.units;
  }

  /**
   * One time step from the projected input `xProjected` (`[batch, gates·units]`, input bias included) and
   * the previous states; returns the new states, the first of which is the step's output.
   */
  abstract step(xProjected: Tensor, states: Tensor[], recurrentMasks: Tensor[] | null): Tensor[];

  /** The bias added to the input projection, or null. */
  protected inputBias(): Tensor | null {
    return this.bias?.variable ?? null;
  }

  /** The shape of the bias weight. */
  protected biasShape(): number[] {
    return [this.gates * this.units];
  }

  /** The initializer of the bias weight. */
  protected biasWeightInitializer(): Initializer {
    return this.biasInitializer;
  }

  /**
   * How many independent dropout masks a sequence draws for the inputs and for the recurrent state: Keras
   * draws one per gate block when `recurrentDropout` is set for the gated cells, else one shared mask.
   */
  protected get dropoutMaskCount(): number {
    return 1;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = isShapeList(inputShape) ? (inputShape[0] as Shape) : inputShape;
    const inputDim = shape[shape.length - 1];
    if (inputDim == null) throw shapeMismatch(this.where, 'input', 'a known last dim', shape);
    const width = this.gates * this.units;
    this.kernel = this.addWeight({
      name: 'kernel', shape: [inputDim, width], initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer, constraint: this.kernelConstraint,
    });
    this.recurrentKernel = this.addWeight({
      name: 'recurrent_kernel', shape: [this.units, width], initializer: this.recurrentInitializer,
      regularizer: this.recurrentRegularizer, constraint: this.recurrentConstraint,
    });
    if (this.useBias) {
      this.bias = this.addWeight({
        name: 'bias', shape: this.biasShape(), initializer: this.biasWeightInitializer(),
        regularizer: this.biasRegularizer, constraint: this.biasConstraint,
      });
    }
    super.build(inputShape);
  }

  /** Zero states for a batch of `batchSize` sequences. */
  getInitialState(batchSize: number): Tensor[] {
    return this.stateSize.map((size) => tf.zeros([batchSize, size]));
  }

  /**
   * Draws the dropout masks of one sequence: inverted dropout (`keep / (1 − rate)`), each `[batch, dim]`,
   * reused at every time step (Gal & Ghahramani 2016, as Keras). Null where the rate is 0 or not training.
   */
  dropoutMasks(batchSize: number, inputDim: number, training: boolean): DropoutMasks {
    const draw = (rate: number, dim: number): Tensor[] | null => {
      if (!training || rate === 0) return null;
      return Array.from({ length: this.dropoutMaskCount }, () => {
        const seed = this.generator ? this.generator.nextSeed() : nextSeed();
        const shape = [batchSize, dim];
        if (tf.getKernel(StrataDropoutMask, tf.getBackend()) !== undefined) {
          return tf.engine().runKernel(StrataDropoutMask, {}, { shape, rate, seed }) as Tensor;
        }
        return tf.tidy(() => tf.div(tf.cast(tf.greaterEqual(tf.randomUniform(shape, 0, 1, 'float32', seed), rate), 'float32'), 1 - rate));
      });
    };
    return { input: draw(this.dropout, inputDim), recurrent: draw(this.recurrentDropout, this.units) };
  }

  /**
   * The input part of one step, `x · kernel + inputBias`, for `x` of shape `[batch, inputDim]`:
   * `[batch, gates·units]`. With one dropout mask per gate block, each block sees its own masked inputs.
   */
  projectInputs(x: Tensor, masks: Tensor[] | null): Tensor {
    const kernel = (this.kernel as LayerVariable).variable as tf.Tensor2D;
    return product(x, kernel, masks, 0, this.gates, this.inputBias());
  }

  /**
   * The recurrent product `h · recurrentKernel[:, from·units : to·units] + addend`, with the recurrent
   * dropout masks applied to `h` (one mask per gate block when there are several).
   */
  protected recurrentProduct(h: Tensor, masks: Tensor[] | null, addend: Tensor | null, from = 0, to = this.gates): Tensor {
    const u = this.units;
    const full = (this.recurrentKernel as LayerVariable).variable as tf.Tensor2D;
    const kernel = from === 0 && to === this.gates ? full : tf.slice(full, [0, from * u], [u, (to - from) * u]);
    return product(h, kernel, masks, from, to - from, addend);
  }

  /** One step on `[input, ...states]`; returns `[output, ...newStates]`. Dropout masks are drawn afresh. */
  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor[] {
    const [x, ...states] = Array.isArray(inputs) ? inputs : [inputs];
    const input = x as Tensor;
    if (input.rank !== 2) throw shapeMismatch(this.where, 'input', 'of rank 2 ([batch, features])', input.shape);
    const batch = input.shape[0] as number;
    if (states.length !== this.stateSize.length) {
      throw new ValueError(`${this.where}: expects [input, ...states] with ${this.stateSize.length} state tensor(s) of shape [batch, ${this.units}]; received ${states.length} state tensor(s)`);
    }
    return tf.tidy(() => {
      const masks = this.dropoutMasks(batch, input.shape[1] as number, kwargs.training ?? false);
      const projected = this.projectInputs(input, masks.input);
      const next = this.step(projected, states, masks.recurrent);
      return [next[0] as Tensor, ...next];
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const shape = isShapeList(inputShape) ? (inputShape[0] as Shape) : inputShape;
    const batch = shape[0] ?? null;
    return [[batch, this.outputSize], ...this.stateSize.map((s) => [batch, s])];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      recurrentInitializer: serializeInitializer(this.recurrentInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
      kernelRegularizer: this.kernelRegularizer && serializeRegularizer(this.kernelRegularizer),
      recurrentRegularizer: this.recurrentRegularizer && serializeRegularizer(this.recurrentRegularizer),
      biasRegularizer: this.biasRegularizer && serializeRegularizer(this.biasRegularizer),
      kernelConstraint: this.kernelConstraint && serializeConstraint(this.kernelConstraint),
      recurrentConstraint: this.recurrentConstraint && serializeConstraint(this.recurrentConstraint),
      biasConstraint: this.biasConstraint && serializeConstraint(this.biasConstraint),
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      seed: this.seed,
    };
  }
}

/**
 * `x · kernel + addend`, as one fused kernel where possible. With one mask per block of columns, the
 * masks `masks[first + g]` multiply `x` for block g.
 */
function product(x: Tensor, kernel: tf.Tensor2D, masks: Tensor[] | null, first: number, blocks: number, addend: Tensor | null): Tensor {
  const bias = addend ?? undefined;
  if (masks === null) return tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel, bias });
  if (masks.length === 1) return tf.fused.matMul({ a: tf.mul(x, masks[0] as Tensor) as tf.Tensor2D, b: kernel, bias });
  const parts = tf.split(kernel, blocks, 1).map((k, g) => tf.matMul(tf.mul(x, masks[first + g] as Tensor) as tf.Tensor2D, k));
  const y = tf.concat(parts, 1);
  return addend === null ? y : tf.add(y, addend);
}
