import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setRandomSeed, tf, type Tensor } from '@strata-ml/core';
import { Dense } from '@strata-ml/layers';
import { blobs, useTestBackend } from '../../test/helpers';
import { Sequential } from '../sequential';
import { BackupAndRestore } from './backup-and-restore';
import { Callback } from './callback';

beforeAll(useTestBackend);

function model(): Sequential {
  const m = new Sequential({ layers: [new Dense(5, { activation: 'relu', inputShape: [2] }), new Dense(3, { activation: 'softmax' })] });
  m.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
  return m;
}

/** Simulates a crash: throws at the end of epoch `at`, after the callbacks before it ran. */
class Crash extends Callback {
  weights: number[][] = [];
  constructor(private readonly at: number) {
    super();
  }
  override onEpochEnd(epoch: number): void {
    if (epoch !== this.at) return;
    this.weights = (this.model?.getWeights() ?? []).map((w: Tensor) => Array.from(w.dataSync()));
    throw new Error('simulated crash');
  }
}

/** Records the state right after the callbacks before it ran onTrainBegin. */
class Probe extends Callback {
  weights: number[][] = [];
  iterations = -1;
  override onTrainBegin(): void {
    this.weights = (this.model?.getWeights() ?? []).map((w: Tensor) => Array.from(w.dataSync()));
    this.iterations = this.model?.optimizer?.iterations ?? -1;
  }
}

describe('BackupAndRestore', () => {
  it('backs up every epoch and restores weights, optimizer state and the epoch after a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-backup-'));
    const { x, y } = blobs(6);
    setRandomSeed(11);
    const first = model();
    const crash = new Crash(1);
    await expect(first.fit(x, y, { epochs: 4, batchSize: 6, verbose: 0, shuffle: false, callbacks: [new BackupAndRestore({ backupDir: dir }), crash] })).rejects.toThrow('simulated crash');
    expect(existsSync(join(dir, 'latest.weights.h5'))).toBe(true);

    setRandomSeed(12);
    const second = model();
    const backup = new BackupAndRestore({ backupDir: dir });
    const probe = new Probe();
    await second.fit(x, y, { epochs: 4, batchSize: 6, verbose: 0, shuffle: false, callbacks: [backup, probe] });
    expect(backup.restoredEpoch).toBe(1);
    expect(probe.weights).toEqual(crash.weights);
    // Two epochs of 3 batches ran before the crash.
    expect(probe.iterations).toBe(6);
    // A completed run removes the backup, so the next fit starts afresh.
    expect(existsSync(join(dir, 'latest.weights.h5'))).toBe(false);
    [first, second].forEach((m) => m.dispose());
    tf.dispose([x, y]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks its arguments', () => {
    expect(() => new BackupAndRestore({ backupDir: '' })).toThrow('BackupAndRestore: backupDir must be a non-empty folder path; received backupDir=""');
  });
});
