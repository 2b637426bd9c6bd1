/**
 * Backends by name. A backend lives in its own package, loaded lazily the first time it is asked for;
 * importing that package registers it with tfjs-core's engine.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import { registerCpuKernels } from './cpu-kernels/register';
import { BackendError, invalidArgument } from './errors';

/** The backends Strata knows how to load. */
export type BackendName = 'wasm' | 'cpu' | 'cuda';

interface BackendSpec {
  /** The package whose import registers the backend. */
  readonly packageName: string;
  readonly description: string;
}

const BACKENDS: Readonly<Record<BackendName, BackendSpec>> = {
  wasm: { packageName: '@strata-ml/backend-wasm', description: 'WASM SIMD CPU backend (default)' },
  cpu: { packageName: '@tensorflow/tfjs-backend-cpu', description: 'plain JavaScript reference backend' },
  cuda: { packageName: '@strata-ml/backend-cuda', description: 'native CUDA backend for NVIDIA GPUs' },
};

/** The backend used when neither `setBackend` nor `STRATA_BACKEND` chooses one. */
export const DEFAULT_BACKEND: BackendName = 'wasm';

/** What a backend package may export so that a failed start can say why. */
interface BackendModule {
  unavailableReason?: () => string | null | Promise<string | null>;
}

function isBackendName(name: string): name is BackendName {
  return Object.prototype.hasOwnProperty.call(BACKENDS, name);
}

/**
 * Requires a backend package from wherever it can be found: beside this package, beside the running
 * script, or in the current folder (a backend is a sibling dependency of the app, not of core).
 */
function loadPackage(packageName: string): BackendModule | null {
  const bases = [__filename];
  if (require.main?.filename) bases.push(require.main.filename);
  bases.push(path.join(process.cwd(), 'noop.js'));
  for (const base of bases) {
    try {
      return createRequire(base)(packageName) as BackendModule;
    } catch (err) {
      if (!isModuleNotFound(err, packageName)) throw err;
    }
  }
  return null;
}

function isModuleNotFound(err: unknown, packageName: string): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === 'MODULE_NOT_FOUND' && (e.message ?? '').includes(packageName);
}

/** Backend names whose packages can be loaded from here. */
export function installedBackends(): BackendName[] {
  return (Object.keys(BACKENDS) as BackendName[]).filter((name) => {
    try {
      return loadPackage(BACKENDS[name].packageName) !== null;
    } catch {
      return true; // present, though it failed to load: still installed
    }
  });
}

function notInstalled(name: BackendName): BackendError {
  const spec = BACKENDS[name];
  const installed = installedBackends();
  return new BackendError(
    `setBackend: backend '${name}' (${spec.description}) is not installed; ` +
      `installed backends: ${installed.length > 0 ? installed.join(', ') : 'none'}. ` +
      `Install it with: npm install ${spec.packageName}`,
  );
}

let selected: Promise<BackendName> | null = null;

async function activate(name: BackendName): Promise<BackendName> {
  const spec = BACKENDS[name];
  let mod: BackendModule | null;
  try {
    mod = loadPackage(spec.packageName);
  } catch (err) {
    throw new BackendError(`setBackend: backend '${name}' is installed but failed to load: ${(err as Error).message}`);
  }
  if (mod === null) throw notInstalled(name);
  if (name === 'cpu') registerCpuKernels();
  const reason = mod.unavailableReason ? await mod.unavailableReason() : null;
  if (reason) {
    throw new BackendError(
      `setBackend: backend '${name}' cannot start: ${reason}. Installed backends: ${installedBackends().join(', ')}`,
    );
  }
  const ok = await tfc.setBackend(name);
  if (!ok) {
    throw new BackendError(
      `setBackend: backend '${name}' failed to initialise (see the warning above); installed backends: ${installedBackends().join(', ')}`,
    );
  }
  silenceTfjsNodeAdvice();
  return name;
}

/**
 * tfjs's cpu backend advises installing tfjs-node on its first write in Node. Strata's backends replace
 * that advice (tfjs-node cannot install without downloading libtensorflow), so it is switched off.
 */
function silenceTfjsNodeAdvice(): void {
  const backend = tfc.backend() as { firstUse?: boolean };
  if (backend.firstUse === true) backend.firstUse = false;
}

/**
 * Selects the backend every later op runs on: `'wasm'` (default), `'cpu'` or `'cuda'`. Loads its package
 * on first use and waits for it to initialise. Throws a `BackendError` naming the installed backends
 * when the backend is missing or cannot start.
 */
export async function setBackend(name: BackendName | string): Promise<void> {
  if (!isBackendName(name)) {
    throw invalidArgument('setBackend', 'name', `one of ${Object.keys(BACKENDS).join(', ')}`, name);
  }
  const previous = selected;
  const attempt = activate(name);
  selected = attempt;
  try {
    await attempt;
  } catch (err) {
    // A failed switch keeps the backend that was running (activate changes nothing before it succeeds).
    if (selected === attempt) selected = previous;
    throw err;
  }
}

/** The backend chosen by `STRATA_BACKEND`, or the default. */
function configuredBackend(): string {
  const fromEnv = typeof process !== 'undefined' ? process.env['STRATA_BACKEND'] : undefined;
  return fromEnv && fromEnv.length > 0 ? fromEnv : DEFAULT_BACKEND;
}

/**
 * Resolves once a backend is ready: the one chosen by `setBackend`, else `STRATA_BACKEND`, else `'wasm'`.
 * Training and inference call it themselves; scripts that use raw ops call it once at the start.
 */
export async function ready(): Promise<BackendName> {
  if (selected === null) {
    const name = configuredBackend();
    if (!isBackendName(name)) {
      throw invalidArgument('STRATA_BACKEND', 'value', `one of ${Object.keys(BACKENDS).join(', ')}`, name);
    }
    const attempt = activate(name);
    selected = attempt;
    attempt.catch(() => {
      if (selected === attempt) selected = null;
    });
  }
  return selected;
}

/** The name of the backend ops run on now. */
export function getBackend(): string {
  return tfc.getBackend();
}
