/**
 * StrataSGDUpdate: one step of stochastic gradient descent with (Nesterov) momentum for one variable in a
 * single pass over the wasm heap, instead of the three to six elementwise kernels of the optimizer's ops.
 * The optimizers in `@strata-ml/optimizers` run it whenever it is registered for the current backend.
 *
 * Inputs `variable`, `gradient`, `m` (float32, same shape); attributes `learningRate`, `momentum`,
 * `nesterov` (0 or 1). Outputs, new tensors: `[variable, m]` after `m' = momentum·m - lr·g`, then
 * `variable' = variable + m'`, or with Nesterov `variable' = variable + momentum·m' - lr·g`. With momentum
 * 0 pass any `m` of the variable's shape (the variable itself will do) and ignore the second output.
 */
import { StrataSGDUpdate } from '@strata-ml/core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { numberAttr } from '../kernel-args';
import { asWasmBackend, f32 } from '../wasm-backend';
import { sameShapeFloatInputs } from './StrataAdamUpdate';

/** The SGD update; see the file comment. */
export const strataSGDUpdate: KernelFunc = ({ inputs, backend, attrs }): TensorInfo[] => {
  const name = StrataSGDUpdate;
  const wasm = asWasmBackend(backend, name);
  const [variable, gradient, m] = sameShapeFloatInputs(name, inputs, ['variable', 'gradient', 'm']) as [TensorInfo, TensorInfo, TensorInfo];
  const lr = numberAttr(name, attrs, 'learningRate');
  const momentum = numberAttr(name, attrs, 'momentum');
  const nesterov = numberAttr(name, attrs, 'nesterov') !== 0;
  const outVar = wasm.makeOutput(variable.shape, 'float32');
  const outM = wasm.makeOutput(variable.shape, 'float32');
  const w = f32(wasm, variable);
  const g = f32(wasm, gradient);
  const m0 = f32(wasm, m);
  const w1 = f32(wasm, outVar);
  const m1 = f32(wasm, outM);
  for (let i = 0; i < w.length; i++) {
    const step = lr * (g[i] as number);
    const mNew = momentum * (m0[i] as number) - step;
    m1[i] = mNew;
    w1[i] = (w[i] as number) + (nesterov ? momentum * mNew - step : mNew);
  }
  return [outVar, outM];
};

/** Registration of `strataSGDUpdate` for the wasm backend. */
export const strataSGDUpdateConfig: KernelConfig = {
  kernelName: StrataSGDUpdate,
  backendName: 'wasm',
  kernelFunc: strataSGDUpdate,
};
