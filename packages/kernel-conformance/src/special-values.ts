/**
 * Special-value conformance: every kernel the losses, metrics and Strata's replaced kernels run, fed NaN,
 * ±Infinity and zeros beside ordinary numbers, and checked against the IEEE 754 result computed here in
 * JavaScript (float64, then rounded to float32), not against another backend. NaN must come out wherever
 * an input NaN reaches the result, as TensorFlow has it: a kernel that turns NaN into a finite number
 * hides a diverged model from its loss and from `TerminateOnNaN`.
 *
 * Left out, with the reason: `Pow` (C's `pow(1, NaN)` is 1, JavaScript's NaN: both are standard),
 * `Sign` of NaN and `ArgMax`/`TopK` over NaN (TensorFlow's answer differs by device), casts of
 * non-finite floats to int32 (undefined in C), and composite ops such as `logSumExp` (tfjs-core composes
 * them from the kernels checked here).
 */
import * as tfc from '@tensorflow/tfjs-core';
import { StrataAdamUpdate, StrataSGDUpdate } from '@strata-ml/core';
import type { HostInput } from './inputs';
import type { Output } from './run-conformance';

/** One special-value case. */
export interface SpecialValueCase {
  readonly name: string;
  /** The kernels `fn` runs (checked against a profile in the tests), so a backend runs only the cases it has every kernel of. */
  readonly kernels: readonly string[];
  readonly inputs: readonly HostInput[];
  readonly fn: (...xs: tfc.Tensor[]) => tfc.Tensor | tfc.Tensor[];
  /** The expected outputs, from the host inputs. */
  readonly expected: Output[];
  /** Relative tolerance for finite values (default 1e-5); infinities and NaN must match exactly. */
  readonly rtol?: number;
}

/** The special values every case mixes in (NaN twice: inputs hold NaN with either sign bit, see `f32`). */
export const SPECIAL = [NaN, Infinity, -Infinity, 0, NaN, 1, -1, 0.5, -2.5, 3] as const;

/**
 * A float32 input in which every second NaN has its sign bit set. Arithmetic makes such NaNs (NaN - ∞,
 * 0 · -∞ on x86 and in WebAssembly), and a kernel that compares the bits as integers (XNNPACK's ReLU)
 * maps them to 0 while keeping the positive ones.
 */
function f32(shape: number[], values: ArrayLike<number>): HostInput {
  const floats = Float32Array.from(values);
  const bits = new Uint32Array(floats.buffer);
  let nans = 0;
  for (let i = 0; i < floats.length; i++) if (Number.isNaN(floats[i]) && nans++ % 2 === 1) bits[i] = 0xffc00000;
  return { shape, dtype: 'float32', values: floats };
}

const i32 = (shape: number[], values: ArrayLike<number>): HostInput => ({ shape, dtype: 'int32', values: Int32Array.from(values) });
const out = (shape: number[], values: ArrayLike<number>, dtype = 'float32'): Output => ({
  shape,
  dtype,
  values: dtype === 'float32' ? Float32Array.from(values) : Array.from(values),
});
const bool = (b: boolean): number => (b ? 1 : 0);

/** Every pair of special values: `a` runs down the rows, `b` along them. */
function grid(): { a: number[]; b: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  for (const x of SPECIAL) {
    for (const y of SPECIAL) {
      a.push(x);
      b.push(y);
    }
  }
  return { a, b };
}

function unary(name: string, kernel: string, f: (x: number) => number, fn: (x: tfc.Tensor) => tfc.Tensor, rtol?: number): SpecialValueCase {
  const n = SPECIAL.length;
  return { name, kernels: [kernel], inputs: [f32([1, n], SPECIAL)], fn: (x) => fn(x as tfc.Tensor), expected: [out([1, n], SPECIAL.map(f))], rtol };
}

function binary(name: string, kernel: string, f: (x: number, y: number) => number, fn: (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor, dtype = 'float32'): SpecialValueCase {
  const { a, b } = grid();
  const n = SPECIAL.length;
  return {
    name,
    kernels: [kernel],
    inputs: [f32([n, n], a), f32([n, n], b)],
    fn: (x, y) => fn(x as tfc.Tensor, y as tfc.Tensor),
    expected: [out([n, n], a.map((x, i) => f(x, b[i] as number)), dtype)],
  };
}

/** The same op, `b` broadcast along the rows of `a` ([n, n] against [n]). */
function broadcast(name: string, kernel: string, f: (x: number, y: number) => number, fn: (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor): SpecialValueCase {
  const { a, b } = grid();
  const n = SPECIAL.length;
  return {
    name: `${name} broadcast`,
    kernels: [kernel],
    inputs: [f32([n, n], a), f32([n], SPECIAL)],
    fn: (x, y) => fn(x as tfc.Tensor, y as tfc.Tensor),
    expected: [out([n, n], a.map((x, i) => f(x, b[i] as number)))],
  };
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
const nanMax = (x: number, y: number): number => (x !== x || y !== y ? NaN : Math.max(x, y));
const nanMin = (x: number, y: number): number => (x !== x || y !== y ? NaN : Math.min(x, y));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
const elu = (x: number): number => (x > 0 || x !== x ? x : Math.expm1(x));

/** Rows that each hold one kind of trouble, for reductions and the softmax family. */
const ROWS = [
  [NaN, 1, 2, 3],
  [1, NaN, 2, 3],
  [Infinity, 1, 2, 3],
  [-Infinity, 1, 2, 3],
  [Infinity, -Infinity, 2, 3],
  [Infinity, Infinity, 2, 3],
  [-Infinity, -Infinity, -Infinity, -Infinity],
  [0.5, 1, 2, 3],
];
const ROW_LENGTH = 4;

function reduction(name: string, kernel: string, f: (row: number[]) => number, fn: (x: tfc.Tensor) => tfc.Tensor): SpecialValueCase {
  return {
    name,
    kernels: [kernel],
    inputs: [f32([ROWS.length, ROW_LENGTH], ROWS.flat())],
    fn: (x) => fn(x as tfc.Tensor),
    expected: [out([ROWS.length], ROWS.map(f))],
  };
}

function softmaxRow(row: number[]): number[] {
  const max = row.reduce(nanMax);
  const e = row.map((v) => Math.exp(v - max));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

/** Row-major `a` [m, k] times `b` [k, n], in float64. */
function matMul(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): number[] {
  const c = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j] = (c[i * n + j] as number) + (a[i * k + p] as number) * (b[p * n + j] as number);
  return c;
}

/** A matrix of `fill` with `special` placed at the given (row, column) entries. */
function matrix(rows: number, cols: number, fill: (i: number, j: number) => number, special: Array<[number, number, number]>): number[] {
  const v = Array.from({ length: rows * cols }, (_, p) => fill(Math.floor(p / cols), p % cols));
  for (const [i, j, x] of special) v[i * cols + j] = x;
  return v;
}

function matMulCases(): SpecialValueCase[] {
  const cases: SpecialValueCase[] = [];
  // Small, and large enough for the SIMD tiles and their edges; zeros beside ±Infinity give NaN (0·∞).
  for (const [m, k, n] of [
    [4, 3, 5],
    [33, 65, 17],
  ] as Array<[number, number, number]>) {
    const a = matrix(m, k, (i, j) => ((i + 2 * j) % 5) * 0.25 - 0.5, [[1, 0, NaN], [2, k - 1, Infinity], [m - 1, 1, -Infinity]]);
    const b = matrix(k, n, (i, j) => ((3 * i + j) % 7) * 0.125 - 0.375, [[0, n - 1, NaN], [k - 1, 0, Infinity]]);
    cases.push({
      name: `matMul [${m}, ${k}] x [${k}, ${n}]`,
      kernels: ['BatchMatMul'],
      inputs: [f32([m, k], a), f32([k, n], b)],
      fn: (x, y) => tfc.matMul(x as tfc.Tensor2D, y as tfc.Tensor2D),
      expected: [out([m, n], matMul(a, b, m, k, n))],
      rtol: 1e-4,
    });
    const bias = Array.from({ length: n }, (_, j) => (j === 1 ? NaN : j === 2 ? -Infinity : 0.1 * j));
    const product = matMul(a, b, m, k, n);
    cases.push({
      name: `fused matMul + bias + relu [${m}, ${k}] x [${k}, ${n}]`,
      kernels: ['_FusedMatMul'],
      inputs: [f32([m, k], a), f32([k, n], b), f32([n], bias)],
      fn: (x, y, z) => tfc.fused.matMul({ a: x as tfc.Tensor2D, b: y as tfc.Tensor2D, bias: z, activation: 'relu' }),
      expected: [out([m, n], product.map((v, p) => { const s = v + (bias[p % n] as number); return s < 0 ? 0 : s; }))],
      rtol: 1e-4,
    });
  }
  return cases;
}

/** A 'same'-padded, stride-1 NHWC convolution in float64. */
function conv2dSame(x: number[], shape: [number, number, number, number], w: number[], size: number, outC: number): number[] {
  const [batch, h, wd, inC] = shape;
  const pad = Math.floor((size - 1) / 2);
  const y = new Array<number>(batch * h * wd * outC).fill(0);
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < wd; j++)
        for (let o = 0; o < outC; o++) {
          let s = 0;
          for (let di = 0; di < size; di++)
            for (let dj = 0; dj < size; dj++) {
              const [r, c] = [i + di - pad, j + dj - pad];
              if (r < 0 || r >= h || c < 0 || c >= wd) continue;
              for (let q = 0; q < inC; q++) s += (x[((b * h + r) * wd + c) * inC + q] as number) * (w[((di * size + dj) * inC + q) * outC + o] as number);
            }
          y[((b * h + i) * wd + j) * outC + o] = s;
        }
  return y;
}

/** The same convolution per channel (depthwise, multiplier 1): filter [size, size, channels, 1]. */
function depthwiseSame(x: number[], shape: [number, number, number, number], w: number[], size: number): number[] {
  const [batch, h, wd, channels] = shape;
  const y: number[] = [];
  for (let c = 0; c < channels; c++) {
    const xc = x.filter((_, p) => p % channels === c);
    const wc = w.filter((_, p) => p % channels === c);
    conv2dSame(xc, [batch, h, wd, 1], wc, size, 1).forEach((v, p) => (y[p * channels + c] = v));
  }
  return y;
}

function convolutionCases(): SpecialValueCase[] {
  const shape: [number, number, number, number] = [1, 6, 7, 2];
  const x = Array.from({ length: 84 }, (_, p) => ((p * 7) % 11) * 0.1 - 0.5);
  x[(2 * 7 + 2) * 2] = NaN;
  x[(4 * 7 + 1) * 2 + 1] = NaN;
  x[(5 * 7 + 6) * 2 + 1] = Infinity;
  x[(0 * 7 + 4) * 2] = -Infinity;
  const w = Array.from({ length: 3 * 3 * 2 * 3 }, (_, p) => ((p * 5) % 9) * 0.05 - 0.2);
  const dw = w.slice(0, 3 * 3 * 2);
  const bias = [0.1, NaN, 8];
  const relu6 = (v: number, p: number, channels: number) => clamp(v + (bias[p % channels] as number), 0, 6);
  const conv = conv2dSame(x, shape, w, 3, 3);
  const depthwise = depthwiseSame(x, shape, dw, 3);
  return [
    {
      name: 'conv2d 3x3 same',
      kernels: ['Conv2D'],
      inputs: [f32(shape, x), f32([3, 3, 2, 3], w)],
      fn: (a, b) => tfc.conv2d(a as tfc.Tensor4D, b as tfc.Tensor4D, 1, 'same'),
      expected: [out([1, 6, 7, 3], conv)],
      rtol: 1e-4,
    },
    {
      name: 'fused conv2d 3x3 same + bias + relu',
      kernels: ['FusedConv2D'],
      inputs: [f32(shape, x), f32([3, 3, 2, 3], w), f32([3], bias)],
      fn: (a, b, c) => tfc.fused.conv2d({ x: a as tfc.Tensor4D, filter: b as tfc.Tensor4D, strides: 1, pad: 'same', bias: c, activation: 'relu' }),
      expected: [out([1, 6, 7, 3], conv.map((v, p) => clamp(v + (bias[p % 3] as number), 0, Infinity)))],
      rtol: 1e-4,
    },
    {
      name: 'fused conv2d 3x3 same + bias + relu6',
      kernels: ['FusedConv2D'],
      inputs: [f32(shape, x), f32([3, 3, 2, 3], w), f32([3], bias)],
      fn: (a, b, c) => tfc.fused.conv2d({ x: a as tfc.Tensor4D, filter: b as tfc.Tensor4D, strides: 1, pad: 'same', bias: c, activation: 'relu6' }),
      expected: [out([1, 6, 7, 3], conv.map((v, p) => relu6(v, p, 3)))],
      rtol: 1e-4,
    },
    {
      name: 'fused depthwise conv2d 3x3 same + bias + relu6',
      kernels: ['FusedDepthwiseConv2D'],
      inputs: [f32(shape, x), f32([3, 3, 2, 1], dw), f32([2], bias.slice(0, 2))],
      fn: (a, b, c) => tfc.fused.depthwiseConv2d({ x: a as tfc.Tensor4D, filter: b as tfc.Tensor4D, strides: 1, pad: 'same', bias: c, activation: 'relu6' }),
      expected: [out([1, 6, 7, 2], depthwise.map((v, p) => relu6(v, p, 2)))],
      rtol: 1e-4,
    },
  ];
}

function optimizerCases(): SpecialValueCase[] {
  const variable = [1, -2, 0.5, 3];
  const gradient = [NaN, Infinity, -Infinity, 0.25];
  const [m0, v0] = [[0.1, 0.2, -0.1, 0], [0.01, 0.02, 0.03, 0]];
  const [alpha, beta1, beta2, epsilon] = [0.01, 0.9, 0.999, 1e-7];
  const m = gradient.map((g, i) => beta1 * (m0[i] as number) + (1 - beta1) * g);
  const v = gradient.map((g, i) => beta2 * (v0[i] as number) + (1 - beta2) * g * g);
  const w = variable.map((x, i) => x - (alpha * (m[i] as number)) / (Math.sqrt(v[i] as number) + epsilon));
  const [lr, momentum] = [0.1, 0.9];
  const sgdM = gradient.map((g, i) => momentum * (m0[i] as number) - lr * g);
  const sgdW = variable.map((x, i) => x + (sgdM[i] as number));
  const shape = [4];
  return [
    {
      name: 'fused Adam step with NaN and ±Infinity gradients',
      kernels: [StrataAdamUpdate],
      inputs: [f32(shape, variable), f32(shape, gradient), f32(shape, m0), f32(shape, v0)],
      fn: (x, g, a, b) => tfc.engine().runKernel(StrataAdamUpdate, { variable: x, gradient: g, m: a, v: b } as never, { alpha, beta1, beta2, epsilon } as never) as unknown as tfc.Tensor[],
      expected: [out(shape, w), out(shape, m), out(shape, v)],
    },
    {
      name: 'fused SGD momentum step with NaN and ±Infinity gradients',
      kernels: [StrataSGDUpdate],
      inputs: [f32(shape, variable), f32(shape, gradient), f32(shape, m0)],
      fn: (x, g, a) => tfc.engine().runKernel(StrataSGDUpdate, { variable: x, gradient: g, m: a } as never, { learningRate: lr, momentum, nesterov: 0 } as never) as unknown as tfc.Tensor[],
      expected: [out(shape, sgdW), out(shape, sgdM)],
    },
  ];
}

/** Every special-value case, in a fixed order. */
export function specialValueCases(): SpecialValueCase[] {
  const n = SPECIAL.length;
  const c: SpecialValueCase[] = [];
  // Elementwise unary.
  c.push(unary('abs', 'Abs', Math.abs, tfc.abs));
  c.push(unary('neg', 'Neg', (x) => -x, tfc.neg));
  c.push(unary('square', 'Square', (x) => x * x, tfc.square));
  c.push(unary('sqrt', 'Sqrt', Math.sqrt, tfc.sqrt));
  c.push(unary('exp', 'Exp', Math.exp, tfc.exp));
  c.push(unary('log', 'Log', Math.log, tfc.log));
  c.push(unary('log1p', 'Log1p', Math.log1p, tfc.log1p));
  c.push(unary('reciprocal', 'Reciprocal', (x) => 1 / x, tfc.reciprocal));
  c.push(unary('floor', 'Floor', Math.floor, tfc.floor));
  c.push(unary('relu', 'Relu', (x) => (x < 0 ? 0 : x), tfc.relu));
  c.push(unary('relu6', 'Relu6', (x) => clamp(x, 0, 6), tfc.relu6));
  c.push(unary('elu', 'Elu', elu, tfc.elu));
  c.push(unary('leakyRelu', 'LeakyRelu', (x) => (x < 0 ? 0.2 * x : x), (x) => tfc.leakyRelu(x, 0.2)));
  c.push(unary('sigmoid', 'Sigmoid', sigmoid, tfc.sigmoid));
  c.push(unary('tanh', 'Tanh', Math.tanh, tfc.tanh, 1e-6));
  c.push(unary('softplus', 'Softplus', softplus, tfc.softplus));
  c.push(unary('clipByValue [-0.7, 0.7]', 'ClipByValue', (x) => clamp(x, -0.7, 0.7), (x) => tfc.clipByValue(x, -0.7, 0.7)));
  c.push(unary('clipByValue [1e-7, 1 - 1e-7]', 'ClipByValue', (x) => clamp(x, 1e-7, 1 - 1e-7), (x) => tfc.clipByValue(x, 1e-7, 1 - 1e-7)));
  c.push({ ...unary('isNaN', 'IsNan', (x) => bool(x !== x), tfc.isNaN), expected: [out([1, n], SPECIAL.map((x) => bool(x !== x)), 'bool')] });
  c.push({ ...unary('isInf', 'IsInf', (x) => bool(Math.abs(x) === Infinity), tfc.isInf), expected: [out([1, n], SPECIAL.map((x) => bool(Math.abs(x) === Infinity)), 'bool')] });
  c.push({ ...unary('isFinite', 'IsFinite', (x) => bool(Number.isFinite(x)), tfc.isFinite), expected: [out([1, n], SPECIAL.map((x) => bool(Number.isFinite(x))), 'bool')] });
  c.push({ ...unary('cast float32 to bool', 'Cast', (x) => bool(x !== 0), (x) => tfc.cast(x, 'bool')), expected: [out([1, n], SPECIAL.map((x) => bool(x !== 0)), 'bool')] });
  c.push({ name: 'cast int32 to bool', kernels: ['Cast'], inputs: [i32([5], [0, 1, -1, 256, 2])], fn: (x) => tfc.cast(x as tfc.Tensor, 'bool'), expected: [out([5], [0, 1, 1, 1, 1], 'bool')] });
  // Elementwise binary, every pair of special values, and with broadcasting.
  for (const [name, kernel, f, fn] of [
    ['add', 'Add', (x: number, y: number) => x + y, tfc.add],
    ['sub', 'Sub', (x: number, y: number) => x - y, tfc.sub],
    ['mul', 'Multiply', (x: number, y: number) => x * y, tfc.mul],
    ['div', 'RealDiv', (x: number, y: number) => x / y, tfc.div],
    ['maximum', 'Maximum', nanMax, tfc.maximum],
    ['minimum', 'Minimum', nanMin, tfc.minimum],
    ['squaredDifference', 'SquaredDifference', (x: number, y: number) => (x - y) * (x - y), tfc.squaredDifference],
    ['prelu', 'Prelu', (x: number, y: number) => (x < 0 ? y * x : x), tfc.prelu],
  ] as Array<[string, string, (x: number, y: number) => number, (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor]>) {
    c.push(binary(name, kernel, f, fn), broadcast(name, kernel, f, fn));
  }
  for (const [name, kernel, f, fn] of [
    ['equal', 'Equal', (x: number, y: number) => bool(x === y), tfc.equal],
    ['notEqual', 'NotEqual', (x: number, y: number) => bool(x !== y), tfc.notEqual],
    ['greater', 'Greater', (x: number, y: number) => bool(x > y), tfc.greater],
    ['greaterEqual', 'GreaterEqual', (x: number, y: number) => bool(x >= y), tfc.greaterEqual],
    ['less', 'Less', (x: number, y: number) => bool(x < y), tfc.less],
    ['lessEqual', 'LessEqual', (x: number, y: number) => bool(x <= y), tfc.lessEqual],
  ] as Array<[string, string, (x: number, y: number) => number, (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor]>) {
    c.push(binary(name, kernel, f, fn, 'bool'));
  }
  // Reductions and the softmax family, row by row.
  c.push(reduction('sum', 'Sum', (r) => r.reduce((s, v) => s + v, 0), (x) => tfc.sum(x, 1)));
  c.push({
    name: 'sum over the leading axis',
    kernels: ['Sum'],
    inputs: [f32([ROW_LENGTH, ROWS.length], ROWS[0]!.map((_, j) => ROWS.map((r) => r[j] as number)).flat())],
    fn: (x) => tfc.sum(x as tfc.Tensor, 0),
    expected: [out([ROWS.length], ROWS.map((r) => r.reduce((s, v) => s + v, 0)))],
  });
  c.push(reduction('mean', 'Mean', (r) => r.reduce((s, v) => s + v, 0) / r.length, (x) => tfc.mean(x, 1)));
  c.push(reduction('max', 'Max', (r) => r.reduce(nanMax), (x) => tfc.max(x, 1)));
  c.push(reduction('min', 'Min', (r) => r.reduce(nanMin), (x) => tfc.min(x, 1)));
  c.push(reduction('prod', 'Prod', (r) => r.reduce((s, v) => s * v, 1), (x) => tfc.prod(x, 1)));
  c.push({
    name: 'argMax over ±Infinity',
    kernels: ['ArgMax'],
    inputs: [f32([3, 4], [-Infinity, 1, 2, 3, 1, Infinity, 2, Infinity, -Infinity, -Infinity, -1, -Infinity])],
    fn: (x) => tfc.argMax(x as tfc.Tensor, 1),
    expected: [out([3], [3, 1, 2], 'int32')],
  });
  c.push({
    name: 'softmax',
    kernels: ['Softmax'],
    inputs: [f32([ROWS.length, ROW_LENGTH], ROWS.flat())],
    fn: (x) => tfc.softmax(x as tfc.Tensor),
    expected: [out([ROWS.length, ROW_LENGTH], ROWS.flatMap(softmaxRow))],
  });
  // Moving values: a NaN or ±Infinity arrives where it belongs and nowhere else.
  const values = f32([n], SPECIAL);
  c.push({
    name: 'where',
    kernels: ['Select', 'Identity'],
    inputs: [{ shape: [n], dtype: 'bool', values: Uint8Array.from(SPECIAL, (_, i) => i % 2) }, values, f32([n], SPECIAL.map(() => 7))],
    fn: (cond, a, b) => tfc.where(cond as tfc.Tensor, a as tfc.Tensor, b as tfc.Tensor),
    expected: [out([n], SPECIAL.map((x, i) => (i % 2 ? x : 7)))],
  });
  c.push({ name: 'gather', kernels: ['GatherV2'], inputs: [values, i32([4], [2, 0, 1, 4])], fn: (x, i) => tfc.gather(x as tfc.Tensor, i as tfc.Tensor1D), expected: [out([4], [-Infinity, NaN, Infinity, NaN])] });
  c.push({
    name: 'unsortedSegmentSum keeps each segment to itself',
    kernels: ['UnsortedSegmentSum'],
    inputs: [values, i32([n], [0, 1, 1, 2, 3, 2, 2, 4, 4, 4])],
    fn: (x, ids) => tfc.unsortedSegmentSum(x as tfc.Tensor, ids as tfc.Tensor1D, 6),
    expected: [out([6], [NaN, NaN, 0, NaN, 1, 0])],
  });
  c.push({ name: 'transpose', kernels: ['Transpose'], inputs: [f32([2, 5], SPECIAL)], fn: (x) => tfc.transpose(x as tfc.Tensor), expected: [out([5, 2], [0, 5, 1, 6, 2, 7, 3, 8, 4, 9].map((i) => SPECIAL[i] as number))] });
  c.push({ name: 'concat', kernels: ['Concat'], inputs: [values, values], fn: (a, b) => tfc.concat([a as tfc.Tensor, b as tfc.Tensor]), expected: [out([2 * n], [...SPECIAL, ...SPECIAL])] });
  c.push(...matMulCases());
  c.push(...convolutionCases());
  c.push(...optimizerCases());
  return c;
}
