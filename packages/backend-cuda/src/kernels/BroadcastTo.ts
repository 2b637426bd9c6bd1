import { BroadcastTo, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { runCopy } from '../kernel-families/copy';
import { requireInput } from '../kernel-inputs';
import { broadcastToView } from '../strided-view';

/** BroadcastTo: x repeated along its size-1 (and missing leading) axes to `shape`. */
export const broadcastToConfig: KernelConfig = {
  kernelName: BroadcastTo,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(BroadcastTo, inputs, 'x');
    return runCopy(backend as CudaBackend, BroadcastTo, x, broadcastToView(x.shape, attrs?.['shape'] as number[]));
  },
};
