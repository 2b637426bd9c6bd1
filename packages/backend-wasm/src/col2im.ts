/**
 * col2im, the adjoint of im2col: adds each row of a column matrix (one row per output position of a
 * convolution, in `(fh, fw, c)` order) back onto the input window it belongs to.
 */
import type { ConvGeometry } from './conv-geometry';

/**
 * Adds the rows of `cols` for batch items `[b0, b0 + count)` into the NHWC tensor `dx` (which the caller
 * has zeroed); window positions in the padding are skipped.
 */
export function col2im(cols: Float32Array, dx: Float32Array, b0: number, count: number, g: ConvGeometry): void {
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
            p += g.filterWidth * ci;
            continue;
          }
          const xRow = xBatch + ih * g.inWidth * ci;
          for (let fw = 0; fw < g.filterWidth; fw++, p += ci) {
            const iw = ow * g.strideWidth - g.padLeft + fw * g.dilationWidth;
            if (iw < 0 || iw >= g.inWidth) continue;
            const dst = xRow + iw * ci;
            for (let c = 0; c < ci; c++) dx[dst + c] = (dx[dst + c] as number) + (cols[p + c] as number);
          }
        }
      }
    }
  }
}
