import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { BackendError, ValueError } from './errors';
import * as tf from './ops';
import { getBackend, installedBackends, ready, setBackend } from './backend';

const run = promisify(execFile);
const packageRoot = path.resolve(__dirname, '..');

/** Runs `ready()` in a fresh Node process (the backend choice is per process) and returns what it reports. */
async function readyInChild(env: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const script = `
    const core = require('./src/index.ts');
    core.ready().then(
      (name) => console.log(JSON.stringify({ ready: name, active: core.getBackend(), sum: Array.from(core.tf.add(core.tf.tensor([1, 2]), 1).dataSync()) })),
      (err) => console.log(JSON.stringify({ error: err.name, message: err.message })),
    );`;
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const { stdout } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', '-e', script], {
    cwd: packageRoot,
    env: childEnv,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}

describe('setBackend', () => {
  it('lists the valid names when given an unknown one', async () => {
    await expect(setBackend('nope')).rejects.toThrow(ValueError);
    await expect(setBackend('nope')).rejects.toThrow('setBackend: name must be one of wasm, cpu, cuda; received name="nope"');
  });

  it('selects the reference CPU backend, which ready() then reports', async () => {
    await setBackend('cpu');
    expect(getBackend()).toBe('cpu');
    expect(await ready()).toBe('cpu');
    const sum = tf.tidy(() => Array.from(tf.add(tf.tensor([1, 2, 3]), tf.tensor([10, 20, 30])).dataSync()));
    expect(sum).toEqual([11, 22, 33]);
  });

  it('finds the backends installed beside core', () => {
    expect(installedBackends()).toEqual(expect.arrayContaining(['wasm', 'cpu']));
  });

  it("reports why 'cuda' is unusable, naming the installed backends", async () => {
    // @strata-ml/backend-cuda may be absent, present without a usable GPU, or working: each has its own answer.
    const outcome = await setBackend('cuda').then(
      () => null,
      (err: unknown) => err,
    );
    if (outcome === null) {
      expect(getBackend()).toBe('cuda');
      await setBackend('cpu');
      return;
    }
    expect(outcome).toBeInstanceOf(BackendError);
    const message = (outcome as Error).message;
    const notInstalled =
      /^setBackend: backend 'cuda' \(native CUDA backend for NVIDIA GPUs\) is not installed; installed backends: ([a-z, ]+)\. Install it with: npm install @strata\/backend-cuda$/;
    const cannotStart = /^setBackend: backend 'cuda' (cannot start: .+\. Installed backends|is installed but failed to load: .+)/;
    expect(message).toMatch(new RegExp(`${notInstalled.source}|${cannotStart.source}`));
    if (notInstalled.test(message)) expect(message).toContain('installed backends: wasm, cpu.');
    // A failed switch leaves the earlier choice in place.
    expect(getBackend()).toBe('cpu');
    expect(await ready()).toBe('cpu');
  });
});

describe('ready() in a fresh process', () => {
  it("defaults to 'wasm'", async () => {
    expect(await readyInChild({ STRATA_BACKEND: undefined })).toEqual({ ready: 'wasm', active: 'wasm', sum: [2, 3] });
  });

  it('follows STRATA_BACKEND', async () => {
    expect(await readyInChild({ STRATA_BACKEND: 'cpu' })).toEqual({ ready: 'cpu', active: 'cpu', sum: [2, 3] });
  });

  it('rejects an unknown STRATA_BACKEND, listing the valid names', async () => {
    expect(await readyInChild({ STRATA_BACKEND: 'tpu' })).toEqual({
      error: 'ValueError',
      message: 'STRATA_BACKEND: value must be one of wasm, cpu, cuda; received value="tpu"',
    });
  });
});
