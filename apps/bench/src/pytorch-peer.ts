/**
 * PyTorch CPU as a peer of the training benchmark: `peers/pytorch_bench.py` trains the same models (same
 * batch, optimizer settings and thread count) under the first Python interpreter found that imports
 * torch. Where none does, the peer is skipped with the reason.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { ModelName } from './strata-models';

/** Where PyTorch was found, or why not. */
export type TorchPython = { readonly python: string; readonly version: string } | { readonly reason: string };

/**
 * Interpreters tried in order: `STRATA_BENCH_PYTHON`, then `python3` and `python` on PATH, then the
 * system's own (`/usr/bin/python3`, where Debian's `python3-torch` installs, while a PATH `python3` may be
 * a pyenv or virtual-env interpreter without it).
 */
export function torchCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = env['STRATA_BENCH_PYTHON'];
  return [...(fromEnv ? [fromEnv] : []), 'python3', 'python', '/usr/bin/python3', '/usr/local/bin/python3'];
}

/** The first candidate that imports torch. */
export function findTorchPython(candidates: readonly string[] = torchCandidates()): TorchPython {
  const tried: string[] = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', timeout: 60000 });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
    tried.push(`${python}: ${probe.error ? 'not found' : (probe.stderr.trim().split('\n').pop() ?? `exit ${String(probe.status)}`)}`);
  }
  return { reason: `no Python interpreter with torch (${tried.join('; ')})` };
}

/** PyTorch's times for one model. */
export interface TorchResult {
  readonly cpuMsPerStep: number;
  readonly wallMsPerStep: number;
}

/** What the script reports. */
export interface TorchRun {
  readonly torch: string;
  readonly threads: number;
  /** The BLAS library the process loaded (Debian's torch without OpenBLAS is ~6x slower, an unfair peer). */
  readonly blas: string;
  readonly results: Partial<Record<ModelName, TorchResult>>;
}

/** Runs the PyTorch side for `models` on `threads` threads (OpenBLAS and OpenMP limited to the same). */
export function runPyTorch(python: string, models: readonly ModelName[], steps: number, warmup: number, threads: number): TorchRun {
  const script = path.join(__dirname, '..', 'peers', 'pytorch_bench.py');
  const args = [script, '--models', models.join(','), '--steps', String(steps), '--warmup', String(warmup), '--threads', String(threads)];
  const env = { ...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads) };
  const child = spawnSync(python, args, { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`train-bench: the PyTorch run failed (exit ${String(child.status)}):\n${child.stderr.slice(-2000)}`);
  }
  return JSON.parse(line) as TorchRun;
}
