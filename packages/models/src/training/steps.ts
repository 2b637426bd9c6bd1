import { tf, Tensor } from '@strata/core';
import type { LayerVariable } from '@strata/layers';
import type { Loss } from '@strata/losses';
import type { Mean, Metric } from '@strata/metrics';
import type { Optimizer } from '@strata/optimizers';
import type { Model } from '../model';

/** What one step needs besides the batch. */
export interface StepContext {
  model: Model;
  loss: Loss;
  metrics: Metric[];
  /** The running mean of the loss, weighted by batch size. */
  lossTracker: Mean;
}

/** The loss training minimises: the compiled loss plus every regularization and activity penalty. */
export function totalLoss(model: Model, loss: Loss, yTrue: Tensor, yPred: Tensor): tf.Scalar {
  const penalties = model.losses;
  const value = loss.compute(yTrue, yPred);
  return (penalties.length === 0 ? value : tf.addN([value, ...penalties])) as tf.Scalar;
}

/**
 * One optimisation step on a batch: forward pass in training mode and loss under `tf.variableGrads` over
 * the trainable variables only, `optimizer.applyGradients`, weight constraints, then the loss tracker and
 * metrics. Everything runs inside `tf.tidy`; nothing is read back.
 */
export function trainStep(ctx: StepContext, optimizer: Optimizer, x: Tensor, y: Tensor, batchSize: number): void {
  const weights = ctx.model.trainableWeights;
  const variables = weights.map((w) => w.variable);
  tf.tidy(() => {
    let yPred: Tensor | null = null;
    const forward = (): tf.Scalar => {
      const out = ctx.model.apply(x, { training: true }) as Tensor;
      // The gradient scope frees its intermediates; the prediction is kept for the metrics.
      yPred = tf.keep(out);
      return totalLoss(ctx.model, ctx.loss, y, out);
    };
    let value: tf.Scalar;
    if (variables.length > 0) {
      const result = tf.variableGrads(forward, variables);
      value = result.value;
      optimizer.applyGradients(variables.map((v) => [result.grads[v.name] as Tensor, v] as const));
    } else {
      value = forward();
    }
    ctx.lossTracker.update(value, batchSize);
    const prediction = yPred as unknown as Tensor;
    for (const m of ctx.metrics) m.updateState(y, prediction);
    prediction.dispose();
  });
  applyConstraints(weights);
}

/** Projects every constrained weight after an update. */
function applyConstraints(weights: LayerVariable[]): void {
  for (const w of weights) {
    const constraint = w.constraint;
    if (constraint) tf.tidy(() => w.variable.assign(constraint.apply(w.variable)));
  }
}

/** One evaluation step: forward pass in inference mode, loss tracker and metrics. */
export function testStep(ctx: StepContext, x: Tensor, y: Tensor, batchSize: number): void {
  tf.tidy(() => {
    const yPred = ctx.model.apply(x, { training: false }) as Tensor;
    ctx.lossTracker.update(totalLoss(ctx.model, ctx.loss, y, yPred), batchSize);
    for (const m of ctx.metrics) m.updateState(y, yPred);
  });
}

/** One prediction step: the model's output in inference mode, owned by the caller. */
export function predictStep(model: Model, x: Tensor): Tensor {
  return tf.tidy(() => model.apply(x, { training: false }) as Tensor);
}
