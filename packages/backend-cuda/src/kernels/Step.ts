import { Step, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Step: 1 for x > 0, alpha otherwise (the derivative of relu when alpha = 0). */
export const stepConfig: KernelConfig = unaryKernel(Step, { params: (attrs) => [Number(attrs['alpha'] ?? 0), 0] });
