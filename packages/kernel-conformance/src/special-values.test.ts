import '@tensorflow/tfjs-backend-cpu';
import { setBackend } from '@strata-ml/core';
import { appliesTo, compareOutputs, kernelsRun, runSpecialValues } from './run-conformance';
import { specialValueCases } from './special-values';

beforeAll(() => setBackend('cpu'));

describe('special-value conformance', () => {
  it('names, for every case the cpu backend can run, exactly the kernels it runs', async () => {
    for (const c of specialValueCases().filter((sc) => appliesTo(sc, 'cpu'))) {
      expect({ name: c.name, kernels: await kernelsRun(c, 'cpu') }).toEqual({ name: c.name, kernels: [...c.kernels].sort() });
    }
  });

  it('passes on the cpu backend (with Strata’s cpu kernels) wherever the kernels exist', async () => {
    const results = await runSpecialValues({ target: 'cpu' });
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
    // Strata's fused optimizer kernels exist only where a backend registers them.
    expect(results.length).toBe(specialValueCases().length - 2);
  });

  it('compares infinities exactly and tells NaN from a number', () => {
    const out = (values: number[]) => ({ shape: [values.length], dtype: 'float32', values });
    expect(compareOutputs([out([Infinity, -Infinity, NaN])], [out([Infinity, -Infinity, NaN])], 1e-5, 0).message).toBe('');
    expect(compareOutputs([out([Infinity])], [out([3.4e38])], 1e-5, 0).message).toBe('output 0 element 0: expected Infinity, received 3.4e+38 (|error| Infinity)');
    expect(compareOutputs([out([NaN])], [out([1e-7])], 1e-5, 0).message).toBe('output 0 element 0: expected NaN, received 1e-7 (|error| NaN)');
    expect(compareOutputs([out([1e-7])], [out([NaN])], 1e-5, 0).message).toBe('output 0 element 0: expected 1e-7, received NaN (|error| NaN)');
  });
});
