import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import { conformanceCases } from './cases';
import { compareOutputs, runConformance } from './run-conformance';

describe('compareOutputs', () => {
  const out = (values: number[], shape = [values.length]) => ({ shape, dtype: 'float32', values });

  it('accepts errors within atol + rtol·|expected| and NaN against NaN', () => {
    expect(compareOutputs([out([1, NaN, 100])], [out([1.00001, NaN, 100.009])], 1e-4, 1e-5)).toEqual({ maxAbsError: expect.closeTo(0.009, 6), message: '' });
  });

  it('names the first element beyond tolerance', () => {
    expect(compareOutputs([out([1, 2])], [out([1, 2.5])], 1e-4, 1e-5).message).toBe('output 0 element 1: expected 2, received 2.5 (|error| 5.00e-1)');
  });

  it('reports a shape or dtype mismatch', () => {
    expect(compareOutputs([out([1, 2], [2])], [out([1, 2], [1, 2])], 1e-4, 1e-5).message).toBe('output 0: expected float32[2], received float32[1,2]');
  });
});

describe('runConformance', () => {
  it('finds every case equal when both sides are the CPU backend (the dry run of the GPU check)', async () => {
    // A sample across the families keeps this fast on a shared CPU; the GPU check runs all of them.
    const all = conformanceCases();
    const sample = all.filter((_, i) => i % 9 === 0);
    const before = tfc.memory().numTensors;
    const results = await runConformance({ reference: 'cpu', target: 'cpu', cases: sample });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBe(sample.length);
    expect(tfc.memory().numTensors).toBe(before);
  });

  it('reports a case whose target throws, with the error text', async () => {
    const results = await runConformance({
      reference: 'cpu',
      target: 'cpu',
      cases: [{ name: 'throws', build: () => ({ inputs: [], fn: () => { throw new Error('Kernel Foo is not registered'); } }) }],
    });
    expect(results).toEqual([expect.objectContaining({ name: 'throws', ok: false, message: 'Kernel Foo is not registered' })]);
  });
});
