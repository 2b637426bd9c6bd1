/**
 * Conv2D and its two gradients by im2col + cuBLAS GEMM (NHWC). With M = batch·outH·outW output pixels
 * and K = filterH·filterW·inC, im2col gives cols[M, K] and:
 *   forward:        y[M, outC]  = cols · W[K, outC]
 *   input grad:     dcols[M, K] = dy · Wᵀ, then col2im (the adjoint of im2col) gives dx
 *   filter grad:    dW[K, outC] = colsᵀ · dy
 * A 1×1 convolution with stride 1 and no padding needs no im2col: x already is cols.
 */
import { backend_util, type TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import type { ConvGeometry } from '../native';
import { runMatMul } from './matmul';

/** tfjs-core's Conv2DInfo as the native kernels take it; rejects NCHW. */
export function convGeometry(kernel: string, info: backend_util.Conv2DInfo): ConvGeometry {
  if (info.dataFormat !== 'channelsLast') throw new BackendError(`${kernel}: the cuda backend supports dataFormat 'NHWC' only; received 'NCHW'`);
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    filterH: info.filterHeight,
    filterW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    dilationH: info.dilationHeight,
    dilationW: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

function isPointwise(g: ConvGeometry): boolean {
  return g.filterH === 1 && g.filterW === 1 && g.strideH === 1 && g.strideW === 1 && g.padTop === 0 && g.padLeft === 0;
}

/** cols[M, K] for `x` (a view of x itself for a pointwise convolution: dispose only if `owned`). */
function im2col(backend: CudaBackend, kernel: string, x: TensorInfo, g: ConvGeometry): { cols: TensorInfo; owned: boolean } {
  const rows = g.batch * g.outH * g.outW;
  const k = g.filterH * g.filterW * g.inC;
  if (isPointwise(g)) return { cols: { ...x, shape: [rows, k] }, owned: false };
  const cols = backend.makeOutput([rows, k], 'float32');
  backend.native.im2col(backend.context(kernel, x), backend.address(x), backend.address(cols), g);
  return { cols, owned: true };
}

/** y = conv2d(x, filter), NHWC. */
export function runConv2D(backend: CudaBackend, kernel: string, x: TensorInfo, filter: TensorInfo, g: ConvGeometry): TensorInfo {
  const { cols, owned } = im2col(backend, kernel, x, g);
  const w = { ...filter, shape: [g.filterH * g.filterW * g.inC, g.outC] };
  const y = runMatMul(backend, kernel, cols, w, false, false);
  if (owned) backend.disposeIntermediate(cols);
  return { ...y, shape: [g.batch, g.outH, g.outW, g.outC] };
}

/** dx of conv2d given dy and the filter. */
export function runConv2DBackpropInput(backend: CudaBackend, kernel: string, dy: TensorInfo, filter: TensorInfo, g: ConvGeometry): TensorInfo {
  const rows = g.batch * g.outH * g.outW;
  const dy2 = { ...dy, shape: [rows, g.outC] };
  const w = { ...filter, shape: [g.filterH * g.filterW * g.inC, g.outC] };
  const dcols = runMatMul(backend, kernel, dy2, w, false, true);
  if (isPointwise(g)) return { ...dcols, shape: [g.batch, g.inH, g.inW, g.inC] };
  const dx = backend.makeOutput([g.batch, g.inH, g.inW, g.inC], 'float32');
  backend.native.col2im(backend.context(kernel, dy, filter), backend.address(dcols), backend.address(dx), g);
  backend.disposeIntermediate(dcols);
  return dx;
}

/** dW of conv2d given x and dy. */
export function runConv2DBackpropFilter(backend: CudaBackend, kernel: string, x: TensorInfo, dy: TensorInfo, g: ConvGeometry): TensorInfo {
  const { cols, owned } = im2col(backend, kernel, x, g);
  const dy2 = { ...dy, shape: [g.batch * g.outH * g.outW, g.outC] };
  const dw = runMatMul(backend, kernel, cols, dy2, true, false);
  if (owned) backend.disposeIntermediate(cols);
  return { ...dw, shape: [g.filterH, g.filterW, g.inC, g.outC] };
}
