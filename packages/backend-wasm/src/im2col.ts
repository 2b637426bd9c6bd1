/**
 * im2col: every output position of a convolution becomes one row holding the input window it reads, so
 * that a convolution's filter gradient is a single matrix product.
 */
import type { ConvGeometry } from './conv-geometry';

/**
 * Writes the rows of batch items `[b0, b0 + count)` of the NHWC input `x` into `patches` (row-major, one
 * row of `filterHeight·filterWidth·inChannels` values per output position, in `(fh, fw, c)` order);
 * window positions that fall in the padding read 0.
 */
export function im2col(x: Float32Array, patches: Float32Array, b0: number, count: number, g: ConvGeometry): void {
  const ci = g.inChannels;
  const rowLength = g.filterHeight * g.filterWidth * ci;
  let row = 0;
  for (let b = b0; b < b0 + count; b++) {
    const xBatch = b * g.inHeight * g.inWidth * ci;
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++, row++) {
        let p = row * rowLength;
        for (let fh = 0; fh < g.filterHeight; fh++) {
          const ih = oh * g.strideHeight - g.padTop + fh * g.dilationHeight;
          if (ih < 0 || ih >= g.inHeight) {
            patches.fill(0, p, p + g.filterWidth * ci);
            p += g.filterWidth * ci;
            continue;
          }
          const xRow = xBatch + ih * g.inWidth * ci;
          for (let fw = 0; fw < g.filterWidth; fw++, p += ci) {
            const iw = ow * g.strideWidth - g.padLeft + fw * g.dilationWidth;
            if (iw < 0 || iw >= g.inWidth) {
              patches.fill(0, p, p + ci);
            } else {
              const src = xRow + iw * ci;
              for (let c = 0; c < ci; c++) patches[p + c] = x[src + c] as number;
            }
          }
        }
      }
    }
  }
}
