/**
 * A host-memory stand-in for the native addon, for tests on machines without a GPU: every launcher is
 * written in plain TypeScript after its CUDA kernel (same index arithmetic, same edge rules), so the
 * backend's TypeScript side (kernel dispatch, views, GEMM argument mapping, convolution geometry,
 * reductions, dtypes, memory bookkeeping) runs the whole conformance suite. It proves nothing about the
 * CUDA code itself; the GPU check does that.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConvGeometry, NativeAddon, OpCodes } from '../native';

/** The op tables, read from native/op_codes.h as the addon builds them. */
export function readOpCodes(): OpCodes {
  const header = fs.readFileSync(path.join(__dirname, '..', '..', 'native', 'op_codes.h'), 'utf8');
  const table = (macro: string): Record<string, number> => {
    const body = new RegExp(`#define ${macro}\\(X\\)([\\s\\S]*?)(?:\\n\\n|\\n#)`).exec(header)?.[1] ?? '';
    const names = [...body.matchAll(/X\((\w+)\)/g)].map((m) => m[1] as string);
    return Object.fromEntries(names.map((n, i) => [n, i]));
  };
  return {
    unary: table('STRATA_UNARY_OPS'),
    binary: table('STRATA_BINARY_OPS'),
    reduce: table('STRATA_REDUCE_OPS'),
    arg: table('STRATA_ARG_OPS'),
    activation: table('STRATA_ACTIVATIONS'),
    random: table('STRATA_RANDOM_DISTRIBUTIONS'),
  };
}

const invert = (t: Record<string, number>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [v, k])) as Record<number, string>;

/** The error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

function activation(name: string, v: number, alpha: number): number {
  const selu = [1.0507009873554805, 1.6732632423543772];
  switch (name) {
    case 'relu':
      return Math.max(v, 0);
    case 'relu6':
      return Math.min(Math.max(v, 0), 6);
    case 'elu':
      return v >= 0 ? v : Math.expm1(v);
    case 'selu':
      return v >= 0 ? (selu[0] as number) * v : (selu[0] as number) * (selu[1] as number) * Math.expm1(v);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'leakyrelu':
      return v >= 0 ? v : alpha * v;
    default:
      return v;
  }
}

function unaryF32(op: string, v: number, a: number, b: number): number {
  switch (op) {
    case 'Identity': return v;
    case 'Neg': return -v;
    case 'Abs': return Math.abs(v);
    case 'Exp': return Math.exp(v);
    case 'Log': return Math.log(v);
    case 'Log1p': return Math.log1p(v);
    case 'Expm1': return Math.expm1(v);
    case 'Sqrt': return Math.sqrt(v);
    case 'Rsqrt': return 1 / Math.sqrt(v);
    case 'Square': return v * v;
    case 'Reciprocal': return 1 / v;
    case 'Sigmoid': return activation('sigmoid', v, 0);
    case 'Tanh': return Math.tanh(v);
    case 'Relu': return activation('relu', v, 0);
    case 'Relu6': return activation('relu6', v, 0);
    case 'Elu': return activation('elu', v, 0);
    case 'Selu': return activation('selu', v, 0);
    case 'Softplus': return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    case 'LeakyRelu': return activation('leakyrelu', v, a);
    case 'Step': return Number.isNaN(v) ? v : v > 0 ? 1 : a;
    case 'Sign': return v > 0 ? 1 : v < 0 ? -1 : 0;
    case 'Floor': return Math.floor(v);
    case 'Ceil': return Math.ceil(v);
    case 'Round': { const f = Math.floor(v); const d = v - f; return d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1; }
    case 'Sin': return Math.sin(v);
    case 'Cos': return Math.cos(v);
    case 'Tan': return Math.tan(v);
    case 'Asin': return Math.asin(v);
    case 'Acos': return Math.acos(v);
    case 'Atan': return Math.atan(v);
    case 'Sinh': return Math.sinh(v);
    case 'Cosh': return Math.cosh(v);
    case 'Asinh': return Math.asinh(v);
    case 'Acosh': return Math.acosh(v);
    case 'Atanh': return Math.atanh(v);
    case 'Erf': return erf(v);
    case 'ClipByValue': return Math.min(Math.max(v, a), b);
    default: throw new Error(`host addon: unary op ${op} has no float32 form`);
  }
}

function binary(op: string, a: number, b: number, isInt: boolean): number {
  const floorMod = (x: number, y: number) => { const r = x % y; return r !== 0 && r < 0 !== y < 0 ? r + y : r; };
  switch (op) {
    case 'Add': return a + b;
    case 'Sub': return a - b;
    case 'Multiply': return isInt ? Math.imul(a, b) : a * b;
    case 'RealDiv': return a / b;
    case 'FloorDiv': return Math.floor(a / b);
    case 'Mod': return floorMod(a, b);
    case 'Maximum': return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b);
    case 'Minimum': return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b);
    case 'Pow': return Math.pow(a, b);
    case 'SquaredDifference': return (a - b) * (a - b);
    case 'Atan2': return Math.atan2(a, b);
    case 'Prelu': return a < 0 ? b * a : a;
    case 'EluGrad': return b < 0 ? a * (b + 1) : a;
    case 'Equal': return Number(a === b);
    case 'NotEqual': return Number(a !== b);
    case 'Greater': return Number(a > b);
    case 'GreaterEqual': return Number(a >= b);
    case 'Less': return Number(a < b);
    case 'LessEqual': return Number(a <= b);
    case 'LogicalAnd': return Number(a !== 0 && b !== 0);
    case 'LogicalOr': return Number(a !== 0 || b !== 0);
    case 'LogicalXor': return Number((a !== 0) !== (b !== 0));
    default: throw new Error(`host addon: unknown binary op ${op}`);
  }
}

/** Walks `shape` in row-major order, calling `visit(linearIndex, coords)`. */
function forEachIndex(shape: readonly number[], visit: (i: number, coords: number[]) => void): void {
  const n = shape.reduce((a, d) => a * d, 1);
  const coords = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let rest = i;
    for (let d = shape.length - 1; d >= 0; d--) {
      const extent = shape[d] ?? 1;
      coords[d] = rest % extent;
      rest = Math.floor(rest / extent);
    }
    visit(i, coords);
  }
}

/** The addon over host memory. Addresses index ArrayBuffers; every element is 4 bytes as on the device. */
export function hostAddon(): NativeAddon & { liveBlocks(): number } {
  const codes = readOpCodes();
  const names = { unary: invert(codes.unary), binary: invert(codes.binary), reduce: invert(codes.reduce), arg: invert(codes.arg), activation: invert(codes.activation), random: invert(codes.random) };
  const blocks = new Map<number, ArrayBuffer>();
  let next = 4096;
  const mem = (address: number): ArrayBuffer => {
    const b = blocks.get(address);
    if (b === undefined) throw new Error(`host addon: ${address} is not an allocated address`);
    return b;
  };
  const f32 = (a: number) => new Float32Array(mem(a));
  const i32 = (a: number) => new Int32Array(mem(a));
  const typed = (a: number, dtype: number) => (dtype === 0 ? f32(a) : i32(a));
  const fill = (y: ArrayLike<number> & { [i: number]: number }, n: number, v: number) => { for (let i = 0; i < n; i++) y[i] = v; };

  const inputPixel = (g: ConvGeometry, b: number, oh: number, ow: number, kh: number, kw: number): [number, number] | null => {
    const ih = oh * g.strideH - g.padTop + kh * g.dilationH;
    const iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
    return ih >= 0 && ih < g.inH && iw >= 0 && iw < g.inW ? [ih, iw] : null;
  };
  const at = (g: ConvGeometry, b: number, h: number, w: number, c: number) => ((b * g.inH + h) * g.inW + w) * g.inC + c;
  const windowArgMax = (x: Float32Array, g: ConvGeometry, b: number, oh: number, ow: number, c: number) => {
    let best = -1;
    let value = -Infinity;
    for (let kh = 0; kh < g.filterH; kh++)
      for (let kw = 0; kw < g.filterW; kw++) {
        const p = inputPixel(g, b, oh, ow, kh, kw);
        if (p === null) continue;
        const i = at(g, b, p[0], p[1], c);
        if (best < 0 || (x[i] as number) > value) {
          best = i;
          value = x[i] as number;
        }
      }
    return best;
  };
  const windowCount = (g: ConvGeometry, oh: number, ow: number) => {
    let n = 0;
    for (let kh = 0; kh < g.filterH; kh++) for (let kw = 0; kw < g.filterW; kw++) if (inputPixel(g, 0, oh, ow, kh, kw) !== null) n++;
    return n;
  };
  const coveringWindows = (g: ConvGeometry, ih: number, iw: number, visit: (oh: number, ow: number) => void) => {
    for (let kh = 0; kh < g.filterH; kh++) {
      const hNum = ih + g.padTop - kh * g.dilationH;
      if (hNum < 0 || hNum % g.strideH !== 0 || hNum / g.strideH >= g.outH) continue;
      for (let kw = 0; kw < g.filterW; kw++) {
        const wNum = iw + g.padLeft - kw * g.dilationW;
        if (wNum < 0 || wNum % g.strideW !== 0 || wNum / g.strideW >= g.outW) continue;
        visit(hNum / g.strideH, wNum / g.strideW);
      }
    }
  };

  const addon: NativeAddon & { liveBlocks(): number } = {
    opCodes: codes,
    liveBlocks: () => blocks.size,
    deviceCount: () => 1,
    versions: () => ({ driver: 13000, runtime: 13000 }),
    init: () => ({ name: 'host emulation', computeCapability: '0.0', totalBytes: 0, multiprocessors: 0 }),
    memInfo: () => ({ freeBytes: 0, totalBytes: 0 }),
    malloc: (_c, bytes) => { const a = next; next += bytes + 256; blocks.set(a, new ArrayBuffer(bytes)); return a; },
    free: (_c, a) => { mem(a); blocks.delete(a); },
    upload: (_c, a, data) => new Uint8Array(mem(a)).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
    download: (_c, a, bytes) => mem(a).slice(0, bytes),
    downloadAsync: async (_c, a, bytes) => mem(a).slice(0, bytes),
    copyDevice: (_c, dst, src, bytes) => new Uint8Array(mem(dst)).set(new Uint8Array(mem(src), 0, bytes)),
    memset: (_c, a, v, bytes) => new Uint8Array(mem(a)).fill(v, 0, bytes),
    synchronize: () => undefined,
    loadCublas: () => ({ loaded: 'host', tried: [] }),
    cublasVersion: () => 0,
    // Column-major, exactly as cublasGemmStridedBatchedEx computes it.
    gemm: (_c, transA, transB, m, n, k, A, lda, sA, B, ldb, sB, C, ldc, sC, batch, _tf32, alpha, beta) => {
      const a = f32(A), b = f32(B), c = f32(C);
      for (let p = 0; p < batch; p++)
        for (let j = 0; j < n; j++)
          for (let i = 0; i < m; i++) {
            let sum = 0;
            for (let l = 0; l < k; l++) {
              const av = transA ? a[p * sA + l + i * lda] : a[p * sA + i + l * lda];
              const bv = transB ? b[p * sB + j + l * ldb] : b[p * sB + l + j * ldb];
              sum += (av as number) * (bv as number);
            }
            const ci = p * sC + i + j * ldc;
            c[ci] = alpha * sum + (beta === 0 ? 0 : beta * (c[ci] as number));
          }
    },
    fill: (_c, dtype, y, n, v) => fill(typed(y, dtype), n, v),
    unary: (_c, op, dtype, x, y, n, a, b) => {
      const name = names.unary[op] as string;
      const xs = typed(x, dtype);
      if (name === 'IsNan' || name === 'IsInf' || name === 'IsFinite') {
        const ys = i32(y);
        for (let i = 0; i < n; i++) { const v = xs[i] as number; ys[i] = Number(name === 'IsNan' ? Number.isNaN(v) : name === 'IsInf' ? Math.abs(v) === Infinity : Number.isFinite(v)); }
        return;
      }
      const ys = typed(y, dtype);
      for (let i = 0; i < n; i++) {
        const v = xs[i] as number;
        if (dtype === 0) ys[i] = unaryF32(name, v, a, b);
        else if (name === 'LogicalNot') ys[i] = Number(v === 0);
        else if (name === 'Relu') ys[i] = Math.max(v, 0);
        else if (['Identity', 'Neg', 'Abs', 'Square', 'Sign', 'ClipByValue'].includes(name)) ys[i] = unaryF32(name, v, a, b);
        else throw new Error(`StrataBadDtype: ${name} on int32`);
      }
    },
    binary: (_c, op, inDtype, outDtype, A, B, Y, n, outShape, aStrides, bStrides) => {
      const name = names.binary[op] as string;
      const a = typed(A, inDtype), b = typed(B, inDtype), y = typed(Y, outDtype);
      const value = (ia: number, ib: number) => binary(name, a[ia] as number, b[ib] as number, inDtype === 1);
      if (outShape === null) { for (let i = 0; i < n; i++) y[i] = value(i, i); return; }
      forEachIndex(outShape, (i, coords) => {
        let ia = 0, ib = 0;
        coords.forEach((c, d) => { ia += c * (aStrides?.[d] ?? 0); ib += c * (bStrides?.[d] ?? 0); });
        y[i] = value(ia, ib);
      });
    },
    addN: (_c, inputs, y, n) => { const ys = f32(y); fill(ys, n, 0); for (const x of inputs) { const xs = f32(x); for (let i = 0; i < n; i++) ys[i] = (ys[i] as number) + (xs[i] as number); } },
    cast: (_c, from, to, toBool, x, y, n) => { const xs = typed(x, from), ys = typed(y, to); for (let i = 0; i < n; i++) { const v = xs[i] as number; ys[i] = toBool ? Number(v !== 0) : to === 1 ? Math.trunc(v) : v; } },
    biasActivation: (_c, act, x, bias, y, rows, cols, alpha) => {
      const xs = f32(x), ys = f32(y), bs = bias ? f32(bias) : null;
      for (let i = 0; i < rows * cols; i++) ys[i] = activation(names.activation[act] as string, (xs[i] as number) + (bs ? (bs[i % cols] as number) : 0), alpha);
    },
    reduce: (_c, op, dtype, x, y, outer, reduce, inner) => {
      const name = names.reduce[op] as string;
      const xs = typed(x, dtype), ys = typed(y, dtype);
      for (let o = 0; o < outer; o++)
        for (let i = 0; i < inner; i++) {
          let acc = name === 'Prod' || name === 'All' ? 1 : name === 'Max' ? -Infinity : name === 'Min' ? Infinity : 0;
          for (let r = 0; r < reduce; r++) {
            const v = xs[(o * reduce + r) * inner + i] as number;
            if (name === 'Prod') acc *= v;
            else if (name === 'Max') acc = Number.isNaN(acc) || acc > v ? acc : v;
            else if (name === 'Min') acc = Number.isNaN(acc) || acc < v ? acc : v;
            else if (name === 'All') acc = Number(acc !== 0 && v !== 0);
            else if (name === 'Any') acc = Number(acc !== 0 || v !== 0);
            else acc += v;
          }
          ys[o * inner + i] = name === 'Mean' ? acc / reduce : acc;
        }
    },
    argReduce: (_c, op, dtype, x, y, outer, reduce, inner) => {
      const isMax = names.arg[op] === 'ArgMax';
      const xs = typed(x, dtype), ys = i32(y);
      for (let o = 0; o < outer; o++)
        for (let i = 0; i < inner; i++) {
          let best = xs[o * reduce * inner + i] as number, index = 0;
          for (let r = 1; r < reduce; r++) { const v = xs[(o * reduce + r) * inner + i] as number; if (isMax ? v > best : v < best) { best = v; index = r; } }
          ys[o * inner + i] = index;
        }
    },
    softmax: (_c, x, y, rows, cols) => {
      const xs = f32(x), ys = f32(y);
      for (let r = 0; r < rows; r++) {
        let m = -Infinity, sum = 0;
        for (let c = 0; c < cols; c++) m = Math.max(m, xs[r * cols + c] as number);
        for (let c = 0; c < cols; c++) { const e = Math.exp((xs[r * cols + c] as number) - m); ys[r * cols + c] = e; sum += e; }
        for (let c = 0; c < cols; c++) ys[r * cols + c] = (ys[r * cols + c] as number) / sum;
      }
    },
    stridedCopy: (_c, src, dst, shape, srcStrides, srcOffset, dstStrides, dstOffset) => {
      const s = new Uint32Array(mem(src)), d = new Uint32Array(mem(dst));
      forEachIndex(shape, (_i, coords) => {
        let si = srcOffset, di = dstOffset;
        coords.forEach((c, k) => { si += c * (srcStrides[k] ?? 0); di += c * (dstStrides[k] ?? 0); });
        d[di] = s[si] as number;
      });
    },
    tile: (_c, x, y, inShape, outShape) => {
      const s = new Uint32Array(mem(x)), d = new Uint32Array(mem(y));
      forEachIndex(outShape, (i, coords) => {
        let src = 0, stride = 1;
        for (let k = coords.length - 1; k >= 0; k--) { src += ((coords[k] as number) % (inShape[k] as number)) * stride; stride *= inShape[k] as number; }
        d[i] = s[src] as number;
      });
    },
    pad: (_c, dtype, x, y, inShape, outShape, before, value) => {
      const s = typed(x, dtype), d = typed(y, dtype);
      forEachIndex(outShape, (i, coords) => {
        let src = 0, stride = 1, inside = true;
        for (let k = coords.length - 1; k >= 0; k--) { const c = (coords[k] as number) - (before[k] as number); inside &&= c >= 0 && c < (inShape[k] as number); src += c * stride; stride *= inShape[k] as number; }
        d[i] = inside ? (s[src] as number) : value;
      });
    },
    gather: (_c, x, indices, y, outer, axisDim, inner, count) => {
      const s = new Uint32Array(mem(x)), idx = i32(indices), d = new Uint32Array(mem(y));
      for (let o = 0; o < outer; o++) for (let k = 0; k < count; k++) for (let i = 0; i < inner; i++) { const j = idx[k] as number; d[(o * count + k) * inner + i] = j >= 0 && j < axisDim ? (s[(o * axisDim + j) * inner + i] as number) : 0; }
    },
    segmentSum: (_c, x, ids, y, rows, inner, numSegments) => {
      const xs = f32(x), is = i32(ids), ys = f32(y);
      fill(ys, numSegments * inner, 0);
      for (let r = 0; r < rows; r++) { const s = is[r] as number; if (s < 0 || s >= numSegments) continue; for (let i = 0; i < inner; i++) ys[s * inner + i] = (ys[s * inner + i] as number) + (xs[r * inner + i] as number); }
    },
    oneHot: (_c, indices, y, count, depth, on, off) => { const idx = i32(indices), d = f32(y); for (let i = 0; i < count * depth; i++) d[i] = idx[Math.floor(i / depth)] === i % depth ? on : off; },
    select: (_c, cond, t, e, y, n) => { const c = i32(cond), ts = new Uint32Array(mem(t)), es = new Uint32Array(mem(e)), d = new Uint32Array(mem(y)); for (let i = 0; i < n; i++) d[i] = (c[i] !== 0 ? ts[i] : es[i]) as number; },
    im2col: (_c, x, cols, g) => {
      const xs = f32(x), cs = f32(cols), k = g.filterH * g.filterW * g.inC;
      for (let row = 0; row < g.batch * g.outH * g.outW; row++) {
        const ow = row % g.outW, oh = Math.floor(row / g.outW) % g.outH, b = Math.floor(row / (g.outW * g.outH));
        for (let kh = 0; kh < g.filterH; kh++) for (let kw = 0; kw < g.filterW; kw++) for (let c = 0; c < g.inC; c++) {
          const p = inputPixel(g, b, oh, ow, kh, kw);
          cs[row * k + (kh * g.filterW + kw) * g.inC + c] = p === null ? 0 : (xs[at(g, b, p[0], p[1], c)] as number);
        }
      }
    },
    col2im: (_c, cols, dx, g) => {
      const cs = f32(cols), d = f32(dx), k = g.filterH * g.filterW * g.inC;
      for (let b = 0; b < g.batch; b++) for (let ih = 0; ih < g.inH; ih++) for (let iw = 0; iw < g.inW; iw++) for (let c = 0; c < g.inC; c++) {
        let sum = 0;
        for (let kh = 0; kh < g.filterH; kh++) {
          const hNum = ih + g.padTop - kh * g.dilationH;
          if (hNum < 0 || hNum % g.strideH !== 0 || hNum / g.strideH >= g.outH) continue;
          for (let kw = 0; kw < g.filterW; kw++) {
            const wNum = iw + g.padLeft - kw * g.dilationW;
            if (wNum < 0 || wNum % g.strideW !== 0 || wNum / g.strideW >= g.outW) continue;
            const row = (b * g.outH + hNum / g.strideH) * g.outW + wNum / g.strideW;
            sum += cs[row * k + (kh * g.filterW + kw) * g.inC + c] as number;
          }
        }
        d[at(g, b, ih, iw, c)] = sum;
      }
    },
    maxPool: (_c, x, y, g) => {
      const xs = f32(x), ys = f32(y);
      forEachIndex([g.batch, g.outH, g.outW, g.inC], (i, [b = 0, oh = 0, ow = 0, c = 0]) => { const j = windowArgMax(xs, g, b, oh, ow, c); ys[i] = j < 0 ? 0 : (xs[j] as number); });
    },
    maxPoolGrad: (_c, dy, x, dx, g) => {
      const dys = f32(dy), xs = f32(x), d = f32(dx);
      forEachIndex([g.batch, g.inH, g.inW, g.inC], (i, [b = 0, ih = 0, iw = 0, c = 0]) => {
        let sum = 0;
        coveringWindows(g, ih, iw, (oh, ow) => { if (windowArgMax(xs, g, b, oh, ow, c) === i) sum += dys[((b * g.outH + oh) * g.outW + ow) * g.inC + c] as number; });
        d[i] = sum;
      });
    },
    avgPool: (_c, x, y, g) => {
      const xs = f32(x), ys = f32(y);
      forEachIndex([g.batch, g.outH, g.outW, g.inC], (i, [b = 0, oh = 0, ow = 0, c = 0]) => {
        let sum = 0;
        for (let kh = 0; kh < g.filterH; kh++) for (let kw = 0; kw < g.filterW; kw++) { const p = inputPixel(g, b, oh, ow, kh, kw); if (p) sum += xs[at(g, b, p[0], p[1], c)] as number; }
        const count = windowCount(g, oh, ow);
        ys[i] = count > 0 ? sum / count : 0;
      });
    },
    avgPoolGrad: (_c, dy, dx, g) => {
      const dys = f32(dy), d = f32(dx);
      forEachIndex([g.batch, g.inH, g.inW, g.inC], (i, [b = 0, ih = 0, iw = 0, c = 0]) => {
        let sum = 0;
        coveringWindows(g, ih, iw, (oh, ow) => { sum += (dys[((b * g.outH + oh) * g.outW + ow) * g.inC + c] as number) / windowCount(g, oh, ow); });
        d[i] = sum;
      });
    },
    random: () => { throw new Error('host addon: random kernels are checked on the GPU only'); },
    applyAdam: (_c, v, m, s, g, nv, nm, ns, n, lr, b1, b2, eps, b1p, b2p) => {
      const [V, M, S, G, NV, NM, NS] = [v, m, s, g, nv, nm, ns].map(f32) as Float32Array[] as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
      const lrT = (lr * Math.sqrt(1 - b2p)) / (1 - b1p);
      for (let i = 0; i < n; i++) { const gi = G[i] as number; const mi = b1 * (M[i] as number) + (1 - b1) * gi; const si = b2 * (S[i] as number) + (1 - b2) * gi * gi; NM[i] = mi; NS[i] = si; NV[i] = (V[i] as number) - (lrT * mi) / (Math.sqrt(si) + eps); }
    },
    applySgd: () => { throw new Error('host addon: SGD is checked on the GPU only'); },
    applyRmsprop: () => { throw new Error('host addon: RMSprop is checked on the GPU only'); },
  };
  return addon;
}
