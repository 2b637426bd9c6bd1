/**
 * The kernel conformance cases: each runs tfjs-core ops (forward, and gradients where the op has one)
 * on seeded random inputs of random shapes. The runner executes a case on two backends and compares.
 */
import * as tfc from '@tensorflow/tfjs-core';
import { InputSource, type HostInput, type InputKind } from './inputs';

/** One conformance case. */
export interface ConformanceCase {
  readonly name: string;
  /** Builds host inputs (shapes drawn from `src`) and a function of their tensors. */
  readonly build: (src: InputSource) => { inputs: HostInput[]; fn: (...xs: tfc.Tensor[]) => tfc.Tensor | tfc.Tensor[] };
  /** Relative tolerance (default 1e-4). */
  readonly rtol?: number;
  /** Absolute tolerance (default 1e-5). */
  readonly atol?: number;
}

/** Gradient of sum(f(x)·w) for a fixed random weight w (so every output element matters). */
function gradCase(name: string, kind: InputKind, f: (x: tfc.Tensor) => tfc.Tensor, shape?: (s: InputSource) => number[]): ConformanceCase {
  return {
    name: `${name} grad`,
    build: (src) => {
      const s = shape ? shape(src) : [src.dim(1, 9), src.dim(1, 33)];
      const x = src.input(s, kind);
      const w = src.input(s, 'normal');
      return { inputs: [x, w], fn: (xt, wt) => tfc.grad((v: tfc.Tensor) => tfc.sum(tfc.mul(f(v), wt as tfc.Tensor)))(xt as tfc.Tensor) };
    },
    rtol: 1e-3,
    atol: 1e-4,
  };
}

function unaryCase(name: string, kind: InputKind, f: (x: tfc.Tensor) => tfc.Tensor, withGrad = true): ConformanceCase[] {
  const forward: ConformanceCase = {
    name,
    build: (src) => ({ inputs: [src.input([src.dim(1, 9), src.dim(1, 70)], kind)], fn: (x) => f(x as tfc.Tensor) }),
  };
  return withGrad ? [forward, gradCase(name, kind, f)] : [forward];
}

type Binary = (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor;

/** A binary op on broadcasting shapes, forward and both gradients. */
function binaryCase(name: string, f: Binary, kindA: InputKind = 'normal', kindB: InputKind = 'normal', withGrad = true): ConformanceCase[] {
  const shapes = (src: InputSource): [number[], number[]] => {
    const [r, c, d] = [src.dim(2, 5), src.dim(2, 6), src.dim(2, 7)];
    return [
      [r, 1, d],
      [c, d],
    ];
  };
  const cases: ConformanceCase[] = [
    {
      name: `${name} same shape`,
      build: (src) => {
        const s = [src.dim(1, 8), src.dim(1, 40)];
        return { inputs: [src.input(s, kindA), src.input(s, kindB)], fn: (a, b) => f(a as tfc.Tensor, b as tfc.Tensor) };
      },
    },
    {
      name: `${name} broadcast`,
      build: (src) => {
        const [sa, sb] = shapes(src);
        return { inputs: [src.input(sa, kindA), src.input(sb, kindB)], fn: (a, b) => f(a as tfc.Tensor, b as tfc.Tensor) };
      },
    },
  ];
  if (withGrad) {
    cases.push({
      name: `${name} broadcast grads`,
      build: (src) => {
        const [sa, sb] = shapes(src);
        return {
          inputs: [src.input(sa, kindA), src.input(sb, kindB)],
          fn: (a, b) => tfc.grads((x: tfc.Tensor, y: tfc.Tensor) => tfc.sum(tfc.square(f(x, y))))([a as tfc.Tensor, b as tfc.Tensor]),
        };
      },
      rtol: 1e-3,
      atol: 1e-4,
    });
  }
  return cases;
}

function reduceCases(name: string, f: (x: tfc.Tensor, axis: number | number[], keep: boolean) => tfc.Tensor, kind: InputKind = 'normal'): ConformanceCase[] {
  const axesSets: Array<number | number[]> = [0, 1, 2, [0, 2], [0, 1, 2], -1];
  return axesSets.map((axis, i) => ({
    name: `${name} axis ${JSON.stringify(axis)}${i % 2 ? ' keepDims' : ''}`,
    build: (src) => ({ inputs: [src.input([src.dim(1, 6), src.dim(1, 7), src.dim(1, 300)], kind)], fn: (x) => f(x as tfc.Tensor, axis, i % 2 === 1) }),
    rtol: 1e-4,
    atol: 1e-4,
  }));
}

function convShapes(src: InputSource) {
  const batch = src.dim(1, 3);
  const size = src.dim(5, 12);
  const inC = src.dim(1, 4);
  const outC = src.dim(1, 6);
  const k = src.dim(1, 3);
  return { x: [batch, size, size + 1, inC], filter: [k, k, inC, outC] };
}

const convVariants: Array<{ stride: number; pad: 'same' | 'valid'; dilation: number }> = [
  { stride: 1, pad: 'valid', dilation: 1 },
  { stride: 1, pad: 'same', dilation: 1 },
  { stride: 2, pad: 'same', dilation: 1 },
  { stride: 1, pad: 'same', dilation: 2 },
];

/** Every case, in a fixed order. */
export function conformanceCases(): ConformanceCase[] {
  const c: ConformanceCase[] = [];
  // Elementwise unary.
  c.push(...unaryCase('relu', 'normal', tfc.relu));
  c.push(...unaryCase('relu6', 'normal', (x) => tfc.relu6(tfc.mul(x, 4))));
  c.push(...unaryCase('elu', 'normal', tfc.elu));
  c.push(...unaryCase('selu', 'normal', tfc.selu));
  c.push(...unaryCase('leakyRelu', 'normal', (x) => tfc.leakyRelu(x, 0.3)));
  c.push(...unaryCase('sigmoid', 'normal', tfc.sigmoid));
  c.push(...unaryCase('tanh', 'normal', tfc.tanh));
  c.push(...unaryCase('softplus', 'normal', tfc.softplus));
  c.push(...unaryCase('exp', 'normal', tfc.exp));
  c.push(...unaryCase('log', 'positive', tfc.log));
  c.push(...unaryCase('log1p', 'positive', tfc.log1p));
  c.push(...unaryCase('expm1', 'normal', tfc.expm1));
  c.push(...unaryCase('sqrt', 'positive', tfc.sqrt));
  c.push(...unaryCase('rsqrt', 'positive', tfc.rsqrt));
  c.push(...unaryCase('square', 'normal', tfc.square));
  c.push(...unaryCase('reciprocal', 'positive', tfc.reciprocal));
  c.push(...unaryCase('abs', 'normal', tfc.abs));
  c.push(...unaryCase('neg', 'normal', tfc.neg));
  c.push(...unaryCase('sin', 'normal', tfc.sin));
  c.push(...unaryCase('cos', 'normal', tfc.cos));
  c.push(...unaryCase('tan', 'unit', tfc.tan));
  c.push(...unaryCase('asin', 'unit', tfc.asin));
  c.push(...unaryCase('acos', 'unit', tfc.acos));
  c.push(...unaryCase('atan', 'normal', tfc.atan));
  c.push(...unaryCase('sinh', 'normal', tfc.sinh));
  c.push(...unaryCase('cosh', 'normal', tfc.cosh));
  c.push(...unaryCase('asinh', 'normal', tfc.asinh));
  c.push(...unaryCase('acosh', 'above1', tfc.acosh));
  c.push(...unaryCase('atanh', 'unit', tfc.atanh));
  c.push(...unaryCase('erf', 'normal', tfc.erf));
  c.push(...unaryCase('clipByValue', 'normal', (x) => tfc.clipByValue(x, -0.5, 0.7)));
  c.push(...unaryCase('floor', 'normal', (x) => tfc.floor(tfc.mul(x, 3)), false));
  c.push(...unaryCase('ceil', 'normal', (x) => tfc.ceil(tfc.mul(x, 3)), false));
  c.push(...unaryCase('round', 'normal', (x) => tfc.round(tfc.mul(x, 3)), false));
  c.push(...unaryCase('sign', 'normal', tfc.sign, false));
  c.push(...unaryCase('step', 'normal', (x) => tfc.step(x, 0.1), false));
  c.push(...unaryCase('isNaN', 'normal', (x) => tfc.isNaN(tfc.log(x)), false));
  c.push(...unaryCase('isFinite', 'normal', (x) => tfc.isFinite(tfc.div(1, tfc.floor(x))), false));
  c.push(...unaryCase('neg int32', 'int', tfc.neg, false));
  c.push(...unaryCase('abs int32', 'int', tfc.abs, false));
  c.push(...unaryCase('logicalNot', 'bool', tfc.logicalNot, false));
  // Elementwise binary with broadcasting.
  c.push(...binaryCase('add', tfc.add));
  c.push(...binaryCase('sub', tfc.sub));
  c.push(...binaryCase('mul', tfc.mul));
  c.push(...binaryCase('div', tfc.div, 'normal', 'positive'));
  // tfjs-core's gradients of Maximum, Minimum, SquaredDifference and Prelu do not sum over broadcast
  // axes, so those gradients are checked on equal shapes only (below).
  c.push(...binaryCase('maximum', tfc.maximum, 'normal', 'normal', false));
  c.push(...binaryCase('minimum', tfc.minimum, 'normal', 'normal', false));
  c.push(...binaryCase('pow', tfc.pow, 'positive', 'normal'));
  c.push(...binaryCase('squaredDifference', tfc.squaredDifference, 'normal', 'normal', false));
  c.push(...binaryCase('atan2', tfc.atan2, 'normal', 'positive'));
  c.push(...binaryCase('prelu', (a, b) => tfc.prelu(a, tfc.abs(b)), 'normal', 'normal', false));
  for (const [name, f] of [
    ['maximum', tfc.maximum],
    ['minimum', tfc.minimum],
    ['squaredDifference', tfc.squaredDifference],
    ['prelu', (a: tfc.Tensor, b: tfc.Tensor) => tfc.prelu(a, tfc.abs(b))],
  ] as Array<[string, Binary]>) {
    c.push({
      name: `${name} grads`,
      build: (src) => {
        const s = [src.dim(1, 8), src.dim(1, 40)];
        return { inputs: [src.input(s), src.input(s)], fn: (a, b) => tfc.grads((x: tfc.Tensor, y: tfc.Tensor) => tfc.sum(tfc.square(f(x, y))))([a as tfc.Tensor, b as tfc.Tensor]) };
      },
      rtol: 1e-3,
      atol: 1e-4,
    });
  }
  // Of float32 inputs, tfjs-backend-cpu's floorDiv answers int32 and TensorFlow float32 (as the wasm backend
  // does): the values are compared, not the dtype.
  c.push(...binaryCase('floorDiv', (a, b) => tfc.cast(tfc.floorDiv(a, b), 'float32'), 'normal', 'positive', false));
  c.push(...binaryCase('mod', tfc.mod, 'normal', 'positive', false));
  c.push(...binaryCase('add int32', tfc.add, 'int', 'int', false));
  c.push(...binaryCase('mul int32', tfc.mul, 'int', 'int', false));
  c.push(...binaryCase('floorDiv int32', (a, b) => tfc.floorDiv(a, tfc.add(tfc.abs(b), tfc.scalar(1, 'int32'))), 'int', 'int', false));
  for (const [name, f] of [
    ['equal', tfc.equal],
    ['notEqual', tfc.notEqual],
    ['greater', tfc.greater],
    ['greaterEqual', tfc.greaterEqual],
    ['less', tfc.less],
    ['lessEqual', tfc.lessEqual],
  ] as Array<[string, Binary]>) {
    c.push(...binaryCase(name, (a, b) => f(tfc.round(a), tfc.round(b)), 'normal', 'normal', false));
    c.push(...binaryCase(`${name} int32`, f, 'int', 'int', false));
  }
  c.push(...binaryCase('logicalAnd', tfc.logicalAnd, 'bool', 'bool', false));
  c.push(...binaryCase('logicalOr', tfc.logicalOr, 'bool', 'bool', false));
  c.push(...binaryCase('logicalXor', tfc.logicalXor, 'bool', 'bool', false));
  // Reductions.
  c.push(...reduceCases('sum', (x, a, k) => tfc.sum(x, a, k)));
  c.push(...reduceCases('mean', (x, a, k) => tfc.mean(x, a, k)));
  c.push(...reduceCases('max', (x, a, k) => tfc.max(x, a, k)));
  c.push(...reduceCases('min', (x, a, k) => tfc.min(x, a, k)));
  c.push(...reduceCases('prod', (x, a, k) => tfc.prod(tfc.add(tfc.mul(x, 0.01), 1), a, k)));
  c.push(...reduceCases('sum int32', (x, a, k) => tfc.sum(x, a, k), 'int'));
  c.push(...reduceCases('all', (x, a, k) => tfc.all(x, a, k), 'bool'));
  c.push(...reduceCases('any', (x, a, k) => tfc.any(x, a, k), 'bool'));
  for (const axis of [0, 1, -1]) {
    c.push({ name: `argMax axis ${axis}`, build: (src) => ({ inputs: [src.input([src.dim(1, 9), src.dim(2, 200)])], fn: (x) => tfc.argMax(x as tfc.Tensor, axis) }) });
    c.push({ name: `argMin axis ${axis}`, build: (src) => ({ inputs: [src.input([src.dim(1, 9), src.dim(2, 200)])], fn: (x) => tfc.argMin(x as tfc.Tensor, axis) }) });
  }
  c.push(gradCase('sum', 'normal', (x) => tfc.sum(x, 0, true)));
  c.push(gradCase('mean', 'normal', (x) => tfc.mean(x, 1, true)));
  c.push(gradCase('max', 'normal', (x) => tfc.max(x, 1, true)));
  // Softmax family.
  c.push(...unaryCase('softmax', 'normal', (x) => tfc.softmax(tfc.mul(x, 5))));
  c.push(...unaryCase('logSoftmax', 'normal', (x) => tfc.logSoftmax(tfc.mul(x, 5))));
  c.push({
    name: 'softmaxCrossEntropy grad',
    build: (src) => {
      const [n, k] = [src.dim(1, 64), src.dim(2, 12)];
      return {
        inputs: [src.input([n, k]), src.input([n], 'index', k)],
        fn: (logits, labels) => tfc.grad((l: tfc.Tensor) => tfc.losses.softmaxCrossEntropy(tfc.oneHot(labels as tfc.Tensor1D, k), l))(logits as tfc.Tensor),
      };
    },
    rtol: 1e-3,
    atol: 1e-5,
  });
  // Matrix products.
  for (const [ta, tb] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as Array<[boolean, boolean]>) {
    const shapes = (src: InputSource) => {
      const [m, k, n] = [src.dim(1, 70), src.dim(1, 70), src.dim(1, 70)];
      return { a: ta ? [k, m] : [m, k], b: tb ? [n, k] : [k, n] };
    };
    c.push({
      name: `matMul transposeA=${ta} transposeB=${tb}`,
      build: (src) => {
        const s = shapes(src);
        return { inputs: [src.input(s.a), src.input(s.b)], fn: (a, b) => tfc.matMul(a as tfc.Tensor2D, b as tfc.Tensor2D, ta, tb) };
      },
      rtol: 1e-3,
      atol: 1e-3,
    });
    c.push({
      name: `matMul grads transposeA=${ta} transposeB=${tb}`,
      build: (src) => {
        const s = shapes(src);
        return {
          inputs: [src.input(s.a), src.input(s.b)],
          fn: (a, b) => tfc.grads((x: tfc.Tensor, y: tfc.Tensor) => tfc.sum(tfc.square(tfc.matMul(x as tfc.Tensor2D, y as tfc.Tensor2D, ta, tb))))([a as tfc.Tensor, b as tfc.Tensor]),
        };
      },
      rtol: 2e-3,
      atol: 1e-2,
    });
  }
  c.push({
    name: 'batched matMul with broadcast batch',
    build: (src) => {
      const [bt, m, k, n] = [src.dim(2, 5), src.dim(1, 20), src.dim(1, 20), src.dim(1, 20)];
      return { inputs: [src.input([bt, m, k]), src.input([1, k, n])], fn: (a, b) => tfc.matMul(a as tfc.Tensor3D, b as tfc.Tensor3D) };
    },
    rtol: 1e-3,
    atol: 1e-3,
  });
  for (const activation of ['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leakyrelu'] as const) {
    c.push({
      name: `fused matMul + bias + ${activation} (value and grads)`,
      build: (src) => {
        const [m, k, n] = [src.dim(1, 64), src.dim(1, 64), src.dim(1, 64)];
        return {
          inputs: [src.input([m, k]), src.input([k, n]), src.input([n])],
          fn: (a, b, bias) => {
            const f = (x: tfc.Tensor, w: tfc.Tensor, v: tfc.Tensor) => tfc.fused.matMul({ a: x as tfc.Tensor2D, b: w as tfc.Tensor2D, bias: v, activation, leakyreluAlpha: 0.2 });
            const y = f(a as tfc.Tensor, b as tfc.Tensor, bias as tfc.Tensor);
            return [y, ...tfc.grads((x: tfc.Tensor, w: tfc.Tensor, v: tfc.Tensor) => tfc.sum(tfc.square(f(x, w, v))))([a as tfc.Tensor, b as tfc.Tensor, bias as tfc.Tensor])];
          },
        };
      },
      rtol: 2e-3,
      atol: 1e-2,
    });
  }
  // Convolution and pooling.
  for (const v of convVariants) {
    const label = `stride ${v.stride} pad ${v.pad} dilation ${v.dilation}`;
    c.push({
      name: `conv2d ${label}`,
      build: (src) => {
        const s = convShapes(src);
        return { inputs: [src.input(s.x), src.input(s.filter)], fn: (x, w) => tfc.conv2d(x as tfc.Tensor4D, w as tfc.Tensor4D, v.stride, v.pad, 'NHWC', v.dilation) };
      },
      rtol: 1e-3,
      atol: 1e-3,
    });
    if (v.dilation === 1) {
      c.push({
        name: `conv2d grads ${label}`,
        build: (src) => {
          const s = convShapes(src);
          return {
            inputs: [src.input(s.x), src.input(s.filter)],
            fn: (x, w) => tfc.grads((a: tfc.Tensor, b: tfc.Tensor) => tfc.sum(tfc.square(tfc.conv2d(a as tfc.Tensor4D, b as tfc.Tensor4D, v.stride, v.pad))))([x as tfc.Tensor, w as tfc.Tensor]),
          };
        },
        rtol: 2e-3,
        atol: 1e-2,
      });
    }
  }
  c.push({
    name: 'fused conv2d + bias + relu',
    build: (src) => {
      const s = convShapes(src);
      return {
        inputs: [src.input(s.x), src.input(s.filter), src.input([s.filter[3] ?? 1])],
        fn: (x, w, b) => tfc.fused.conv2d({ x: x as tfc.Tensor4D, filter: w as tfc.Tensor4D, strides: 1, pad: 'same', bias: b, activation: 'relu' }),
      };
    },
    rtol: 1e-3,
    atol: 1e-3,
  });
  for (const [pool, f] of [
    ['maxPool', tfc.maxPool],
    ['avgPool', tfc.avgPool],
  ] as const) {
    for (const [size, stride, pad] of [
      [2, 2, 'valid'],
      [3, 1, 'same'],
      [3, 2, 'valid'],
    ] as Array<[number, number, 'valid' | 'same']>) {
      const shape = (src: InputSource) => [src.dim(1, 3), src.dim(4, 13), src.dim(4, 13), src.dim(1, 5)];
      c.push({ name: `${pool} ${size}x${size} stride ${stride} ${pad}`, build: (src) => ({ inputs: [src.input(shape(src))], fn: (x) => f(x as tfc.Tensor4D, size, stride, pad) }) });
      // tfjs-backend-cpu's AvgPoolGrad divides by the full window even where 'same' padding clips it, which
      // disagrees with its own forward pass; compare avgPool gradients on 'valid' windows only.
      if (pool === 'maxPool' || pad === 'valid') {
        c.push({
          name: `${pool} grad ${size}x${size} stride ${stride} ${pad}`,
          build: (src) => {
            const s = shape(src);
            const w = [s[0] ?? 1, 1, 1, s[3] ?? 1];
            return { inputs: [src.input(s), src.input(w)], fn: (x, wt) => tfc.grad((v: tfc.Tensor) => tfc.sum(tfc.mul(f(v as tfc.Tensor4D, size, stride, pad), wt as tfc.Tensor)))(x as tfc.Tensor) };
          },
          rtol: 1e-3,
          atol: 1e-4,
        });
      }
    }
  }
  // Moving elements.
  const cube = (src: InputSource) => [src.dim(1, 5), src.dim(1, 6), src.dim(1, 7)];
  c.push({ name: 'transpose [2, 0, 1]', build: (src) => ({ inputs: [src.input(cube(src))], fn: (x) => tfc.transpose(x as tfc.Tensor, [2, 0, 1]) }) });
  c.push({ name: 'transpose int32 [1, 0]', build: (src) => ({ inputs: [src.input([src.dim(1, 40), src.dim(1, 40)], 'int')], fn: (x) => tfc.transpose(x as tfc.Tensor) }) });
  c.push({ name: 'slice', build: (src) => ({ inputs: [src.input([6, 7, 8])], fn: (x) => tfc.slice(x as tfc.Tensor, [1, 2, 3], [4, -1, 2]) }) });
  c.push({ name: 'stridedSlice', build: (src) => ({ inputs: [src.input([9, 8])], fn: (x) => tfc.stridedSlice(x as tfc.Tensor, [1, 7], [8, 0], [2, -3]) }) });
  c.push({ name: 'reverse', build: (src) => ({ inputs: [src.input(cube(src))], fn: (x) => tfc.reverse(x as tfc.Tensor, [0, 2]) }) });
  c.push({ name: 'concat axis 1', build: (src) => ({ inputs: [src.input([3, 2, 4]), src.input([3, 5, 4]), src.input([3, 1, 4])], fn: (a, b, d) => tfc.concat([a, b, d] as tfc.Tensor[], 1) }) });
  c.push({ name: 'concat grads', build: (src) => ({ inputs: [src.input([3, 2]), src.input([3, 5])], fn: (a, b) => tfc.grads((x: tfc.Tensor, y: tfc.Tensor) => tfc.sum(tfc.square(tfc.concat([x, y], 1))))([a as tfc.Tensor, b as tfc.Tensor]) }) });
  c.push({ name: 'stack / unstack', build: (src) => ({ inputs: [src.input([4, 5]), src.input([4, 5])], fn: (a, b) => [tfc.stack([a, b] as tfc.Tensor[], 1), ...tfc.unstack(a as tfc.Tensor, 1)] }) });
  c.push({ name: 'split', build: (src) => ({ inputs: [src.input([4, 9])], fn: (x) => tfc.split(x as tfc.Tensor, [2, 3, 4], 1) }) });
  c.push({ name: 'tile', build: (src) => ({ inputs: [src.input([2, 3, 1])], fn: (x) => tfc.tile(x as tfc.Tensor, [2, 1, 3]) }) });
  c.push({ name: 'pad', build: (src) => ({ inputs: [src.input([3, 4])], fn: (x) => tfc.pad(x as tfc.Tensor, [[1, 2], [0, 3]], 0.5) }) });
  c.push({ name: 'broadcastTo', build: (src) => ({ inputs: [src.input([3, 1])], fn: (x) => tfc.broadcastTo(x as tfc.Tensor, [2, 3, 4]) }) });
  c.push({ name: 'gather axis 0 and 1', build: (src) => ({ inputs: [src.input([7, 5]), src.input([11], 'index', 5)], fn: (x, i) => [tfc.gather(x as tfc.Tensor, i as tfc.Tensor1D, 1), tfc.gather(x as tfc.Tensor, tfc.minimum(i as tfc.Tensor, tfc.scalar(4, 'int32')), 0)] }) });
  c.push({ name: 'gather grad', build: (src) => ({ inputs: [src.input([7, 5]), src.input([11], 'index', 7)], fn: (x, i) => tfc.grad((v: tfc.Tensor) => tfc.sum(tfc.square(tfc.gather(v, i as tfc.Tensor1D, 0))))(x as tfc.Tensor) }) });
  c.push({ name: 'oneHot', build: (src) => ({ inputs: [src.input([src.dim(1, 300)], 'index', 10)], fn: (i) => tfc.oneHot(i as tfc.Tensor1D, 10) }) });
  c.push({ name: 'where', build: (src) => ({ inputs: [src.input([4, 6], 'bool'), src.input([4, 6]), src.input([6])], fn: (cond, a, b) => tfc.where(cond as tfc.Tensor, a as tfc.Tensor, b as tfc.Tensor) }) });
  c.push({ name: 'cast float32 → int32 → bool → float32', build: (src) => ({ inputs: [src.input([5, 7])], fn: (x) => { const i = tfc.cast(tfc.mul(x, 3), 'int32'); return [i, tfc.cast(i, 'bool'), tfc.cast(tfc.cast(i, 'bool'), 'float32')]; } }) });
  c.push({ name: 'fill / zerosLike / onesLike', build: (src) => ({ inputs: [src.input([3, 4])], fn: (x) => [tfc.fill([2, 3], 1.5), tfc.zerosLike(x as tfc.Tensor), tfc.onesLike(x as tfc.Tensor)] }) });
  c.push({ name: 'addN', build: (src) => ({ inputs: [src.input([3, 4]), src.input([3, 4]), src.input([3, 4])], fn: (a, b, d) => tfc.addN([a, b, d] as tfc.Tensor[]) }) });
  c.push({ name: 'dropout-style mask', build: (src) => ({ inputs: [src.input([8, 16]), src.input([8, 16], 'unit')], fn: (x, u) => tfc.mul(x as tfc.Tensor, tfc.div(tfc.floor(tfc.add(tfc.abs(u as tfc.Tensor), 0.55)), 0.55)) }) });
  return c;
}
