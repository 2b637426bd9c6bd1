import { ClipByValue, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** ClipByValue: min(max(x, clipValueMin), clipValueMax). */
export const clipByValueConfig: KernelConfig = unaryKernel(ClipByValue, { params: (attrs) => [Number(attrs['clipValueMin']), Number(attrs['clipValueMax'])], acceptsInt: true });
