/**
 * StrataSimpleRNN: all states of a tanh SimpleRNN over a whole sequence in one kernel call,
 * `h_t = tanh(inputs_t + h_{t-1} · recurrentKernel)`, where `inputs` holds every step's input product and
 * bias (`[time, batch, units]`, computed by the layer as one product). Per time step the plain ops path
 * runs a product, a tanh and their gradients as separate kernels, ~25 kernel calls per step of a 28-step
 * sequence in training; here the time loop runs in `native/simple_rnn.c`. `SimpleRNN` in `@strata-ml/layers`
 * takes this path when its configuration allows and the backend registers the kernel; its gradient is
 * `StrataSimpleRNNGrad`.
 *
 * Inputs `inputs`, `recurrentKernel` (`[units, units]`), `initialState` (`[batch, units]`); output the
 * states `[time, batch, units]`. With several threads, each step's rows are split over them
 * (`StrataSimpleRNNThreads.ts`).
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { StrataSimpleRNN } from '@strata-ml/core';
import { input } from '../kernel-args';
import { nativeKernels } from '../native-kernels';
import { asWasmBackend, f32, memoryOffset } from '../wasm-backend';
import { simpleRNNForward, simpleRNNSizes } from './StrataSimpleRNNReference';
import { sequenceThreads, threadedForward } from './StrataSimpleRNNThreads';

/** The states of the sequence; see the file comment. */
export const strataSimpleRNN: KernelFunc = ({ inputs, backend }): TensorInfo => {
  const name = StrataSimpleRNN;
  const wasm = asWasmBackend(backend, name);
  const x = input(name, inputs, 'inputs');
  const kernel = input(name, inputs, 'recurrentKernel');
  const h0 = input(name, inputs, 'initialState');
  const sizes = simpleRNNSizes(name, 'inputs', x, kernel, h0);
  const native = nativeKernels(wasm);
  const out = wasm.makeOutput(x.shape, 'float32');
  if (native === null) {
    simpleRNNForward(sizes, f32(wasm, x), f32(wasm, kernel), f32(wasm, h0), f32(wasm, out));
    return out;
  }
  const at = (t: TensorInfo): number => memoryOffset(wasm, t);
  const threads = sequenceThreads(native, sizes);
  if (threads !== null) {
    threadedForward(native, threads, sizes, { inputs: at(x), kernel: at(kernel), h0: at(h0), states: at(out) });
  } else {
    const scratch = native.scratch(4 * native.exports.simple_rnn_forward_scratch_floats(sizes.units));
    native.exports.simple_rnn_forward(sizes.steps, sizes.batch, sizes.units, at(x), at(kernel), at(h0), at(out), scratch);
  }
  return out;
};

/** Registration of `strataSimpleRNN` for the wasm backend. */
export const strataSimpleRNNConfig: KernelConfig = { kernelName: StrataSimpleRNN, backendName: 'wasm', kernelFunc: strataSimpleRNN };
