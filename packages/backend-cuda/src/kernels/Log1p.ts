import { Log1p, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Log1p: ln(1 + x), accurate near 0. */
export const log1pConfig: KernelConfig = unaryKernel(Log1p);
