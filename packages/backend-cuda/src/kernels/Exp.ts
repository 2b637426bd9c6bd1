import { Exp, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Exp: eˣ. */
export const expConfig: KernelConfig = unaryKernel(Exp);
