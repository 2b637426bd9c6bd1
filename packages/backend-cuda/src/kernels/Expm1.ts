import { Expm1, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Expm1: eˣ − 1, accurate near 0. */
export const expm1Config: KernelConfig = unaryKernel(Expm1);
