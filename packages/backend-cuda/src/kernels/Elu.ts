import { Elu, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Elu: x for x ≥ 0, eˣ − 1 below. */
export const eluConfig: KernelConfig = unaryKernel(Elu);
