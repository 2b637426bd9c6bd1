import { Abs, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Abs: |x|. */
export const absConfig: KernelConfig = unaryKernel(Abs, { acceptsInt: true });
