import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setRandomSeed, tf } from '@strata-ml/core';
import { Dense } from '@strata-ml/layers';
import { blobs, useTestBackend } from '../../test/helpers';
import { BackupAndRestore } from '../callbacks/backup-and-restore';
import { Callback } from '../callbacks/callback';
import { Sequential } from '../sequential';

beforeAll(useTestBackend);

function model(): Sequential {
  const m = new Sequential({ layers: [new Dense(5, { activation: 'relu', inputShape: [2] }), new Dense(3, { activation: 'softmax' })] });
  m.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
  return m;
}

class CrashAfter extends Callback {
  constructor(private readonly epoch: number) {
    super();
  }
  override onEpochEnd(epoch: number): void {
    if (epoch === this.epoch) throw new Error('simulated crash');
  }
}

describe('fitLoop', () => {
  it('resumes after a restored backup at model.resumeEpoch: the losses equal the tail of an uninterrupted run', async () => {
    const { x, y } = blobs(6);
    const args = { epochs: 5, batchSize: 6, verbose: 0 as const, shuffle: false };
    setRandomSeed(21);
    const whole = model();
    const full = (await whole.fit(x, y, args)).history['loss'] as number[];

    const dir = mkdtempSync(join(tmpdir(), 'strata-resume-'));
    setRandomSeed(21);
    const interrupted = model();
    await expect(interrupted.fit(x, y, { ...args, callbacks: [new BackupAndRestore({ backupDir: dir }), new CrashAfter(1)] })).rejects.toThrow('simulated crash');
    setRandomSeed(99);
    const resumed = model();
    const history = await resumed.fit(x, y, { ...args, callbacks: [new BackupAndRestore({ backupDir: dir })] });
    expect(history.epoch).toEqual([2, 3, 4]);
    expect(history.history['loss']).toEqual(full.slice(2));
    // Used once: the next fit starts from initialEpoch again.
    expect(resumed.resumeEpoch).toBeNull();
    expect((await resumed.fit(x, y, { ...args, epochs: 1 })).epoch).toEqual([0]);
    [whole, interrupted, resumed].forEach((m) => m.dispose());
    tf.dispose([x, y]);
    rmSync(dir, { recursive: true, force: true });
  });
});
