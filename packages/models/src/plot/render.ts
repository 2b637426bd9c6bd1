import { RuntimeError } from '@strata-ml/core';
import { Resvg } from '@resvg/resvg-js';

/** Graphviz sizes its SVG in points; resvg reads them as CSS does, at 96 pixels to the inch. */
const CSS_PIXELS_PER_INCH = 96;

// Graphviz is an ES module (with its WASM inside); a dynamic import loads it from CommonJS too.
let graphviz: Promise<{ dot(source: string, format?: string): string }> | null = null;

function loadGraphviz(): Promise<{ dot(source: string, format?: string): string }> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  return graphviz;
}

/** Lays out a DOT graph with Graphviz's `dot` engine (the real one, compiled to WASM) and returns the SVG. */
export async function dotToSvg(dot: string): Promise<string> {
  const engine = await loadGraphviz();
  try {
    return engine.dot(dot, 'svg');
  } catch (error) {
    throw new RuntimeError(`dotToSvg: Graphviz could not lay out the graph: ${(error as Error).message}`);
  }
}

/**
 * The font text is drawn with: Arimo (SIL Open Font License), metric-compatible with the Helvetica/Arial
 * widths Graphviz sized the boxes for. It ships in an npm package, so every machine draws the same pixels.
 */
export function plotFontFile(): string {
  return require.resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf');
}

/** Rasterises an SVG to PNG bytes at `dpi` dots per inch (96, as Keras's plots), on a white background. */
export function svgToPng(svg: string, dpi: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / CSS_PIXELS_PER_INCH },
    background: 'white',
    font: { fontFiles: [plotFontFile()], loadSystemFonts: false, defaultFontFamily: 'Arimo', sansSerifFamily: 'Arimo' },
  });
  return resvg.render().asPng();
}
