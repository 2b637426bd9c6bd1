import { GreaterEqual, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** GreaterEqual: a ≥ b as bool, with broadcasting. */
export const greaterEqualConfig: KernelConfig = binaryKernel(GreaterEqual, 'bool');
