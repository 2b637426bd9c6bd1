/**
 * The legacy Keras HDF5 model file (`model.save('x.h5')` in Keras 2, still written by Keras 3 for `.h5`
 * paths): root attributes `model_config` (JSON of the architecture) and `training_config`, weights under
 * `model_weights/<layer>/…` listed by each group's `weight_names` attribute.
 */
import { CorruptFileError } from './errors';
import { readHdf5 } from './hdf5-reader';
import { h5Get, type H5Dataset, type H5Group } from './hdf5-tree';
import { parseJson } from './keras-archive';
import { asKerasObject, isRecord, type KerasObject } from './keras-layer-config';

/** What a legacy HDF5 model file holds. */
export interface LegacyH5Model {
  /** The parsed `model_config`. */
  config: KerasObject;
  /** The `model_weights` group (or the root, for a weights-only file). */
  weights: H5Group;
  /** The Keras version that wrote it. */
  kerasVersion: string | null;
  /** The parsed `training_config` (loss, metrics, `optimizer_config`), when the model was compiled. */
  trainingConfig: Record<string, unknown> | null;
  /** The optimizer variables listed by `optimizer_weights`' `weight_names`, in order (none when absent). */
  optimizerVars: H5Dataset[];
}

function optimizerVars(root: H5Group): H5Dataset[] {
  const group = root.children.get('optimizer_weights');
  if (group === undefined || group.kind !== 'group') return [];
  const names = group.attrs.get('weight_names');
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw new CorruptFileError('loadModel: optimizer_weights has a malformed weight_names attribute');
  }
  return (names as string[]).map((n) => {
    const ds = h5Get(group, n);
    if (ds === undefined || ds.kind !== 'dataset') throw new CorruptFileError(`loadModel: optimizer weight ${JSON.stringify(n)} is missing`);
    return ds;
  });
}

/** True when `bytes` start with the HDF5 signature. */
export function looksLikeHdf5(bytes: Uint8Array): boolean {
  return [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
}

/** Reads a legacy Keras `.h5` model file held in memory. */
export function readLegacyH5(bytes: Uint8Array): LegacyH5Model {
  const root = readHdf5(bytes);
  const raw = root.attrs.get('model_config');
  if (typeof raw !== 'string') {
    throw new CorruptFileError('loadModel: this HDF5 file has no model_config attribute (a weights-only file? use loadWeights)');
  }
  const config = asKerasObject(parseJson(new TextEncoder().encode(raw), 'loadModel: model_config'), 'loadModel: model_config');
  const weights = root.children.get('model_weights');
  if (weights !== undefined && weights.kind !== 'group') throw new CorruptFileError('loadModel: model_weights is not a group');
  const version = root.attrs.get('keras_version');
  const training = root.attrs.get('training_config');
  const trainingConfig = typeof training === 'string' ? parseJson(new TextEncoder().encode(training), 'loadModel: training_config') : null;
  return {
    config,
    weights: weights ?? root,
    kerasVersion: typeof version === 'string' ? version : null,
    trainingConfig: isRecord(trainingConfig) ? trainingConfig : null,
    optimizerVars: optimizerVars(root),
  };
}
