import { Softplus, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Softplus: ln(1 + eˣ), computed without overflow. */
export const softplusConfig: KernelConfig = unaryKernel(Softplus);
