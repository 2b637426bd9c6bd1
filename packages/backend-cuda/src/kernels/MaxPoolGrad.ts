import { MaxPoolGrad, type KernelConfig } from '@tensorflow/tfjs-core';
import { poolGradKernel } from '../kernel-families/pool';

/** MaxPoolGrad: routes dy to the first maximum of each window. */
export const maxPoolGradConfig: KernelConfig = poolGradKernel(MaxPoolGrad, 'max');
