import { Conv2DBackpropInput, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { convGeometry, runConv2DBackpropInput } from '../kernel-families/conv';
import { conv2dInfo } from '../kernel-families/conv-info';
import { requireInput } from '../kernel-inputs';

/** Conv2DBackpropInput: dx = col2im(dy · Wᵀ). */
export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const dy = requireInput(Conv2DBackpropInput, inputs, 'dy');
    const filter = requireInput(Conv2DBackpropInput, inputs, 'filter');
    const g = convGeometry(Conv2DBackpropInput, conv2dInfo(attrs?.['inputShape'] as number[], filter.shape, { ...attrs, dilations: 1 }));
    return runConv2DBackpropInput(backend as CudaBackend, Conv2DBackpropInput, dy, filter, g);
  },
};
