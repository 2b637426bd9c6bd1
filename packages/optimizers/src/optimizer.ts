import { tf, formatShape, invalidArgument, optionKeys, renamedInKeras3, shapeMismatch, ValueError, RuntimeError, notSupportedYet } from '@strata-ml/core';
import type { LegacyOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { LearningRateSchedule, checkNumber } from './schedules/learning-rate-schedule';
import { deserializeSchedule, serializeSchedule } from './schedules/serialize-schedule';
import type { SerializedSchedule } from './schedules/serialize-schedule';

/** Arguments every optimizer accepts. */
export interface OptimizerArgs {
  /** A fixed rate, or a schedule evaluated at the iteration count (a serialized schedule is accepted too). Each optimizer has its Keras default. */
  learningRate?: number | LearningRateSchedule | SerializedSchedule;
  /** Rescale each gradient so that its own L2 norm is at most this. */
  clipnorm?: number;
  /** Clip each gradient element to `[-clipvalue, clipvalue]`. */
  clipvalue?: number;
  /** Rescale all gradients together so that their joint L2 norm is at most this. */
  globalClipnorm?: number;
  /** Decoupled weight decay: before each update, `w -= w · weightDecay · learningRate`. */
  weightDecay?: number;
  /** Name of the optimizer; defaults to Keras's (`'adam'`, `'SGD'`, …). */
  name?: string;
}

/** The keys of {@link OptimizerArgs}, spread by the option list of every optimizer. */
export const OPTIMIZER_OPTION_KEYS = optionKeys<OptimizerArgs>({
  learningRate: true,
  clipnorm: true,
  clipvalue: true,
  globalClipnorm: true,
  weightDecay: true,
  name: true,
});

/**
 * The Keras 2 optimizer arguments Keras 3 refuses, with what replaces them, and Keras 3 options not
 * supported here. Keras 3 warns about `decay` and ignores it; it is refused here, since ignoring it would
 * silently change training.
 */
export const OPTIMIZER_LEGACY_OPTIONS: LegacyOptions = {
  refused: {
    lr: renamedInKeras3('lr', 'learningRate'),
    decay:
      "option 'decay' (Keras 2's learning-rate decay, lr / (1 + decay · iterations)) was removed in Keras 3; " +
      'for the same schedule pass learningRate: new InverseTimeDecay({ initialLearningRate: lr, decaySteps: 1, decayRate: decay })',
    useEma: notSupportedYet('useEma', 'use_ema'),
    emaMomentum: notSupportedYet('emaMomentum', 'ema_momentum'),
    emaOverwriteFrequency: notSupportedYet('emaOverwriteFrequency', 'ema_overwrite_frequency'),
    lossScaleFactor: notSupportedYet('lossScaleFactor', 'loss_scale_factor'),
    gradientAccumulationSteps: notSupportedYet('gradientAccumulationSteps', 'gradient_accumulation_steps'),
  },
};

/**
 * Base class of the optimizers, with Keras 3's division of labour: this class owns the iteration count,
 * the learning rate (fixed or scheduled), gradient clipping (`clipnorm` per variable, `globalClipnorm`,
 * `clipvalue`; at most one), decoupled weight decay and the slot variables; a subclass writes only
 * `build` (its slots) and `updateStep` (the math for one variable).
 *
 * Slots are kept per variable, keyed by the `tf.Variable` itself, so applying gradients to a subset of
 * the variables or in another order updates each variable with its own state. Each variable's update
 * runs inside one `tf.tidy` and writes with `assign`; the learning rate and bias corrections are
 * computed in JavaScript from the iteration count, so a step never reads data back.
 */
export abstract class Optimizer {
  /** Registered class name (`'Adam'`). */
  abstract readonly className: string;
  /** Name of the optimizer. */
  readonly name: string;
  /** Per-variable gradient norm limit, if set. */
  readonly clipnorm: number | undefined;
  /** Elementwise gradient limit, if set. */
  readonly clipvalue: number | undefined;
  /** Joint gradient norm limit, if set. */
  readonly globalClipnorm: number | undefined;
  /** Decoupled weight decay factor, if set. */
  readonly weightDecay: number | undefined;

  private rate: number | LearningRateSchedule;
  private steps = 0;
  private readonly slots = new Map<tf.Variable, Map<string, tf.Variable>>();
  /** Slots in creation order: the order of `getWeights`. */
  private readonly slotOrder: tf.Variable[] = [];
  private readonly built = new Set<tf.Variable>();
  /** Slot values given to `setWeights` before their slots existed, taken in order as slots are created. */
  private pending: Tensor[] = [];
  private readonly constants = new Map<number, Tensor>();

  protected constructor(args: OptimizerArgs, defaultLearningRate: number, defaultName: string) {
    const where = new.target.name;
    this.name = args.name ?? defaultName;
    const lr = args.learningRate ?? defaultLearningRate;
    if (lr instanceof LearningRateSchedule) this.rate = lr;
    else if (typeof lr === 'object' && lr !== null) this.rate = deserializeSchedule(lr);
    else {
      if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
        throw invalidArgument(where, 'learningRate', 'a non-negative number or a LearningRateSchedule', lr);
      }
      this.rate = lr;
    }
    const clips = { clipnorm: args.clipnorm, clipvalue: args.clipvalue, globalClipnorm: args.globalClipnorm };
    const set = Object.entries(clips).filter(([, v]) => v != null);
    if (set.length > 1) {
      throw new ValueError(
        `${where}: only one of clipnorm, clipvalue and globalClipnorm can be set; received ` +
          set.map(([k, v]) => `${k}=${String(v)}`).join(', '),
      );
    }
    for (const [k, v] of set) checkNumber(where, k, v as number, true);
    if (args.weightDecay != null) checkNumber(where, 'weightDecay', args.weightDecay, false);
    this.clipnorm = args.clipnorm ?? undefined;
    this.clipvalue = args.clipvalue ?? undefined;
    this.globalClipnorm = args.globalClipnorm ?? undefined;
    this.weightDecay = args.weightDecay ?? undefined;
  }

  /** Updates applied so far. */
  get iterations(): number {
    return this.steps;
  }

  /** The schedule driving the learning rate, or undefined for a fixed rate. */
  get schedule(): LearningRateSchedule | undefined {
    return this.rate instanceof LearningRateSchedule ? this.rate : undefined;
  }

  /** The learning rate the next update uses (a schedule evaluated at `iterations`). */
  get learningRate(): number {
    return this.rate instanceof LearningRateSchedule ? this.rate.call(this.steps) : this.rate;
  }

  /**
   * Sets a fixed learning rate (for ReduceLROnPlateau-style callbacks). As in Keras, an optimizer built
   * with a schedule refuses: its rate is the schedule's.
   */
  set learningRate(value: number) {
    if (this.rate instanceof LearningRateSchedule) {
      throw new RuntimeError(
        `${this.className}: the learning rate comes from a ${this.rate.className} schedule and cannot be set; ` +
          `received learningRate=${String(value)}. Create the optimizer with a number to make it settable`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw invalidArgument(this.className, 'learningRate', 'a non-negative number', value);
    }
    this.rate = value;
  }

  /**
   * One optimization step: clips the gradients, applies weight decay, updates every variable with its
   * own slots (created on first sight), then increments `iterations`. An empty list does nothing.
   */
  applyGradients(gradsAndVars: ReadonlyArray<readonly [Tensor, tf.Variable]>): void {
    // As in Keras, nothing to update is a no-op that does not count as a step.
    if (gradsAndVars.length === 0) return;
    this.checkPairs(gradsAndVars);
    const fresh = gradsAndVars.map(([, v]) => v).filter((v) => !this.built.has(v));
    if (fresh.length > 0) {
      this.build(fresh);
      for (const v of fresh) this.built.add(v);
    }
    const lr = this.learningRate;
    tf.tidy(() => {
      const lrTensor = tf.scalar(lr);
      const globalScale = this.globalClipnorm !== undefined ? this.globalClipScale(gradsAndVars.map(([g]) => g)) : undefined;
      for (const [gradient, variable] of gradsAndVars) {
        tf.tidy(() => {
          let g = gradient;
          if (this.clipnorm !== undefined) g = this.clipByNorm(g, this.clipnorm);
          else if (globalScale !== undefined) g = tf.mul(g, globalScale);
          else if (this.clipvalue !== undefined) g = tf.clipByValue(g, -this.clipvalue, this.clipvalue);
          if (this.weightDecay !== undefined && this.weightDecay !== 0) {
            variable.assign(tf.sub(variable, tf.mul(variable, this.weightDecay * lr)));
          }
          this.updateStep(g, variable, lrTensor);
        });
      }
    });
    this.steps++;
  }

  /** Creates the slots of `variables` (seen for the first time) with {@link Optimizer.addSlot}. */
  protected abstract build(variables: tf.Variable[]): void;

  /** Updates one variable from its (clipped) gradient; runs inside a `tf.tidy`. `iterations` is the count before this step. */
  protected abstract updateStep(gradient: Tensor, variable: tf.Variable, learningRate: Tensor): void;

  /** Creates a slot of `variable`'s shape filled with `initialValue` (or restored from `setWeights`). */
  protected addSlot(variable: tf.Variable, slotName: string, initialValue = 0): tf.Variable {
    let perVariable = this.slots.get(variable);
    if (perVariable === undefined) {
      perVariable = new Map();
      this.slots.set(variable, perVariable);
    }
    if (perVariable.has(slotName)) {
      throw new RuntimeError(`${this.className}: slot '${slotName}' of variable '${variable.name}' already exists`);
    }
    const restored = this.pending.shift();
    if (restored !== undefined && !tf.util.arraysEqual(restored.shape, variable.shape)) {
      const shape = restored.shape;
      restored.dispose();
      throw shapeMismatch(`${this.className}.setWeights`, `slot '${slotName}' of variable '${variable.name}' to have shape`, formatShape(variable.shape), shape);
    }
    const slot = tf.tidy(() => tf.variable(restored ?? tf.fill(variable.shape, initialValue), false));
    restored?.dispose();
    perVariable.set(slotName, slot);
    this.slotOrder.push(slot);
    return slot;
  }

  /** The slot `slotName` of `variable`. */
  protected getSlot(variable: tf.Variable, slotName: string): tf.Variable {
    const slot = this.slots.get(variable)?.get(slotName);
    if (slot === undefined) {
      throw new RuntimeError(`${this.className}: variable '${variable.name}' has no slot '${slotName}'`);
    }
    return slot;
  }

  /**
   * Runs the fused update kernel `kernelName` (one pass over the variable instead of a chain of
   * elementwise ops; `@strata-ml/backend-wasm` registers `StrataAdamUpdate` and `StrataSGDUpdate`) when the
   * current backend has it and the variable is float32, and returns its outputs; returns undefined
   * otherwise, and the subclass runs its ops.
   */
  protected fusedUpdate(kernelName: string, inputs: Record<string, Tensor>, attrs: Record<string, number>): Tensor[] | undefined {
    if (inputs['variable']?.dtype !== 'float32' || tf.getKernel(kernelName, tf.getBackend()) === undefined) return undefined;
    return tf.engine().runKernel(kernelName, inputs, attrs) as Tensor[];
  }

  /** A cached scalar for a fixed hyperparameter, so a step does not upload it again for every variable. */
  protected constant(value: number): Tensor {
    let c = this.constants.get(value);
    if (c === undefined) {
      c = tf.keep(tf.scalar(value));
      this.constants.set(value, c);
    }
    return c;
  }

  /**
   * Copies of the optimizer state for saving: the iteration count (a scalar) then every slot in creation
   * order, followed by the values `setWeights` gave for slots not created yet (so a model loaded and saved
   * again without training keeps its optimizer state). The caller owns the tensors.
   */
  getWeights(): Tensor[] {
    return [tf.scalar(this.steps, 'int32'), ...this.slotOrder.map((s) => tf.clone(s)), ...this.pending.map((t) => tf.clone(t))];
  }

  /**
   * Restores state saved by `getWeights`. Slots not created yet (a fresh optimizer) are restored when
   * they are, in order, on the first `applyGradients` with the same variables in the same order.
   */
  setWeights(weights: Tensor[]): void {
    const [iterations, ...slotValues] = weights;
    if (iterations === undefined || iterations.size !== 1) {
      throw new ValueError(`${this.className}.setWeights: expected the iteration count (a scalar) first; received ${weights.length === 0 ? 'no tensors' : `shape ${formatShape(iterations?.shape ?? [])}`}`);
    }
    if (slotValues.length < this.slotOrder.length) {
      throw new ValueError(
        `${this.className}.setWeights: expected at least ${this.slotOrder.length + 1} tensors (iterations and every slot); received ${weights.length}`,
      );
    }
    this.slotOrder.forEach((slot, i) => {
      const value = slotValues[i] as Tensor;
      if (!tf.util.arraysEqual(value.shape, slot.shape)) {
        throw shapeMismatch(`${this.className}.setWeights`, `slot ${i} to have shape`, formatShape(slot.shape), value.shape);
      }
    });
    this.slotOrder.forEach((slot, i) => slot.assign(slotValues[i] as Tensor));
    for (const t of this.pending) t.dispose();
    this.pending = slotValues.slice(this.slotOrder.length).map((t) => tf.clone(t));
    this.steps = Math.round(iterations.dataSync()[0] as number);
  }

  /** The arguments that rebuild this optimizer: `new Cls(optimizer.getConfig())`; JSON-serializable. */
  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = {
      name: this.name,
      learningRate: this.rate instanceof LearningRateSchedule ? serializeSchedule(this.rate) : this.rate,
    };
    if (this.clipnorm !== undefined) config['clipnorm'] = this.clipnorm;
    if (this.clipvalue !== undefined) config['clipvalue'] = this.clipvalue;
    if (this.globalClipnorm !== undefined) config['globalClipnorm'] = this.globalClipnorm;
    if (this.weightDecay !== undefined) config['weightDecay'] = this.weightDecay;
    return config;
  }

  /** Frees the slots and cached constants; the optimizer starts from scratch afterwards. */
  dispose(): void {
    for (const s of this.slotOrder) s.dispose();
    for (const c of this.constants.values()) c.dispose();
    for (const t of this.pending) t.dispose();
    this.slotOrder.length = 0;
    this.slots.clear();
    this.built.clear();
    this.constants.clear();
    this.pending = [];
  }

  private checkPairs(gradsAndVars: ReadonlyArray<readonly [Tensor, tf.Variable]>): void {
    const seen = new Set<tf.Variable>();
    for (const [g, v] of gradsAndVars) {
      if (!tf.util.arraysEqual(g.shape, v.shape)) {
        throw shapeMismatch(`${this.className}.applyGradients`, `the gradient of '${v.name}' to have shape`, formatShape(v.shape), g.shape);
      }
      if (seen.has(v)) throw new ValueError(`${this.className}.applyGradients: variable '${v.name}' appears twice`);
      seen.add(v);
    }
  }

  /** `g · c / max(‖g‖, c)`: unchanged when the norm is at most `c`. */
  private clipByNorm(g: Tensor, c: number): Tensor {
    const norm = tf.sqrt(tf.sum(tf.square(g)));
    return tf.div(tf.mul(g, c), tf.maximum(norm, c));
  }

  /** `c / max(‖all gradients‖, c)`, one scalar for every gradient. */
  private globalClipScale(gradients: Tensor[]): Tensor {
    const c = this.globalClipnorm as number;
    const squares = gradients.map((g) => tf.sum(tf.square(g)));
    const norm = tf.sqrt(squares.length === 1 ? (squares[0] as Tensor) : tf.addN(squares));
    return tf.div(c, tf.maximum(norm, c));
  }
}
