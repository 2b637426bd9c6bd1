import { tf, Tensor, StrataSimpleRNN, StrataSimpleRNNGrad } from '@strata-ml/core';

/**
 * Whether the current backend runs a whole tanh SimpleRNN sequence as one kernel (`StrataSimpleRNN`, with
 * `StrataSimpleRNNGrad` for its gradient), as `@strata-ml/backend-wasm` does.
 */
export function hasSimpleRNNKernels(): boolean {
  const backend = tf.getBackend();
  return tf.getKernel(StrataSimpleRNN, backend) !== undefined && tf.getKernel(StrataSimpleRNNGrad, backend) !== undefined;
}

/**
 * The gradient of `StrataSimpleRNN`: all three input gradients from one backward kernel call. Registered on
 * first use rather than at import, so that importing the layers has no effect on tfjs-core's registry.
 */
function registerSimpleRNNGradient(): void {
  if (tf.getGradient(StrataSimpleRNN) !== undefined) return;
  tf.registerGradient({
    kernelName: StrataSimpleRNN,
    inputsToSave: ['recurrentKernel', 'initialState'],
    outputsToSave: [true],
    gradFunc: (dy, saved) => {
      const [recurrentKernel, initialState, states] = saved as [Tensor, Tensor, Tensor];
      const dStates = dy as Tensor;
      const [dInputs, dKernel, dh0] = tf.engine().runKernel(StrataSimpleRNNGrad, { dStates, states, recurrentKernel, initialState }) as Tensor[];
      return { inputs: () => dInputs as Tensor, recurrentKernel: () => dKernel as Tensor, initialState: () => dh0 as Tensor };
    },
  });
}

/**
 * All states `[time, batch, units]` of a tanh SimpleRNN, `h_t = tanh(inputs_t + h_{t−1} · recurrentKernel)`,
 * in one kernel call, differentiable with respect to all three operands. `inputs` (`[time, batch, units]`)
 * holds every step's input product and bias, in the order the steps run; `initialState` is `[batch, units]`.
 * Only where {@link hasSimpleRNNKernels}.
 */
export function simpleRNNSequence(inputs: Tensor, recurrentKernel: Tensor, initialState: Tensor): Tensor {
  registerSimpleRNNGradient();
  return tf.engine().runKernel(StrataSimpleRNN, { inputs, recurrentKernel, initialState }) as Tensor;
}
