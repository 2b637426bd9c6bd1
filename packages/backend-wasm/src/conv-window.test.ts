import type { ConvGeometry } from './conv-geometry';
import { windowOffsets } from './conv-window';

/** A 2x2 input of 2 channels, a 2x2 filter, one row of padding above and one column on the left. */
const G: ConvGeometry = {
  batchSize: 1, inHeight: 2, inWidth: 2, inChannels: 2, outHeight: 1, outWidth: 2, outChannels: 1,
  filterHeight: 2, filterWidth: 2, strideHeight: 1, strideWidth: 1, dilationHeight: 1, dilationWidth: 1, padTop: 1, padLeft: 1,
};

describe('windowOffsets', () => {
  it('gives each window cell the offset of the input pixel under it, -1 in the padding', () => {
    // Output (0, 0) covers rows -1..0 and columns -1..0; output (0, 1) rows -1..0 and columns 0..1.
    expect(Array.from(windowOffsets(G))).toEqual([-1, -1, -1, 0, -1, -1, 0, 2]);
  });

  it('steps by the stride and spreads the taps by the dilation', () => {
    const g: ConvGeometry = { ...G, inHeight: 3, inWidth: 5, inChannels: 1, outWidth: 2, padTop: 0, padLeft: 0, strideWidth: 3, dilationHeight: 2, dilationWidth: 2 };
    // Taps at rows 0 and 2; columns 0 and 2 for output 0, 3 and 5 (past the edge) for output 1.
    expect(Array.from(windowOffsets(g))).toEqual([0, 2, 10, 12, 3, -1, 13, -1]);
  });
});
