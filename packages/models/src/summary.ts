import { invalidArgument } from '@strata/core';
import type { Shape } from '@strata/layers';

/** One row of a model summary. */
export interface SummaryRow {
  /** The layer's name. */
  name: string;
  /** Its class (`Dense`). */
  className: string;
  /** Its output shape(s), batch axis included. */
  outputShape: Shape | Shape[];
  /** Its parameter count. */
  params: number;
}

/** Options of `model.summary`. */
export interface SummaryArgs {
  /** Total width of the table (Keras default 65). */
  lineLength?: number;
  /** Right edges of the columns, as fractions of the width or absolute columns (default [0.45, 0.85, 1]). */
  positions?: number[];
  /** Receives each line (default `console.log`). */
  printFn?: (line: string) => void;
}

/** A shape as Keras prints it in summaries, a Python tuple: `(None, 256)`, `(None,)`. */
export function formatTupleShape(shape: Shape | Shape[]): string {
  if (shape.length > 0 && Array.isArray(shape[0])) return (shape as Shape[]).map(formatTupleShape).join(', ');
  const dims = (shape as Shape).map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** Formats a count with thousands separators, as Keras's `{:,}`: 269,322. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatRow(fields: string[], positions: number[]): string {
  let line = '';
  fields.forEach((field, i) => {
    // Each column is cut at its right edge, keeping one space before the next column.
    if (i > 0) line = `${line.slice(0, -1)} `;
    line = (line + field).slice(0, positions[i]);
    line += ' '.repeat(Math.max(0, (positions[i] as number) - line.length));
  });
  return line.trimEnd();
}

/**
 * Renders the Keras summary table of a model: `Model: "sequential"`, one row per layer (name and class,
 * output shape, parameter count), then total, trainable and non-trainable parameter counts. Lines carry no
 * trailing spaces (Keras pads them to the full width).
 */
export function formatSummary(
  modelName: string,
  rows: SummaryRow[],
  counts: { trainable: number; nonTrainable: number },
  args: SummaryArgs = {},
): string {
  const lineLength = args.lineLength ?? 65;
  if (!Number.isInteger(lineLength) || lineLength < 20) throw invalidArgument('summary', 'lineLength', 'an integer >= 20', args.lineLength);
  const fractions = args.positions ?? [0.45, 0.85, 1];
  if (fractions.length !== 3) throw invalidArgument('summary', 'positions', 'three column edges', args.positions);
  const positions = fractions.map((p) => (p <= 1 ? Math.floor(lineLength * p) : p));
  const lines: string[] = [`Model: "${modelName}"`, '_'.repeat(lineLength)];
  lines.push(formatRow(['Layer (type)', 'Output Shape', 'Param #'], positions), '='.repeat(lineLength));
  rows.forEach((row, i) => {
    lines.push(formatRow([`${row.name} (${row.className})`, formatTupleShape(row.outputShape), String(row.params)], positions));
    lines.push((i === rows.length - 1 ? '=' : '_').repeat(lineLength));
  });
  if (rows.length === 0) lines.push('='.repeat(lineLength));
  lines.push(
    `Total params: ${formatCount(counts.trainable + counts.nonTrainable)}`,
    `Trainable params: ${formatCount(counts.trainable)}`,
    `Non-trainable params: ${formatCount(counts.nonTrainable)}`,
    '_'.repeat(lineLength),
  );
  const text = lines.join('\n');
  const print = args.printFn ?? ((line: string) => console.log(line));
  for (const line of lines) print(line);
  return text;
}
