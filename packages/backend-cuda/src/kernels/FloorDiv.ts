import { FloorDiv, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** FloorDiv: ⌊a / b⌋ as int32 (tfjs-core's output dtype, whatever the inputs), with broadcasting. */
export const floorDivConfig: KernelConfig = binaryKernel(FloorDiv, 'int32');
