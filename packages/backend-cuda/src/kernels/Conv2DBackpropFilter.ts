import { Conv2DBackpropFilter, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { convGeometry, runConv2DBackpropFilter } from '../kernel-families/conv';
import { conv2dInfo } from '../kernel-families/conv-info';
import { requireInput } from '../kernel-inputs';

/** Conv2DBackpropFilter: dW = im2col(x)ᵀ · dy. */
export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(Conv2DBackpropFilter, inputs, 'x');
    const dy = requireInput(Conv2DBackpropFilter, inputs, 'dy');
    const g = convGeometry(Conv2DBackpropFilter, conv2dInfo(x.shape, attrs?.['filterShape'] as number[], { ...attrs, dilations: 1 }));
    return runConv2DBackpropFilter(backend as CudaBackend, Conv2DBackpropFilter, x, dy, g);
  },
};
