/**
 * How setBackend reports a backend package that is installed but cannot run, with @strata-ml/backend-cuda
 * replaced by a stand-in (the real one depends on the machine's GPU).
 */
import { getBackend, installedBackends, ready, setBackend } from './backend';

/** What the stand-in does: throw while loading, or load and report a reason it cannot start. */
const mockCuda: { loadError?: string; reason?: string } = {};

jest.mock('@strata-ml/backend-cuda', () => {
  // A throwing factory is not cached, so each require fails again until loadError is cleared.
  if (mockCuda.loadError !== undefined) throw new Error(mockCuda.loadError);
  return { unavailableReason: async () => mockCuda.reason ?? null };
});

describe('setBackend with an unusable backend package', () => {
  // Runs first: once the stand-in has loaded, it stays loaded.
  it('reports a package that fails to load, and still counts it as installed', async () => {
    mockCuda.loadError = 'libcudart.so.12: cannot open shared object file';
    await expect(setBackend('cuda')).rejects.toThrow(
      "setBackend: backend 'cuda' is installed but failed to load: libcudart.so.12: cannot open shared object file",
    );
    expect(installedBackends()).toEqual(['wasm', 'cpu', 'cuda']);
    delete mockCuda.loadError;
  });

  it('says why it cannot start and lists the installed backends, keeping the earlier backend', async () => {
    mockCuda.reason = 'no CUDA-capable device is detected';
    await setBackend('cpu');
    await expect(setBackend('cuda')).rejects.toThrow(
      "setBackend: backend 'cuda' cannot start: no CUDA-capable device is detected. Installed backends: wasm, cpu, cuda",
    );
    expect(getBackend()).toBe('cpu');
    expect(await ready()).toBe('cpu');
  });
});
