/**
 * `StrataSimpleRNN` and `StrataSimpleRNNGrad` split over the backend's threads (see `thread-count.ts`; Node,
 * threaded binary only). The time loop must run in order, but within a step the rows of the batch are
 * independent: each thread takes a block of rows through `native/simple_rnn.c`'s one-step functions
 * (forward: `simple_rnn_forward` with one step; backward: `simple_rnn_backward_step`), one hand-over per
 * thread and step. The recurrent kernel's gradient, one product over all steps, is split by its rows.
 */
import type { NativeKernels } from '../native-kernels';
import type { ThreadPool } from '../thread-pool';
import type { SimpleRNNSizes } from './StrataSimpleRNNReference';

/** Multiply-adds per step below which a sequence stays on one thread (handing work to a thread costs ~10-20 µs). */
const PARALLEL_MIN_MACS = 1 << 19;

/** The threads to split a sequence over, or null where it runs on one. */
export function sequenceThreads(native: NativeKernels, { steps, batch, units }: SimpleRNNSizes): ThreadPool | null {
  const threads = native.threads;
  return threads !== null && steps > 0 && batch >= 8 && batch * units * units >= PARALLEL_MIN_MACS ? threads : null;
}

/** `[first, count]` blocks of `rows` rows, a multiple of 4 rows (gemm's tile height) each but the last, one per thread at most. */
function rowBlocks(rows: number, threads: number): [number, number][] {
  const block = 4 * Math.ceil(rows / 4 / threads);
  const blocks: [number, number][] = [];
  for (let first = 0; first < rows; first += block) blocks.push([first, Math.min(block, rows - first)]);
  return blocks;
}

/** Byte offsets of the forward kernel's operands. */
export interface ForwardOffsets {
  readonly inputs: number;
  readonly kernel: number;
  readonly h0: number;
  readonly states: number;
}

/** Bytes of one thread's share of scratch, 16-byte aligned. */
function perThread(floats: number): number {
  return 16 * Math.ceil(floats / 4);
}

/** All states, step by step, each step's rows split over `threads`. */
export function threadedForward(native: NativeKernels, threads: ThreadPool, sizes: SimpleRNNSizes, at: ForwardOffsets): void {
  const { steps, batch, units } = sizes;
  const share = perThread(native.exports.simple_rnn_forward_scratch_floats(units));
  const scratch = native.scratch(share * threads.size);
  const blocks = rowBlocks(batch, threads.size);
  const stepBytes = 4 * batch * units;
  for (let t = 0; t < steps; t++) {
    const prev = t === 0 ? at.h0 : at.states + (t - 1) * stepBytes;
    threads.run(
      'simple_rnn_forward',
      blocks.map(([first, rows], i) => {
        const row = 4 * first * units;
        return [1, rows, units, at.inputs + t * stepBytes + row, at.kernel, prev + row, at.states + t * stepBytes + row, scratch + i * share];
      }),
    );
  }
}

/** Byte offsets of the backward kernel's operands. */
export interface BackwardOffsets {
  readonly dStates: number;
  readonly states: number;
  readonly kernel: number;
  readonly h0: number;
  readonly dInputs: number;
  readonly dKernel: number;
  readonly dh0: number;
}

/** The three gradients, back through the steps with each step's rows split over `threads`, then dU by rows. */
export function threadedBackward(native: NativeKernels, threads: ThreadPool, sizes: SimpleRNNSizes, at: BackwardOffsets): void {
  const { steps, batch, units } = sizes;
  const share = perThread(native.exports.gemm_scratch_floats(units));
  const scratch = native.scratch(share * threads.size + 4 * units * units);
  const kernelT = scratch + share * threads.size;
  native.exports.simple_rnn_transpose(units, at.kernel, kernelT);
  const blocks = rowBlocks(batch, threads.size);
  const stepBytes = 4 * batch * units;
  for (let t = steps - 1; t >= 0; t--) {
    const carry = t < steps - 1 ? 1 : 0;
    threads.run(
      'simple_rnn_backward_step',
      blocks.map(([first, rows], i) => {
        const row = 4 * first * units;
        const here = t * stepBytes + row;
        return [rows, units, at.dStates + here, at.states + here, kernelT, carry, at.dInputs + here, at.dh0 + row, scratch + i * share];
      }),
    );
  }
  // dU = [h_0 … h_{T-2}]ᵀ · [dz_1 … dz_{T-1}] + h0ᵀ · dz_0, as in simple_rnn_backward, each thread a block of dU's rows.
  const kernelBlocks = rowBlocks(units, threads.size);
  const product = (k: number, a: number, b: number, accumulate: number): void => {
    threads.run(
      'gemm',
      kernelBlocks.map(([first, rows], i) => [
        rows, units, k, a + 4 * first, 1, units, b, units, 1, at.dKernel + 4 * first * units, units, accumulate, 0, 0, scratch + i * share,
      ]),
    );
  };
  if (steps > 1) product((steps - 1) * batch, at.states, at.dInputs + stepBytes, 0);
  product(batch, at.h0, at.dInputs, steps > 1 ? 1 : 0);
}
