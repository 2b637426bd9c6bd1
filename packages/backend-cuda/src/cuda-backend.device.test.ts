import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import { StrataApplyAdam, unavailableReason } from './index';
import { runConformance, runSpecialValues } from '@strata-ml/kernel-conformance';

// Device tests need a GPU, its driver and cuBLAS; elsewhere they are skipped with the reason printed.
const reason = unavailableReason();
const onDevice = reason === null ? describe : describe.skip;
if (reason !== null) console.log(`cuda-backend.device.test: device tests skipped: ${reason}`);

onDevice('cuda backend on the GPU', () => {
  beforeAll(async () => {
    await tfc.setBackend('cuda');
  });

  it('keeps tensors on the device between ops and reads them back', async () => {
    const before = tfc.memory().numTensors;
    const y = tfc.tidy(() => tfc.add(tfc.mul(tfc.tensor1d([1, 2, 3]), 2), tfc.scalar(0.5)));
    expect(Array.from(await y.data())).toEqual([2.5, 4.5, 6.5]);
    y.dispose();
    expect(tfc.memory().numTensors).toBe(before);
  });

  it('matches the CPU backend on every conformance case', async () => {
    const results = await runConformance({ reference: 'cpu', target: 'cuda' });
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
  });

  it('keeps NaN and ±Infinity as IEEE 754 has them in every special-value case it has the kernels of', async () => {
    const results = await runSpecialValues({ target: 'cuda' });
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
  });

  it('fuses one Adam step into one kernel with Keras’s formula', async () => {
    await tfc.setBackend('cuda');
    const [v, m, s, g] = [[1, -2], [0.1, 0.2], [0.01, 0.02], [0.5, -0.5]].map((a) => tfc.tensor1d(a));
    const [nv] = tfc.engine().runKernel(StrataApplyAdam, { variable: v, m, v: s, gradient: g } as never, { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, beta1Power: 0.9, beta2Power: 0.999 } as never) as unknown as tfc.Tensor[];
    // m' = 0.9·0.1 + 0.1·0.5 = 0.14; v' = 0.999·0.01 + 0.001·0.25 = 0.01024; lr_t = 0.1·√0.001/0.1
    const lrT = (0.1 * Math.sqrt(1 - 0.999)) / (1 - 0.9);
    const expected0 = 1 - (lrT * 0.14) / (Math.sqrt(0.01024) + 1e-7);
    expect((await (nv as tfc.Tensor).data())[0]).toBeCloseTo(expected0, 5);
  });
});
