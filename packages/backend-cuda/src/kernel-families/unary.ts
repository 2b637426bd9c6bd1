/** Elementwise unary kernels: one native launcher, the op chosen by name (native/op_codes.h). */
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { sizeOf } from '../strides';

/** How a unary kernel reads its scalar parameters and which dtypes it takes. */
export interface UnaryKernelArgs {
  /** The op's alpha and beta from the kernel's attrs (LeakyRelu's alpha, ClipByValue's bounds). */
  readonly params?: (attrs: NamedAttrMap) => readonly [number, number];
  /** Whether int32 inputs are accepted (Neg, Abs, …); float-only ops reject them with a message. */
  readonly acceptsInt?: boolean;
  /** The output dtype when it differs from the input's (IsNan → bool). */
  readonly outputDtype?: 'bool';
}

/** Runs unary op `op` (a name from native/op_codes.h) on `x` into a new tensor. */
export function runUnary(backend: CudaBackend, kernel: string, op: string, x: TensorInfo, alpha = 0, beta = 0, outputDtype = x.dtype): TensorInfo {
  const code = backend.codes.unary[op];
  if (code === undefined) throw new BackendError(`${kernel}: the cuda addon has no unary op '${op}'`);
  const y = backend.makeOutput([...x.shape], outputDtype);
  backend.native.unary(backend.context(kernel, x), code, backend.dtypeCode(x.dtype, kernel), backend.address(x), backend.address(y), sizeOf(x.shape), alpha, beta);
  return y;
}

/** The KernelConfig of unary kernel `kernelName`, whose native op has the same name. */
export function unaryKernel(kernelName: string, args: UnaryKernelArgs = {}): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const x = inputs['x'];
    if (x === undefined) throw new BackendError(`${kernelName}: input x is missing`);
    if (x.dtype !== 'float32' && !args.acceptsInt) {
      throw new BackendError(`${kernelName}: the cuda backend supports float32 input only; received dtype '${x.dtype}'`);
    }
    const [alpha, beta] = args.params ? args.params(attrs ?? {}) : [0, 0];
    return runUnary(backend as CudaBackend, kernelName, kernelName, x, alpha, beta, args.outputDtype ?? x.dtype);
  };
  return { kernelName, backendName: 'cuda', kernelFunc };
}
