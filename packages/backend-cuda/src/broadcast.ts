/**
 * NumPy broadcasting as the binary kernel consumes it: the output shape and, for each input, the stride
 * of every output axis (0 where the input is broadcast along it). Adjacent axes that broadcast alike are
 * merged, so most calls reach the kernel with rank 1 or 2 whatever the tensors' rank.
 */
import { contiguousStrides } from './strides';

/** The index arithmetic of one broadcast binary op. */
export interface BroadcastView {
  readonly outShape: number[];
  readonly aStrides: number[];
  readonly bStrides: number[];
}

/** The broadcast output shape of `a` and `b`, or null when they do not broadcast. */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] | null {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/**
 * The view for `a op b`, or null when both already have the output's shape (the kernel then walks them
 * linearly). Throws a plain Error when the shapes do not broadcast; tfjs-core checks that before any
 * kernel runs, so this only guards against misuse.
 */
export function broadcastView(a: readonly number[], b: readonly number[]): BroadcastView | null {
  const out = broadcastShape(a, b);
  if (out === null) throw new Error(`broadcastView: shapes [${a.join(', ')}] and [${b.join(', ')}] do not broadcast`);
  const rank = out.length;
  const pad = (s: readonly number[]) => [...new Array<number>(rank - s.length).fill(1), ...s];
  const pa = pad(a);
  const pb = pad(b);
  if (pa.every((d, i) => d === out[i]) && pb.every((d, i) => d === out[i])) return null;
  const sa = contiguousStrides(pa).map((s, i) => (pa[i] === 1 ? 0 : s));
  const sb = contiguousStrides(pb).map((s, i) => (pb[i] === 1 ? 0 : s));
  // Merge axis i into the previous one when both inputs are contiguous across the pair.
  const shape: number[] = [];
  const aStrides: number[] = [];
  const bStrides: number[] = [];
  for (let i = 0; i < rank; i++) {
    const d = out[i] ?? 1;
    const last = shape.length - 1;
    if (d === 1) continue;
    if (
      last >= 0 &&
      aStrides[last] === (sa[i] ?? 0) * d &&
      bStrides[last] === (sb[i] ?? 0) * d
    ) {
      shape[last] = (shape[last] ?? 1) * d;
      aStrides[last] = sa[i] ?? 0;
      bStrides[last] = sb[i] ?? 0;
      continue;
    }
    shape.push(d);
    aStrides.push(sa[i] ?? 0);
    bStrides.push(sb[i] ?? 0);
  }
  if (shape.length === 0) return { outShape: [1], aStrides: [0], bStrides: [0] };
  return { outShape: shape, aStrides, bStrides };
}
