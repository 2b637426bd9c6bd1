/**
 * col2im, the adjoint of im2col: adds each row of a column matrix (one row per output position of a
 * convolution, in `(fh, fw, c)` order) back onto the input window it belongs to.
 */
import type { ConvGeometry } from './conv-geometry';
import { windowOffsets } from './conv-window';

/**
 * Adds the rows of `cols` for batch items `[b0, b0 + count)` into the NHWC tensor `dx` (which the caller
 * has zeroed); window positions in the padding are skipped.
 */
export function col2im(cols: Float32Array, dx: Float32Array, b0: number, count: number, g: ConvGeometry): void {
  const ci = g.inChannels;
  const offsets = windowOffsets(g);
  let p = 0;
  for (let b = b0; b < b0 + count; b++) {
    const xBatch = b * g.inHeight * g.inWidth * ci;
    for (let k = 0; k < offsets.length; k++, p += ci) {
      const at = offsets[k] as number;
      if (at < 0) continue;
      const dst = xBatch + at;
      for (let c = 0; c < ci; c++) dx[dst + c] = (dx[dst + c] as number) + (cols[p + c] as number);
    }
  }
}
