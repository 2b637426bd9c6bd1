/** MaxPool / AvgPool and their gradients (NHWC), sharing one geometry with the convolutions. */
import { backend_util, type KernelConfig, type KernelFunc, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { convGeometry } from './conv';

type PoolKind = 'max' | 'avg';

/** The pooling geometry of `xShape` under the kernel's attrs (channels pass through: outC = inC). */
export function poolGeometry(kernel: string, xShape: number[], attrs: NamedAttrMap) {
  const info = backend_util.computePool2DInfo(
    xShape as [number, number, number, number],
    attrs['filterSize'] as [number, number] | number,
    attrs['strides'] as [number, number] | number,
    1,
    attrs['pad'] as 'valid' | 'same' | number,
    attrs['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
  );
  return convGeometry(kernel, info);
}

function requireInput(kernel: string, inputs: Record<string, TensorInfo | undefined>, name: string): TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw new BackendError(`${kernel}: input ${name} is missing`);
  if (t.shape.length !== 4) throw new BackendError(`${kernel}: input ${name} must have rank 4 (NHWC); received shape [${t.shape.join(', ')}]`);
  return t;
}

/** MaxPool or AvgPool. */
export function poolKernel(kernelName: string, kind: PoolKind): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = requireInput(kernelName, inputs, 'x');
    const g = poolGeometry(kernelName, x.shape, attrs ?? {});
    const y = backend.makeOutput([g.batch, g.outH, g.outW, g.inC], 'float32');
    const launch = kind === 'max' ? backend.native.maxPool : backend.native.avgPool;
    launch.call(backend.native, backend.context(kernelName, x), backend.address(x), backend.address(y), g);
    return y;
  };
  return { kernelName, backendName: 'cuda', kernelFunc };
}

/** MaxPoolGrad (inputs dy, input, output) or AvgPoolGrad (inputs dy, input). */
export function poolGradKernel(kernelName: string, kind: PoolKind): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const dy = requireInput(kernelName, inputs, 'dy');
    const x = requireInput(kernelName, inputs, 'input');
    const g = poolGeometry(kernelName, x.shape, attrs ?? {});
    const dx = backend.makeOutput([...x.shape], 'float32');
    const context = backend.context(kernelName, dy, x);
    if (kind === 'max') backend.native.maxPoolGrad(context, backend.address(dy), backend.address(x), backend.address(dx), g);
    else backend.native.avgPoolGrad(context, backend.address(dy), backend.address(dx), g);
    return dx;
  };
  return { kernelName, backendName: 'cuda', kernelFunc };
}
