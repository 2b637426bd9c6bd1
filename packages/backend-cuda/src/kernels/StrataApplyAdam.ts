import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { StrataApplyAdam } from '../custom-kernels';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** StrataApplyAdam: the new variable, m and v of one Adam step, written by one kernel. */
export const strataApplyAdamConfig: KernelConfig = {
  kernelName: StrataApplyAdam,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const variable = requireInput(StrataApplyAdam, inputs, 'variable');
    const m = requireInput(StrataApplyAdam, inputs, 'm');
    const v = requireInput(StrataApplyAdam, inputs, 'v');
    const gradient = requireInput(StrataApplyAdam, inputs, 'gradient');
    const outputs: TensorInfo[] = [variable, m, v].map((t) => backend.makeOutput([...t.shape], 'float32'));
    const [newVar, newM, newV] = outputs as [TensorInfo, TensorInfo, TensorInfo];
    const a = attrs ?? {};
    backend.native.applyAdam(
      backend.context(StrataApplyAdam, variable, m, v, gradient),
      backend.address(variable),
      backend.address(m),
      backend.address(v),
      backend.address(gradient),
      backend.address(newVar),
      backend.address(newM),
      backend.address(newV),
      sizeOf(variable.shape),
      Number(a['learningRate']),
      Number(a['beta1']),
      Number(a['beta2']),
      Number(a['epsilon']),
      Number(a['beta1Power']),
      Number(a['beta2Power']),
    );
    return outputs;
  },
};
