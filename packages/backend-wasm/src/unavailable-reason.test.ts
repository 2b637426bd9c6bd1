import { unavailableReason } from './unavailable-reason';

describe('unavailableReason', () => {
  it('is null where WebAssembly exists', () => {
    expect(unavailableReason()).toBeNull();
  });

  it('names the missing WebAssembly', () => {
    const saved = globalThis.WebAssembly;
    Object.defineProperty(globalThis, 'WebAssembly', { value: undefined, configurable: true, writable: true });
    try {
      expect(unavailableReason()).toBe('this JavaScript runtime has no WebAssembly');
    } finally {
      Object.defineProperty(globalThis, 'WebAssembly', { value: saved, configurable: true, writable: true });
    }
  });
});
