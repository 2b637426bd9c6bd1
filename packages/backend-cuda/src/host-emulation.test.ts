import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import { CudaBackend } from './cuda-backend';
import type { CudaRuntime } from './cuda-runtime';
import { kernelConfigs } from './kernels';
import { conformanceCases, runConformance, runSpecialValues, specialValueCases } from '@strata-ml/kernel-conformance';
import { StrataApplyAdam } from './custom-kernels';
import { hostAddon } from './testing/host-addon';
import { mlp, trainStep } from './conformance/reference-models';

// The cuda backend's TypeScript over a host-memory stand-in of the addon ('cuda-host'): every kernel's
// dispatch, views, GEMM mapping and geometry are checked against tfjs-backend-cpu without a GPU.
const native = hostAddon();
const runtime: CudaRuntime = { native, device: { name: 'host', computeCapability: '0.0', totalBytes: 0, multiprocessors: 0 }, driverVersion: 13000, runtimeVersion: 13000, cublasPath: 'host' };
tfc.registerBackend('cuda-host', () => new CudaBackend(runtime), -1);
for (const k of kernelConfigs) tfc.registerKernel({ ...k, backendName: 'cuda-host' });

describe('the cuda backend over a host emulation of the addon', () => {
  it('matches tfjs-backend-cpu on every conformance case', async () => {
    const results = await runConformance({ reference: 'cpu', target: 'cuda-host', seed: 11 });
    expect(results.filter((r) => !r.ok).map((r) => `${r.name} ${JSON.stringify(r.shapes)}: ${r.message}`)).toEqual([]);
    expect(results.length).toBe(conformanceCases().length);
  });

  it('keeps NaN and ±Infinity as IEEE 754 has them in every special-value case it has the kernels of', async () => {
    const results = await runSpecialValues({ target: 'cuda-host' });
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
    // All but three: the cuda backend has no FusedDepthwiseConv2D and its own fused Adam (StrataApplyAdam).
    expect(results.length).toBe(specialValueCases().length - 3);
  });

  it('leaves no device block behind once every tensor is disposed', async () => {
    await tfc.setBackend('cuda-host');
    const backend = tfc.backend() as CudaBackend;
    const before = backend.allocator.stats().liveBlocks;
    const grads = tfc.tidy(() =>
      tfc.grads((x: tfc.Tensor, w: tfc.Tensor, b: tfc.Tensor) =>
        tfc.sum(tfc.maxPool(tfc.fused.conv2d({ x: x as tfc.Tensor4D, filter: w as tfc.Tensor4D, strides: 1, pad: 'same', bias: b, activation: 'relu' }), 2, 2, 'valid')),
      )([tfc.randomNormal([2, 6, 6, 2]), tfc.randomNormal([3, 3, 2, 4]), tfc.zeros([4])]),
    );
    expect(backend.allocator.stats().liveBlocks).toBe(before + 3);
    tfc.dispose(grads);
    expect(backend.allocator.stats().liveBlocks).toBe(before);
  });

  it('computes one Adam step with the fused kernel as Keras’s formula gives it', async () => {
    await tfc.setBackend('cuda-host');
    const [v, m, s, g] = [[1, -2], [0.1, 0.2], [0.01, 0.02], [0.5, -0.5]].map((a) => tfc.tensor1d(a));
    const outs = tfc.engine().runKernel(StrataApplyAdam, { variable: v, m, v: s, gradient: g } as never, { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, beta1Power: 0.9, beta2Power: 0.999 } as never) as unknown as tfc.Tensor[];
    // m' = 0.9·0.1 + 0.1·0.5 = 0.14, v' = 0.999·0.01 + 0.001·0.25 = 0.01024, lr_t = 0.1·√0.001 / 0.1.
    const lrT = (0.1 * Math.sqrt(0.001)) / 0.1;
    const data = await Promise.all(outs.map((t) => t.data()));
    expect(data[1]?.[0]).toBeCloseTo(0.14, 6);
    expect(data[2]?.[0]).toBeCloseTo(0.01024, 6);
    expect(data[0]?.[0]).toBeCloseTo(1 - (lrT * 0.14) / (Math.sqrt(0.01024) + 1e-7), 5);
    tfc.dispose([v, m, s, g, ...outs]);
  });

  it('trains the seed MLP to the same losses as the CPU backend, step by step', async () => {
    const losses = async (backend: string) => {
      await tfc.setBackend(backend);
      const model = mlp(5);
      const optimizer = tfc.train.adam(0.001);
      const x = tfc.tensor(Float32Array.from({ length: 16 * 784 }, (_, i) => ((i * 37) % 101) / 101), [16, 784]);
      const y = tfc.oneHot(tfc.tensor1d(Int32Array.from({ length: 16 }, (_, i) => i % 10), 'int32'), 10);
      const out: number[] = [];
      for (let step = 0; step < 3; step++) {
        const loss = trainStep(model, optimizer, x, y);
        out.push((await loss.data())[0] ?? NaN);
        loss.dispose();
      }
      tfc.dispose([x, y, ...model.params]);
      optimizer.dispose();
      return out;
    };
    const cpu = await losses('cpu');
    const emulated = await losses('cuda-host');
    expect(cpu[2]).toBeLessThan(cpu[0] ?? 0);
    emulated.forEach((l, i) => expect(l).toBeCloseTo(cpu[i] ?? NaN, 4));
  });
});
