import { PNG } from 'pngjs';
import { ValueError } from 'strata-ml';
import { encodeGrayPng, renderDigitGrid } from './png-grid';

/** A 2×3 image whose pixels are `base + index`. */
function ramp(base: number): Uint8Array {
  return Uint8Array.from({ length: 6 }, (_, i) => base + i);
}

describe('renderDigitGrid', () => {
  it('places each image, scaled, in row-major cell order with margins', () => {
    const grid = renderDigitGrid({ images: [ramp(10), ramp(20), ramp(30)], height: 2, width: 3, columns: 2, scale: 2, margin: 1 });
    // 2 columns of 6 px + 3 margins; 2 rows of 4 px + 3 margins.
    expect([grid.width, grid.height]).toEqual([15, 11]);
    const at = (x: number, y: number): number => grid.pixels[y * grid.width + x] as number;
    expect(at(0, 0)).toBe(96); // margin
    expect([at(1, 1), at(2, 2), at(3, 1), at(6, 4)]).toEqual([10, 10, 11, 15]);
    expect(at(8, 1)).toBe(20); // second column
    expect(at(1, 6)).toBe(30); // second row
    expect(at(8, 6)).toBe(96); // an empty cell stays background
  });

  it('draws each label under its image in white', () => {
    const black = new Uint8Array(28 * 28);
    const withLabel = renderDigitGrid({ images: [black], labels: [1], height: 28, width: 28, columns: 1 });
    const without = renderDigitGrid({ images: [black], height: 28, width: 28, columns: 1 });
    expect(withLabel.height).toBe(without.height + 12); // a 2-px gap and a 10-px glyph
    const labelRows = withLabel.pixels.subarray(withLabel.width * (8 + 56), withLabel.width * (8 + 56 + 12));
    const white = labelRows.filter((v) => v === 255).length;
    expect(white).toBe(8 * 4); // '1' lights 8 of its 15 font pixels, each 2×2
  });

  it('rejects labels that do not match the images', () => {
    const args = { images: [ramp(0)], height: 2, width: 3, columns: 1 };
    expect(() => renderDigitGrid({ ...args, labels: [1, 2] })).toThrow(ValueError);
    expect(() => renderDigitGrid({ ...args, labels: [1, 2] })).toThrow(
      'renderDigitGrid: expected one label per image (1); received 2 labels',
    );
    expect(() => renderDigitGrid({ ...args, labels: [12] })).toThrow('renderDigitGrid: labels must be digits 0–9; received 12');
    expect(() => renderDigitGrid({ ...args, height: 3 })).toThrow(
      'renderDigitGrid: images[0] must have height×width=9 pixels; received 6',
    );
  });
});

describe('encodeGrayPng', () => {
  it('round-trips through a PNG decoder', () => {
    const image = { width: 3, height: 2, pixels: Uint8Array.from([0, 50, 100, 150, 200, 255]) };
    const png = encodeGrayPng(image);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    const grey = Array.from({ length: 6 }, (_, i) => decoded.data[4 * i]);
    expect(grey).toEqual([0, 50, 100, 150, 200, 255]);
    expect(png[25]).toBe(0); // IHDR colour type 0: greyscale
  });
});
