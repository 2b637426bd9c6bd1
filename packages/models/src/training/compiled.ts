import { ValueError, defineOptions, invalidArgument, notSupportedYet } from '@strata-ml/core';
import type { LayerVariable, Shape } from '@strata-ml/layers';
import { Loss, getLoss, type LossFn } from '@strata-ml/losses';
import { Metric, getMetric, type MetricFn } from '@strata-ml/metrics';
import { Optimizer, getOptimizer } from '@strata-ml/optimizers';

/** A loss by name (`'categorical_crossentropy'`), function or instance. */
export type LossIdentifier = string | LossFn | Loss;
/** An optimizer by name (`'adam'`, Keras defaults) or instance. */
export type OptimizerIdentifier = string | Optimizer;
/** A metric by name (`'accuracy'`), function or instance. */
export type MetricIdentifier = string | MetricFn | Metric;

/** Arguments of `model.compile`. */
export interface CompileArgs {
  /**
   * What training minimises. For a model with several outputs: one loss for all, an array (one per output,
   * in order), or a record keyed by output name.
   */
  loss: LossIdentifier | LossIdentifier[] | Record<string, LossIdentifier>;
  /** How weights are updated. */
  optimizer: OptimizerIdentifier;
  /**
   * What `fit` and `evaluate` report besides the loss. `'accuracy'` picks the right accuracy for the loss.
   * A flat array applies to every output (as Keras 2); an array of arrays or a record keyed by output name
   * gives each output its own.
   */
  metrics?: MetricIdentifier[] | MetricIdentifier[][] | Record<string, MetricIdentifier | MetricIdentifier[]>;
  /** Weights of the per-output losses in the total loss (default 1 each): an array or a record by output name. */
  lossWeights?: number[] | Record<string, number>;
}

const COMPILE_OPTIONS = defineOptions<CompileArgs>('compile', { loss: true, optimizer: true, metrics: true, lossWeights: true }, {
  refused: {
    weightedMetrics: notSupportedYet('weightedMetrics', 'weighted_metrics'),
    runEagerly: notSupportedYet('runEagerly', 'run_eagerly'),
    stepsPerExecution: notSupportedYet('stepsPerExecution', 'steps_per_execution'),
    jitCompile: notSupportedYet('jitCompile', 'jit_compile'),
    autoScaleLoss: notSupportedYet('autoScaleLoss', 'auto_scale_loss'),
  },
});

/** A resolved metric and where its value goes in the logs. */
export interface MetricEntry {
  /** The log key: the metric's name, prefixed by the output name when the model has several outputs. */
  key: string;
  /** The metric. */
  metric: Metric;
  /** The index of the output it watches. */
  output: number;
}

/** Spreads a per-output setting (one value for all, an array, or a record by output name) over the outputs. */
function perOutput<T>(name: string, value: T | T[] | Record<string, T>, outputs: string[], isOne: (v: unknown) => v is T, fill: T): T[] {
  if (isOne(value)) return outputs.map(() => value);
  if (Array.isArray(value)) {
    if (value.length !== outputs.length) {
      throw new ValueError(`compile: ${name} must have one entry per output (${outputs.length}: ${outputs.map((o) => `'${o}'`).join(', ')}); received ${value.length}`);
    }
    return value;
  }
  const record = value as Record<string, T>;
  for (const key of Object.keys(record)) {
    if (!outputs.includes(key)) {
      throw new ValueError(`compile: ${name} names an unknown output '${key}'; the outputs are ${outputs.map((o) => `'${o}'`).join(', ')}`);
    }
  }
  return outputs.map((o) => record[o] ?? fill);
}

const isLossId = (v: unknown): v is LossIdentifier => typeof v === 'string' || typeof v === 'function' || v instanceof Loss;
const isMetricId = (v: unknown): v is MetricIdentifier => typeof v === 'string' || typeof v === 'function' || v instanceof Metric;
const isNothing = (_v: unknown): _v is never => false;

/**
 * The resolved training configuration: one loss, loss weight and metric list per model output. Metrics are
 * resolved when the output and target shapes are first known. Which weights train is read at compile time,
 * as in Keras: freezing a layer afterwards needs a new `compile`.
 */
export class CompiledState {
  /** The optimizer. */
  readonly optimizer: Optimizer;
  /** One loss per output. */
  readonly losses: Loss[];
  /** One weight per output loss. */
  readonly lossWeights: number[];
  /** The model's output names, which prefix the log keys when there are several. */
  readonly outputNames: string[];
  private readonly metricIds: MetricIdentifier[][];
  private resolved: MetricEntry[] | null = null;
  private compiledWeights: Set<LayerVariable> | null = null;
  private compiledTrainable = new Set<LayerVariable>();

  constructor(args: CompileArgs, outputNames: string[] = ['output']) {
    if (args == null || typeof args !== 'object') throw invalidArgument('compile', 'args', '{ loss, optimizer, metrics? }', args);
    COMPILE_OPTIONS.check(args);
    if (args.loss == null) throw invalidArgument('compile', 'loss', "a loss name such as 'categorical_crossentropy', a function or a Loss", args.loss);
    if (args.optimizer == null) throw invalidArgument('compile', 'optimizer', "an optimizer name such as 'adam' or an Optimizer", args.optimizer);
    if (args.metrics !== undefined && (args.metrics === null || typeof args.metrics !== 'object')) {
      throw invalidArgument('compile', 'metrics', 'an array or a record by output name', args.metrics);
    }
    this.optimizer = getOptimizer(args.optimizer);
    this.outputNames = outputNames.slice();
    this.losses = perOutput('loss', args.loss, outputNames, isLossId, null as unknown as LossIdentifier).map((id, i) => {
      if (id === null) throw new ValueError(`compile: loss has no entry for output '${outputNames[i]}'`);
      return getLoss(id);
    });
    const isNumber = (v: unknown): v is number => typeof v === 'number';
    this.lossWeights = perOutput('lossWeights', args.lossWeights ?? 1, outputNames, isNumber, 1);
    this.lossWeights.forEach((w, i) => {
      if (!Number.isFinite(w)) throw invalidArgument('compile', `lossWeights for '${outputNames[i]}'`, 'a finite number', w);
    });
    const metrics = args.metrics ?? [];
    // A flat list applies to every output; otherwise each output has its own list (or single metric).
    const lists: (MetricIdentifier | MetricIdentifier[])[] =
      Array.isArray(metrics) && metrics.every(isMetricId)
        ? outputNames.map(() => metrics)
        : perOutput<MetricIdentifier | MetricIdentifier[]>('metrics', metrics as MetricIdentifier[][], outputNames, isNothing, []);
    this.metricIds = lists.map((l) => (Array.isArray(l) ? l : [l]));
    // Names are checked now, so that a typo fails at compile rather than at the first fit.
    this.metricIds.forEach((ids, i) => {
      for (const id of ids) if (typeof id === 'string') getMetric(id, { lossName: (this.losses[i] as Loss).name }).dispose();
    });
  }

  /** The loss of the first (for most models, the only) output. */
  get loss(): Loss {
    return this.losses[0] as Loss;
  }

  /** The metric identifiers of the first (for most models, the only) output, as given to `compile`. */
  get metricIdentifiers(): MetricIdentifier[] {
    return (this.metricIds[0] ?? []).slice();
  }

  /** The metric identifiers of every output, as given to `compile` (a flat list is repeated for each). */
  get metricIdentifiersPerOutput(): MetricIdentifier[][] {
    return this.metricIds.map((ids) => ids.slice());
  }

  /** Records which weights are trainable now: `compile` calls it, since Keras reads `trainable` at compile time. */
  recordTrainable(weights: LayerVariable[], trainable: LayerVariable[]): void {
    this.compiledWeights = new Set(weights);
    this.compiledTrainable = new Set(trainable);
  }

  /**
   * The weights training updates, in `weights` order: a weight that existed at compile keeps the trainable
   * state it had then; a newer one (a layer built or added since) follows `trainable` now.
   */
  trainableWeights(weights: LayerVariable[], trainable: LayerVariable[]): LayerVariable[] {
    const live = new Set(trainable);
    return weights.filter((w) => (this.compiledWeights?.has(w) ? this.compiledTrainable.has(w) : live.has(w)));
  }

  /** The metrics, resolved once for the outputs' and targets' shapes (Keras resolves `'accuracy'` so). */
  metrics(outputShapes: Shape[], targetShapes: Shape[]): MetricEntry[] {
    if (this.resolved === null) {
      const many = this.outputNames.length > 1;
      this.resolved = this.metricIds.flatMap((ids, i) =>
        ids.map((id) => {
          const metric = getMetric(id, { lossName: (this.losses[i] as Loss).name, outputShape: outputShapes[i] ?? [], targetShape: targetShapes[i] ?? [] });
          return { key: many ? `${this.outputNames[i]}_${metric.name}` : metric.name, metric, output: i };
        }),
      );
    }
    return this.resolved;
  }

  /** Frees the metric state (the optimizer may be shared and is left alone). */
  dispose(): void {
    for (const e of this.resolved ?? []) e.metric.dispose();
    this.resolved = null;
  }
}
