import { Selu, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Selu: scale·x for x ≥ 0, scale·alpha·(eˣ − 1) below (Klambauer et al., 2017). */
export const seluConfig: KernelConfig = unaryKernel(Selu);
