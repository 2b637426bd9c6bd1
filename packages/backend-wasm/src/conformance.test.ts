import { appliesTo, conformanceCases, kernelsRun, runConformance, runSpecialValues, specialValueCases } from '@strata-ml/kernel-conformance';
import './testing/backends';

describe('the wasm backend on the kernel conformance suite', () => {
  it('matches tfjs-backend-cpu on every random case', async () => {
    const results = await runConformance({ reference: 'cpu', target: 'wasm', seed: 11 });
    expect(results.filter((r) => !r.ok).map((r) => `${r.name} ${JSON.stringify(r.shapes)}: ${r.message}`)).toEqual([]);
    expect(results.length).toBe(conformanceCases().length);
  });

  it('keeps NaN and ±Infinity as IEEE 754 has them in every special-value case', async () => {
    const results = await runSpecialValues({ target: 'wasm' });
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
    // Every case applies: the wasm backend registers Strata's fused optimizer kernels too.
    expect(results.length).toBe(specialValueCases().length);
  });

  it('runs, in each special-value case, the kernels the case names', async () => {
    for (const c of specialValueCases().filter((sc) => appliesTo(sc, 'wasm'))) {
      expect({ name: c.name, kernels: await kernelsRun(c, 'wasm') }).toEqual({ name: c.name, kernels: [...c.kernels].sort() });
    }
  });
});
