import { tf, Tensor } from '@strata-ml/core';
import type { LayerVariable } from '@strata-ml/layers';
import type { Loss } from '@strata-ml/losses';
import type { Optimizer } from '@strata-ml/optimizers';
import type { Model } from '../model';
import type { Trackers } from './trackers';

/** What one step needs besides the batch. */
export interface StepContext {
  model: Model;
  /** One loss per model output. */
  losses: Loss[];
  /** One weight per output loss. */
  lossWeights: number[];
  /** The weights training updates (read at compile time, as Keras). */
  trainableWeights: LayerVariable[];
  /** The running loss and metrics. */
  trackers: Trackers;
}

/** The model's outputs for `x` (one tensor per input), always as a list. */
export function runModel(model: Model, x: Tensor[], training: boolean): Tensor[] {
  const out = x.length === 1 ? model.apply(x[0] as Tensor, { training }) : model.apply(x, { training });
  return Array.isArray(out) ? out : [out];
}

/**
 * The loss training minimises, `Σ weightᵢ · lossᵢ(yᵢ, ŷᵢ)` plus every regularization and activity penalty,
 * and the per-output losses it sums.
 */
export function totalLoss(ctx: Pick<StepContext, 'model' | 'losses' | 'lossWeights'>, yTrue: Tensor[], yPred: Tensor[]): { total: tf.Scalar; perOutput: tf.Scalar[] } {
  const perOutput = ctx.losses.map((loss, i) => loss.compute(yTrue[i] as Tensor, yPred[i] as Tensor) as tf.Scalar);
  const terms = perOutput.map((l, i) => (ctx.lossWeights[i] === 1 ? l : tf.mul(l, ctx.lossWeights[i] as number)));
  const penalties = ctx.model.losses;
  const all = [...terms, ...penalties];
  return { total: (all.length === 1 ? all[0] : tf.addN(all)) as tf.Scalar, perOutput };
}

/**
 * One optimisation step on a batch: forward pass in training mode and loss under `tf.variableGrads` over
 * the compiled trainable variables only, `optimizer.applyGradients`, weight constraints, then the trackers.
 * Everything runs inside `tf.tidy`; nothing is read back but, every 4096 batches, the batch losses the
 * trackers held back.
 */
export function trainStep(ctx: StepContext, optimizer: Optimizer, x: Tensor[], y: Tensor[], batchSize: number): void {
  const weights = ctx.trainableWeights;
  const variables = weights.map((w) => w.variable);
  tf.tidy(() => {
    let yPred: Tensor[] = [];
    let perOutput: Tensor[] = [];
    const forward = (): tf.Scalar => {
      const out = runModel(ctx.model, x, true);
      // The gradient scope frees its intermediates; predictions and per-output losses are kept for the trackers.
      yPred = out.map((t) => tf.keep(t));
      const loss = totalLoss(ctx, y, out);
      perOutput = loss.perOutput.map((t) => tf.keep(t));
      return loss.total;
    };
    let value: tf.Scalar;
    if (variables.length > 0) {
      const result = tf.variableGrads(forward, variables);
      value = result.value;
      // A weight the loss does not depend on gets no gradient, and no update (Keras warns and skips it).
      const pairs = variables.flatMap((v) => (result.grads[v.name] ? [[result.grads[v.name] as Tensor, v] as const] : []));
      optimizer.applyGradients(pairs);
    } else {
      value = forward();
    }
    ctx.trackers.update(value, perOutput, y, yPred, batchSize);
    tf.dispose([...yPred, ...perOutput]);
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

/** One evaluation step: forward pass in inference mode, then the trackers. */
export function testStep(ctx: StepContext, x: Tensor[], y: Tensor[], batchSize: number): void {
  tf.tidy(() => {
    const yPred = runModel(ctx.model, x, false);
    const loss = totalLoss(ctx, y, yPred);
    ctx.trackers.update(loss.total, loss.perOutput, y, yPred, batchSize);
  });
}

/** One prediction step: the model's outputs in inference mode, owned by the caller. */
export function predictStep(model: Model, x: Tensor[]): Tensor[] {
  return tf.tidy(() => runModel(model, x, false));
}
