import { IsNan, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** IsNan: whether x is NaN (bool). */
export const isNanConfig: KernelConfig = unaryKernel(IsNan, { outputDtype: 'bool' });
