import { Asin, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Asin: arcsin x. */
export const asinConfig: KernelConfig = unaryKernel(Asin);
