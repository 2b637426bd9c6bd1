/**
 * `strata.utils`, as `keras.utils`: label encoding, seeding and model plotting helpers gathered in one place.
 */
export { toCategorical, setRandomSeed } from '@strata-ml/core';
export { plotModel, modelToDot } from '@strata-ml/models';
export type { PlotModelArgs, ModelToDotArgs } from '@strata-ml/models';
