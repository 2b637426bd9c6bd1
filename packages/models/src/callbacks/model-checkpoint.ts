import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { invalidArgument, defineOptions } from '@strata-ml/core';
import { formatFilepath } from '../saving/format-filepath';
import { saveModel, saveWeights } from '../saving/save-model';
import { Callback, type Logs } from './callback';
import { report, resolveMode, type MonitorMode } from './monitor';

/** Arguments of {@link ModelCheckpoint}. */
export interface ModelCheckpointArgs {
  /**
   * Where to save: a path ending in `.keras` (whole model) or `.weights.h5` (with `saveWeightsOnly`). It may
   * name `{epoch}` (1-based), `{batch}` and any log entry, with a format: `'ckpt/model-{epoch:02d}-{val_loss:.2f}.keras'`.
   */
  filepath: string;
  /** The log entry compared by `saveBestOnly` (default `'val_loss'`). */
  monitor?: string;
  /** 1 prints a line on each save or skip (default 0). */
  verbose?: 0 | 1;
  /** Save only when `monitor` improves on the best value so far (default false). */
  saveBestOnly?: boolean;
  /** Save only the weights (`.weights.h5`) instead of the whole model (default false). */
  saveWeightsOnly?: boolean;
  /** `'min'`, `'max'` or `'auto'` (default; accuracy-like names are maximised). */
  mode?: MonitorMode;
  /** `'epoch'` (default) saves at the end of each epoch; a number saves every that many batches. */
  saveFreq?: 'epoch' | number;
  /** With `saveBestOnly`, only values better than this are saved (default none). */
  initialValueThreshold?: number | null;
}

const MODEL_CHECKPOINT_OPTIONS = defineOptions<ModelCheckpointArgs>('ModelCheckpoint', {
  filepath: true,
  monitor: true,
  verbose: true,
  saveBestOnly: true,
  saveWeightsOnly: true,
  mode: true,
  saveFreq: true,
  initialValueThreshold: true,
}, {
  refused: { period: "option 'period' (Keras 2) was removed in Keras 3; use saveFreq, in batches" },
});

/**
 * Saves the model (or its weights) during training (Keras's `ModelCheckpoint`): every epoch or every N
 * batches, optionally only when the monitored quantity improves. Each save is atomic, so an interrupted
 * run never leaves a torn checkpoint.
 */
export class ModelCheckpoint extends Callback {
  readonly filepath: string;
  readonly monitor: string;
  readonly verbose: 0 | 1;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly mode: 'min' | 'max';
  readonly saveFreq: 'epoch' | number;
  /** The best monitored value so far (±Infinity before the first). */
  best: number;
  private currentEpoch = 0;
  private batchesSinceSave = 0;

  constructor(args: ModelCheckpointArgs) {
    super();
    MODEL_CHECKPOINT_OPTIONS.check(args);
    if (args == null || typeof args.filepath !== 'string' || args.filepath.length === 0) {
      throw invalidArgument('ModelCheckpoint', 'filepath', 'a non-empty path', args?.filepath);
    }
    this.saveWeightsOnly = args.saveWeightsOnly ?? false;
    const suffix = this.saveWeightsOnly ? '.weights.h5' : '.keras';
    if (!args.filepath.endsWith(suffix)) {
      throw invalidArgument('ModelCheckpoint', 'filepath', `a path ending in ${suffix}${this.saveWeightsOnly ? ' (saveWeightsOnly)' : ''}`, args.filepath);
    }
    const freq = args.saveFreq ?? 'epoch';
    if (freq !== 'epoch' && !(Number.isInteger(freq) && freq > 0)) throw invalidArgument('ModelCheckpoint', 'saveFreq', "'epoch' or a positive integer", freq);
    this.filepath = args.filepath;
    this.monitor = args.monitor ?? 'val_loss';
    this.verbose = args.verbose ?? 0;
    this.saveBestOnly = args.saveBestOnly ?? false;
    this.mode = resolveMode('ModelCheckpoint', args.mode ?? 'auto', this.monitor);
    this.saveFreq = freq;
    this.best = args.initialValueThreshold ?? (this.mode === 'min' ? Infinity : -Infinity);
  }

  override onEpochBegin(epoch: number): void {
    this.currentEpoch = epoch;
  }

  override async onTrainBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    if (this.saveFreq === 'epoch') return;
    if (++this.batchesSinceSave < this.saveFreq) return;
    this.batchesSinceSave = 0;
    await this.save(this.currentEpoch, { ...logs, batch });
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (this.saveFreq === 'epoch') await this.save(epoch, logs);
  }

  private improved(current: number): boolean {
    return this.mode === 'min' ? current < this.best : current > this.best;
  }

  private async save(epoch: number, logs: Logs): Promise<void> {
    const model = this.model;
    if (model === null) return;
    const path = formatFilepath(this.filepath, { ...logs, epoch: epoch + 1 }, 'ModelCheckpoint');
    if (this.saveBestOnly) {
      const current = logs[this.monitor];
      if (current === undefined || Number.isNaN(current)) {
        report(`ModelCheckpoint: can save best model only with '${this.monitor}' available; skipping (available: ${Object.keys(logs).join(', ')})`);
        return;
      }
      if (!this.improved(current)) {
        if (this.verbose > 0) report(`Epoch ${epoch + 1}: ${this.monitor} did not improve from ${this.best.toFixed(5)}`);
        return;
      }
      if (this.verbose > 0) report(`Epoch ${epoch + 1}: ${this.monitor} improved from ${this.best.toFixed(5)} to ${current.toFixed(5)}, saving model to ${path}`);
      this.best = current;
    } else if (this.verbose > 0) {
      report(`Epoch ${epoch + 1}: saving model to ${path}`);
    }
    mkdirSync(dirname(path), { recursive: true });
    if (this.saveWeightsOnly) await saveWeights(model, path);
    else await saveModel(model, path);
  }
}
