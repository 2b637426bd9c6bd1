import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { StrataApplyRmsprop } from '../custom-kernels';
import { optionalInput, requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** StrataApplyRmsprop: the new variable and slots of one RMSprop step, by one kernel. */
export const strataApplyRmspropConfig: KernelConfig = {
  kernelName: StrataApplyRmsprop,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const variable = requireInput(StrataApplyRmsprop, inputs, 'variable');
    const ms = requireInput(StrataApplyRmsprop, inputs, 'ms');
    const gradient = requireInput(StrataApplyRmsprop, inputs, 'gradient');
    const mom = optionalInput(inputs, 'mom');
    const mg = optionalInput(inputs, 'mg');
    const make = (t: TensorInfo | undefined) => (t ? backend.makeOutput([...t.shape], 'float32') : undefined);
    const newVar = backend.makeOutput([...variable.shape], 'float32');
    const newMs = backend.makeOutput([...ms.shape], 'float32');
    const newMom = make(mom);
    const newMg = make(mg);
    const at = (t: TensorInfo | undefined) => (t ? backend.address(t) : 0);
    const a = attrs ?? {};
    backend.native.applyRmsprop(
      backend.context(StrataApplyRmsprop, variable, ms, gradient),
      at(variable),
      at(ms),
      at(mom),
      at(mg),
      at(gradient),
      at(newVar),
      at(newMs),
      at(newMom),
      at(newMg),
      sizeOf(variable.shape),
      Number(a['learningRate']),
      Number(a['rho']),
      Number(a['momentum'] ?? 0),
      Number(a['epsilon']),
      mg ? 1 : 0,
    );
    return [newVar, newMs, ...(newMom ? [newMom] : []), ...(newMg ? [newMg] : [])];
  },
};
