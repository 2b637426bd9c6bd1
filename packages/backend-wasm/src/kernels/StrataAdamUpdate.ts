/**
 * StrataAdamUpdate: one Adam step for one variable in a single pass over the wasm heap, instead of the
 * dozen elementwise kernels (each a dispatch, an allocation and a full pass) the optimizer's ops take.
 * The optimizers in `@strata-ml/optimizers` run it whenever it is registered for the current backend. The
 * loop is native (`native/adam_update.c`), JavaScript where WebAssembly SIMD is missing.
 *
 * Inputs `variable`, `gradient`, `m`, `v` (float32, same shape); attributes `alpha` (the step size with
 * both bias corrections folded in, `lr·√(1 - β2^t)/(1 - β1^t)`), `beta1`, `beta2`, `epsilon`. Outputs, new
 * tensors: `[variable, m, v]` after
 * `m' = m + (g - m)(1 - β1)`, `v' = v + (g² - v)(1 - β2)`, `variable' = variable - alpha·m'/(√v' + ε)`.
 */
import { util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument, shapeMismatch, StrataAdamUpdate } from '@strata-ml/core';
import { input, numberAttr } from '../kernel-args';
import { nativeKernels } from '../native-kernels';
import { asWasmBackend, f32, memoryOffset } from '../wasm-backend';

/** Checks that every input is float32 with the variable's shape; returns the inputs in order. */
export function sameShapeFloatInputs(kernelName: string, inputs: Parameters<KernelFunc>[0]['inputs'], names: readonly string[]): TensorInfo[] {
  const tensors = names.map((n) => input(kernelName, inputs, n));
  const first = tensors[0] as TensorInfo;
  tensors.forEach((t, i) => {
    if (t.dtype !== 'float32') throw invalidArgument(kernelName, names[i] as string, 'a float32 tensor', `dtype ${t.dtype}`);
    if (t.shape.length !== first.shape.length || t.shape.some((d, j) => d !== first.shape[j])) {
      throw shapeMismatch(kernelName, names[i] as string, `the variable's shape [${first.shape.join(', ')}]`, t.shape);
    }
  });
  return tensors;
}

/** The Adam update; see the file comment. */
export const strataAdamUpdate: KernelFunc = ({ inputs, backend, attrs }): TensorInfo[] => {
  const name = StrataAdamUpdate;
  const wasm = asWasmBackend(backend, name);
  const [variable, gradient, m, v] = sameShapeFloatInputs(name, inputs, ['variable', 'gradient', 'm', 'v']) as [TensorInfo, TensorInfo, TensorInfo, TensorInfo];
  const alpha = numberAttr(name, attrs, 'alpha');
  const beta1 = numberAttr(name, attrs, 'beta1');
  const beta2 = numberAttr(name, attrs, 'beta2');
  const epsilon = numberAttr(name, attrs, 'epsilon');
  const outVar = wasm.makeOutput(variable.shape, 'float32');
  const outM = wasm.makeOutput(variable.shape, 'float32');
  const outV = wasm.makeOutput(variable.shape, 'float32');
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  const size = util.sizeFromShape(variable.shape);
  const native = nativeKernels(wasm);
  if (native !== null) {
    const at = (t: TensorInfo): number => memoryOffset(wasm, t);
    native.exports.adam_update(at(variable), at(gradient), at(m), at(v), at(outVar), at(outM), at(outV), size, alpha, c1, c2, epsilon);
    return [outVar, outM, outV];
  }
  // Views are taken after every allocation: an allocation may grow (and so replace) the heap.
  const w = f32(wasm, variable);
  const g = f32(wasm, gradient);
  const m0 = f32(wasm, m);
  const v0 = f32(wasm, v);
  const w1 = f32(wasm, outVar);
  const m1 = f32(wasm, outM);
  const v1 = f32(wasm, outV);
  for (let i = 0; i < size; i++) {
    const gi = g[i] as number;
    const mi = m0[i] as number;
    const vi = v0[i] as number;
    const mNew = mi + (gi - mi) * c1;
    const vNew = vi + (gi * gi - vi) * c2;
    m1[i] = mNew;
    v1[i] = vNew;
    w1[i] = (w[i] as number) - (alpha * mNew) / (Math.sqrt(vNew) + epsilon);
  }
  return [outVar, outM, outV];
};

/** Registration of `strataAdamUpdate` for the wasm backend. */
export const strataAdamUpdateConfig: KernelConfig = {
  kernelName: StrataAdamUpdate,
  backendName: 'wasm',
  kernelFunc: strataAdamUpdate,
};
