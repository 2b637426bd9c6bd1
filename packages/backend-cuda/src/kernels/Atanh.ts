import { Atanh, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Atanh: artanh x. */
export const atanhConfig: KernelConfig = unaryKernel(Atanh);
