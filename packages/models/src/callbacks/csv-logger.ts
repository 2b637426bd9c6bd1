import * as fs from 'node:fs';
import { invalidArgument, defineOptions } from '@strata-ml/core';
import { Callback, type Logs } from './callback';

/** Arguments of {@link CSVLogger}. */
export interface CSVLoggerArgs {
  /** The file written. */
  filename: string;
  /** Field separator (default `','`). */
  separator?: string;
  /** Appends to an existing file instead of overwriting it (default false). */
  append?: boolean;
}

const CSV_LOGGER_OPTIONS = defineOptions<CSVLoggerArgs>('CSVLogger', { filename: true, separator: true, append: true });

/** Writes one CSV row per epoch: `epoch` then every log entry, in sorted order (Keras's `CSVLogger`). */
export class CSVLogger extends Callback {
  readonly filename: string;
  readonly separator: string;
  readonly append: boolean;
  private keys: string[] | null = null;

  constructor(args: CSVLoggerArgs) {
    super();
    CSV_LOGGER_OPTIONS.check(args);
    if (typeof args?.filename !== 'string' || args.filename.length === 0) {
      throw invalidArgument('CSVLogger', 'filename', 'a non-empty path', args?.filename);
    }
    this.filename = args.filename;
    this.separator = args.separator ?? ',';
    this.append = args.append ?? false;
  }

  override onTrainBegin(): void {
    this.keys = null;
    const hasContent = this.append && fs.existsSync(this.filename) && fs.statSync(this.filename).size > 0;
    if (hasContent) {
      const header = fs.readFileSync(this.filename, 'utf8').split('\n')[0] ?? '';
      this.keys = header.split(this.separator).slice(1);
    } else {
      fs.writeFileSync(this.filename, '');
    }
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    if (this.keys === null) {
      this.keys = Object.keys(logs).sort();
      fs.appendFileSync(this.filename, `${['epoch', ...this.keys].join(this.separator)}\n`);
    }
    const row = [String(epoch), ...this.keys.map((k) => (k in logs ? String(logs[k]) : 'NA'))];
    fs.appendFileSync(this.filename, `${row.join(this.separator)}\n`);
  }
}
