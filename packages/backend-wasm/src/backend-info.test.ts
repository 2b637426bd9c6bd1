import * as fs from 'node:fs';
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { STRATA_WASM_KERNELS, backendInfo, installedWasmFolder } from './index';
import { nativeModuleBytes } from './native-kernels';

describe('backendInfo', () => {
  it('reports SIMD, the default threads in Node, the binary, the native build and Strata kernels once the backend runs', async () => {
    await tf.setBackend('wasm');
    const info = await backendInfo();
    // Node 20 runs WebAssembly SIMD; by default Strata computes on the available parallelism (at most 8).
    const threads = Math.min(os.availableParallelism(), 8);
    expect(info).toEqual({
      simd: true,
      multithreading: threads > 1,
      binary: threads > 1 ? 'tfjs-backend-wasm-threaded-simd.wasm' : 'tfjs-backend-wasm-simd.wasm',
      threads,
      // Node 20 validates relaxed SIMD only behind a flag; Node 22+ runs it.
      nativeInstructions: WebAssembly.validate(nativeModuleBytes('relaxed-simd', false)) ? 'relaxed-simd' : 'simd128',
      kernels: [
        'BatchMatMul',
        '_FusedMatMul',
        'Conv2D',
        'Conv2DBackpropFilter',
        'Conv2DBackpropInput',
        'DepthwiseConv2dNativeBackpropFilter',
        'DepthwiseConv2dNativeBackpropInput',
        'GatherV2',
        'UnsortedSegmentSum',
        'MaxPoolGrad',
        'AvgPoolGrad',
        'StrataAdamUpdate',
        'StrataSGDUpdate',
        'StrataDropoutMask',
        'StrataSimpleRNN',
        'StrataSimpleRNNGrad',
        'Tanh',
        'Sum',
        'Identity',
        'Cast',
        'Unpack',
        'ClipByValue',
        'Relu',
        'Relu6',
        'Maximum',
        'Minimum',
        'Prelu',
        'FusedConv2D',
        'FusedDepthwiseConv2D',
      ],
    });
  });

  it('has each of its kernels registered for the wasm backend in place of any stock one', () => {
    for (const config of STRATA_WASM_KERNELS) expect(tf.getKernel(config.kernelName, 'wasm')?.kernelFunc).toBe(config.kernelFunc);
  });
});

describe('installedWasmFolder', () => {
  it('is the dist folder of the installed tfjs-backend-wasm, holding all three binaries', () => {
    const folder = installedWasmFolder();
    expect(folder).toMatch(/tfjs-backend-wasm[/\\]dist[/\\]$/);
    for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      expect(fs.existsSync(`${folder}${name}`)).toBe(true);
    }
  });
});
