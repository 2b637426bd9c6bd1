import { Sign, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Sign: −1, 0 or 1. */
export const signConfig: KernelConfig = unaryKernel(Sign, { acceptsInt: true });
