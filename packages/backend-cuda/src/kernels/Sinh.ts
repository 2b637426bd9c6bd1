import { Sinh, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Sinh: sinh x. */
export const sinhConfig: KernelConfig = unaryKernel(Sinh);
