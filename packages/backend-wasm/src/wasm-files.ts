/**
 * Where the backend's `.wasm` binaries are loaded from. In Node they are read from the installed
 * `@tensorflow/tfjs-backend-wasm` package on disk (never fetched), also when this code runs from a bundle
 * elsewhere, as long as the package resolves from there. In browsers, serve the package's `dist/*.wasm` files and call `setWasmPaths` before the
 * backend starts (see the README).
 */
import * as path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** The folder holding the installed package's `.wasm` files (with a trailing separator), or null outside Node. */
export function installedWasmFolder(): string | null {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  if (!isNode || typeof require !== 'function' || typeof require.resolve !== 'function') return null;
  return path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
}

/** Points the backend at the installed `.wasm` files when running in Node; a later `setWasmPaths` call wins. */
export function useInstalledWasmFiles(): void {
  const folder = installedWasmFolder();
  if (folder !== null) setWasmPaths(folder);
}
