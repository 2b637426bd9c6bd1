import { EluGrad, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** EluGrad: dy where the elu output y ≥ 0, dy·(y + 1) below (since elu'(x) = eˣ = y + 1 there). */
export const eluGradConfig: KernelConfig = binaryKernel(EluGrad, 'same', ['dy', 'y']);
