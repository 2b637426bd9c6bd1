import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RandomGenerator, setRandomSeed } from '@strata-ml/core';
import { Dense } from '@strata-ml/layers';
import { useTestBackend } from '../../test/helpers';
import { Sequential } from '../sequential';
import { atomicWriteFile } from './atomic-write';
import { modelFromBytes, modelToBytes } from './model-archive';

beforeAll(useTestBackend);

// The child saves two versions to one path in turns, forever, and says "ready" after the first save.
const CHILD = `
const { readFileSync } = require('node:fs');
const { atomicWriteFile } = require(${JSON.stringify(join(__dirname, 'atomic-write.ts'))});
const [target, a, b] = process.argv.slice(1);
const versions = [readFileSync(a), readFileSync(b)];
for (let i = 0; ; i++) {
  atomicWriteFile(target, versions[i % 2]);
  if (i === 0) process.stdout.write('ready\\n');
}
`;

function archive(seed: number): Uint8Array {
  setRandomSeed(seed);
  // About 1 MB, so that a kill often lands in the middle of a write.
  const model = new Sequential({ layers: [new Dense(512, { inputShape: [512] })] });
  const bytes = modelToBytes(model);
  model.dispose();
  return bytes;
}

function runUntilKilled(args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', '-e', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited without being killed: ${stderr}`))));
  });
}

describe('atomicWriteFile', () => {
  it('replaces a file completely and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-atomic-'));
    const path = join(dir, 'model.keras');
    writeFileSync(path, 'old');
    atomicWriteFile(path, new TextEncoder().encode('new contents'));
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['model.keras']);
    rmSync(dir, { recursive: true });
  });

  it('a save killed with SIGKILL at a random moment leaves the previous model intact and loadable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-kill-'));
    const a = archive(1);
    const b = archive(2);
    const [pathA, pathB, target] = [join(dir, 'a.bin'), join(dir, 'b.bin'), join(dir, 'model.keras')];
    writeFileSync(pathA, a);
    writeFileSync(pathB, b);
    atomicWriteFile(target, a);
    const rng = new RandomGenerator(99);
    for (let round = 0; round < 3; round++) {
      await runUntilKilled([target, pathA, pathB], 20 + Math.floor(rng.nextFloat() * 200));
      const bytes = new Uint8Array(readFileSync(target));
      // Exactly one of the two complete versions: never a torn mix.
      expect(Buffer.from(bytes).equals(Buffer.from(a)) || Buffer.from(bytes).equals(Buffer.from(b))).toBe(true);
      modelFromBytes(bytes).dispose();
    }
    rmSync(dir, { recursive: true });
  }, 60_000);
});
