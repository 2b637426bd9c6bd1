import { Acos, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Acos: arccos x. */
export const acosConfig: KernelConfig = unaryKernel(Acos);
