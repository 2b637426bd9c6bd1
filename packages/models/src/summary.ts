import { invalidArgument, defineOptions } from '@strata-ml/core';
import type { Shape } from '@strata-ml/layers';

/** One row of a model summary. */
export interface SummaryRow {
  /** The layer's name. */
  name: string;
  /** Its class (`Dense`). */
  className: string;
  /** Its output shape(s), batch axis included, or the text to print instead (`multiple` for a shared layer). */
  outputShape: Shape | Shape[] | string;
  /** Its parameter count. */
  params: number;
  /** For a functional model, the Keras `Connected to` column: `layer[node][tensor]` for each input. */
  connections?: string[];
}

/** Options of `model.summary`. */
export interface SummaryArgs {
  /** Total width of the table (Keras default 65; 98 for functional models). */
  lineLength?: number;
  /**
   * Right edges of the columns, as fractions of the width or absolute columns (default [0.45, 0.85, 1]; for
   * functional models, which add `Connected to`, [0.33, 0.55, 0.67, 1]).
   */
  positions?: number[];
  /** Receives each line (default `console.log`). */
  printFn?: (line: string) => void;
}

const SUMMARY_OPTIONS = defineOptions<SummaryArgs>('summary', { lineLength: true, positions: true, printFn: true });

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
 * output shape, parameter count, and for functional models the layers it is connected to, one per line),
 * then total, trainable and non-trainable parameter counts. Lines carry no trailing spaces (Keras pads
 * them to the full width).
 */
export function formatSummary(
  modelName: string,
  rows: SummaryRow[],
  counts: { trainable: number; nonTrainable: number },
  args: SummaryArgs = {},
): string {
  const connected = rows.some((r) => r.connections !== undefined);
  SUMMARY_OPTIONS.check(args);
  const lineLength = args.lineLength ?? (connected ? 98 : 65);
  if (!Number.isInteger(lineLength) || lineLength < 20) throw invalidArgument('summary', 'lineLength', 'an integer >= 20', args.lineLength);
  const fractions = args.positions ?? (connected ? [0.33, 0.55, 0.67, 1] : [0.45, 0.85, 1]);
  const columns = connected ? 4 : 3;
  if (fractions.length !== columns) throw invalidArgument('summary', 'positions', `${columns} column edges`, args.positions);
  const positions = fractions.map((p) => (p <= 1 ? Math.floor(lineLength * p) : p));
  const lines: string[] = [`Model: "${modelName}"`, '_'.repeat(lineLength)];
  const header = ['Layer (type)', 'Output Shape', 'Param #', ...(connected ? ['Connected to'] : [])];
  lines.push(formatRow(header, positions), '='.repeat(lineLength));
  rows.forEach((row, i) => {
    const shape = typeof row.outputShape === 'string' ? row.outputShape : formatTupleShape(row.outputShape);
    const [first = '', ...more] = row.connections ?? [];
    lines.push(formatRow([`${row.name} (${row.className})`, shape, String(row.params), ...(connected ? [first] : [])], positions));
    for (const c of more) lines.push(formatRow(['', '', '', c], positions));
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
