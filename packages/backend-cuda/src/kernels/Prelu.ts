import { Prelu, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Prelu: x for x ≥ 0, alpha·x below, alpha broadcast against x. */
export const preluConfig: KernelConfig = binaryKernel(Prelu, 'same', ['x', 'alpha']);
