import { Sin, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Sin: sin x. */
export const sinConfig: KernelConfig = unaryKernel(Sin);
