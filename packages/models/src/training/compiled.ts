import { invalidArgument } from '@strata/core';
import { Loss, getLoss, type LossFn } from '@strata/losses';
import { Metric, getMetric, type MetricFn } from '@strata/metrics';
import { Optimizer, getOptimizer } from '@strata/optimizers';
import type { Shape } from '@strata/layers';

/** A loss by name (`'categorical_crossentropy'`), function or instance. */
export type LossIdentifier = string | LossFn | Loss;
/** An optimizer by name (`'adam'`, Keras defaults) or instance. */
export type OptimizerIdentifier = string | Optimizer;
/** A metric by name (`'accuracy'`), function or instance. */
export type MetricIdentifier = string | MetricFn | Metric;

/** Arguments of `model.compile`. */
export interface CompileArgs {
  /** What training minimises. */
  loss: LossIdentifier;
  /** How weights are updated. */
  optimizer: OptimizerIdentifier;
  /** What `fit` and `evaluate` report besides the loss. `'accuracy'` picks the right accuracy for the loss. */
  metrics?: MetricIdentifier[];
}

/** The resolved training configuration. Metrics are resolved when the target shape is first known. */
export class CompiledState {
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  private readonly metricIds: MetricIdentifier[];
  private resolved: Metric[] | null = null;

  constructor(args: CompileArgs) {
    if (args == null || typeof args !== 'object') throw invalidArgument('compile', 'args', '{ loss, optimizer, metrics? }', args);
    if (args.loss == null) throw invalidArgument('compile', 'loss', "a loss name such as 'categorical_crossentropy', a function or a Loss", args.loss);
    if (args.optimizer == null) throw invalidArgument('compile', 'optimizer', "an optimizer name such as 'adam' or an Optimizer", args.optimizer);
    if (args.metrics !== undefined && !Array.isArray(args.metrics)) throw invalidArgument('compile', 'metrics', 'an array', args.metrics);
    this.loss = getLoss(args.loss);
    this.optimizer = getOptimizer(args.optimizer);
    this.metricIds = args.metrics ?? [];
    // Names are checked now, so that a typo fails at compile rather than at the first fit.
    for (const id of this.metricIds) if (typeof id === 'string') getMetric(id, { lossName: this.loss.name }).dispose();
  }

  /** The metrics, resolved once for the model's output and target shapes (Keras resolves `'accuracy'` so). */
  metrics(outputShape: Shape, targetShape: Shape): Metric[] {
    this.resolved ??= this.metricIds.map((id) => getMetric(id, { lossName: this.loss.name, outputShape, targetShape }));
    return this.resolved;
  }

  /** The metrics if already resolved, else none. */
  get resolvedMetrics(): Metric[] {
    return this.resolved ?? [];
  }

  /** Frees the metric state (the optimizer may be shared and is left alone). */
  dispose(): void {
    for (const m of this.resolved ?? []) m.dispose();
    this.resolved = null;
  }
}
