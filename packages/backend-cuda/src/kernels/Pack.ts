import { Pack, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { inputList } from '../kernel-inputs';
import { runConcat } from './Concat';

/** Pack (stack): same-shape inputs joined along a new axis. */
export const packConfig: KernelConfig = {
  kernelName: Pack,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const tensors = inputList(inputs);
    const rank = (tensors[0]?.shape.length ?? 0) + 1;
    const raw = Number(attrs?.['axis'] ?? 0);
    const axis = raw < 0 ? raw + rank : raw;
    const expanded = tensors.map((t) => {
      const shape = [...t.shape];
      shape.splice(axis, 0, 1);
      return { ...t, shape };
    });
    return runConcat(backend as CudaBackend, Pack, expanded, axis);
  },
};
