/**
 * Saving and loading models: the `.keras` format (Keras 3's, read and written), legacy Keras `.h5`
 * models, weights-only files, IO handlers, and the format building blocks (zip, HDF5, atomic writes).
 */
export { saveModel, loadModel, saveWeights, loadWeights } from './save-model';
export type { SaveTarget, LoadSource, SaveModelArgs, LoadModelArgs } from './save-model';
export { modelToTfjs, modelFromTfjs, TFJS_FORMAT_VERSION } from './tfjs/tfjs-model';
export type { ModelToTfjsArgs, ModelFromTfjsArgs } from './tfjs/tfjs-model';
export type { TfjsArtifacts, TfjsWeightSpec, TfjsReadArgs } from './tfjs/artifacts';
export { toModelJsonFiles, fromModelJsonFiles, parseModelJson, SHARD_BYTES } from './tfjs/model-json';
export type { ModelJsonFiles, ShardReader, WeightsManifestGroup } from './tfjs/model-json';
export { TfjsMemoryHandler } from './tfjs/tfjs-io-handler';
export type { TfjsIOHandler } from './tfjs/tfjs-io-handler';
export { TfjsFileHandler } from './tfjs/tfjs-file-handler';
export type { TfjsFileHandlerArgs } from './tfjs/tfjs-file-handler';
export { TfjsHttpHandler } from './tfjs/tfjs-http-handler';
export type { TfjsHttpHandlerArgs } from './tfjs/tfjs-http-handler';
export { TfjsIndexedDBHandler, TfjsLocalStorageHandler } from './tfjs/tfjs-browser-stores';
export type { TfjsIndexedDBHandlerArgs, TfjsLocalStorageHandlerArgs } from './tfjs/tfjs-browser-stores';
export { modelToBytes, modelFromBytes, STRATA_VERSION, KERAS_FORMAT_VERSION } from './model-archive';
export type { ModelToBytesArgs, ModelFromBytesArgs } from './model-archive';
export { weightsToBytes, weightsFromBytes } from './weights-file';
export { FileHandler, ArrayBufferHandler, toHandler, saveHandlerFor, loadHandlerFor, impliedFormat } from './io-handlers';
export type { IOHandler, ModelFormat, ModelLoadHandler } from './io-handlers';
export { IndexedDBHandler } from './indexeddb-handler';
export type { IndexedDBHandlerArgs } from './indexeddb-handler';
export { CorruptFileError, UnsupportedFeatureError } from './errors';
export { KERAS_LAYERS, KERAS_CLASS_ALIASES } from './keras-layers';
export type { KerasLayerSpec } from './keras-layers';
export { atomicWriteFile } from './atomic-write';
export { readZip, writeZip } from './zip';
export type { ReadZipArgs } from './zip';
export { readHdf5 } from './hdf5-reader';
export type { ReadHdf5Args } from './hdf5-reader';
export { writeHdf5 } from './hdf5-writer';
export type { H5Group, H5Dataset, H5DType, H5Data, H5Attr } from './hdf5-tree';
