/**
 * im2col: every output position of a convolution becomes one row holding the input window it reads, so
 * that a convolution's filter gradient is a single matrix product.
 */
import type { ConvGeometry } from './conv-geometry';
import { windowOffsets } from './conv-window';

/**
 * Writes the rows of batch items `[b0, b0 + count)` of the NHWC input `x` into `patches` (row-major, one
 * row of `filterHeight·filterWidth·inChannels` values per output position, in `(fh, fw, c)` order);
 * window positions that fall in the padding read 0.
 */
export function im2col(x: Float32Array, patches: Float32Array, b0: number, count: number, g: ConvGeometry): void {
  const ci = g.inChannels;
  const offsets = windowOffsets(g);
  let p = 0;
  for (let b = b0; b < b0 + count; b++) {
    const xBatch = b * g.inHeight * g.inWidth * ci;
    for (let k = 0; k < offsets.length; k++, p += ci) {
      const at = offsets[k] as number;
      if (at < 0) {
        patches.fill(0, p, p + ci);
        continue;
      }
      const src = xBatch + at;
      for (let c = 0; c < ci; c++) patches[p + c] = x[src + c] as number;
    }
  }
}
