import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { StrataApplySgd } from '../custom-kernels';
import { optionalInput, requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** StrataApplySgd: the new variable (and velocity, with momentum) of one SGD step, by one kernel. */
export const strataApplySgdConfig: KernelConfig = {
  kernelName: StrataApplySgd,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const variable = requireInput(StrataApplySgd, inputs, 'variable');
    const gradient = requireInput(StrataApplySgd, inputs, 'gradient');
    const velocity = optionalInput(inputs, 'velocity');
    const newVar = backend.makeOutput([...variable.shape], 'float32');
    const newVelocity = velocity ? backend.makeOutput([...velocity.shape], 'float32') : undefined;
    const a = attrs ?? {};
    backend.native.applySgd(
      backend.context(StrataApplySgd, variable, gradient),
      backend.address(variable),
      velocity ? backend.address(velocity) : 0,
      backend.address(gradient),
      backend.address(newVar),
      newVelocity ? backend.address(newVelocity) : 0,
      sizeOf(variable.shape),
      Number(a['learningRate']),
      Number(a['momentum'] ?? 0),
      a['nesterov'] ? 1 : 0,
    );
    const outputs: TensorInfo[] = [newVar];
    if (newVelocity) outputs.push(newVelocity);
    return outputs;
  },
};
