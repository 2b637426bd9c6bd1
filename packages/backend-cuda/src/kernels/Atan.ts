import { Atan, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Atan: arctan x. */
export const atanConfig: KernelConfig = unaryKernel(Atan);
