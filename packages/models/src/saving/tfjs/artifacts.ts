/**
 * TF.js's layers format in memory: the artifacts a TF.js IO handler moves (`modelTopology`, `weightSpecs`,
 * `weightData`, `trainingConfig`, …), checked before anything is built from them, and the codec between
 * `weightData` and named float arrays. Every check bounds what a hostile file can make Strata allocate.
 */
import { formatShape, formatValue } from '@strata-ml/core';
import { CorruptFileError, UnsupportedFeatureError } from '../errors';
import { isRecord } from '../keras-layer-config';

/** One weight of a TF.js weights manifest, as TF.js writes it. */
export interface TfjsWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
  /** `'optimizer'` for optimizer state (TF.js's `includeOptimizer`); absent for model weights. */
  group?: string;
  /** Weights stored quantized (the TF.js converter's `--quantize_*` options). */
  quantization?: { dtype: 'uint8' | 'uint16' | 'float16'; scale?: number; min?: number };
}

/** TF.js's `ModelArtifacts` for a layers model: what `tf.io` handlers save and load. */
export interface TfjsArtifacts {
  /** The Keras-style model JSON (`{ class_name, config, keras_version, backend }`). */
  modelTopology: Record<string, unknown>;
  /** The weights, in the order their bytes follow each other in `weightData`. */
  weightSpecs: TfjsWeightSpec[];
  /** Every weight's bytes, concatenated (TF.js may hand over a list of buffers). */
  weightData: ArrayBuffer | ArrayBuffer[];
  /** The loss, metrics and optimizer, when the model was saved with its optimizer. */
  trainingConfig?: Record<string, unknown>;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  userDefinedMetadata?: Record<string, unknown>;
}

/** Limits for reading TF.js models. */
export interface TfjsReadArgs {
  /** Largest `model.json` accepted, in bytes. Default 64 MiB. */
  maxJsonBytes?: number;
  /** Most weight bytes accepted in all shards together. Default 1 GiB. */
  maxWeightBytes?: number;
  /** Most weights (manifest entries) accepted. Default 100,000. */
  maxWeights?: number;
}

/** The limits in force, defaults filled in. */
export function tfjsLimits(args: TfjsReadArgs = {}): Required<TfjsReadArgs> {
  return { maxJsonBytes: args.maxJsonBytes ?? 64 * 2 ** 20, maxWeightBytes: args.maxWeightBytes ?? 2 ** 30, maxWeights: args.maxWeights ?? 100_000 };
}

const BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** The bytes one weight takes in `weightData`. */
export function specBytes(spec: TfjsWeightSpec): number {
  const size = spec.shape.reduce((p, d) => p * d, 1);
  return size * (BYTES[spec.quantization?.dtype ?? spec.dtype] as number);
}

function checkSpec(value: unknown, where: string): TfjsWeightSpec {
  if (!isRecord(value) || typeof value['name'] !== 'string' || !Array.isArray(value['shape'])) {
    throw new CorruptFileError(`${where}: expected a weight { name, shape, dtype }; received ${formatValue(value)}`);
  }
  const shape = value['shape'] as unknown[];
  const label = `${where}: weight '${value['name']}'`;
  if (shape.length > 8 || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
    throw new CorruptFileError(`${label} has an invalid shape ${formatValue(shape)}`);
  }
  const dtype = value['dtype'] ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw new UnsupportedFeatureError(`${label} has dtype ${formatValue(dtype)}; Strata reads float32, int32 and bool weights`);
  }
  const q = value['quantization'];
  if (q !== undefined && q !== null) {
    if (!isRecord(q) || !['uint8', 'uint16', 'float16'].includes(q['dtype'] as string)) {
      throw new UnsupportedFeatureError(`${label} has an unsupported quantization ${formatValue(q)}`);
    }
    if (q['dtype'] !== 'float16' && (typeof q['scale'] !== 'number' || typeof q['min'] !== 'number')) {
      throw new CorruptFileError(`${label}: ${q['dtype']} quantization needs numeric scale and min; received ${formatValue(q)}`);
    }
  }
  const size = (shape as number[]).reduce((p, d) => p * d, 1);
  if (!Number.isSafeInteger(size)) throw new CorruptFileError(`${label} has an absurd shape ${formatShape(shape as number[])}`);
  return value as unknown as TfjsWeightSpec;
}

/** Checks a weights list: its length, every entry, and the total bytes against `limits`. Returns the total. */
export function checkWeightSpecs(specs: unknown, where: string, limits: Required<TfjsReadArgs>): number {
  if (!Array.isArray(specs)) throw new CorruptFileError(`${where}: the weights list is not an array; received ${formatValue(specs)}`);
  if (specs.length > limits.maxWeights) throw new CorruptFileError(`${where}: ${specs.length} weights, more than maxWeights=${limits.maxWeights}`);
  let total = 0;
  for (const spec of specs) {
    total += specBytes(checkSpec(spec, where));
    if (total > limits.maxWeightBytes) {
      throw new CorruptFileError(`${where}: the weights take more than maxWeightBytes=${limits.maxWeightBytes} bytes`);
    }
  }
  return total;
}

/** One buffer of `weightData`, however it was handed over. */
export function joinWeightData(data: ArrayBuffer | ArrayBuffer[] | Uint8Array): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (!Array.isArray(data) || !data.every((b) => b instanceof ArrayBuffer)) {
    throw new CorruptFileError(`loadModel: weightData must be an ArrayBuffer or a list of them; received ${formatValue(data)}`);
  }
  const out = new Uint8Array(data.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out;
}

/** A decoded weight: its spec and its values as float32 (int32 and bool weights too: Strata computes in float32). */
export interface DecodedWeight {
  readonly spec: TfjsWeightSpec;
  readonly values: Float32Array;
}

function float16ToFloat32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function decodeOne(spec: TfjsWeightSpec, bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = spec.shape.reduce((p, d) => p * d, 1);
  const out = new Float32Array(n);
  const q = spec.quantization;
  if (q?.dtype === 'float16') for (let i = 0; i < n; i++) out[i] = float16ToFloat32(view.getUint16(2 * i, true));
  else if (q?.dtype === 'uint8') for (let i = 0; i < n; i++) out[i] = (bytes[i] as number) * (q.scale as number) + (q.min as number);
  else if (q?.dtype === 'uint16') for (let i = 0; i < n; i++) out[i] = view.getUint16(2 * i, true) * (q.scale as number) + (q.min as number);
  else if (spec.dtype === 'float32') for (let i = 0; i < n; i++) out[i] = view.getFloat32(4 * i, true);
  else if (spec.dtype === 'int32') for (let i = 0; i < n; i++) out[i] = view.getInt32(4 * i, true);
  else for (let i = 0; i < n; i++) out[i] = bytes[i] ? 1 : 0;
  return out;
}

/**
 * Checks the artifacts (topology an object, weights list within limits and exactly as long as the data)
 * and decodes every weight. Throws `CorruptFileError` naming what is wrong.
 */
export function decodeArtifacts(artifacts: TfjsArtifacts, limits: Required<TfjsReadArgs>): DecodedWeight[] {
  if (!isRecord(artifacts) || !isRecord(artifacts.modelTopology)) {
    throw new CorruptFileError(`loadModel: a TF.js model needs a JSON modelTopology; received ${formatValue(isRecord(artifacts) ? artifacts.modelTopology : artifacts)}`);
  }
  const specs = artifacts.weightSpecs ?? [];
  const expected = checkWeightSpecs(specs, 'loadModel: weightSpecs', limits);
  const data = joinWeightData(artifacts.weightData ?? new ArrayBuffer(0));
  if (data.byteLength !== expected) {
    throw new CorruptFileError(`loadModel: the weight data holds ${data.byteLength} bytes; the weights manifest describes ${expected}`);
  }
  let offset = 0;
  return specs.map((spec) => {
    const size = specBytes(spec);
    const values = decodeOne(spec, data.subarray(offset, offset + size));
    offset += size;
    return { spec, values };
  });
}

/** Encodes float32 weights (and int32 ones, for the optimizer's iteration count) as TF.js's `weightData`. */
export function encodeWeights(weights: readonly { spec: TfjsWeightSpec; values: ArrayLike<number> }[]): Uint8Array {
  const out = new Uint8Array(weights.reduce((n, w) => n + specBytes(w.spec), 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const { spec, values } of weights) {
    const n = spec.shape.reduce((p, d) => p * d, 1);
    for (let i = 0; i < n; i++) {
      if (spec.dtype === 'int32') view.setInt32(offset + 4 * i, values[i] as number, true);
      else view.setFloat32(offset + 4 * i, values[i] as number, true);
    }
    offset += 4 * n;
  }
  return out;
}
