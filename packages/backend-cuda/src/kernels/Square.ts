import { Square, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Square: x². */
export const squareConfig: KernelConfig = unaryKernel(Square, { acceptsInt: true });
