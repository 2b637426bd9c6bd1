import { IsInf, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** IsInf: whether x is ±∞ (bool). */
export const isInfConfig: KernelConfig = unaryKernel(IsInf, { outputDtype: 'bool' });
