import { LeakyRelu, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** LeakyRelu: x for x ≥ 0, alpha·x below. */
export const leakyReluConfig: KernelConfig = unaryKernel(LeakyRelu, { params: (attrs) => [Number(attrs['alpha']), 0] });
