/**
 * Where cuBLAS is looked for, in order, and how a failed search is reported. cuBLAS is loaded at run time
 * (dlopen), so the package builds without it and finds it wherever the machine keeps it: an explicit
 * path, the loader's own search (`LD_LIBRARY_PATH`), the CUDA toolkit, or a Python environment's NVIDIA
 * wheels (PyTorch's CUDA 13 wheels put it in `site-packages/nvidia/cu13/lib`).
 */
import * as path from 'node:path';

/** The file name dlopen is given; the soname of cuBLAS for CUDA 13. */
export const CUBLAS_SONAME = 'libcublas.so.13';

/** The environment variable that names cuBLAS explicitly: the library file or the folder holding it. */
export const CUBLAS_PATH_ENV = 'STRATA_CUBLAS_PATH';

/** What the search may look at; injected so that tests can describe any machine. */
export interface SearchEnvironment {
  /** Environment variables (`process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Lists a folder's entries, or returns [] when it cannot be read. */
  readonly listDir: (dir: string) => readonly string[];
  /** Python's site-packages folders (from `python3 -c 'import site; …'`), possibly empty. */
  readonly pythonSitePackages: () => readonly string[];
}

/** One place cuBLAS was looked for and why it did not load (empty error: it loaded). */
export interface LoadAttempt {
  readonly path: string;
  readonly error: string;
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}

/** Toolkit library folders: `$CUDA_HOME`/`$CUDA_PATH`, then /usr/local/cuda and versioned installs. */
function toolkitLibDirs(search: SearchEnvironment): string[] {
  const roots: string[] = [];
  for (const name of ['CUDA_HOME', 'CUDA_PATH']) {
    const root = search.env[name];
    if (root) roots.push(root);
  }
  roots.push('/usr/local/cuda');
  const versioned = search
    .listDir('/usr/local')
    .filter((entry) => /^cuda-13(\.\d+)?$/.test(entry))
    .sort()
    .reverse();
  roots.push(...versioned.map((entry) => path.join('/usr/local', entry)));
  return unique(roots).flatMap((root) => [path.join(root, 'lib64'), path.join(root, 'lib')]);
}

/** Site-packages folders of Python environments: the active venv/conda first, then Python's own list. */
function sitePackagesDirs(search: SearchEnvironment): string[] {
  const dirs: string[] = [];
  for (const name of ['VIRTUAL_ENV', 'CONDA_PREFIX']) {
    const prefix = search.env[name];
    if (!prefix) continue;
    const lib = path.join(prefix, 'lib');
    for (const entry of search.listDir(lib).filter((e) => /^python3\.\d+$/.test(e)).sort()) {
      dirs.push(path.join(lib, entry, 'site-packages'));
    }
  }
  dirs.push(...search.pythonSitePackages());
  return unique(dirs);
}

/** Inside one site-packages: `nvidia/cu13/lib` (CUDA 13 wheels) first, then every `nvidia/<name>/lib`. */
function nvidiaWheelDirs(search: SearchEnvironment, sitePackages: string): string[] {
  const nvidia = path.join(sitePackages, 'nvidia');
  const names = search.listDir(nvidia).filter((name) => name !== 'cu13').sort();
  return [path.join(nvidia, 'cu13', 'lib'), ...names.map((name) => path.join(nvidia, name, 'lib'))];
}

/**
 * The paths given to dlopen, in order: `$STRATA_CUBLAS_PATH` (a file, or a folder holding the library);
 * the bare soname (the loader's own search: `LD_LIBRARY_PATH`, the ld cache); the CUDA toolkit's library
 * folders; the NVIDIA wheels of every Python environment found.
 */
export function cublasCandidates(search: SearchEnvironment): string[] {
  const candidates: string[] = [];
  const explicit = search.env[CUBLAS_PATH_ENV];
  if (explicit) {
    candidates.push(explicit.endsWith('.so') || /\.so\.\d+/.test(explicit) ? explicit : path.join(explicit, CUBLAS_SONAME));
  }
  candidates.push(CUBLAS_SONAME);
  for (const dir of toolkitLibDirs(search)) candidates.push(path.join(dir, CUBLAS_SONAME));
  for (const site of sitePackagesDirs(search)) {
    for (const dir of nvidiaWheelDirs(search, site)) candidates.push(path.join(dir, CUBLAS_SONAME));
  }
  return unique(candidates);
}

/** The message for a search that loaded nothing: every path tried with dlopen's reason, and the way out. */
export function formatCublasNotFound(attempts: readonly LoadAttempt[]): string {
  const lines = attempts.map((a) => `  ${a.path}: ${a.error}`);
  return (
    `cuBLAS (${CUBLAS_SONAME}) was not found; tried ${attempts.length} paths:\n${lines.join('\n')}\n` +
    `Set ${CUBLAS_PATH_ENV} to the library or its folder, add its folder to LD_LIBRARY_PATH, ` +
    `or install it (pip install nvidia-cublas, or the CUDA 13 toolkit)`
  );
}
