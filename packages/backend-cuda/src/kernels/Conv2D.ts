import { Conv2D, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { convGeometry, runConv2D } from '../kernel-families/conv';
import { conv2dInfo } from '../kernel-families/conv-info';
import { requireInput } from '../kernel-inputs';

/** Conv2D (NHWC): im2col then one cuBLAS GEMM with the filter as a [fh·fw·inC, outC] matrix. */
export const conv2DConfig: KernelConfig = {
  kernelName: Conv2D,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(Conv2D, inputs, 'x');
    const filter = requireInput(Conv2D, inputs, 'filter');
    const g = convGeometry(Conv2D, conv2dInfo(x.shape, filter.shape, attrs ?? {}));
    return runConv2D(backend as CudaBackend, Conv2D, x, filter, g);
  },
};
