import { IsFinite, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** IsFinite: whether x is finite (bool). */
export const isFiniteConfig: KernelConfig = unaryKernel(IsFinite, { outputDtype: 'bool' });
