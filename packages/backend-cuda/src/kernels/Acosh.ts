import { Acosh, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Acosh: arcosh x. */
export const acoshConfig: KernelConfig = unaryKernel(Acosh);
