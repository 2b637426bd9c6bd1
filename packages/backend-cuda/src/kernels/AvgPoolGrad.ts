import { AvgPoolGrad, type KernelConfig } from '@tensorflow/tfjs-core';
import { poolGradKernel } from '../kernel-families/pool';

/** AvgPoolGrad: spreads dy evenly over each window’s pixels. */
export const avgPoolGradConfig: KernelConfig = poolGradKernel(AvgPoolGrad, 'avg');
