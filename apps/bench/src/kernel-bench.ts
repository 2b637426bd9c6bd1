/**
 * Kernel benchmark: Strata's wasm kernels against the stock tfjs-backend-wasm kernels, timed in the same
 * process. matMul GFLOP/s at the seed MLP's forward and backward shapes and at 1024³ for every transpose
 * combination, then convolution, depthwise-convolution and pooling gradients of small CNN layers.
 *
 *   node dist/kernel-bench.js          tables
 *   node dist/kernel-bench.js --json   the same numbers as JSON
 *
 * The stock kernels are captured before Strata registers its own; every timed call runs with the kernel
 * set it measures registered. "plain" is the untransposed product of the same shape with the same
 * operands every call, so XNNPACK reuses its packed copy of b (as for a layer's weights in inference);
 * "new b" copies b to a new tensor before every call, as after each weight update in training.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { formatTable } from './table';
import { timeInterleaved, type TimedVariant } from './timing';

/** Product sizes `[m, k] x [k, n]`, and where the shape comes from. */
interface Shape {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly role: string;
}

/** One matMul result. */
interface MatMulRow extends Shape {
  readonly transposeA: boolean;
  readonly transposeB: boolean;
  readonly stockGflops: number;
  readonly strataGflops: number;
  /** Strata over stock, same shape and transposes. */
  readonly speedup: number;
  /** Strata here over Strata's plain product of the same shape. */
  readonly ofPlain: number;
  /** Strata here over the plain product with a new b every call. */
  readonly ofPlainNewB: number;
}

/** One convolution-gradient result. */
interface ConvRow {
  readonly kernel: string;
  readonly shape: string;
  /** Milliseconds per call, or null where the stock backend has no such kernel. */
  readonly stockMs: number | null;
  readonly strataMs: number;
  /** The forward op of the same layer, for scale. */
  readonly forwardMs: number;
}

// The seed MLP (784-256-256-10, batch 128): forward x·W, backward dW = xᵀ·dy and dx = dy·Wᵀ.
const SHAPES: Shape[] = [
  { m: 128, k: 784, n: 256, role: 'forward layer 1' },
  { m: 128, k: 256, n: 256, role: 'forward layer 2' },
  { m: 128, k: 256, n: 10, role: 'forward layer 3' },
  { m: 784, k: 128, n: 256, role: 'dW layer 1' },
  { m: 256, k: 128, n: 256, role: 'dW layer 2' },
  { m: 256, k: 128, n: 10, role: 'dW layer 3' },
  { m: 128, k: 10, n: 256, role: 'dx layer 3' },
  { m: 1024, k: 1024, n: 1024, role: 'square' },
];

const TRANSPOSES: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

const TIMING = { rounds: 6, roundMs: 40 };

/** Makes `configs` the registered wasm kernels of their names. */
function useKernels(configs: readonly KernelConfig[]): void {
  for (const config of configs) {
    if (tf.getKernel(config.kernelName, 'wasm') !== undefined) tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
  }
}

/** The two kernel sets, each covering the same kernel names. */
interface KernelSets {
  readonly stock: readonly KernelConfig[];
  readonly strata: readonly KernelConfig[];
}

function benchMatMul(sets: KernelSets): MatMulRow[] {
  const rows: MatMulRow[] = [];
  for (const s of SHAPES) {
    const tensors: tf.Tensor[] = [];
    const variant = (kernels: readonly KernelConfig[], transposeA: boolean, transposeB: boolean, newB: boolean): TimedVariant => {
      const a = tf.randomNormal(transposeA ? [s.k, s.m] : [s.m, s.k]);
      const b = tf.randomNormal(transposeB ? [s.n, s.k] : [s.k, s.n]);
      tensors.push(a, b);
      const run = newB
        ? () => tf.tidy(() => tf.matMul(a, tf.clone(b), transposeA, transposeB)).dispose()
        : () => tf.matMul(a, b, transposeA, transposeB).dispose();
      return { setup: () => useKernels(kernels), run };
    };
    const variants = [variant(sets.strata, false, false, true)];
    for (const [ta, tb] of TRANSPOSES) variants.push(variant(sets.stock, ta, tb, false), variant(sets.strata, ta, tb, false));
    const gflops = timeInterleaved(variants, TIMING).map((ms) => (2 * s.m * s.k * s.n) / (ms * 1e6));
    tf.dispose(tensors);
    const plainNewB = gflops[0] as number;
    const plain = gflops[2] as number;
    TRANSPOSES.forEach(([transposeA, transposeB], j) => {
      const stockGflops = gflops[1 + 2 * j] as number;
      const strataGflops = gflops[2 + 2 * j] as number;
      rows.push({
        ...s,
        transposeA,
        transposeB,
        stockGflops,
        strataGflops,
        speedup: strataGflops / stockGflops,
        ofPlain: strataGflops / plain,
        ofPlainNewB: strataGflops / plainNewB,
      });
    });
  }
  return rows;
}

/** The convolution layers of the CNN benchmark model ('cnn' in strata-models.ts): input shape and 3x3 filter, stride 1, valid padding. */
const CONV_LAYERS: { x: [number, number, number, number]; filter: [number, number, number, number] }[] = [
  { x: [128, 28, 28, 1], filter: [3, 3, 1, 64] },
  { x: [128, 13, 13, 64], filter: [3, 3, 64, 64] },
  { x: [128, 5, 5, 64], filter: [3, 3, 64, 64] },
];

/** Runs kernel `kernelName` directly and disposes its output. */
function kernelCall(kernelName: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap): () => void {
  return () => tf.dispose(tf.engine().runKernel(kernelName, inputs, attrs) as tf.Tensor);
}

function benchConv(stock: readonly KernelConfig[], strata: readonly KernelConfig[]): ConvRow[] {
  const rows: ConvRow[] = [];
  const timed = (kernelName: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap, forward: () => void, shape: string): void => {
    const run = kernelCall(kernelName, inputs, attrs);
    const stockKernel = stock.filter((k) => k.kernelName === kernelName);
    const strataKernel = strata.filter((k) => k.kernelName === kernelName);
    const variants: TimedVariant[] = [
      { setup: () => useKernels(strataKernel), run },
      // The forward op always on Strata's kernels, also when the timed kernel is the forward one.
      { setup: () => useKernels(strata), run: forward },
    ];
    if (stockKernel.length > 0) variants.push({ setup: () => useKernels(stockKernel), run });
    const [strataMs, forwardMs, stockMs] = timeInterleaved(variants, { rounds: 3, roundMs: 60 });
    useKernels(strataKernel);
    rows.push({ kernel: kernelName, shape, stockMs: stockMs ?? null, strataMs: strataMs as number, forwardMs: forwardMs as number });
  };
  for (const { x: xShape, filter: filterShape } of CONV_LAYERS) {
    const x = tf.randomNormal(xShape) as tf.Tensor4D;
    const filter = tf.randomNormal(filterShape) as tf.Tensor4D;
    const y = tf.conv2d(x, filter, 1, 'valid');
    const dy = tf.randomNormal(y.shape);
    const shape = `x [${xShape.join(', ')}], filter [${filterShape.join(', ')}]`;
    const forward = () => tf.conv2d(x, filter, 1, 'valid').dispose();
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NHWC' };
    timed('Conv2D', { x, filter }, { ...attrs, dilations: 1 }, forward, shape);
    timed('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape }, forward, shape);
    timed('Conv2DBackpropInput', { dy, filter }, { ...attrs, inputShape: xShape }, forward, shape);
    tf.dispose([x, filter, y, dy]);
  }
  {
    const xShape: [number, number, number, number] = [32, 28, 28, 32];
    const filterShape: [number, number, number, number] = [3, 3, 32, 1];
    const x = tf.randomNormal(xShape) as tf.Tensor4D;
    const filter = tf.randomNormal(filterShape) as tf.Tensor4D;
    const dy = tf.randomNormal(tf.depthwiseConv2d(x, filter, 1, 'same').shape);
    const shape = `x [${xShape.join(', ')}], filter [${filterShape.join(', ')}]`;
    const forward = () => tf.depthwiseConv2d(x, filter, 1, 'same').dispose();
    const attrs = { strides: 1, dilations: 1, pad: 'same' };
    timed('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape }, forward, shape);
    timed('DepthwiseConv2dNativeBackpropInput', { dy, filter }, { ...attrs, inputShape: xShape }, forward, shape);
    tf.dispose([x, filter, dy]);
  }
  const x = tf.randomNormal([128, 26, 26, 32]) as tf.Tensor4D;
  const y = tf.maxPool(x, 2, 2, 'valid');
  const dy = tf.randomNormal(y.shape);
  const poolAttrs = { filterSize: 2, strides: 2, pad: 'valid' };
  const poolShape = 'x [128, 26, 26, 32], 2x2 pool';
  timed('MaxPoolGrad', { dy, input: x, output: y }, poolAttrs, () => tf.maxPool(x, 2, 2, 'valid').dispose(), poolShape);
  const avgDy = tf.randomNormal(tf.avgPool(x, 2, 2, 'valid').shape);
  timed('AvgPoolGrad', { dy: avgDy, input: x }, poolAttrs, () => tf.avgPool(x, 2, 2, 'valid').dispose(), poolShape);
  tf.dispose([x, y, dy, avgDy]);
  return rows;
}

function matMulTable(rows: MatMulRow[]): string {
  const header = ['shape (m x k x n)', 'role', 'tA', 'tB', 'stock GFLOP/s', 'Strata GFLOP/s', 'Strata/stock', 'of plain', 'of plain, new b'];
  const body = rows.map((r) => [
    `${r.m} x ${r.k} x ${r.n}`,
    r.role,
    r.transposeA ? 'T' : '-',
    r.transposeB ? 'T' : '-',
    r.stockGflops.toFixed(2),
    r.strataGflops.toFixed(2),
    `${r.speedup.toFixed(1)}x`,
    `${(100 * r.ofPlain).toFixed(0)}%`,
    `${(100 * r.ofPlainNewB).toFixed(0)}%`,
  ]);
  return formatTable(header, body, 2);
}

function convTable(rows: ConvRow[]): string {
  const header = ['kernel', 'shape', 'stock ms', 'Strata ms', 'Strata/stock', 'forward op ms'];
  const body = rows.map((r) => [
    r.kernel,
    r.shape,
    r.stockMs === null ? 'missing' : r.stockMs.toFixed(2),
    r.strataMs.toFixed(2),
    r.stockMs === null ? '-' : `${(r.stockMs / r.strataMs).toFixed(1)}x`,
    r.forwardMs.toFixed(2),
  ]);
  return formatTable(header, body, 2);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const stock = tf.getKernelsForBackend('wasm');
  await tf.setBackend('wasm');
  // Imported only now, so that the stock kernels above are the ones the backend started with.
  const strataWasm = await import('@strata-ml/backend-wasm');
  const strataNames = new Set(strataWasm.STRATA_WASM_KERNELS.map((k) => k.kernelName));
  const stockReplaced = stock.filter((k) => strataNames.has(k.kernelName));
  const matMulNames = ['BatchMatMul', '_FusedMatMul'];
  const matmul = benchMatMul({
    stock: stockReplaced.filter((k) => matMulNames.includes(k.kernelName)),
    strata: strataWasm.STRATA_WASM_KERNELS.filter((k) => matMulNames.includes(k.kernelName)),
  });
  const conv = benchConv(stockReplaced, strataWasm.STRATA_WASM_KERNELS);
  useKernels(strataWasm.STRATA_WASM_KERNELS);
  const info = await strataWasm.backendInfo();
  if (json) {
    process.stdout.write(`${JSON.stringify({ node: process.version, backend: info, matmul, conv }, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `wasm backend: ${info.binary}, ${info.threads} thread${info.threads === 1 ? '' : 's'}, Node ${process.version}\n\n` +
      `matMul (GFLOP/s)\n${matMulTable(matmul)}\n\n` +
      'stock = tfjs-backend-wasm 4.22 kernels; Strata = @strata-ml/backend-wasm. "of plain": Strata over its\n' +
      'untransposed product of the same shape with the same operands every call (XNNPACK keeps b packed);\n' +
      '"new b": over the untransposed product with b copied to a new tensor every call, as after each\n' +
      'weight update in training.\n\n' +
      `Convolution and pooling gradients (ms per call)\n${convTable(conv)}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
