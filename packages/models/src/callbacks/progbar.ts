import { defineOptions } from '@strata-ml/core';
/** Arguments of {@link Progbar}. */
export interface ProgbarArgs {
  /** The number of steps in the run. */
  target: number;
  /** Bar width in characters (Keras default 30). */
  width?: number;
  /** 1: a live bar on a terminal (one line per epoch otherwise); 2: one summary line at the end. */
  verbose?: 1 | 2;
  /** Whether the output is a terminal, where the bar is redrawn in place with `\r`. Default: stdout's. */
  isTTY?: boolean;
  /** Seconds between redraws of a live bar (default 0.05). */
  interval?: number;
  /** Where text goes (default `process.stdout.write`). */
  write?: (text: string) => void;
  /** The clock, in milliseconds (default `performance.now`); tests pass a fake one. */
  now?: () => number;
}

const PROGBAR_OPTIONS = defineOptions<ProgbarArgs>('Progbar', {
  target: true,
  width: true,
  verbose: true,
  isTTY: true,
  interval: true,
  write: true,
  now: true,
});

/** Keras's number format in logs: 4 decimals, or scientific notation for tiny magnitudes. */
export function formatLogValue(value: number): string {
  return Math.abs(value) > 1e-3 || value === 0 || !Number.isFinite(value) ? value.toFixed(4) : value.toExponential(4);
}

/** Formats a duration per step as Keras does: `3s/step`, `6ms/step` or `120us/step`. */
export function formatTimePerStep(seconds: number): string {
  if (seconds >= 1 || seconds === 0) return `${seconds.toFixed(0)}s/step`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(0)}ms/step`;
  return `${(seconds * 1e6).toFixed(0)}us/step`;
}

function formatEta(seconds: number): string {
  const s = Math.round(seconds);
  if (s > 3600) return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  if (s > 60) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return `${s}s`;
}

/**
 * The Keras progress bar: `469/469 [==============================] - 3s 6ms/step - loss: 0.4104 - accuracy: 0.8761`.
 * On a terminal it redraws in place, at most every `interval` seconds; elsewhere it writes one line when
 * the run ends.
 */
export class Progbar {
  readonly target: number;
  private readonly width: number;
  private readonly verbose: 1 | 2;
  private readonly isTTY: boolean;
  private readonly interval: number;
  private readonly write: (text: string) => void;
  private readonly now: () => number;
  private readonly start: number;
  private lastRender = -Infinity;
  private lastLineLength = 0;

  constructor(args: ProgbarArgs) {
    PROGBAR_OPTIONS.check(args);
    this.target = args.target;
    this.width = args.width ?? 30;
    this.verbose = args.verbose ?? 1;
    this.isTTY = args.isTTY ?? Boolean(process.stdout.isTTY);
    this.interval = args.interval ?? 0.05;
    this.write = args.write ?? ((text) => void process.stdout.write(text));
    this.now = args.now ?? (() => performance.now());
    this.start = this.now();
  }

  /** Whether an update at step `current` would be drawn (so that its logs are worth reading). */
  wantsUpdate(current: number): boolean {
    if (current >= this.target) return true;
    return this.verbose === 1 && this.isTTY && (this.now() - this.lastRender) / 1e3 >= this.interval;
  }

  /** Draws step `current` (1-based count of steps done) with the given values, if it is time to. */
  update(current: number, values: Record<string, number>): void {
    if (!this.wantsUpdate(current)) return;
    this.lastRender = this.now();
    const elapsed = (this.lastRender - this.start) / 1e3;
    const done = current >= this.target;
    const digits = String(this.target).length;
    const counter = `${String(current).padStart(digits)}/${this.target}`;
    const metrics = Object.entries(values).map(([k, v]) => ` - ${k}: ${formatLogValue(v)}`).join('');
    const perStep = current > 0 ? elapsed / current : 0;
    const timing = done ? ` - ${elapsed.toFixed(0)}s ${formatTimePerStep(perStep)}` : ` - ETA: ${formatEta(perStep * (this.target - current))}`;
    if (this.verbose === 2) {
      this.write(`${counter} - ${elapsed.toFixed(0)}s - ${formatTimePerStep(perStep)}${metrics}\n`);
      return;
    }
    const line = `${counter} ${this.bar(current)}${timing}${metrics}`;
    if (this.isTTY) {
      const pad = ' '.repeat(Math.max(0, this.lastLineLength - line.length));
      this.write(`\r${line}${pad}${done ? '\n' : ''}`);
      this.lastLineLength = line.length;
    } else if (done) {
      this.write(`${line}\n`);
    }
  }

  private bar(current: number): string {
    const filled = Math.floor((this.width * Math.min(current, this.target)) / this.target);
    const arrow = filled > 0 ? '='.repeat(filled - 1) + (current < this.target ? '>' : '=') : '';
    return `[${arrow}${'.'.repeat(this.width - filled)}]`;
  }
}
