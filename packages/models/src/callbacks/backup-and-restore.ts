import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { invalidArgument, defineOptions } from '@strata-ml/core';
import { atomicWriteFile } from '../saving/atomic-write';
import { CorruptFileError } from '../saving/errors';
import { readHdf5 } from '../saving/hdf5-reader';
import { h5Get } from '../saving/hdf5-tree';
import { writeHdf5 } from '../saving/hdf5-writer';
import { numberedDatasets } from '../saving/layer-weights';
import { layerWeightsTree } from '../saving/model-archive';
import { restoreOptimizerState, writeOptimizerState } from '../saving/optimizer-state';
import { weightsFromTree } from '../saving/weights-file';
import { Callback } from './callback';

/** Arguments of {@link BackupAndRestore}. */
export interface BackupAndRestoreArgs {
  /** The folder that holds the backup (`latest.weights.h5`); created when missing. */
  backupDir: string;
  /** Remove the backup once `fit` completes (default true, as Keras). */
  deleteCheckpoint?: boolean;
}

const BACKUP_AND_RESTORE_OPTIONS = defineOptions<BackupAndRestoreArgs>('BackupAndRestore', {
  backupDir: true,
  deleteCheckpoint: true,
});

/**
 * Makes an interrupted `fit` resumable (Keras's `BackupAndRestore`): after every epoch it backs up the
 * weights, the optimizer state and the epoch number in one atomically written file; when `fit` starts
 * and a backup exists, it restores them and asks the loop to continue after the backed-up epoch (by
 * setting `model.resumeEpoch`). A completed run deletes the backup.
 */
export class BackupAndRestore extends Callback {
  readonly backupDir: string;
  readonly deleteCheckpoint: boolean;
  /** The (0-based) epoch whose end the restored backup holds, or null when `fit` started afresh. */
  restoredEpoch: number | null = null;

  constructor(args: BackupAndRestoreArgs) {
    super();
    BACKUP_AND_RESTORE_OPTIONS.check(args);
    if (args == null || typeof args.backupDir !== 'string' || args.backupDir.length === 0) {
      throw invalidArgument('BackupAndRestore', 'backupDir', 'a non-empty folder path', args?.backupDir);
    }
    this.backupDir = args.backupDir;
    this.deleteCheckpoint = args.deleteCheckpoint ?? true;
  }

  /** The backup file. */
  get backupPath(): string {
    return join(this.backupDir, 'latest.weights.h5');
  }

  override onTrainBegin(): void {
    this.restoredEpoch = null;
    const model = this.model;
    if (model === null || !existsSync(this.backupPath)) return;
    const root = readHdf5(new Uint8Array(readFileSync(this.backupPath)));
    const epoch = root.attrs.get('epoch');
    if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 0) {
      throw new CorruptFileError(`BackupAndRestore: ${this.backupPath} has no valid 'epoch' attribute`);
    }
    weightsFromTree(model, root);
    const vars = h5Get(root, 'optimizer/vars');
    if (model.optimizer !== null && vars?.kind === 'group') {
      restoreOptimizerState(model.optimizer, numberedDatasets(vars, 'BackupAndRestore'), model.trainableWeights.length);
    }
    this.restoredEpoch = epoch;
    (model as { resumeEpoch?: number | null }).resumeEpoch = epoch + 1;
  }

  override onEpochEnd(epoch: number): void {
    const model = this.model;
    if (model === null) return;
    const root = layerWeightsTree(model.layers);
    root.attrs.set('epoch', epoch);
    if (model.optimizer !== null && model.optimizer.iterations > 0) writeOptimizerState(root, model.optimizer, model.trainableWeights.length);
    mkdirSync(this.backupDir, { recursive: true });
    atomicWriteFile(this.backupPath, writeHdf5(root));
  }

  override onTrainEnd(): void {
    // An interrupted run never gets here, so its backup stays for the next fit.
    if (this.deleteCheckpoint) rmSync(this.backupPath, { force: true });
  }
}
