/**
 * Where the cells of every convolution window fall in the input: the geometry that im2col and col2im
 * share, as they move the same cells in opposite directions.
 */
import type { ConvGeometry } from './conv-geometry';

/**
 * For every output position (row-major) and every cell of its window (in `(fh, fw)` order), the offset
 * within one NHWC batch item of the input pixel under the cell, or -1 where the cell lies in the padding.
 * It is the same for every batch item, so callers build it once and reuse it across the batch.
 */
export function windowOffsets(g: ConvGeometry): Int32Array {
  const offsets = new Int32Array(g.outHeight * g.outWidth * g.filterHeight * g.filterWidth);
  let k = 0;
  for (let oh = 0; oh < g.outHeight; oh++) {
    for (let ow = 0; ow < g.outWidth; ow++) {
      for (let fh = 0; fh < g.filterHeight; fh++) {
        const ih = oh * g.strideHeight - g.padTop + fh * g.dilationHeight;
        const inRows = ih >= 0 && ih < g.inHeight;
        for (let fw = 0; fw < g.filterWidth; fw++, k++) {
          const iw = ow * g.strideWidth - g.padLeft + fw * g.dilationWidth;
          offsets[k] = inRows && iw >= 0 && iw < g.inWidth ? (ih * g.inWidth + iw) * g.inChannels : -1;
        }
      }
    }
  }
  return offsets;
}
