/**
 * Bringing the GPU up: load the addon, find a device, start it, load cuBLAS. Every step that can fail
 * turns into one sentence saying what is missing, which `unavailableReason()` returns and core's
 * `setBackend('cuda')` shows.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cublasCandidates, formatCublasNotFound, type SearchEnvironment } from './library-search';
import { addonPath, buildSkipReason, loadNativeAddon, type NativeAddon } from './native';

/** A started device with cuBLAS loaded. */
export interface CudaRuntime {
  readonly native: NativeAddon;
  readonly device: { name: string; computeCapability: string; totalBytes: number; multiprocessors: number };
  readonly driverVersion: number;
  readonly runtimeVersion: number;
  readonly cublasPath: string;
}

/** The outcome of bringing the GPU up: a runtime, or the reason there is none. */
export type RuntimeProbe = { readonly ok: true; readonly runtime: CudaRuntime } | { readonly ok: false; readonly reason: string };

/** What `probeRuntime` needs from the machine; the defaults are the real ones. */
export interface ProbeEnvironment {
  readonly addonFile: string;
  readonly addonExists: (file: string) => boolean;
  readonly load: (file: string) => NativeAddon;
  readonly skipReason: () => string | null;
  readonly search: SearchEnvironment;
}

const CUDA_ERROR_INSUFFICIENT_DRIVER = 35;
const CUDA_ERROR_NO_DEVICE = 100;

/** CUDA 13's runtime version as the driver reports it (13000 → "13.0"). */
function cudaVersion(v: number): string {
  return `${Math.floor(v / 1000)}.${Math.floor((v % 1000) / 10)}`;
}

/** The sentence for a failed first CUDA call. */
export function describeDriverError(err: unknown): string {
  const status = (err as { status?: number }).status;
  const message = (err as Error).message ?? String(err);
  if (status === CUDA_ERROR_INSUFFICIENT_DRIVER) {
    return (
      'no usable NVIDIA driver: the CUDA runtime reports cudaErrorInsufficientDriver (35), so either no NVIDIA ' +
      `driver is installed or it is older than CUDA 13 needs (R580 or newer) [${message}]`
    );
  }
  if (status === CUDA_ERROR_NO_DEVICE) return `no CUDA-capable GPU was found: cudaErrorNoDevice (100) [${message}]`;
  return `CUDA failed to start: ${message}`;
}

function pythonSitePackages(): string[] {
  const script = 'import site,sys\nprint("\\n".join(site.getsitepackages()+[site.getusersitepackages()]))';
  const result = spawnSync('python3', ['-c', script], { encoding: 'utf8', timeout: 5000 });
  if (result.status !== 0 || typeof result.stdout !== 'string') return [];
  return result.stdout.split('\n').filter((line) => line.length > 0);
}

/** The real machine. */
export function defaultProbeEnvironment(): ProbeEnvironment {
  return {
    addonFile: addonPath(),
    addonExists: (file) => fs.existsSync(file),
    load: loadNativeAddon,
    skipReason: buildSkipReason,
    search: {
      env: process.env,
      listDir: (dir) => {
        try {
          return fs.readdirSync(dir);
        } catch {
          return [];
        }
      },
      pythonSitePackages,
    },
  };
}

/** Loads the addon, starts device 0 and loads cuBLAS; says what is missing when a step fails. */
export function probeRuntime(env: ProbeEnvironment): RuntimeProbe {
  if (!env.addonExists(env.addonFile)) {
    const why = env.skipReason();
    return {
      ok: false,
      reason:
        `the CUDA addon is not built (${env.addonFile} does not exist${why ? `; the build said: ${why}` : ''}); ` +
        'install the CUDA 13 toolkit so that nvcc is on PATH and run: pnpm --filter @strata-ml/backend-cuda build',
    };
  }
  let native: NativeAddon;
  try {
    native = env.load(env.addonFile);
  } catch (err) {
    return { ok: false, reason: `the CUDA addon ${env.addonFile} failed to load: ${(err as Error).message}` };
  }
  let versions: { driver: number; runtime: number };
  let count: number;
  try {
    versions = native.versions('versions');
    count = native.deviceCount('cudaGetDeviceCount');
  } catch (err) {
    return { ok: false, reason: describeDriverError(err) };
  }
  if (count === 0) return { ok: false, reason: 'no CUDA-capable GPU was found (cudaGetDeviceCount returned 0)' };
  let device: CudaRuntime['device'];
  try {
    device = native.init('init device 0', 0);
  } catch (err) {
    return { ok: false, reason: describeDriverError(err) };
  }
  const cublas = native.loadCublas('load cuBLAS', cublasCandidates(env.search));
  if (cublas.loaded === null) return { ok: false, reason: formatCublasNotFound(cublas.tried) };
  return {
    ok: true,
    runtime: {
      native,
      device,
      driverVersion: versions.driver,
      runtimeVersion: versions.runtime,
      cublasPath: cublas.loaded,
    },
  };
}

/** One line about the runtime, for logs: GPU, compute capability, driver and runtime CUDA versions. */
export function describeRuntime(r: CudaRuntime): string {
  return (
    `${r.device.name} (sm_${r.device.computeCapability.replace('.', '')}, ${(r.device.totalBytes / 2 ** 30).toFixed(1)} GiB), ` +
    `driver CUDA ${cudaVersion(r.driverVersion)}, runtime CUDA ${cudaVersion(r.runtimeVersion)}, cuBLAS ${r.cublasPath}`
  );
}
