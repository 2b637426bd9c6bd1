/**
 * StrataSimpleRNNGrad: the gradients of `StrataSimpleRNN` (see `StrataSimpleRNN.ts`) over the whole
 * sequence in one call, back through time in `native/simple_rnn.c`.
 *
 * Inputs `dStates` (the gradient of every state, `[time, batch, units]`; zero at every step but the last
 * when the layer returns only the last state), `states` (the forward kernel's output), `recurrentKernel`
 * and `initialState`; outputs `[dInputs, dRecurrentKernel, dInitialState]`, shaped as `inputs`,
 * `recurrentKernel` and `initialState`. With several threads, each step's rows and the rows of the
 * recurrent kernel's gradient are split over them (`StrataSimpleRNNThreads.ts`).
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { StrataSimpleRNNGrad } from '@strata-ml/core';
import { input } from '../kernel-args';
import { nativeKernels } from '../native-kernels';
import { asWasmBackend, f32, memoryOffset } from '../wasm-backend';
import { simpleRNNBackward, simpleRNNSizes } from './StrataSimpleRNNReference';
import { sequenceThreads, threadedBackward } from './StrataSimpleRNNThreads';

/** The three gradients; see the file comment. */
export const strataSimpleRNNGrad: KernelFunc = ({ inputs, backend }): TensorInfo[] => {
  const name = StrataSimpleRNNGrad;
  const wasm = asWasmBackend(backend, name);
  const dStates = input(name, inputs, 'dStates');
  const states = input(name, inputs, 'states');
  const kernel = input(name, inputs, 'recurrentKernel');
  const h0 = input(name, inputs, 'initialState');
  const sizes = simpleRNNSizes(name, 'dStates', dStates, kernel, h0, { states });
  const native = nativeKernels(wasm);
  const dInputs = wasm.makeOutput(dStates.shape, 'float32');
  const dKernel = wasm.makeOutput(kernel.shape, 'float32');
  const dh0 = wasm.makeOutput(h0.shape, 'float32');
  if (native === null) {
    simpleRNNBackward(sizes, f32(wasm, dStates), f32(wasm, states), f32(wasm, kernel), f32(wasm, h0), f32(wasm, dInputs), f32(wasm, dKernel), f32(wasm, dh0));
    return [dInputs, dKernel, dh0];
  }
  const at = (t: TensorInfo): number => memoryOffset(wasm, t);
  const threads = sequenceThreads(native, sizes);
  if (threads !== null) {
    threadedBackward(native, threads, sizes, {
      dStates: at(dStates), states: at(states), kernel: at(kernel), h0: at(h0), dInputs: at(dInputs), dKernel: at(dKernel), dh0: at(dh0),
    });
  } else {
    const scratch = native.scratch(4 * native.exports.simple_rnn_backward_scratch_floats(sizes.units));
    native.exports.simple_rnn_backward(
      sizes.steps, sizes.batch, sizes.units, at(dStates), at(states), at(kernel), at(h0), at(dInputs), at(dKernel), at(dh0), scratch,
    );
  }
  return [dInputs, dKernel, dh0];
};

/** Registration of `strataSimpleRNNGrad` for the wasm backend. */
export const strataSimpleRNNGradConfig: KernelConfig = { kernelName: StrataSimpleRNNGrad, backendName: 'wasm', kernelFunc: strataSimpleRNNGrad };
