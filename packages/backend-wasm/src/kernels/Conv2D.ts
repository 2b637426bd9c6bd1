/**
 * Conv2D on the wasm backend, replacing tfjs-backend-wasm 4.22's XNNPACK convolution, which Strata's beats
 * on every layer of the benchmark CNN (measured: `[128, 28, 28, 1]` under a 3x3, 1→64 filter 5.4 → 2.5 ms,
 * `[128, 13, 13, 64]` under 64→64 27 → 20 ms). It runs in `native/conv2d_forward.c`, an implicit matrix product
 * `y[positions, co] = windows · W[fh·fw·ci, co]` whose 4x8 WebAssembly SIMD tiles read the input windows
 * in place (no im2col matrix), the filter packed once per call into 8-column panels; with several threads
 * the batch is split over them (`native-conv.ts`). Any stride, dilation and padding ('same', 'valid',
 * explicit); NCHW goes through transposes. Where WebAssembly SIMD is missing, the stock kernel runs.
 */
import { Conv2D, backend_util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '@strata-ml/core';
import { convGeometry, toChannelsLast } from '../conv-geometry';
import { float32Inputs, numbersAttr, padAttr, stringAttr } from '../kernel-args';
import { runNativeConv } from '../native-conv';
import { nativeKernels } from '../native-kernels';
import { runWasmKernel } from '../run-kernel';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** A 2-D convolution of `x` with `filter` (`[fh, fw, inChannels, outChannels]`). */
export const conv2D: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const { inputs, backend, attrs } = args;
  const wasm = asWasmBackend(backend, Conv2D);
  const native = nativeKernels(wasm);
  if (native === null) return stockKernel(Conv2D).kernelFunc(args);
  const [xIn, filter] = float32Inputs(Conv2D, inputs, 'x', 'filter');
  const dataFormat = stringAttr(Conv2D, attrs, 'dataFormat', 'NHWC');
  if (dataFormat !== 'NHWC' && dataFormat !== 'NCHW') throw invalidArgument(Conv2D, 'dataFormat', "'NHWC' or 'NCHW'", dataFormat);
  const g = convGeometry(
    backend_util.computeConv2DInfo(
      xIn.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      numbersAttr(Conv2D, attrs, 'strides') as [number, number],
      numbersAttr(Conv2D, attrs, 'dilations') as [number, number],
      padAttr(Conv2D, attrs),
      attrs?.['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
      false,
      backend_util.convertConv2DDataFormat(dataFormat),
    ),
  );
  const x = dataFormat === 'NCHW' ? toChannelsLast(wasm, xIn) : xIn;
  const y = wasm.makeOutput([g.batchSize, g.outHeight, g.outWidth, g.outChannels], 'float32');
  runNativeConv(wasm, native, 'conv2d_forward', x, filter, y, g);
  if (x !== xIn) wasm.disposeData(x.dataId);
  if (dataFormat === 'NHWC') return y;
  const out = runWasmKernel(wasm, 'Transpose', { x: y }, { perm: [0, 3, 1, 2] });
  wasm.disposeData(y.dataId);
  return out;
};

/** Registration of `conv2D` for the wasm backend. */
export const conv2DConfig: KernelConfig = {
  kernelName: Conv2D,
  backendName: 'wasm',
  kernelFunc: conv2D,
  // The stock kernel binds its C function when the backend starts; the fallback needs that binding.
  setupFunc: (backend) => stockKernel(Conv2D).setupFunc?.(backend),
};
