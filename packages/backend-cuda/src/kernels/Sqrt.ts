import { Sqrt, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Sqrt: √x. */
export const sqrtConfig: KernelConfig = unaryKernel(Sqrt);
