/**
 * Progress reporting for `getFile`: a one-line bar on a terminal (as Keras's `get_file` draws), or the
 * caller's own callback.
 */

/** One progress update of a download. */
export interface DownloadProgress {
  /** The URL being downloaded. */
  url: string;
  /** Bytes received so far in this attempt (a retry starts again from 0). */
  receivedBytes: number;
  /** The size the server announced (`Content-Length`), or `null` when it announced none. */
  totalBytes: number | null;
  /** True on the last update, once every byte has arrived. */
  done: boolean;
}

/** Where `getFile` sends progress: updates while bytes arrive, then `end` whatever the outcome. */
export interface ProgressSink {
  update(progress: DownloadProgress): void;
  end(): void;
}

/** A writable text stream, as `process.stderr` is. */
export interface TextStream {
  write(text: string): unknown;
}

const BAR_WIDTH = 30;
const REDRAW_MS = 100;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** Renders one bar line: `  42% [============>                 ] 1.3 MB / 3.1 MB`. */
export function renderProgressLine(progress: DownloadProgress): string {
  const received = formatBytes(progress.receivedBytes);
  if (progress.totalBytes === null || progress.totalBytes <= 0) return `${received} received`;
  const fraction = Math.min(1, progress.receivedBytes / progress.totalBytes);
  const filled = Math.floor(fraction * BAR_WIDTH);
  const bar = fraction >= 1 ? '='.repeat(BAR_WIDTH) : `${'='.repeat(filled)}>${' '.repeat(BAR_WIDTH - filled - 1)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${percent} [${bar}] ${received} / ${formatBytes(progress.totalBytes)}`;
}

/**
 * A progress bar redrawn in place with `\r`, at most every 100 ms, preceded by Keras's
 * `Downloading data from <url>` line.
 */
export class ProgressBar implements ProgressSink {
  private lastDraw = -Infinity;
  private started = false;
  private drawn = false;

  constructor(private readonly stream: TextStream) {}

  update(progress: DownloadProgress): void {
    if (!this.started) {
      this.stream.write(`Downloading data from ${progress.url}\n`);
      this.started = true;
    }
    const now = Date.now();
    if (!progress.done && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.stream.write(`\r${renderProgressLine(progress)}\x1b[K`);
    this.drawn = true;
  }

  end(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

/** The sink for `getFile`'s `progress` option; the default draws a bar only when stderr is a terminal. */
export function progressSink(option: boolean | ((progress: DownloadProgress) => void) | undefined): ProgressSink | null {
  if (typeof option === 'function') return { update: option, end: () => undefined };
  if (option === true || (option === undefined && process.stderr.isTTY === true)) return new ProgressBar(process.stderr);
  return null;
}
