import { Log, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Log: ln x. */
export const logConfig: KernelConfig = unaryKernel(Log);
