/**
 * The option lists of the model API: the constructors of `Model` and `Sequential`, and `fit`, `evaluate`
 * and `predict`. Kept apart from the classes so that each list sits in one place, checked by the compiler
 * against its interface.
 */
import { defineOptions, type LegacyOptions, notSupportedYet } from '@strata-ml/core';
import type { EvaluateArgs, FitArgs, ModelArgs, PredictArgs } from '../model';
import type { SequentialArgs } from '../sequential';

/** Options of Keras 3's `fit` that Strata does not implement, refused by name rather than guessed at. */
const FIT_LEGACY: LegacyOptions = {
  refused: {
    sampleWeight: notSupportedYet('sampleWeight', 'sample_weight'),
    classWeight: notSupportedYet('classWeight', 'class_weight'),
    stepsPerEpoch: notSupportedYet('stepsPerEpoch', 'steps_per_epoch'),
    validationSteps: notSupportedYet('validationSteps', 'validation_steps'),
    validationFreq: notSupportedYet('validationFreq', 'validation_freq'),
    nbEpoch: "option 'nbEpoch' (Keras 1) was renamed 'epochs'; use 'epochs'",
  },
};

/** The options of `new Model({ inputs, outputs })`. */
export const MODEL_OPTIONS = defineOptions<ModelArgs>('Model', { name: true, trainable: true, inputs: true, outputs: true });

/** The options of `new Sequential(…)`. */
export const SEQUENTIAL_OPTIONS = defineOptions<SequentialArgs>('Sequential', { name: true, trainable: true, layers: true });

/** The options of `model.fit`. */
export const FIT_OPTIONS = defineOptions<FitArgs>(
  'fit',
  {
    epochs: true,
    batchSize: true,
    verbose: true,
    callbacks: true,
    validationSplit: true,
    validationData: true,
    validationBatchSize: true,
    shuffle: true,
    initialEpoch: true,
  },
  FIT_LEGACY,
);

/** The options of `model.evaluate` (and `evaluateDict`). */
export const EVALUATE_OPTIONS = defineOptions<EvaluateArgs>('evaluate', { batchSize: true, verbose: true, callbacks: true }, {
  refused: { sampleWeight: notSupportedYet('sampleWeight', 'sample_weight'), steps: notSupportedYet('steps', 'steps') },
});

/** The options of `model.predict`. */
export const PREDICT_OPTIONS = defineOptions<PredictArgs>('predict', { batchSize: true, verbose: true, callbacks: true }, {
  refused: { steps: notSupportedYet('steps', 'steps') },
});
