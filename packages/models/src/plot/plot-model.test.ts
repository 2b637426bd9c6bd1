import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { tf } from '@strata-ml/core';
import { Activation, Dense, Dropout, resetLayerNames } from '@strata-ml/layers';
import { Sequential } from '../sequential';
import { useTestBackend } from '../../test/helpers';
import { modelToDot } from './model-to-dot';
import { plotModel } from './plot-model';

let dir: string;
beforeAll(async () => {
  await useTestBackend();
  dir = mkdtempSync(join(tmpdir(), 'strata-plot-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(resetLayerNames);

/** The seed's Listing 1.3.2 model. */
function seedModel(): Sequential {
  return new Sequential({
    layers: [
      new Dense(256, { inputDim: 784 }), new Activation('relu'), new Dropout(0.45),
      new Dense(256), new Activation('relu'), new Dropout(0.45),
      new Dense(10), new Activation('softmax'),
    ],
  });
}

const SEED_NAMES = ['dense_input', 'dense', 'activation', 'dropout', 'dense_1', 'activation_1', 'dropout_1', 'dense_2', 'activation_2'];

/** The SVG's size in points, as Graphviz writes it: `<svg width="444pt" height="1229pt"`. */
function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg);
  if (match === null) throw new Error(`no size in SVG: ${svg.slice(0, 300)}`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** The text inside every `<g class="KIND">…<title>TEXT</title>`. */
function titles(svg: string, kind: 'node' | 'edge'): string[] {
  const re = new RegExp(`<g id="[^"]*" class="${kind}">\\s*<title>([^<]*)</title>`, 'g');
  return [...svg.matchAll(re)].map((m) => (m[1] as string).replace(/&#45;&gt;/g, '->'));
}

describe('plotModel', () => {
  it('writes an SVG laid out by Graphviz: one node per layer, one edge per connection', async () => {
    const model = seedModel();
    const file = join(dir, 'mlp.svg');
    const before = tf.memory().numTensors;
    const svg = await plotModel(model, { toFile: file, showShapes: true });
    expect(tf.memory().numTensors).toBe(before);
    expect(readFileSync(file, 'utf8')).toBe(svg);
    expect(new Set(titles(svg, 'node'))).toEqual(new Set(SEED_NAMES));
    expect(titles(svg, 'node')).toHaveLength(9);
    expect(titles(svg, 'edge')).toEqual(SEED_NAMES.slice(1).map((name, i) => `${SEED_NAMES[i]}->${name}`));
    expect(svg).toContain('>dense_input: InputLayer</text>');
    expect(svg).toContain('>(None, 784)</text>');
    // A chain drawn top to bottom is far taller than wide.
    const { width, height } = svgSize(svg);
    expect(height).toBeGreaterThan(2 * width);
  });

  it('writes a PNG of the SVG size in points at 96 dpi, with dark text and lines on white', async () => {
    const model = seedModel();
    const file = join(dir, 'mlp-mnist.png');
    const svg = await plotModel(model, { toFile: file, showShapes: true });
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const size = svgSize(svg);
    expect(Math.abs(width - (size.width * 96) / 72)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - (size.height * 96) / 72)).toBeLessThanOrEqual(1);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([width, height]);
    let dark = 0;
    let white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const luma = ((png.data[i] as number) + (png.data[i + 1] as number) + (png.data[i + 2] as number)) / 3;
      if (luma < 64) dark++;
      if (luma > 250) white++;
    }
    const pixels = width * height;
    // Mostly white paper, with a few percent of ink: box borders, arrows and text.
    expect(white / pixels).toBeGreaterThan(0.8);
    expect(dark / pixels).toBeGreaterThan(0.01);
    expect(dark / pixels).toBeLessThan(0.15);
  });

  it('scales the PNG with dpi', async () => {
    const model = new Sequential({ layers: [new Dense(2, { inputShape: [3] })] });
    const small = join(dir, 'small.png');
    const large = join(dir, 'large.png');
    await plotModel(model, { toFile: small, dpi: 72 });
    await plotModel(model, { toFile: large, dpi: 144 });
    const w = (f: string): number => readFileSync(f).readUInt32BE(16);
    expect(Math.abs(w(large) - 2 * w(small))).toBeLessThanOrEqual(1);
  });

  it('lays a chain out left to right with rankdir LR', async () => {
    const svg = await plotModel(seedModel(), { toFile: join(dir, 'lr.svg'), rankdir: 'LR', showShapes: true });
    const { width, height } = svgSize(svg);
    expect(width).toBeGreaterThan(2 * height);
  });

  it('writes the DOT source for .dot', async () => {
    const model = seedModel();
    const file = join(dir, 'mlp.dot');
    await plotModel(model, { toFile: file, showShapes: true });
    expect(readFileSync(file, 'utf8')).toBe(modelToDot(model, { showShapes: true }));
  });

  it('rejects an unknown extension and a bad dpi, naming the argument', async () => {
    const model = seedModel();
    await expect(plotModel(model, { toFile: join(dir, 'model.gif') })).rejects.toThrow(
      `plotModel: toFile must be a path ending in .png, .svg, .dot; received toFile="${join(dir, 'model.gif')}"`,
    );
    await expect(plotModel(model, { toFile: join(dir, 'm.png'), dpi: 0 })).rejects.toThrow('plotModel: dpi must be a positive number; received dpi=0');
    await expect(plotModel(model, { rankdir: 'RL' as 'LR' })).rejects.toThrow("plotModel: rankdir must be 'TB' or 'LR'");
  });
});
