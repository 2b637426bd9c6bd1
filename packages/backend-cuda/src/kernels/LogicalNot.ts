import { LogicalNot, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** LogicalNot: ¬x on bool. */
export const logicalNotConfig: KernelConfig = unaryKernel(LogicalNot, { acceptsInt: true });
