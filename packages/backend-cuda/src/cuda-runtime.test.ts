import * as fs from 'node:fs';
import { describeDriverError, probeRuntime, type ProbeEnvironment } from './cuda-runtime';
import { ADDON_PATH, loadNativeAddon, type NativeAddon } from './native';
import { unavailableReason } from './register';

/** An addon whose device calls behave as given. */
function fakeAddon(overrides: Partial<NativeAddon>): NativeAddon {
  const base: Partial<NativeAddon> = {
    versions: () => ({ driver: 13000, runtime: 13000 }),
    deviceCount: () => 1,
    init: () => ({ name: 'NVIDIA H100 80GB HBM3', computeCapability: '9.0', totalBytes: 85e9, multiprocessors: 132 }),
    loadCublas: () => ({ loaded: '/usr/lib/libcublas.so.13', tried: [{ path: '/usr/lib/libcublas.so.13', error: '' }] }),
  };
  return { ...base, ...overrides } as NativeAddon;
}

function environment(addon: NativeAddon | Error | null, skipReason: string | null = null): ProbeEnvironment {
  return {
    addonFile: '/pkg/build/Release/strata_cuda.node',
    addonExists: () => addon !== null,
    load: () => {
      if (addon instanceof Error) throw addon;
      return addon as NativeAddon;
    },
    skipReason: () => skipReason,
    search: { env: {}, listDir: () => [], pythonSitePackages: () => [] },
  };
}

/** An error as the addon raises it for a CUDA status. */
function cudaError(status: number, text: string): Error {
  return Object.assign(new Error(text), { status, library: 'cuda' });
}

describe('probeRuntime', () => {
  it('says the addon was not built, and why, when the build skipped it', () => {
    const p = probeRuntime(environment(null, 'nvcc was not found on PATH'));
    expect(p).toEqual({
      ok: false,
      reason:
        'the CUDA addon is not built (/pkg/build/Release/strata_cuda.node does not exist; the build said: nvcc was not found on PATH); ' +
        'install the CUDA 13 toolkit so that nvcc is on PATH and run: pnpm --filter @strata-ml/backend-cuda build',
    });
  });

  it('passes on the loader’s error when the addon cannot load', () => {
    const p = probeRuntime(environment(new Error('libcudart.so.13: cannot open shared object file: No such file or directory')));
    expect(p).toEqual({ ok: false, reason: 'the CUDA addon /pkg/build/Release/strata_cuda.node failed to load: libcudart.so.13: cannot open shared object file: No such file or directory' });
  });

  it('explains cudaErrorInsufficientDriver (35) as a missing or old driver', () => {
    const addon = fakeAddon({ deviceCount: () => { throw cudaError(35, 'cudaGetDeviceCount: cudaErrorInsufficientDriver (35): CUDA driver version is insufficient for CUDA runtime version [ops.cc:26]'); } });
    const p = probeRuntime(environment(addon));
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toBe(
      'no usable NVIDIA driver: the CUDA runtime reports cudaErrorInsufficientDriver (35), so either no NVIDIA driver is installed or it is older than CUDA 13 needs (R580 or newer) ' +
        '[cudaGetDeviceCount: cudaErrorInsufficientDriver (35): CUDA driver version is insufficient for CUDA runtime version [ops.cc:26]]',
    );
  });

  it('says so when there is a driver but no GPU', () => {
    expect(probeRuntime(environment(fakeAddon({ deviceCount: () => 0 })))).toEqual({ ok: false, reason: 'no CUDA-capable GPU was found (cudaGetDeviceCount returned 0)' });
    expect(describeDriverError(cudaError(100, 'x: cudaErrorNoDevice (100)'))).toBe('no CUDA-capable GPU was found: cudaErrorNoDevice (100) [x: cudaErrorNoDevice (100)]');
  });

  it('lists every cuBLAS path tried when none loads', () => {
    const addon = fakeAddon({ loadCublas: (_ctx, paths) => ({ loaded: null, tried: paths.map((path) => ({ path, error: `${path}: cannot open shared object file` })) }) });
    const p = probeRuntime(environment(addon));
    expect(!p.ok && p.reason).toMatch(/^cuBLAS \(libcublas\.so\.13\) was not found; tried 3 paths:\n {2}libcublas\.so\.13: libcublas\.so\.13: cannot open shared object file\n {2}\/usr\/local\/cuda\/lib64\/libcublas\.so\.13: /);
  });

  it('returns the runtime when every step succeeds', () => {
    const p = probeRuntime(environment(fakeAddon({})));
    expect(p.ok && p.runtime.cublasPath).toBe('/usr/lib/libcublas.so.13');
    expect(p.ok && p.runtime.device.computeCapability).toBe('9.0');
  });
});

// The real addon, where the build made one. On a machine without an NVIDIA driver (CI), its first CUDA
// call must come back as a clear JavaScript error, not a crash.
const built = fs.existsSync(ADDON_PATH);
const hasDriver = fs.existsSync('/proc/driver/nvidia/version');
const addonSuite = built && !hasDriver ? describe : describe.skip;
if (!built) console.log(`cuda-runtime.test: addon tests skipped: ${ADDON_PATH} was not built (no nvcc at build time)`);
else if (hasDriver) console.log('cuda-runtime.test: no-driver tests skipped: this machine has an NVIDIA driver; the device tests cover it');

addonSuite('the built addon without a driver', () => {
  it('loads, reports CUDA runtime 13.x, and turns cudaErrorInsufficientDriver into an Error with status and place', () => {
    const native = loadNativeAddon(ADDON_PATH);
    expect(Math.floor(native.versions('versions').runtime / 1000)).toBe(13);
    let caught: unknown;
    try {
      native.deviceCount('cudaGetDeviceCount');
    } catch (err) {
      caught = err;
    }
    // Native errors come from Node's realm, not jest's sandbox, so check the name rather than instanceof.
    expect((caught as Error).name).toBe('Error');
    expect((caught as { status: number }).status).toBe(35);
    expect((caught as Error).message).toMatch(/^cudaGetDeviceCount: cudaErrorInsufficientDriver \(35\): .+ \[ops\.cc:\d+\]$/);
  });

  it('exports the op tables by name, matching what the TypeScript kernels ask for', () => {
    const native = loadNativeAddon(ADDON_PATH);
    expect(native.opCodes.unary['Relu']).toBeGreaterThanOrEqual(0);
    expect(Object.keys(native.opCodes.binary)).toEqual(expect.arrayContaining(['Add', 'Multiply', 'Prelu', 'EluGrad', 'LogicalXor']));
    expect(Object.keys(native.opCodes.activation)).toEqual(['linear', 'relu', 'relu6', 'elu', 'selu', 'sigmoid', 'leakyrelu']);
    expect(Object.keys(native.opCodes.random)).toEqual(['uniform', 'normal', 'truncatedNormal']);
  });

  it('makes unavailableReason() name the missing driver', () => {
    expect(unavailableReason()).toMatch(/^no usable NVIDIA driver: the CUDA runtime reports cudaErrorInsufficientDriver \(35\)/);
  });

  it('rejects a malformed argument with the call’s context', () => {
    const native = loadNativeAddon(ADDON_PATH);
    expect(() => native.unary('Relu(float32[2])', 'x' as unknown as number, 0, 0, 0, 2, 0, 0)).toThrow('Relu(float32[2]): native argument 1 must be a number');
  });
});
