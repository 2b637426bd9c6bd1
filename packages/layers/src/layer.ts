import { tf, Tensor, RuntimeError, ValueError, invalidArgument, shapeMismatch } from '@strata-ml/core';
import { getConstraint, type ConstraintIdentifier } from './constraints/get-constraint';
import { getInitializer, type InitializerIdentifier } from './initializers/get-initializer';
import { checkInputSpec, type InputSpec } from './input-spec';
import { LayerVariable } from './layer-variable';
import { layerNamePrefix, uniqueLayerName, uniqueVariableName } from './names';
import { getRegularizer, serializeRegularizer, type RegularizerIdentifier } from './regularizers/get-regularizer';
import type { Regularizer } from './regularizers/regularizer';
import type { Shape } from './shape';
import { Node, SymbolicTensor, isSymbolic } from './symbolic-tensor';

/** Arguments every layer accepts. */
export interface LayerArgs {
  /** The layer's name; default its class in snake case with a counter (`dense`, `dense_1`, …). */
  name?: string;
  /** Whether training updates its weights (default true). */
  trainable?: boolean;
  /** The input shape without the batch axis, for the first layer of a model (`[784]`). */
  inputShape?: number[];
  /** The input shape with the batch axis (`[null, 784]`); wins over `inputShape`. */
  batchInputShape?: Shape;
  /** The batch size that goes with `inputShape` (default unknown). */
  batchSize?: number;
  /** The weights' dtype; only float32. */
  dtype?: 'float32';
  /** A penalty on the layer's output, divided by the batch size and added to the loss. */
  activityRegularizer?: RegularizerIdentifier | null;
}

/** The keyword arguments of a call. */
export interface CallArgs {
  /** True while training: Dropout drops only then. Default false. */
  training?: boolean;
  /** A mask over time steps, for layers that support masking. */
  mask?: Tensor;
}

/** Arguments of {@link Layer.addWeight}. */
export interface AddWeightArgs {
  /** The weight's name inside the layer (`'kernel'`). */
  name: string;
  /** Its shape. */
  shape: number[];
  /** How to fill it first (default `glorot_uniform`, as Keras). */
  initializer?: InitializerIdentifier;
  /** A penalty on it, added to the loss. */
  regularizer?: RegularizerIdentifier | null;
  /** A projection applied after each optimizer step. */
  constraint?: ConstraintIdentifier | null;
  /** Whether training updates it (default true). */
  trainable?: boolean;
  /** Only float32. */
  dtype?: 'float32';
}

/** A class of layer that the registry can rebuild from its config. */
export interface LayerClass {
  /** The registered class name (`'Dense'`). */
  readonly className: string;
  /** Rebuilds a layer from `getConfig()`'s result. */
  fromConfig(config: Record<string, unknown>): Layer;
}

/**
 * The base of every layer. Its life, as in Keras: the constructor checks and stores the config; `build`
 * creates the weights once the input shape is known (through `addWeight`); `call` is the math; `getConfig`
 * serializes. `apply` ties them together: it checks the input against `inputSpec`, builds on first use,
 * calls, and records activity losses. Given symbolic tensors, `apply` computes shapes only and records the
 * call as a graph {@link Node}.
 */
export abstract class Layer {
  /** The registered class name; every subclass sets its own. */
  static readonly className: string = 'Layer';

  /** The layer's name, unique among auto-named layers. */
  readonly name: string;
  /** Whether training updates its weights. When false, all its weights count as non-trainable. */
  trainable: boolean;
  /** Whether `build` has run. */
  built = false;
  /** The dtype of its weights. */
  readonly dtype: 'float32';
  /** The declared input shape with batch axis, when the layer was given one (first layer of a model). */
  readonly batchInputShape: Shape | null;
  /** What `apply` accepts; null accepts anything. */
  inputSpec: InputSpec | InputSpec[] | null = null;
  /** The penalty on the output, if any. */
  readonly activityRegularizer: Regularizer | null;
  /** Every symbolic call of this layer, in order. */
  readonly inboundNodes: Node[] = [];

  private readonly ownWeights: LayerVariable[] = [];
  private activityLosses: Tensor[] = [];

  constructor(args: LayerArgs = {}) {
    const where = this.className;
    if (args.name !== undefined && (typeof args.name !== 'string' || args.name.length === 0 || args.name.includes('/'))) {
      throw invalidArgument(where, 'name', "a non-empty string without '/'", args.name);
    }
    this.name = args.name ?? uniqueLayerName(layerNamePrefix(where));
    this.trainable = args.trainable ?? true;
    if (args.dtype !== undefined && args.dtype !== 'float32') throw invalidArgument(where, 'dtype', "'float32'", args.dtype);
    this.dtype = 'float32';
    this.batchInputShape = Layer.resolveBatchInputShape(where, args);
    this.activityRegularizer = args.activityRegularizer == null ? null : getRegularizer(args.activityRegularizer);
  }

  private static resolveBatchInputShape(where: string, args: LayerArgs): Shape | null {
    const isDim = (d: unknown): boolean => Number.isInteger(d) && (d as number) > 0;
    if (args.batchInputShape != null) {
      if (!Array.isArray(args.batchInputShape) || !args.batchInputShape.every((d) => d === null || isDim(d))) {
        throw invalidArgument(where, 'batchInputShape', 'an array of positive integers or null', args.batchInputShape);
      }
      return args.batchInputShape.slice();
    }
    if (args.inputShape != null) {
      if (!Array.isArray(args.inputShape) || !args.inputShape.every((d) => d === null || isDim(d))) {
        throw invalidArgument(where, 'inputShape', 'an array of positive integers', args.inputShape);
      }
      if (args.batchSize !== undefined && !isDim(args.batchSize)) throw invalidArgument(where, 'batchSize', 'a positive integer', args.batchSize);
      return [args.batchSize ?? null, ...args.inputShape];
    }
    return null;
  }

  /** The registered class name of this layer (`'Dense'`). */
  get className(): string {
    return (this.constructor as typeof Layer).className;
  }

  /** How the layer names itself in errors: `Dense 'dense_2'`. */
  protected get where(): string {
    return `${this.className} '${this.name}'`;
  }

  /** Creates the weights for inputs of `inputShape` (batch axis included). Subclasses call `super.build`. */
  build(_inputShape: Shape | Shape[]): void {
    this.built = true;
  }

  /** The layer's math on concrete tensors. Pure: no weights are created here. */
  abstract call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[];

  /** The output shape for inputs of `inputShape`; the identity unless overridden. */
  computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    return inputShape;
  }

  /**
   * Calls the layer: checks the inputs against `inputSpec`, builds on first use, then runs `call` (for
   * tensors) or computes output shapes and records a graph node (for symbolic tensors).
   */
  apply(inputs: Tensor, kwargs?: CallArgs): Tensor;
  apply(inputs: SymbolicTensor, kwargs?: CallArgs): SymbolicTensor;
  apply(inputs: Tensor[], kwargs?: CallArgs): Tensor | Tensor[];
  apply(inputs: SymbolicTensor[], kwargs?: CallArgs): SymbolicTensor | SymbolicTensor[];
  apply(
    inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[],
    kwargs: CallArgs = {},
  ): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    if (list.length === 0) throw invalidArgument(this.where, 'inputs', 'at least one tensor', inputs);
    const shapes: Shape[] = list.map((t) => t.shape.slice());
    const inputShape: Shape | Shape[] = Array.isArray(inputs) ? shapes : (shapes[0] as Shape);
    this.assertInputCompatible(shapes);
    if (!this.built) {
      this.build(inputShape);
      this.built = true;
      this.assertInputCompatible(shapes);
    }
    if (isSymbolic(inputs)) return this.applySymbolic(inputs, inputShape, kwargs);
    for (const t of list) {
      if (!(t instanceof Tensor)) throw invalidArgument(this.where, 'inputs', 'Tensors or SymbolicTensors', t);
    }
    const outputs = this.call(inputs as Tensor | Tensor[], kwargs);
    this.recordActivityLosses(outputs);
    return outputs;
  }

  private applySymbolic(
    inputs: SymbolicTensor | SymbolicTensor[],
    inputShape: Shape | Shape[],
    kwargs: CallArgs,
  ): SymbolicTensor | SymbolicTensor[] {
    const node = new Node(this, Array.isArray(inputs) ? inputs : [inputs], kwargs);
    const outShape = this.computeOutputShape(inputShape);
    const multi = outShape.length > 0 && Array.isArray(outShape[0]);
    const outShapes = (multi ? outShape : [outShape]) as Shape[];
    node.outputs = outShapes.map((shape, i) => new SymbolicTensor({ shape, node, outputIndex: i, name: `${this.name}/output_${i}` }));
    this.inboundNodes.push(node);
    return multi ? node.outputs : (node.outputs[0] as SymbolicTensor);
  }

  /** Throws a `ShapeError` naming this layer when a shape does not fit `inputSpec`. */
  protected assertInputCompatible(shapes: Shape[]): void {
    if (this.inputSpec === null) return;
    const specs = Array.isArray(this.inputSpec) ? this.inputSpec : [this.inputSpec];
    if (specs.length !== shapes.length) {
      throw new ValueError(`${this.where}: expects ${specs.length} input(s), received ${shapes.length}`);
    }
    specs.forEach((spec, i) => checkInputSpec(this.where, spec, shapes[i] as Shape, specs.length > 1 ? `input ${i}` : 'input'));
  }

  private recordActivityLosses(outputs: Tensor | Tensor[]): void {
    for (const t of this.activityLosses) t.dispose();
    this.activityLosses = [];
    const regularizer = this.activityRegularizer;
    if (regularizer === null) return;
    for (const out of Array.isArray(outputs) ? outputs : [outputs]) {
      const batch = out.shape[0] ?? 1;
      this.activityLosses.push(tf.tidy(() => tf.div(regularizer.apply(out), batch)));
    }
  }

  /**
   * Creates a weight, registers it with the layer and returns it. Call from `build`. The tfjs variable is
   * named `<layer>/<weight>` (made unique across the engine).
   */
  addWeight(args: AddWeightArgs): LayerVariable {
    if (!args.shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw invalidArgument(`${this.where}.addWeight`, 'shape', 'an array of non-negative integers', args.shape);
    }
    if (this.ownWeights.some((w) => w.name === args.name)) {
      throw new ValueError(`${this.where}.addWeight: a weight named '${args.name}' already exists`);
    }
    const initializer = getInitializer(args.initializer ?? 'glorot_uniform');
    const path = `${this.name}/${args.name}`;
    const trainable = args.trainable ?? true;
    const init = initializer.apply(args.shape, 'float32');
    // Another copy of this module (or user code) may have taken a name: the engine's registry decides.
    let variableName = uniqueVariableName(path);
    while (tf.engine().registeredVariables[variableName] !== undefined) variableName = uniqueVariableName(path);
    const variable = tf.variable(init, trainable, variableName, 'float32');
    init.dispose();
    const weight = new LayerVariable({
      name: args.name,
      path,
      variable,
      trainable,
      regularizer: args.regularizer == null ? null : getRegularizer(args.regularizer),
      constraint: args.constraint == null ? null : getConstraint(args.constraint),
    });
    this.ownWeights.push(weight);
    return weight;
  }

  /** All weights, trainable first (as Keras orders them), in creation order. */
  get weights(): LayerVariable[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights];
  }

  /** The weights training updates: none when the layer is frozen. */
  get trainableWeights(): LayerVariable[] {
    return this.trainable ? this.ownWeights.filter((w) => w.trainable) : [];
  }

  /** The weights training leaves alone. */
  get nonTrainableWeights(): LayerVariable[] {
    return this.trainable ? this.ownWeights.filter((w) => !w.trainable) : this.ownWeights.slice();
  }

  /**
   * The layer's losses: a penalty for each regularized weight (computed now) and the activity penalties of
   * the last call. The caller owns the tensors (use inside `tf.tidy`).
   */
  get losses(): Tensor[] {
    const penalties: Tensor[] = [];
    for (const w of this.weights) {
      if (w.regularizer) penalties.push(w.regularizer.apply(w.variable));
    }
    return [...penalties, ...this.activityLosses.filter((t) => !t.isDisposed)];
  }

  /** The number of scalars in all weights. Throws a `RuntimeError` before the layer is built. */
  countParams(): number {
    if (!this.built) {
      throw new RuntimeError(
        `${this.where}.countParams: the layer is not built yet; call it on data or build it with an input shape first`,
      );
    }
    return this.weights.reduce((n, w) => n + w.size, 0);
  }

  /** Copies of the weight values, in `weights` order; the caller owns them. */
  getWeights(): Tensor[] {
    return this.weights.map((w) => tf.clone(w.variable));
  }

  /** Sets every weight, in `weights` order; the number and shapes of `values` must match. */
  setWeights(values: Tensor[]): void {
    const weights = this.weights;
    if (values.length !== weights.length) {
      throw new ValueError(`${this.where}.setWeights: expected ${weights.length} weight tensors, received ${values.length}`);
    }
    weights.forEach((w, i) => {
      const value = values[i] as Tensor;
      if (!tf.util.arraysEqual(value.shape, w.shape)) {
        throw shapeMismatch(`${this.where}.setWeights`, `weight '${w.name}' of shape`, `[${w.shape.join(', ')}]`, value.shape);
      }
    });
    weights.forEach((w, i) => w.assign(values[i] as Tensor));
  }

  /** The config that rebuilds this layer through the registry: JSON-serializable. */
  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { name: this.name, trainable: this.trainable, dtype: this.dtype };
    if (this.batchInputShape !== null) config['batchInputShape'] = this.batchInputShape.slice();
    if (this.activityRegularizer !== null) config['activityRegularizer'] = serializeRegularizer(this.activityRegularizer);
    return config;
  }

  /** Rebuilds a layer from its config; subclasses with positional constructor arguments override it. */
  static fromConfig(config: Record<string, unknown>): Layer {
    return new (this as unknown as new (args: Record<string, unknown>) => Layer)(config);
  }

  /** Frees the weights' memory. The layer must not be used afterwards. */
  dispose(): void {
    for (const w of this.ownWeights) w.dispose();
    for (const t of this.activityLosses) t.dispose();
    this.activityLosses = [];
  }
}
