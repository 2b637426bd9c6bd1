/**
 * Converters of the recurrent layers: SimpleRNN, LSTM and GRU as ONNX's `RNN`, `LSTM` and `GRU` operators
 * (time-major, one direction each), Bidirectional as a forward and a reverse operator merged as Keras
 * merges them, and TimeDistributed by folding time into the batch. Keras's gate order (LSTM `i, f, c, o`;
 * GRU `z, r, h`) is reordered to ONNX's (`i, o, f, c`; `z, r, h`), kernels are transposed to `[gates·H, in]`,
 * and a GRU with `resetAfter` maps to `linear_before_reset`.
 */
import { Bidirectional, type Layer, type Shape } from '@strata-ml/layers';
import { recurrentActivation, recurrentAttributes, type RecurrentActivation } from './activations';
import { configOf, converterTable, weightOf, type ConvertContext } from './converter';
import { INT64_MAX, type OnnxValue } from './onnx-graph';

const { table, register } = converterTable();
/** The converters of this family, by Strata class name. */
export const RECURRENT_CONVERTERS = table;

/** ONNX gate block order, as indices of Keras's blocks. */
const GATES: Readonly<Record<string, number[]>> = { SimpleRNN: [0], LSTM: [0, 3, 1, 2], GRU: [0, 1, 2] };

/** `[rows, blocks·H]` (Keras) → `[blocks·H, rows]` (ONNX) with the column blocks reordered. */
function gateMatrix(values: Float32Array, rows: number, units: number, order: number[]): Float32Array {
  const cols = order.length * units;
  const out = new Float32Array(cols * rows);
  order.forEach((block, b) => {
    for (let u = 0; u < units; u++) {
      const src = block * units + u;
      const dst = b * units + u;
      for (let r = 0; r < rows; r++) out[dst * rows + r] = values[r * cols + src] as number;
    }
  });
  return out;
}

function gateVector(values: Float32Array, offset: number, units: number, order: number[]): Float32Array {
  const out = new Float32Array(order.length * units);
  order.forEach((block, b) => out.set(values.subarray(offset + block * units, offset + (block + 1) * units), b * units));
  return out;
}

function gateActivations(ctx: ConvertContext, layer: Layer): RecurrentActivation[] {
  const name = (key: string): RecurrentActivation => {
    const value = configOf<string>(layer, key);
    const a = recurrentActivation(value);
    if (a === undefined) ctx.unsupported(layer, `its ${key} '${value}' is not one of ONNX's recurrent activations`);
    return a;
  };
  if (layer.className === 'SimpleRNN') return [name('activation')];
  if (layer.className === 'LSTM') return [name('recurrentActivation'), name('activation'), name('activation')];
  return [name('recurrentActivation'), name('activation')];
}

/**
 * One recurrent layer on `[batch, time, features]`. Its sequence comes back in the order Keras returns it:
 * processing order for `goBackwards` (Keras's `go_backwards` outputs reversed time), or input order when
 * `inputOrder` (Bidirectional's backward half).
 */
function recurrent(ctx: ConvertContext, layer: Layer, x: OnnxValue, inputOrder = false): OnnxValue {
  const g = ctx.graph;
  const op = layer.className;
  const order = GATES[op] as number[];
  for (const key of ['returnState', 'stateful']) if (configOf<boolean>(layer, key)) ctx.unsupported(layer, `${key}: only the output sequence or last output is exported`);
  const units = configOf<number>(layer, 'units');
  const features = x.shape[2] as number;
  const kernel = weightOf(ctx, layer, 'kernel');
  const recurrentKernel = weightOf(ctx, layer, 'recurrent_kernel');
  const n = order.length * units;
  const resetAfter = op === 'GRU' && configOf<boolean>(layer, 'resetAfter');
  const bias = new Float32Array(2 * n);
  if (configOf<boolean>(layer, 'useBias')) {
    const b = weightOf(ctx, layer, 'bias').values;
    bias.set(gateVector(b, 0, units, order), 0);
    // A reset-after GRU has a second bias row, added inside the reset gate: ONNX's recurrence bias.
    if (resetAfter) bias.set(gateVector(b, n, units, order), n);
  }
  const base = layer.name;
  const W = g.floats(`${base}/W`, gateMatrix(kernel.values, features, units, order), [1, n, features]);
  const R = g.floats(`${base}/R`, gateMatrix(recurrentKernel.values, units, units, order), [1, n, units]);
  const B = g.floats(`${base}/B`, bias, [1, 2 * n]);
  const timeMajor = g.op('Transpose', [x.name], base, { perm: { ints: [1, 0, 2] } });
  const backwards = configOf<boolean>(layer, 'goBackwards');
  const [Y, Yh] = g.ops(op === 'SimpleRNN' ? 'RNN' : op, [timeMajor, W, R, B], {
    hidden_size: { i: units },
    direction: { s: backwards ? 'reverse' : 'forward' },
    ...recurrentAttributes(gateActivations(ctx, layer)),
    ...(op === 'GRU' ? { linear_before_reset: { i: resetAfter ? 1 : 0 } } : {}),
  }, base, 2) as [string, string];
  const shape = layer.computeOutputShape(x.shape) as Shape;
  if (!configOf<boolean>(layer, 'returnSequences')) {
    return { name: g.op('Squeeze', [Yh, g.ints(`${base}/axes`, [0])], base), shape };
  }
  // Y is [time, 1, batch, units], each step at its input position.
  let sequence = g.op('Squeeze', [Y, g.ints(`${base}/axes`, [1])], base);
  if (backwards && !inputOrder) {
    const reversed = [g.ints(`${base}/starts`, [-1]), g.ints(`${base}/ends`, [-INT64_MAX]), g.ints(`${base}/axes`, [0]), g.ints(`${base}/steps`, [-1])];
    sequence = g.op('Slice', [sequence, ...reversed], base);
  }
  return { name: g.op('Transpose', [sequence], base, { perm: { ints: [1, 0, 2] } }), shape };
}

for (const name of ['SimpleRNN', 'LSTM', 'GRU']) register(name, (ctx, layer, [x]) => [recurrent(ctx, layer, x as OnnxValue)]);

register('Bidirectional', (ctx, layer, [input]) => {
  const g = ctx.graph;
  const bi = layer as Bidirectional;
  const x = input as OnnxValue;
  const forward = recurrent(ctx, bi.forwardLayer, x);
  const backward = recurrent(ctx, bi.backwardLayer, x, true);
  const mode = configOf<string | null>(layer, 'mergeMode');
  const both = [forward.name, backward.name];
  const rank = forward.shape.length;
  const merged =
    mode === 'concat' ? g.op('Concat', both, layer.name, { axis: { i: rank - 1 } })
      : mode === 'sum' ? g.op('Add', both, layer.name)
        : mode === 'mul' ? g.op('Mul', both, layer.name)
          : mode === 'ave' ? g.op('Mean', both, layer.name)
            : ctx.unsupported(layer, `mergeMode ${JSON.stringify(mode)}: the model would have two outputs per call`);
  return [{ name: merged, shape: layer.computeOutputShape(x.shape) as Shape }];
});

register('TimeDistributed', (ctx, layer, [input]) => {
  const g = ctx.graph;
  const x = input as OnnxValue;
  const inner = (layer as unknown as { layer: Layer }).layer;
  const rest = x.shape.slice(2);
  if (rest.some((d) => d === null)) ctx.unsupported(layer, `its per-step shape ${JSON.stringify(rest)} must be fixed`);
  // [batch, time, …] → [batch·time, …], the wrapped layer, then back, with batch and time read at run time.
  const folded = g.op('Reshape', [x.name, g.ints(`${layer.name}/folded`, [-1, ...(rest as number[])])], layer.name);
  const [y] = ctx.convert(inner, [{ name: folded, shape: [null, ...rest] }]) as [OnnxValue];
  const outRest = y.shape.slice(1) as number[];
  const leading = g.op('Slice', [g.op('Shape', [x.name], layer.name), g.ints(`${layer.name}/zero`, [0]), g.ints(`${layer.name}/two`, [2])], layer.name);
  const shape = g.op('Concat', [leading, g.ints(`${layer.name}/rest`, outRest)], layer.name, { axis: { i: 0 } });
  return [{ name: g.op('Reshape', [y.name, shape], layer.name), shape: layer.computeOutputShape(x.shape) as Shape }];
});
