import { CUBLAS_SONAME, cublasCandidates, formatCublasNotFound, type SearchEnvironment } from './library-search';

function machine(dirs: Record<string, string[]>, env: Record<string, string> = {}, sites: string[] = []): SearchEnvironment {
  return { env, listDir: (dir) => dirs[dir] ?? [], pythonSitePackages: () => sites };
}

describe('cublasCandidates', () => {
  it('tries the explicit path, then the loader, the toolkit and Python wheels, in that order', () => {
    const site = '/usr/lib/python3.12/site-packages';
    const search = machine(
      {
        '/usr/local': ['bin', 'cuda-13.0', 'cuda-12.4', 'cuda-13.1'],
        [`${site}/nvidia`]: ['cudnn', 'cu13', 'nccl'],
      },
      { STRATA_CUBLAS_PATH: '/opt/blas', CUDA_HOME: '/opt/cuda' },
      [site],
    );
    expect(cublasCandidates(search)).toEqual([
      `/opt/blas/${CUBLAS_SONAME}`,
      CUBLAS_SONAME,
      `/opt/cuda/lib64/${CUBLAS_SONAME}`,
      `/opt/cuda/lib/${CUBLAS_SONAME}`,
      `/usr/local/cuda/lib64/${CUBLAS_SONAME}`,
      `/usr/local/cuda/lib/${CUBLAS_SONAME}`,
      `/usr/local/cuda-13.1/lib64/${CUBLAS_SONAME}`,
      `/usr/local/cuda-13.1/lib/${CUBLAS_SONAME}`,
      `/usr/local/cuda-13.0/lib64/${CUBLAS_SONAME}`,
      `/usr/local/cuda-13.0/lib/${CUBLAS_SONAME}`,
      `${site}/nvidia/cu13/lib/${CUBLAS_SONAME}`,
      `${site}/nvidia/cudnn/lib/${CUBLAS_SONAME}`,
      `${site}/nvidia/nccl/lib/${CUBLAS_SONAME}`,
    ]);
  });

  it('takes an explicit library file as it is and looks in the active virtualenv before Python’s list', () => {
    const search = machine(
      { '/venv/lib': ['python3.11'], '/venv/lib/python3.11/site-packages/nvidia': [] },
      { STRATA_CUBLAS_PATH: '/x/libcublas.so.13.1.0', VIRTUAL_ENV: '/venv' },
      ['/venv/lib/python3.11/site-packages'],
    );
    const candidates = cublasCandidates(search);
    expect(candidates[0]).toBe('/x/libcublas.so.13.1.0');
    expect(candidates[1]).toBe(CUBLAS_SONAME);
    expect(candidates.filter((c) => c.includes('/venv/')).length).toBe(1);
    expect(candidates[candidates.length - 1]).toBe(`/venv/lib/python3.11/site-packages/nvidia/cu13/lib/${CUBLAS_SONAME}`);
  });
});

describe('formatCublasNotFound', () => {
  it('lists every path with dlopen’s reason and says how to point at the library', () => {
    const text = formatCublasNotFound([
      { path: CUBLAS_SONAME, error: `${CUBLAS_SONAME}: cannot open shared object file: No such file or directory` },
      { path: '/usr/local/cuda/lib64/libcublas.so.13', error: 'loaded, but lacks cublasGemmStridedBatchedEx' },
    ]);
    expect(text).toBe(
      `cuBLAS (libcublas.so.13) was not found; tried 2 paths:\n` +
        `  libcublas.so.13: libcublas.so.13: cannot open shared object file: No such file or directory\n` +
        `  /usr/local/cuda/lib64/libcublas.so.13: loaded, but lacks cublasGemmStridedBatchedEx\n` +
        `Set STRATA_CUBLAS_PATH to the library or its folder, add its folder to LD_LIBRARY_PATH, ` +
        `or install it (pip install nvidia-cublas, or the CUDA 13 toolkit)`,
    );
  });
});
