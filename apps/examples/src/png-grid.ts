/**
 * Draws small grey-level images (MNIST digits) as a labelled grid and encodes it as a PNG: what
 * matplotlib's `subplot` + `imshow(cmap='gray')` produce in the book's listings.
 */
import { PNG } from 'pngjs';
import { ValueError } from 'strata-ml';

/** A 3×5 bitmap font for the digits 0–9, one string of 15 pixels per digit, row by row. */
const DIGIT_FONT: readonly string[] = [
  '111101101101111', // 0
  '010110010010111', // 1
  '111001111100111', // 2
  '111001111001111', // 3
  '101101111001001', // 4
  '111100111001111', // 5
  '111100111101111', // 6
  '111001010010010', // 7
  '111101111101111', // 8
  '111101111001111', // 9
];
const FONT_WIDTH = 3;
const FONT_HEIGHT = 5;

/** What `renderDigitGrid` draws. */
export interface DigitGridArgs {
  /** The images, each `height × width` grey levels 0–255, row-major; drawn row by row. */
  images: readonly Uint8Array[];
  /** Rows of each image, e.g. 28. */
  height: number;
  /** Columns of each image, e.g. 28. */
  width: number;
  /** Images per grid row. */
  columns: number;
  /** A label 0–9 printed under each image; none when omitted. */
  labels?: readonly number[];
  /** Each image pixel becomes `scale × scale` output pixels. Default 2. */
  scale?: number;
  /** Pixels between cells and around the grid. Default 8. */
  margin?: number;
}

/** A grey-level raster: one byte per pixel, row-major. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Grey level of the space around the images. */
const BACKGROUND = 96;
/** Grey level of the label text. */
const INK = 255;

/** Lays the images out in a grid, each with its label underneath. */
export function renderDigitGrid(args: DigitGridArgs): GrayImage {
  const { images, height, width, columns, labels } = args;
  const scale = args.scale ?? 2;
  const margin = args.margin ?? 8;
  if (labels !== undefined && labels.length !== images.length) {
    throw new ValueError(`renderDigitGrid: expected one label per image (${images.length}); received ${labels.length} labels`);
  }
  const rows = Math.ceil(images.length / columns);
  const labelHeight = labels === undefined ? 0 : scale + FONT_HEIGHT * scale; // a gap, then the text
  const cellWidth = width * scale;
  const cellHeight = height * scale + labelHeight;
  const outWidth = columns * cellWidth + (columns + 1) * margin;
  const outHeight = rows * cellHeight + (rows + 1) * margin;
  const pixels = new Uint8Array(outWidth * outHeight).fill(BACKGROUND);

  images.forEach((image, i) => {
    if (image.length !== height * width) {
      throw new ValueError(
        `renderDigitGrid: images[${i}] must have height×width=${height * width} pixels; received ${image.length}`,
      );
    }
    const left = margin + (i % columns) * (cellWidth + margin);
    const top = margin + Math.floor(i / columns) * (cellHeight + margin);
    for (let y = 0; y < height * scale; y++) {
      const src = Math.floor(y / scale) * width;
      const dst = (top + y) * outWidth + left;
      for (let x = 0; x < width * scale; x++) pixels[dst + x] = image[src + Math.floor(x / scale)] as number;
    }
    const label = labels?.[i];
    if (label !== undefined) {
      const textLeft = left + Math.floor((cellWidth - FONT_WIDTH * scale) / 2);
      drawDigit(pixels, outWidth, textLeft, top + height * scale + scale, label, scale);
    }
  });
  return { width: outWidth, height: outHeight, pixels };
}

function drawDigit(pixels: Uint8Array, stride: number, left: number, top: number, digit: number, scale: number): void {
  const glyph = DIGIT_FONT[digit];
  if (glyph === undefined) throw new ValueError(`renderDigitGrid: labels must be digits 0–9; received ${digit}`);
  for (let gy = 0; gy < FONT_HEIGHT; gy++) {
    for (let gx = 0; gx < FONT_WIDTH; gx++) {
      if (glyph[gy * FONT_WIDTH + gx] !== '1') continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (top + gy * scale + dy) * stride + left + gx * scale;
        pixels.fill(INK, row, row + scale);
      }
    }
  }
}

/** Encodes a grey-level raster as an 8-bit greyscale PNG. */
export function encodeGrayPng(image: GrayImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  for (let i = 0; i < image.pixels.length; i++) {
    const v = image.pixels[i] as number;
    png.data[4 * i] = v;
    png.data[4 * i + 1] = v;
    png.data[4 * i + 2] = v;
    png.data[4 * i + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 0 });
}
