import { Mod, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Mod: a mod b, with the sign of b, with broadcasting. */
export const modConfig: KernelConfig = binaryKernel(Mod);
