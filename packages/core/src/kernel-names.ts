/**
 * Names of Strata's own kernels: fused steps that a backend may provide. Layers and optimizers run a
 * kernel by name when the current backend registers it and fall back to plain ops otherwise, so the names
 * live here, where both sides can see them.
 */

/** One Adam step for one variable: inputs `variable`, `gradient`, `m`, `v`; outputs the new `[variable, m, v]`. */
export const StrataAdamUpdate = 'StrataAdamUpdate';

/** One SGD (optionally Nesterov momentum) step for one variable: inputs `variable`, `gradient`, `m`. */
export const StrataSGDUpdate = 'StrataSGDUpdate';

/** An inverted-dropout mask (0 or `1 / (1 - rate)`) drawn from a seed: attributes `shape`, `rate`, `seed`. */
export const StrataDropoutMask = 'StrataDropoutMask';

/**
 * All states of a tanh SimpleRNN over a whole sequence, `h_t = tanh(inputs_t + h_{t-1} · recurrentKernel)`:
 * inputs `inputs` (`[time, batch, units]`, every step's input product with its bias), `recurrentKernel`
 * (`[units, units]`) and `initialState` (`[batch, units]`); output the states `[time, batch, units]`.
 */
export const StrataSimpleRNN = 'StrataSimpleRNN';

/**
 * The gradient of {@link StrataSimpleRNN}: inputs `dStates` (the gradient of all its states), `states` (its
 * output), `recurrentKernel` and `initialState`; outputs the gradients `[dInputs, dRecurrentKernel, dInitialState]`.
 */
export const StrataSimpleRNNGrad = 'StrataSimpleRNNGrad';
