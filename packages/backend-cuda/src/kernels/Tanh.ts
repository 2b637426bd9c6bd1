import { Tanh, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Tanh: tanh x. */
export const tanhConfig: KernelConfig = unaryKernel(Tanh);
