import { Tan, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Tan: tan x. */
export const tanConfig: KernelConfig = unaryKernel(Tan);
