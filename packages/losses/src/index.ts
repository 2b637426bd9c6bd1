/**
 * @strata-ml/losses — Keras's losses: pure per-sample functions plus thin classes that add a name and a
 * reduction, and `getLoss` to resolve them by name.
 */
export { EPSILON } from './constants';
export { LOSS_OPTION_KEYS, Loss } from './loss';
export type { LossArgs, LossFn } from './loss';
export { LossFunctionWrapper } from './loss-function-wrapper';
export type { LossFunctionWrapperArgs } from './loss-function-wrapper';
export { reduceWeightedValues, standardizeReduction } from './reduction';
export type { Reduction, ReductionIdentifier } from './reduction';
export { squeezeOrExpandToSameRank } from './same-rank';
export { MeanSquaredError, meanSquaredError } from './mean-squared-error';
export type { MeanSquaredErrorArgs } from './mean-squared-error';
export { MeanAbsoluteError, meanAbsoluteError } from './mean-absolute-error';
export type { MeanAbsoluteErrorArgs } from './mean-absolute-error';
export { MeanAbsolutePercentageError, meanAbsolutePercentageError } from './mean-absolute-percentage-error';
export type { MeanAbsolutePercentageErrorArgs } from './mean-absolute-percentage-error';
export { MeanSquaredLogarithmicError, meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
export type { MeanSquaredLogarithmicErrorArgs } from './mean-squared-logarithmic-error';
export { CategoricalCrossentropy, categoricalCrossentropy, logProbabilities } from './categorical-crossentropy';
export type { CategoricalCrossentropyArgs, CategoricalCrossentropyOptions } from './categorical-crossentropy';
export { SparseCategoricalCrossentropy, sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';
export type { SparseCategoricalCrossentropyArgs, SparseCategoricalCrossentropyOptions } from './sparse-categorical-crossentropy';
export { BinaryCrossentropy, binaryCrossentropy, binaryCrossentropyElementwise } from './binary-crossentropy';
export type { BinaryCrossentropyArgs, BinaryCrossentropyOptions } from './binary-crossentropy';
export { Hinge, hinge, convertBinaryLabelsToHinge } from './hinge';
export type { HingeArgs } from './hinge';
export { CategoricalHinge, categoricalHinge } from './categorical-hinge';
export type { CategoricalHingeArgs } from './categorical-hinge';
export { KLDivergence, klDivergence } from './kl-divergence';
export type { KLDivergenceArgs } from './kl-divergence';
export { Huber, huber } from './huber';
export type { HuberArgs, HuberOptions } from './huber';
export { checkSparseLabels } from './check-sparse-labels';
export { getLoss, lossNames } from './get-loss';
export type { SerializedLoss } from './get-loss';
