import { Ceil, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Ceil: ⌈x⌉. */
export const ceilConfig: KernelConfig = unaryKernel(Ceil);
