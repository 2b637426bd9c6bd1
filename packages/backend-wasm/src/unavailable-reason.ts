/**
 * Why the wasm backend cannot start here, for `@strata-ml/core`'s `setBackend('wasm')` to report.
 */

/** A sentence saying why the backend cannot run on this platform, or null when it can. */
export function unavailableReason(): string | null {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return 'this JavaScript runtime has no WebAssembly';
  }
  return null;
}
