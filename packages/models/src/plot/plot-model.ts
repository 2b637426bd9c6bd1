import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { invalidArgument, defineOptions } from '@strata-ml/core';
import type { Model } from '../model';
import { MODEL_TO_DOT_OPTION_KEYS, dotFromOptions, resolveDotOptions, type ModelToDotArgs } from './model-to-dot';
import { dotToSvg, svgToPng } from './render';

/** Options of {@link plotModel} (Keras's `plot_model`). */
export interface PlotModelArgs extends ModelToDotArgs {
  /** Where to write the picture; the extension picks the format: `.png`, `.svg` or `.dot` (default `model.png`). */
  toFile?: string;
  /** Resolution of a PNG, in dots per inch (default 96). */
  dpi?: number;
}

const PLOT_MODEL_OPTIONS = defineOptions<PlotModelArgs>('plotModel', { ...MODEL_TO_DOT_OPTION_KEYS, toFile: true, dpi: true });

const FORMATS = ['.png', '.svg', '.dot'] as const;

/**
 * Draws `model` as a graph of its layers with Graphviz and writes it to `toFile` (Keras's `plot_model`):
 * `.svg` as laid out, `.png` rasterised at `dpi`, `.dot` the Graphviz source. Returns the SVG.
 *
 * ```ts
 * await plotModel(model, { toFile: 'mlp-mnist.png', showShapes: true });
 * ```
 */
export async function plotModel(model: Model, args: PlotModelArgs = {}): Promise<string> {
  const where = 'plotModel';
  PLOT_MODEL_OPTIONS.check(args);
  const opts = resolveDotOptions(where, args);
  const toFile = args.toFile ?? 'model.png';
  if (typeof toFile !== 'string') throw invalidArgument(where, 'toFile', 'a file path', toFile);
  const format = extname(toFile).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw invalidArgument(where, 'toFile', `a path ending in ${FORMATS.join(', ')}`, toFile);
  }
  const dpi = args.dpi ?? 96;
  if (typeof dpi !== 'number' || !Number.isFinite(dpi) || dpi <= 0) throw invalidArgument(where, 'dpi', 'a positive number', dpi);
  const dot = dotFromOptions(model, opts);
  const svg = await dotToSvg(dot);
  if (format === '.dot') writeFileSync(toFile, dot);
  else if (format === '.svg') writeFileSync(toFile, svg);
  else writeFileSync(toFile, svgToPng(svg, dpi));
  return svg;
}
